// Must come first: makes DOMPurify sanitize under happy-dom (see the file).
import '../../platform/dompurify-happy-dom';
import { afterEach, describe, expect, test } from 'vitest';
import { parseFeedText } from '../../../../src/core/feed/parse';
import type { Article } from '../../../../src/core/feed/types';
import { allStates } from '../../../../src/data/state';
import { applyImport } from '../../../../src/features/transfer/apply';
import { buildFile, mergeStates, readFile, readState, toItem, type ImportPlan } from '../../../../src/core/transfer/format';
import { EXTENSION, INLINE_IMAGE_MAX, MAX_IMPORT_BYTES, MAX_IMPORT_ITEMS } from '../../../../src/core/transfer/limits';
import type { ReadingState } from '../../../../src/core/reading';
import { sanitizeArticle } from '../../../../src/platform/sanitize';
import { DEFAULT_SETTINGS } from '../../../../src/core/settings';
import type { DB } from '../../../../src/data/connection';
import { article, day, FEED_URL, freshStore, JSON_FEED_1_1 } from '../../helpers';

const NOW = day(100);
const open: DB[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});
async function store(): Promise<DB> {
  const db = await freshStore();
  open.push(db);
  return db;
}

const rich = article({
  id: 'https://news.example.org/2024/port',
  url: 'https://news.example.org/2024/port',
  externalUrl: 'https://union.example.org/statement',
  title: 'Port workers vote',
  summary: 'A vote at dawn.',
  excerpt: 'A vote at dawn.',
  contentHtml: '<p>Dockers voted.</p><img src="https://cdn.example.org/crane.png" alt="Crane">',
  published: day(3),
  modified: day(4),
  tags: ['Strikes', 'Port'],
  authors: [{ name: 'Ana Pérez', url: 'https://news.example.org/ana' }, { name: 'Bo Li' }],
  language: 'es',
  image: 'https://cdn.example.org/lead.png',
  baseUrl: 'https://news.example.org/2024/port',
});
const plain = article({ id: '42', title: 'Rain expected', contentText: 'Rain all week.', excerpt: 'Rain all week.', published: day(2), baseUrl: FEED_URL });
const untitled = article({ id: 'untitled', title: 'The first line of the text', titleFromText: true, contentText: 'The first line of the text\nmore', excerpt: 'The first line of the text more', published: day(1), baseUrl: FEED_URL });

const state = (id: string, updatedAt: number, extra: Partial<ReadingState> = {}): ReadingState => ({ id, read: true, readAt: updatedAt, saved: false, progress: 0.4, updatedAt, ...extra });

function handoff(articles: Article[]): string {
  return buildFile({ kind: 'handoff', title: 'Shared', items: articles.map((a) => toItem(a)), now: NOW });
}

function plan(text: string): ImportPlan {
  const read = readFile(text, FEED_URL, NOW);
  if (!read.ok) throw new Error(`rejected: ${JSON.stringify(read.reason)}`);
  return read.plan;
}

describe('hand-off and backup files: round trip', () => {
  test('a hand-off file is a JSON Feed 1.1 any reader can open, with the _broadsheet extension', () => {
    const json = JSON.parse(handoff([rich])) as Record<string, unknown> & { items: Record<string, unknown>[] };
    expect(json.version).toBe(JSON_FEED_1_1);
    expect(json[EXTENSION]).toMatchObject({ kind: 'handoff', format: 1, exported_at: new Date(NOW).toISOString() });
    expect(json.items[0]![EXTENSION]).toEqual({ base_url: rich.baseUrl });
    // The same parser as for feeds reads it.
    const parsed = parseFeedText(JSON.stringify(json), FEED_URL);
    expect(parsed.ok).toBe(true);
  });

  test('articles come back exactly as they went out', () => {
    const back = plan(handoff([rich, plain, untitled])).articles;
    // Each comes back marked as a file's copy: never authoritative over the publisher's (core/article.ts).
    expect(back).toEqual([rich, plain, untitled].map((a) => ({ ...a, imported: true })));
  });

  test('an article whose body was never downloaded travels with its body_url, and comes back announced', () => {
    const announced = article({ id: 'on-demand', title: 'Long read, body on the server', published: day(2), baseUrl: FEED_URL, bodyUrl: 'https://news.example.org/bodies/on-demand.html', bodyType: 'html', hasBody: false });
    const json = JSON.parse(handoff([announced])) as { items: Record<string, unknown>[] };
    expect(json.items[0]![EXTENSION]).toEqual({ base_url: FEED_URL, body_url: 'https://news.example.org/bodies/on-demand.html', body_type: 'html' });
    expect(json.items[0]!.content_html).toBeUndefined();
    const back = plan(JSON.stringify(json)).articles;
    expect(back).toHaveLength(1);
    expect(back[0]).toMatchObject({ id: 'on-demand', bodyUrl: 'https://news.example.org/bodies/on-demand.html', bodyType: 'html', hasBody: false });
    // A stored body travels as content, not as an address.
    const stored = JSON.parse(handoff([{ ...announced, contentHtml: '<p>Here.</p>', hasBody: true }])) as { items: Record<string, unknown>[] };
    expect(stored.items[0]![EXTENSION]).toEqual({ base_url: FEED_URL });
  });

  test('a backup carries reading state, settings and offline preferences', () => {
    const states = [state('42', day(5)), state(rich.id, day(6), { saved: true, savedAt: day(6), read: false, readAt: undefined, progress: 0 })];
    const settings = { ...DEFAULT_SETTINGS, theme: 'sepia' as const, fontScale: 1.25 };
    const text = buildFile({ kind: 'backup', title: 'Backup', items: [toItem(rich)], now: NOW, settings, offline: { imageBudgetMB: 200 }, states });
    const p = plan(text);
    expect(p.kind).toBe('backup');
    expect(p.articles).toEqual([{ ...rich, imported: true }]);
    expect(p.settings).toEqual(settings);
    expect(p.offline).toEqual({ imageBudgetMB: 200 });
    expect(p.states).toEqual([state('42', day(5)), { id: rich.id, read: false, saved: true, savedAt: day(6), progress: 0, updatedAt: day(6) }]);
    expect(p.badStates).toBe(0);
  });

  test('any plain JSON Feed is accepted as a hand-off', () => {
    const p = plan(JSON.stringify({ version: 'https://jsonfeed.org/version/1', items: [{ id: 1, content_text: 'x' }] }));
    expect(p.kind).toBe('handoff');
    expect(p.articles.map((a) => a.id)).toEqual(['1']);
  });
});

describe('merge', () => {
  test('reading state: the newest updatedAt wins, per article; ties keep what is here', () => {
    const here = new Map([
      ['a', state('a', 10)],
      ['b', state('b', 30)],
      ['c', state('c', 20)],
    ]);
    const incoming = [state('a', 15, { saved: true }), state('b', 25), state('c', 20, { progress: 0.9 }), state('d', 5), state('d', 7)];
    expect(mergeStates(here, incoming)).toEqual([state('a', 15, { saved: true }), state('d', 7)]);
  });

  test('importing merges articles by id: never duplicated, an older copy never wins, marked imported', async () => {
    const db = await store();
    const first = await applyImport(db, plan(handoff([rich, plain])), NOW);
    expect(first).toMatchObject({ added: 2, updated: 0, unchanged: 0 });
    expect(await db.count('articles')).toBe(2);
    expect((await db.get('offline', rich.id))?.importedAt).toBe(NOW);
    expect((await db.get('offline', rich.id))?.images).toEqual(['https://cdn.example.org/crane.png']);

    // The same file again: nothing new, nothing duplicated.
    const again = await applyImport(db, plan(handoff([rich, plain])), NOW + 1);
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    expect(await db.count('articles')).toBe(2);
    expect((await db.get('offline', rich.id))?.importedAt).toBe(NOW);

    // An older copy of an article does not replace the stored one; a newer one does.
    const older = { ...rich, title: 'Old title', modified: day(3) };
    const newer = { ...plain, title: 'Rain: an update', modified: day(9) };
    const third = await applyImport(db, plan(handoff([older, newer])), NOW + 2);
    expect(third).toMatchObject({ added: 0, updated: 1, unchanged: 1 });
    expect((await db.get('articles', rich.id))?.title).toBe('Port workers vote');
    expect((await db.get('articles', plain.id))?.title).toBe('Rain: an update');
    expect((await db.get('offline', plain.id))?.importedAt).toBe(NOW + 2);
  });

  test('importing a backup merges reading state record by record', async () => {
    const db = await store();
    await db.put('state', state('a', 50, { saved: true, savedAt: 50 }));
    await db.put('state', state('b', 10));
    const text = buildFile({ kind: 'backup', title: 'B', items: [], now: NOW, settings: DEFAULT_SETTINGS, states: [state('a', 40), state('b', 60, { progress: 0.8 }), state('c', 70)] });
    const outcome = await applyImport(db, plan(text), NOW);
    expect(outcome.states).toBe(2);
    const byId = new Map((await allStates(db)).map((s) => [s.id, s]));
    expect(byId.get('a')).toEqual(state('a', 50, { saved: true, savedAt: 50 }));
    expect(byId.get('b')?.progress).toBe(0.8);
    expect(byId.get('c')).toEqual(state('c', 70));
  });
});

describe('a hostile file is refused, or read safely, with a clear reason', () => {
  test('not JSON, an HTML page, a cut-off file, not a feed: refused with the parser’s reason', () => {
    expect(readFile('<!doctype html><p>hi', FEED_URL, NOW)).toEqual({ ok: false, reason: { code: 'feed', error: { code: 'html' } } });
    expect(readFile('{"version": "https://jsonfeed.org/version/1.1", "items": [', FEED_URL, NOW)).toMatchObject({ ok: false, reason: { code: 'feed', error: { code: 'truncated' } } });
    expect(readFile('[1,2,3]', FEED_URL, NOW)).toMatchObject({ ok: false, reason: { code: 'feed', error: { code: 'not-object' } } });
    expect(readFile('{"items": []}', FEED_URL, NOW)).toMatchObject({ ok: false, reason: { code: 'feed', error: { code: 'no-version' } } });
    expect(readFile(JSON.stringify({ version: JSON_FEED_1_1, items: [] }), FEED_URL, NOW)).toEqual({ ok: false, reason: { code: 'empty' } });
  });

  test('a file larger than the limit is refused before it is parsed', () => {
    const huge = ' '.repeat(MAX_IMPORT_BYTES + 1);
    expect(readFile(huge, FEED_URL, NOW)).toEqual({ ok: false, reason: { code: 'too-large', bytes: MAX_IMPORT_BYTES + 1 } });
  });

  test('scripts, event handlers, javascript: links and non-image data: URLs never reach the page', () => {
    const evil = {
      version: JSON_FEED_1_1,
      items: [
        {
          id: 'evil',
          title: '<img src=x onerror=alert(1)>Title',
          content_html:
            '<script>window.pwned=1</script><p onclick="pwned()">Hi</p><a href="javascript:alert(1)">link</a>' +
            '<img src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==" alt="html">' +
            '<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" alt="svg">' +
            `<img src="data:image/png;base64,${'A'.repeat(Math.ceil((INLINE_IMAGE_MAX * 4) / 3) + 100)}" alt="too big">` +
            '<img src="data:image/png;base64,iVBORw0KGgo=" alt="ok">' +
            '<iframe src="https://evil.example"></iframe><form action="https://evil.example"><input></form>',
        },
      ],
    };
    const [a] = plan(JSON.stringify(evil)).articles;
    // Titles are plain text, always rendered as a text node: the markup is shown, never parsed.
    expect(a!.title).toBe('<img src=x onerror=alert(1)>Title');
    const html = document.createElement('div');
    html.append(sanitizeArticle(a!.contentHtml!, a!.baseUrl));
    const out = html.innerHTML;
    expect(out).not.toMatch(/script|onclick|onerror|javascript:|iframe|<form|<input|data:text|data:image\/svg/i);
    expect([...html.querySelectorAll('img')].map((i) => [i.alt, i.hasAttribute('src')])).toEqual([
      ['html', false],
      ['svg', false],
      ['too big', false],
      ['ok', true],
    ]);
  });

  test('wrong types and absurd values are skipped and counted, never stored', () => {
    const text = JSON.stringify({
      version: JSON_FEED_1_1,
      [EXTENSION]: {
        kind: 'backup',
        settings: { theme: 'neon', fontScale: 1e308, lineWidth: ['wide'], motion: null, locale: 'xx', evil: '<script>' },
        offline: { imageBudgetMB: 1e12 },
        states: [
          state('fine', 10),
          { id: 42, read: true, saved: false, progress: 0, updatedAt: 1 },
          { id: 'future', read: true, saved: true, progress: 0.5, updatedAt: NOW + 365 * 86_400_000 },
          { id: 'nan', read: true, saved: false, progress: 'NaN', updatedAt: 5 },
          { id: 'big', read: true, saved: false, progress: 1e9, updatedAt: 5 },
          { id: 'x'.repeat(5000), read: true, saved: false, progress: 0, updatedAt: 5 },
          'not an object',
          null,
        ],
      },
      items: [
        'a string',
        42,
        { title: 'no id' },
        { id: { nested: true }, title: 'object id' },
        { id: 'ok', title: 'x'.repeat(50_000), tags: 'not-a-list', authors: 5, date_published: 'soon', content_html: 7 },
      ],
    });
    const p = plan(text);
    expect(p.articles.map((a) => a.id)).toEqual(['ok']);
    expect(p.report).toMatchObject({ notObject: 2, noId: 2, badDates: 1 });
    expect(p.report.truncatedFields).toBeGreaterThan(0);
    expect(p.articles[0]!.title.length).toBeLessThanOrEqual(1000);
    expect(p.articles[0]!.tags).toEqual([]);
    expect(p.articles[0]!.contentHtml).toBeUndefined();
    expect(p.states.map((s) => s.id)).toEqual(['fine']);
    expect(p.badStates).toBe(7);
    expect(p.settings).toEqual(DEFAULT_SETTINGS);
    expect(p.offline).toEqual({ imageBudgetMB: 100 });
  });

  test('too many items: the first ones are read, the rest counted as refused', () => {
    const items = Array.from({ length: MAX_IMPORT_ITEMS + 3 }, (_, i) => ({ id: `n${i}`, content_text: 't' }));
    const p = plan(JSON.stringify({ version: JSON_FEED_1_1, items }));
    expect(p.articles).toHaveLength(MAX_IMPORT_ITEMS);
    expect(p.tooMany).toBe(3);
  });

  test('a state record dated far in the future cannot win every merge', () => {
    expect(readState(state('a', NOW + 2 * 86_400_000), NOW)).toBeUndefined();
    expect(readState(state('a', NOW + 3_600_000), NOW)).toEqual(state('a', NOW + 3_600_000));
  });
});
