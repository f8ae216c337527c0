// @vitest-environment node
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeedText } from '../../../src/core/feed/parse';
import { main } from '../../../publisher/cli';

const FIX = 'tests/fixtures/publisher';
const ALL = ['rss2.xml', 'atom.xml', 'latin1.xml', 'cp1252-undeclared.xml', 'rss092.xml', 'feed.json', 'wordpress-posts.json', 'markdown'].map((f) => `${FIX}/${f}`);
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'broadsheet-index-'));
  dirs.push(d);
  return join(d, 'out');
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { log: (l) => out.push(l), error: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Every file under dir: path → bytes, inode and mtime (what an ETag is made of). */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const s = statSync(p);
        out.set(relative(dir, p), `${s.ino}:${s.mtimeMs}:${createHash('sha256').update(readFileSync(p)).digest('hex')}`);
      }
    }
  };
  walk(dir);
  return out;
}

const bytesOf = (dir: string) => new Map([...snapshot(dir)].map(([k, v]) => [k, v.split(':')[2]]));

/** Reads the archive the way the app does: the app's own parser, page by page along next_url. */
function readAsApp(dir: string) {
  const items: { id: string; title: string; bodyUrl?: string }[] = [];
  let url: string | undefined = 'https://news.example/feed.json';
  let pages = 0;
  while (url) {
    const path = new URL(url).pathname.slice(1);
    const r = parseFeedText(readFileSync(join(dir, path), 'utf8'), url);
    if (!r.ok) throw new Error(r.error.code);
    pages++;
    for (const a of r.articles) items.push(a.bodyUrl ? { id: a.id, title: a.title, bodyUrl: a.bodyUrl } : { id: a.id, title: a.title });
    url = r.feed.nextUrl;
  }
  return { items, pages };
}

describe('npm run index: output', () => {
  it('writes a JSON Feed head with totals, bodies on demand the app can read, newest first', async () => {
    const dir = tmp();
    const r = await run(...ALL, '--out', dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Items read 15: added 15, updated 0, unchanged 0; kept from earlier runs 0\./);
    const head = JSON.parse(readFileSync(join(dir, 'feed.json'), 'utf8')) as { version: string; title: string; items: { _broadsheet: { body_url: string } }[]; _broadsheet: { totals: Record<string, number> } };
    expect(head.version).toBe('https://jsonfeed.org/version/1.1');
    expect(head.title).toBe('The Harbour Gazette');
    const bodies = readdirSync(join(dir, 'bodies'));
    const bodyBytes = bodies.reduce((n, f) => n + statSync(join(dir, 'bodies', f)).size, 0);
    expect(head._broadsheet.totals).toEqual({ articles: 15, index_bytes: statSync(join(dir, 'feed.json')).size, body_bytes: bodyBytes, images: 3 });
    const { items } = readAsApp(dir);
    expect(items).toHaveLength(15);
    expect(items[0]!.id).toBe('gazette-1001');
    for (const it of items) expect(readFileSync(join(dir, new URL(it.bodyUrl!).pathname.slice(1)), 'utf8').length).toBeGreaterThan(0);
    expect(r.out).toMatch(/Skipped or repaired:[\s\S]*duplicate id/);
  });

  it('pages of the given size linked by next_url, numbered from the oldest, with totals counting every page', async () => {
    const dir = tmp();
    expect((await run(...ALL, '--out', dir, '--page-kb', '1.5')).code).toBe(0);
    const pages = readdirSync(join(dir, 'pages')).sort();
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(statSync(join(dir, 'pages', p)).size).toBeLessThan(1500 + 600);
    const app = readAsApp(dir);
    expect(app.pages).toBe(pages.length + 1);
    expect(app.items).toHaveLength(15);
    expect(new Set(app.items.map((i) => i.id)).size).toBe(15);
    const head = JSON.parse(readFileSync(join(dir, 'feed.json'), 'utf8')) as { next_url: string; _broadsheet: { totals: { index_bytes: number } } };
    expect(head.next_url).toBe(`pages/${pages.length}.json`);
    const indexBytes = statSync(join(dir, 'feed.json')).size + pages.reduce((n, p) => n + statSync(join(dir, 'pages', p)).size, 0);
    expect(head._broadsheet.totals.index_bytes).toBe(indexBytes);
  });

  it('is deterministic: two fresh runs give the same bytes; the source order changes only the head\'s metadata', async () => {
    const a = tmp();
    const b = tmp();
    const c = tmp();
    await run(...ALL, '--out', a, '--page-kb', '2');
    await run(...ALL, '--out', b, '--page-kb', '2');
    expect(bytesOf(b)).toEqual(bytesOf(a));
    await run(...[...ALL].reverse(), '--out', c, '--page-kb', '2', '--title', 'The Harbour Gazette');
    const noHead = (m: Map<string, string | undefined>) => new Map([...m].filter(([k]) => k !== 'feed.json'));
    expect(noHead(bytesOf(c))).toEqual(noHead(bytesOf(a)));
  });

  it('a re-run with nothing new touches no file (same bytes, inode and mtime)', async () => {
    const dir = tmp();
    await run(...ALL, '--out', dir, '--page-kb', '2');
    const before = snapshot(dir);
    const r = await run(...ALL, '--out', dir, '--page-kb', '2');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Nothing changed/);
    expect(r.out).toMatch(/added 0, updated 0, unchanged 15/);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('npm run index: merging across three runs', () => {
  it('adds new items, updates changed ones, keeps the ones that left the feed, and leaves full pages alone', async () => {
    const dir = tmp();
    const r1 = await run(`${FIX}/runs/run1.xml`, '--out', dir);
    expect(r1.out).toMatch(/Items read 2: added 2, updated 0, unchanged 0; kept from earlier runs 0/);
    const r2 = await run(`${FIX}/runs/run2.xml`, '--out', dir);
    expect(r2.out).toMatch(/Items read 2: added 1, updated 0, unchanged 1; kept from earlier runs 1/);
    const r3 = await run(`${FIX}/runs/run3.xml`, '--out', dir);
    expect(r3.out).toMatch(/Items read 2: added 1, updated 1, unchanged 0; kept from earlier runs 2/);
    const { items } = readAsApp(dir);
    expect(items.map((i) => i.id)).toEqual(['q4', 'q3', 'q2', 'q1']);
    expect(items[1]!.title).toBe('Note three (updated)');
    const body = readFileSync(join(dir, new URL(items[1]!.bodyUrl!).pathname.slice(1)), 'utf8');
    expect(body).toBe('Third note body, with a correction.');
    // Same as one run over everything, newest copies winning.
    const once = tmp();
    await run(`${FIX}/runs/run1.xml`, `${FIX}/runs/run2.xml`, `${FIX}/runs/run3.xml`, '--out', once);
    expect(bytesOf(dir)).toEqual(bytesOf(once));
  });

  it('new articles rewrite only the head page: every older page keeps its bytes, inode and mtime', async () => {
    const dir = tmp();
    await run(...ALL, '--out', dir, '--page-kb', '1.5');
    const before = snapshot(dir);
    const newer = join(dirs[dirs.length - 1]!, 'newer.xml');
    writeFileSync(newer, '<?xml version="1.0"?><rss version="2.0"><channel><title>The Harbour Gazette</title><link>https://gazette.example.org/</link><description>News from the harbour &amp; the hills</description><language>en-GB</language><item><title>Storm warning</title><link>https://gazette.example.org/2026/storm</link><guid>gazette-1002</guid><pubDate>Tue, 10 Nov 2026 06:00:00 GMT</pubDate><description>Gales tonight.</description></item></channel></rss>');
    const r = await run(newer, '--out', dir, '--page-kb', '1.5');
    expect(r.out).toMatch(/added 1, updated 0, unchanged 0; kept from earlier runs 15/);
    const after = snapshot(dir);
    const changed = [...after.keys()].filter((k) => after.get(k) !== before.get(k)).sort();
    const storm = readdirSync(join(dir, 'bodies')).find((f) => readFileSync(join(dir, 'bodies', f), 'utf8') === 'Gales tonight.');
    expect(changed).toEqual([`bodies/${storm ?? '?'}`, 'feed.json']);
    for (const k of before.keys()) expect(after.has(k)).toBe(true);
  });
});

describe('npm run index: bad input changes nothing', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/feed.xml') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(readFileSync(`${FIX}/runs/run1.xml`));
      } else if (req.url === '/page') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(readFileSync(`${FIX}/bad/html-page.xml`));
      } else {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<h1>Not found</h1>');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const bad: [string, () => string, RegExp][] = [
    ['malformed XML', () => `${FIX}/bad/malformed.xml`, /malformed XML at line 4, column 1/],
    ['an HTML page', () => `${FIX}/bad/html-page.xml`, /HTML page, not a feed/],
    ['an empty feed', () => `${FIX}/bad/empty-feed.xml`, /no items/],
    ['an empty file', () => `${FIX}/bad/empty-file.xml`, /empty/],
    ['JSON that is no feed', () => `${FIX}/bad/not-a-feed.json`, /neither a JSON Feed nor a WordPress/],
    ['a 404', () => `${base}/gone.xml`, /answered HTTP 404/],
    ['an HTML page over HTTP', () => `${base}/page`, /HTML page, not a feed/],
  ];
  it.each(bad)('%s: exit 1, a reason, and the archive untouched, even next to a good source', async (_name, source, reason) => {
    const dir = tmp();
    await run(`${FIX}/rss2.xml`, '--out', dir);
    const before = snapshot(dir);
    const r = await run(`${FIX}/runs/run1.xml`, source(), '--out', dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(reason);
    expect(r.err).toMatch(/Nothing in .* was changed/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('a source over HTTP works', async () => {
    const dir = tmp();
    const r = await run(`${base}/feed.xml`, '--out', dir);
    expect(r.code).toBe(0);
    expect(readAsApp(dir).items.map((i) => i.id)).toEqual(['q2', 'q1']);
  });

  it('refuses to write over a feed.json that is not a JSON Feed', async () => {
    const dir = tmp();
    cpSync(`${FIX}/bad`, dir, { recursive: true });
    writeFileSync(join(dir, 'feed.json'), '<html>not mine</html>');
    const before = snapshot(dir);
    const r = await run(`${FIX}/rss2.xml`, '--out', dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/is not a JSON Feed: refusing to write over it/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('the real command: usage errors exit 2, bad input exits 1 with the message on stderr', async () => {
    const exec = (args: string[]) =>
      new Promise<{ code: number; stderr: string }>((resolve) => {
        execFile(process.execPath, ['publisher/run.mjs', ...args], (error, _stdout, stderr) => resolve({ code: typeof error?.code === 'number' ? error.code : 0, stderr }));
      });
    expect((await exec([`${FIX}/rss2.xml`])).code).toBe(2);
    const bad = await exec([`${FIX}/bad/malformed.xml`, '--out', tmp()]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/malformed XML/);
  }, 60_000); // two Node processes, each loading the TypeScript transform
});
