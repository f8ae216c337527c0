// @ts-check
/**
 * Interrupted syncs in real Chromium: the network cut in the middle of the download, and the
 * page closed in the middle of writing thousands of articles. After a reload the stored set is
 * consistent (whole articles only, no duplicates, whole batches), and the next sync completes it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { countStore, demoFeed, listHolds, openApp, readStores, serveFeed, statusCount } from './harness.mjs';

/** @typedef {import('./harness.mjs').App} App */
/** @typedef {import('./harness.mjs').FeedItem} FeedItem */
/** @typedef {{ id: string, title: string, sortDate: unknown }} StoredArticle */

const demo = demoFeed();
const TOTAL = demo.items.length;

/** An hour ago, fixed for the run: dates more than a day ahead would be clamped and reported (issue 14). */
const RECENT = Date.now() - 3_600_000;

/**
 * `n` new articles (listed first, so every write batch of 250 is all new), then the demo.
 * @param {number} n
 */
function biggerFeed(n, prefix = 'cut') {
  /** @type {FeedItem[]} */
  const items = [];
  for (let i = 0; i < n; i++) {
    items.push({
      id: `${prefix}-${String(i).padStart(5, '0')}`,
      title: `Dispatch ${i}`,
      content_text: `Dispatch ${i}. ${'The line held through the night. '.repeat(60)}`,
      date_published: new Date(RECENT - i * 60_000).toISOString(),
    });
  }
  return JSON.stringify({ ...demo, items: [...items, ...demo.items] });
}

/**
 * Serves `body` as the index, with its length; with `cutAt`, only that much arrives before the
 * connection dies.
 * @param {App['server']} server
 * @param {string} body
 * @param {{ cutAt?: number }} [options]
 */
function serve(server, body, { cutAt } = {}) {
  serveFeed(server, body, { contentLength: true, cutAt });
}

/**
 * Reads the store directly: ids, and whether each bulk article is whole. (Rows and bodies live
 * in two stores, written in the same transaction: both must be whole; they are read in one.)
 * @param {App['page']} page
 */
async function inspect(page, prefix = 'cut') {
  const stores = await readStores(page, ['articles', 'bodies', 'meta']);
  const all = /** @type {StoredArticle[]} */ (stores.articles?.values);
  const text = new Map((/** @type {{ id: string, text: string }[]} */ (stores.bodies.values)).map((b) => [b.id, b.text]));
  const meta = /** @type {{ keys: IDBValidKey[], values: { lastSuccess?: number }[] }} */ (stores.meta);
  const sync = meta.values[meta.keys.indexOf('sync')];
  const bulk = all.filter((a) => a.id.startsWith(`${prefix}-`));
  const broken = bulk.filter((a) => {
    const n = Number(a.id.slice(prefix.length + 1));
    return a.title !== `Dispatch ${n}` || text.get(a.id) !== `Dispatch ${n}. ${'The line held through the night. '.repeat(60)}` || typeof a.sortDate !== 'number';
  });
  return { count: all.length, bulk: bulk.length, broken: broken.map((a) => a.id), lastSuccess: sync?.lastSuccess, ids: all.map((a) => a.id) };
}

/**
 * How many articles with this id prefix are stored: a cheap count, for polling during a write.
 * @param {App['page']} page
 * @param {string} prefix
 */
const countPrefix = (page, prefix) => countStore(page, 'articles', { prefix: `${prefix}-` });

describe('interrupted syncs', () => {
  /** @type {App} */ let app;
  /** @type {App['server']} */ let server;
  /** @type {App['profile']} */ let profile;
  /** @type {App['page']} */ let page;
  /** @type {number | undefined} */ let firstSuccess;

  before(async () => {
    ({ server, profile, page } = app = await openApp({ feed: JSON.stringify(demo), feedOptions: { contentLength: true }, visit: true }));
    await listHolds(page, TOTAL);
    await page.getByText(/^Updated/).waitFor();
    firstSuccess = (await inspect(page)).lastSuccess;
  });

  after(() => app?.close());

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
    await listHolds(page, TOTAL + 300);
    const done = await inspect(page);
    assert.equal(done.bulk, 300);
    assert.deepEqual(done.broken, []);
  });

  test('the page is closed in the middle of writing: whole batches only, and the next sync completes', async (t) => {
    const N = 4000;
    const feed = biggerFeed(N, 'close');
    const { count: total, lastSuccess: before } = await inspect(page);
    assert.equal(typeof before, 'number', 'a success was recorded before');
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
    serveFeed(server, '', { status: 503, type: null, cacheControl: null });
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
    assert.equal(left.lastSuccess, before, 'the interrupted sync did not record a success');
    await listHolds(reader, left.count);
    const ids = await reader.locator('ul[aria-label=Articles] > li a[data-id]').evaluateAll((as) => as.map((a) => a.dataset.id));
    assert.equal(new Set(ids).size, ids.length, 'no duplicate rows');

    // The next sync completes the set.
    serve(server, feed);
    await reader.getByRole('button', { name: 'Check for new articles' }).click();
    await listHolds(reader, total + N, { timeout: 30_000 });
    const done = await inspect(reader, 'close');
    assert.equal(done.bulk, N);
    assert.deepEqual(done.broken, []);
    assert.equal(/** @type {string} */ (await reader.locator('.alert').textContent()).trim(), '');
    assert.deepEqual(profile.errors, []);
  });
});
