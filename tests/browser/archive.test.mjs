// @ts-check
/**
 * Large, paginated archives in real Chromium: a walk cut off at page k keeps pages 1..k (also
 * offline, after a reload), a later sync completes the rest without duplicates and without
 * fetching pages 2..k again, an unchanged index costs one 304; and a large archive keeps the DOM
 * to at most 100 rows while scrolling, and comes back to the same row after reading an article.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { archive, paginate } from '../../bench/generate.mjs';
import { openApp, readKeys, statusCount, waitForController } from './harness.mjs';

/** @typedef {import('./harness.mjs').App} App */

/**
 * Serves a generated archive's pages (and bodies) from memory, with ETags and 304s.
 * @param {number} count
 * @param {number} pageBytes
 */
function publisher(count, pageBytes) {
  const arch = archive({ count, seed: 7 });
  /** @type {Map<string, string>} */
  const files = new Map();
  const { pages } = paginate(arch, { pageBytes, title: 'Archive Test', write: (path, text) => files.set(`/${path}`, text) });
  /** @type {{ path: string, status: number | 'cut' }[]} */
  const log = [];
  const state = { cutAfter: Infinity, delayMs: 0 };
  /** @type {import('./harness.mjs').Override} */
  const handler = async (req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const page = path === '/feed.json' ? 1 : Number(/^\/pages\/(\d+)\.json$/.exec(path)?.[1] ?? NaN);
    const body = /^\/bodies\/(\d+)\.html$/.exec(path);
    if (body) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
      res.end(arch.body(Number(body[1])));
      return true;
    }
    if (!files.has(path)) return false;
    if (page > state.cutAfter) {
      log.push({ path, status: 'cut' });
      req.socket.destroy();
      return true;
    }
    if (state.delayMs) await new Promise((r) => setTimeout(r, state.delayMs));
    const text = /** @type {string} */ (files.get(path));
    const etag = `"${createHash('sha1').update(text).digest('hex').slice(0, 16)}"`;
    const headers = { 'content-type': 'application/feed+json', 'cache-control': 'no-cache', etag };
    if (req.headers['if-none-match'] === etag) {
      log.push({ path, status: 304 });
      res.writeHead(304, headers).end();
      return true;
    }
    log.push({ path, status: 200 });
    res.writeHead(200, headers).end(text);
    return true;
  };
  return { arch, pages, files, log, state, handler };
}

/**
 * Ids of the rows in IndexedDB (the app's own database), to check for duplicates and gaps.
 * @param {App['page']} page
 */
const storedIds = async (page) => /** @type {string[]} */ (await readKeys(page, 'articles'));

const rowCount = (/** @type {App['page']} */ page) => page.evaluate(() => document.querySelectorAll('ul[aria-label=Articles] > li').length);

describe('a paginated index cut off at page k', () => {
  const feed = publisher(600, 12_000);
  const K = 3;
  /** @type {App} */ let app;
  /** @type {App['server']} */ let server;
  /** @type {App['profile']} */ let profile;
  /** @type {App['page']} */ let page;
  /** Articles on pages 1..K. */
  let firstK = 0;

  before(async () => {
    assert.ok(feed.pages >= 8, `the archive spans several pages (${feed.pages})`);
    for (let p = 1; p <= K; p++) firstK += JSON.parse(/** @type {string} */ (feed.files.get(p === 1 ? '/feed.json' : `/pages/${p}.json`))).items.length;
    ({ server, profile, page } = app = await openApp({ feed: feed.handler }));
  });

  after(() => app?.close());

  test('the first sync dies after page k: pages 1..k are listed and the alert says the rest comes later', async () => {
    feed.state.cutAfter = K;
    await page.goto(server.url);
    await waitForController(page);
    await page.getByRole('alert').filter({ hasText: /reach the server/ }).waitFor();
    await page.getByRole('alert').filter({ hasText: `from ${K} pages were saved` }).waitFor();
    assert.equal(await statusCount(page), firstK);
    const ids = await storedIds(page);
    assert.equal(ids.length, firstK);
    const expected = new Set(Array.from({ length: firstK }, (_, i) => feed.arch.item(i).id));
    assert.ok(ids.every((id) => expected.has(id)), 'exactly the articles of pages 1..k are stored');
  });

  test('offline after a reload: pages 1..k are still listed', async () => {
    await server.stop();
    await page.reload();
    await page.getByRole('list', { name: 'Articles' }).waitFor();
    await page.waitForFunction(() => /\d articles/.test(document.querySelector('[role=status]')?.textContent ?? ''));
    assert.equal(await statusCount(page), firstK);
    const first = await page.getByRole('list', { name: 'Articles' }).getByRole('link').first().textContent();
    assert.equal(first, feed.arch.item(0).title);
  });

  test('server back: a later sync completes the rest, with a progress bar, no duplicates and no page fetched twice', async () => {
    feed.state.cutAfter = Infinity;
    feed.state.delayMs = 150;
    // The attempt the offline reload made has ended (its button is enabled again): the walk below
    // is the one this click starts, so its requests are exactly the ones counted.
    await page.waitForFunction(() => !document.querySelector('.syncbar button[disabled]'));
    feed.log.length = 0;
    await server.start();
    // The bar's attributes are read in the frame it is seen, not in a later round trip: on a fast
    // machine the whole walk can end (and the bar go) between two calls from here.
    const seen = page.waitForFunction(
      () => {
        const bar = document.querySelector('.sync-progress progress');
        return bar && { value: Number(bar.getAttribute('value')), text: bar.getAttribute('aria-valuetext') ?? '' };
      },
      null,
      { polling: 'raf', timeout: 30_000 },
    );
    await page.getByRole('button', { name: 'Check for new articles' }).click();
    const bar = /** @type {{ value: number, text: string }} */ (await (await seen).jsonValue());
    assert.ok(bar.value >= 1, `the progress bar has a value (${bar.value})`);
    assert.match(bar.text, /Fetched \d+ pages? · [\d,]+ articles/);
    await page.waitForFunction((n) => document.querySelector('[role=status]')?.textContent === `${n.toLocaleString('en-US')} articles`, feed.arch.count, {
      timeout: 30_000,
    });
    const ids = await storedIds(page);
    assert.equal(ids.length, feed.arch.count);
    assert.equal(new Set(ids).size, ids.length, 'no duplicates');
    const fetched = feed.log.map((l) => l.path);
    assert.deepEqual(fetched.slice(0, 2), ['/feed.json', `/pages/${K + 1}.json`], `resumed after page k: ${fetched.slice(0, 4).join(', ')}`);
    assert.equal(feed.log[0].status, 304, 'page 1 had not changed');
    for (let p = 2; p <= K; p++) assert.ok(!fetched.includes(`/pages/${p}.json`), `page ${p} was not fetched again`);
    assert.equal(fetched.length, 1 + feed.pages - K, fetched.join(' '));
    feed.state.delayMs = 0;
  });

  test('an unchanged index then costs a single 304', async () => {
    feed.log.length = 0;
    await page.getByRole('button', { name: 'Check for new articles' }).click();
    for (let i = 0; i < 100 && feed.log.length === 0; i++) await page.waitForTimeout(50);
    await page.waitForFunction(() => !document.querySelector('.syncbar button[disabled]'));
    await page.waitForTimeout(300);
    assert.deepEqual(feed.log, [{ path: '/feed.json', status: 304 }]);
    assert.equal(await statusCount(page), feed.arch.count);
  });

  test('a body on demand is fetched on first opening and readable offline afterwards', async () => {
    const target = feed.arch.item(2); // on screen: the windowed list renders only rows near the viewport
    await page.getByRole('link', { name: target.title }).click();
    // The summary shows at once, with a note; the full text replaces it when it has arrived.
    await page.waitForFunction(() => (document.querySelector('.prose')?.textContent ?? '').length > 2000);
    assert.equal(await page.locator('.body-note').count(), 0, 'no "downloading" note left');
    const text = await page.locator('.prose').textContent();
    await server.stop();
    await page.reload();
    await page.locator('h1').filter({ hasText: target.title }).waitFor();
    await page.locator('.prose p').first().waitFor();
    assert.equal(await page.locator('.prose').textContent(), text);
    await server.start();
  });

  test('no uncaught errors in the page', () => {
    assert.deepEqual(profile.errors, []);
  });
});

describe('a large archive: windowed list', () => {
  const feed = publisher(3000, 100_000);
  /** @type {App} */ let app;
  /** @type {App['profile']} */ let profile;
  /** @type {App['page']} */ let page;

  before(async () => {
    ({ profile, page } = app = await openApp({ feed: feed.handler, visit: true }));
    await page.waitForFunction(() => document.querySelector('[role=status]')?.textContent === '3,000 articles', null, { timeout: 60_000 });
  });

  after(() => app?.close());

  test('the DOM holds at most 100 rows anywhere in the archive, each a link named by its title', async () => {
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(height > 3000 * 60, `the page is as tall as the whole archive (${height}px)`);
    let maxRows = 0;
    for (const f of [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1]) {
      await page.evaluate((y) => scrollTo(0, y), Math.round(f * height));
      await page.waitForTimeout(120);
      const n = await rowCount(page);
      maxRows = Math.max(maxRows, n);
      assert.ok(n > 0 && n <= 100, `${n} rows at ${Math.round(f * 100)}%`);
      // The rows on screen are the right ones: their positions match where we are.
      const pos = await page.evaluate(() => {
        const li = [...document.querySelectorAll('ul[aria-label=Articles] > li')].find((el) => el.getBoundingClientRect().bottom > 0);
        return { at: Number(li?.getAttribute('aria-posinset')), title: li?.querySelector('h2 a')?.textContent, set: li?.getAttribute('aria-setsize') };
      });
      assert.equal(pos.set, '3000');
      assert.equal(pos.title, feed.arch.item(pos.at - 1).title);
      if (f === 0.5) assert.ok(pos.at > 1000 && pos.at < 2000, `half-way is around row 1,500 (${pos.at})`);
    }
    assert.ok(maxRows <= 100);
  });

  test('scrolling smoothly through a stretch renders every row in order, no gaps', async () => {
    await page.evaluate(() => scrollTo(0, 40_000));
    await page.waitForTimeout(100);
    const seen = new Set();
    for (let i = 0; i < 30; i++) {
      await page.mouse.wheel(0, 400);
      await page.waitForTimeout(30);
      const onScreen = await page.evaluate(() =>
        [...document.querySelectorAll('ul[aria-label=Articles] > li')]
          .filter((li) => {
            const r = li.getBoundingClientRect();
            return r.bottom > 0 && r.top < innerHeight;
          })
          .map((li) => Number(li.getAttribute('aria-posinset'))),
      );
      assert.ok(onScreen.length > 0, 'the viewport is never blank');
      for (let k = 1; k < onScreen.length; k++) assert.equal(onScreen[k], onScreen[k - 1] + 1, 'consecutive rows');
      onScreen.forEach((p) => seen.add(p));
    }
    const sorted = [...seen].sort((a, b) => a - b);
    assert.equal(sorted.length, sorted[sorted.length - 1] - sorted[0] + 1, 'no row skipped while scrolling');
  });

  test('back from an article, the same row is at the top of the screen again', async () => {
    await page.evaluate(() => scrollTo(0, Math.round(document.documentElement.scrollHeight * 0.6)));
    await page.waitForTimeout(300);
    const before = await page.evaluate(() => {
      const li = /** @type {Element} */ ([...document.querySelectorAll('ul[aria-label=Articles] > li')].find((el) => el.getBoundingClientRect().top > 50));
      return { title: /** @type {string} */ (/** @type {Element} */ (li.querySelector('h2 a')).textContent), top: li.getBoundingClientRect().top };
    });
    await page.getByRole('link', { name: before.title, exact: true }).click();
    await page.locator('h1').filter({ hasText: before.title }).waitFor();
    await page.getByRole('link', { name: /All articles/ }).first().click();
    await page.waitForFunction(
      (t) => [...document.querySelectorAll('ul[aria-label=Articles] h2 a')].some((a) => a.textContent === t && document.activeElement === a),
      before.title,
    );
    const top = await page.evaluate(
      (t) => /** @type {Element} */ (/** @type {Element} */ ([...document.querySelectorAll('ul[aria-label=Articles] h2 a')].find((a) => a.textContent === t)).closest('li')).getBoundingClientRect().top,
      before.title,
    );
    assert.ok(Math.abs(top - before.top) < 5, `the row is where it was (${before.top}px → ${top}px)`);
    assert.ok((await rowCount(page)) <= 100);
  });

  test('search over the archive: ranked results, combined with a tag, within the row bound', async () => {
    const box = page.getByRole('searchbox', { name: 'Search articles' });
    await box.fill('strike');
    await page.getByRole('status').filter({ hasText: 'filtered' }).waitFor();
    await page.waitForFunction(() => document.querySelector('ul[aria-label=Articles]')?.getAttribute('aria-busy') !== 'true');
    const n = await statusCount(page);
    assert.ok(n > 10 && n < 3000, `"strike" matched ${n}`);
    assert.ok((await rowCount(page)) <= 100);
    const topTitle = /** @type {string} */ (await page.getByRole('list', { name: 'Articles' }).locator(':scope > li h2').first().textContent());
    assert.match(topTitle.toLowerCase(), /strike/, 'the best match has the word in its title');
    await page.getByRole('combobox', { name: 'Tag' }).selectOption('housing');
    await page.waitForFunction(() => /filtered/.test(document.querySelector('[role=status]')?.textContent ?? '') && location.search.includes('tag=housing'));
    await page.waitForFunction(() => document.querySelector('ul[aria-label=Articles]')?.getAttribute('aria-busy') !== 'true');
    const both = await statusCount(page);
    assert.ok(both > 0 && both < n, `"strike" with tag housing: ${both} of ${n}`);
  });

  test('no uncaught errors in the page', () => {
    assert.deepEqual(profile.errors, []);
  });
});
