/**
 * Interrupted syncs in real Chromium: the network cut in the middle of the download, and the
 * page closed in the middle of writing thousands of articles. After a reload the stored set is
 * consistent (whole articles only, no duplicates, whole batches), and the next sync completes it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { freePort, Profile, statusCount, TestServer } from './harness.mjs';

const demo = JSON.parse(readFileSync('dist/feed.json', 'utf8'));
const TOTAL = demo.items.length;
// The list is windowed beyond 100 rows, so count what the list says it holds: the `N articles`
// status (unfiltered), or the last row's position in the set.
const rows = (want) => {
  const status = document.querySelector('[role=status]')?.textContent ?? '';
  const n = Number((/^([\d,.\s\u00a0\u202f]+)\sarticles?$/.exec(status)?.[1] ?? '').replace(/[^\d]/g, ''));
  const li = document.querySelectorAll('ul[aria-label=Articles] > li');
  const size = Number(li[0]?.getAttribute('aria-setsize') ?? li.length);
  return n === want && size === want;
};

/** `n` new articles (listed first, so every write batch of 250 is all new), then the demo. */
function biggerFeed(n, prefix = 'cut') {
  const items = [];
  for (let i = 0; i < n; i++) {
    items.push({
      id: `${prefix}-${String(i).padStart(5, '0')}`,
      title: `Dispatch ${i}`,
      content_text: `Dispatch ${i}. ${'The line held through the night. '.repeat(60)}`,
      date_published: new Date(Date.UTC(2031, 0, 1) - i * 60_000).toISOString(),
    });
  }
  return JSON.stringify({ ...demo, items: [...items, ...demo.items] });
}

function serve(server, body, { cutAt } = {}) {
  server.override = (req, res) => {
    if (!req.url.startsWith('/feed.json')) return false;
    res.writeHead(200, { 'content-type': 'application/feed+json', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
    if (cutAt === undefined) {
      res.end(body);
      return true;
    }
    // Half the file arrives, then the connection dies.
    res.write(body.slice(0, cutAt), () => setTimeout(() => req.socket.destroy(), 50));
    return true;
  };
}

/** Reads the store directly: ids, and whether each bulk article is whole. */
const inspect = (page, prefix = 'cut') =>
  page.evaluate(
    (prefix) =>
      new Promise((resolve, reject) => {
        const r = indexedDB.open('broadsheet');
        r.onerror = () => reject(r.error);
        r.onsuccess = () => {
          const db = r.result;
          // Rows and bodies live in two stores, written in the same transaction: both must be whole.
          const tx = db.transaction(['articles', 'bodies', 'meta']);
          const all = tx.objectStore('articles').getAll();
          const bodies = tx.objectStore('bodies').getAll();
          const meta = tx.objectStore('meta').get('sync');
          tx.oncomplete = () => {
            db.close();
            const text = new Map(bodies.result.map((b) => [b.id, b.text]));
            const bulk = all.result.filter((a) => a.id.startsWith(`${prefix}-`));
            const broken = bulk.filter((a) => {
              const n = Number(a.id.slice(prefix.length + 1));
              return a.title !== `Dispatch ${n}` || text.get(a.id) !== `Dispatch ${n}. ${'The line held through the night. '.repeat(60)}` || typeof a.sortDate !== 'number';
            });
            resolve({ count: all.result.length, bulk: bulk.length, broken: broken.map((a) => a.id), lastSuccess: meta.result?.lastSuccess, ids: all.result.map((a) => a.id) });
          };
        };
      }),
    prefix,
  );

/** How many articles with this id prefix are stored: a cheap count, for polling during a write. */
const countPrefix = (page, prefix) =>
  page.evaluate(
    (prefix) =>
      new Promise((resolve, reject) => {
        const r = indexedDB.open('broadsheet');
        r.onerror = () => reject(r.error);
        r.onsuccess = () => {
          const db = r.result;
          const c = db.transaction('articles').objectStore('articles').count(IDBKeyRange.bound(`${prefix}-`, `${prefix}-\uffff`));
          c.onsuccess = () => {
            db.close();
            resolve(c.result);
          };
        };
      }),
    prefix,
  );

describe('interrupted syncs', () => {
  let server;
  let profile;
  let page;
  let firstSuccess;

  before(async () => {
    server = await new TestServer({ port: await freePort() }).start();
    serve(server, JSON.stringify(demo));
    profile = new Profile();
    await profile.launch();
    page = await profile.page();
    await page.goto(server.url);
    await page.waitForFunction(rows, TOTAL);
    await page.getByText(/^Updated/).waitFor();
    firstSuccess = (await inspect(page)).lastSuccess;
  });

  after(async () => {
    await profile?.close();
    profile?.dispose();
    await server?.stop();
  });

  test('the network is cut mid-download: nothing changes, the alert says so, the next sync completes', async () => {
    const body = biggerFeed(300);
    serve(server, body, { cutAt: Math.floor(body.length / 2) });
    await page.reload();
    await page.getByRole('alert').filter({ hasText: /reach the server|incomplete/ }).waitFor({ timeout: 10_000 });
    const after = await inspect(page);
    assert.equal(after.count, TOTAL);
    assert.equal(after.lastSuccess, firstSuccess);
    assert.equal(await statusCount(page), TOTAL);

    serve(server, body);
    await page.getByRole('button', { name: 'Check for new articles' }).click();
    await page.waitForFunction(rows, TOTAL + 300);
    const done = await inspect(page);
    assert.equal(done.bulk, 300);
    assert.deepEqual(done.broken, []);
  });

  test('the page is closed in the middle of writing: whole batches only, and the next sync completes', async (t) => {
    const N = 4000;
    const feed = biggerFeed(N, 'close');
    const total = (await inspect(page)).count;
    serve(server, feed);
    const writer = await profile.context.newPage();
    await writer.goto(server.url);
    // Close the page as soon as some, but not all, of the new articles are stored.
    let seen = 0;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      seen = await countPrefix(writer, 'close');
      if (seen > 0) break;
    }
    await writer.close({ runBeforeUnload: false });
    assert.ok(seen > 0 && seen < N, `caught the sync mid-write (${seen} of ${N} stored when the page closed)`);

    // Reopen with the index unreachable, to look at what the interrupted sync left.
    server.override = (req, res) => {
      if (!req.url.startsWith('/feed.json')) return false;
      res.writeHead(503).end();
      return true;
    };
    const reader = await profile.context.newPage();
    await reader.goto(server.url);
    await reader.getByRole('alert').filter({ hasText: '503' }).waitFor();
    const left = await inspect(reader, 'close');
    assert.deepEqual(left.broken, [], 'no half-written article');
    assert.equal(new Set(left.ids).size, left.ids.length, 'no duplicates');
    assert.ok(left.bulk >= seen && left.bulk < N, `${left.bulk} stored`);
    // The articles of this feed go in batches of 250 that are all new: only whole ones commit.
    assert.equal(left.bulk % 250, 0, `${left.bulk} is a whole number of batches`);
    t.diagnostic(`page closed with ${seen} of ${N} new articles stored; after reopening ${left.bulk} are stored`);
    assert.equal(left.lastSuccess, (await inspect(page)).lastSuccess, 'the interrupted sync did not record a success');
    await reader.waitForFunction(rows, left.count);
    const ids = await reader.locator('ul[aria-label=Articles] > li a[data-id]').evaluateAll((as) => as.map((a) => a.dataset.id));
    assert.equal(new Set(ids).size, ids.length, 'no duplicate rows');

    // The next sync completes the set.
    serve(server, feed);
    await reader.getByRole('button', { name: 'Check for new articles' }).click();
    await reader.waitForFunction(rows, total + N, { timeout: 30_000 });
    const done = await inspect(reader, 'close');
    assert.equal(done.bulk, N);
    assert.deepEqual(done.broken, []);
    assert.equal((await reader.locator('.alert').textContent()).trim(), '');
    assert.deepEqual(profile.errors, []);
  });
});
