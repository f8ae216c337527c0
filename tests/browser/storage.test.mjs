// @ts-check
/**
 * Storage trouble in real Chromium: a quota too small for the index (set through the DevTools
 * protocol), IndexedDB evicted while the service worker's cache survives, and IndexedDB refused
 * altogether. Each ends in a clear alert and an app that keeps working.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { countStore, demoFeed, listHolds, openApp, serveFeed, statusCount, waitForController } from './harness.mjs';

/** @typedef {import('./harness.mjs').App} App */

const demo = demoFeed();
const TOTAL = demo.items.length;

/**
 * The demo plus `n` articles of `kb` KB of incompressible text each (IndexedDB compresses).
 * @param {number} n
 * @param {number} kb
 */
function bigFeed(n, kb) {
  const items = [...demo.items];
  for (let i = 0; i < n; i++) {
    items.push({
      id: `bulk-${String(i).padStart(4, '0')}`,
      title: `Bulk report ${i}`,
      content_text: randomBytes(kb * 768).toString('base64'),
      date_published: new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString(),
    });
  }
  return { text: JSON.stringify({ ...demo, items }), total: items.length };
}

const storedCount = (/** @type {App['page']} */ page) => countStore(page, 'articles');

describe('a quota too small for the index (Chromium only: a CDP quota override)', () => {
  /** @type {App} */ let app;
  /** @type {App['server']} */ let server;
  /** @type {App['profile']} */ let profile;
  /** @type {App['page']} */ let page;
  /** @type {import('playwright-core').CDPSession} */ let cdp;

  before(async () => {
    ({ server, profile, page } = app = await openApp({ feed: JSON.stringify(demo) }));
    cdp = await profile.context.newCDPSession(page);
    // A phone with 3 MB to spare: the app shell and the demo articles fit, with room for about
    // one batch of 250 articles of 4 KB, not for 1,000 of them. (Chromium applies the override
    // to an origin whose storage is opened after it is set.)
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(server.url).origin, quotaSize: 3_000_000 });
    await page.goto(server.url);
    await waitForController(page);
    await listHolds(page, TOTAL);
  });

  after(() => app?.close());

  test('keeps the batches that fit, says how many were saved, and keeps working', async (t) => {
    const origin = new URL(server.url).origin;
    const big = bigFeed(1000, 4);
    serveFeed(server, big.text);
    await page.getByRole('button', { name: 'Check for new articles' }).click();
    const alert = page.getByRole('alert').filter({ hasText: /storage is full/ });
    await alert.waitFor({ timeout: 20_000 });
    // Numbers are written the reader's way (Intl): "1,046".
    const m = /storage is full: ([\d,]+) of ([\d,]+) articles were saved/.exec(/** @type {string} */ (await alert.textContent()));
    assert.ok(m, /** @type {string} */ (await alert.textContent()));
    const [saved, total] = [Number(m[1].replace(/,/g, '')), Number(m[2].replace(/,/g, ''))];
    assert.equal(total, big.total);
    // What fits is kept (whole batches of 250 only), the rest is not.
    assert.ok(saved >= 250 && saved < total, `${saved} of ${total}`);
    assert.equal(saved % 250, 0);
    t.diagnostic(`3 MB quota: ${saved} of ${total} articles saved`);
    const stored = await storedCount(page);
    assert.ok(stored >= TOTAL && stored < big.total, `stored ${stored}`);
    await listHolds(page, stored);
    // The app keeps working: search still narrows the list.
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('Bulk report');
    await page.getByRole('status').filter({ hasText: 'filtered' }).waitFor();
    assert.equal(await statusCount(page), stored - TOTAL);
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('');

    // Space is freed: the next sync stores the rest.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await page.getByRole('button', { name: 'Check for new articles' }).click();
    await listHolds(page, big.total, { timeout: 30_000 });
    await page.getByText(/^Updated/).waitFor();
    assert.equal(/** @type {string} */ (await page.locator('.alert').textContent()).trim(), '');
    assert.equal(await storedCount(page), big.total);
    assert.deepEqual(profile.errors, []);
  });
});

describe('IndexedDB evicted while the service worker cache remains', () => {
  /** @type {App} */ let app;
  /** @type {App['server']} */ let server;
  /** @type {App['profile']} */ let profile;
  /** @type {App['page']} */ let page;
  /** @type {import('playwright-core').CDPSession} */ let cdp;

  before(async () => {
    ({ server, profile, page } = app = await openApp({ feed: JSON.stringify(demo), visit: true }));
    await waitForController(page);
    await listHolds(page, TOTAL);
    cdp = await profile.context.newCDPSession(page);
  });

  after(() => app?.close());

  test('cleared while the page is open: the page says to reload, and the reload re-syncs', async () => {
    serveFeed(server, undefined);
    serveFeed(server, JSON.stringify(demo));
    await page.goto(server.url);
    await listHolds(page, TOTAL);
    await page.getByText(/^Updated/).waitFor();
    await cdp.send('Storage.clearDataForOrigin', { origin: new URL(server.url).origin, storageTypes: 'indexeddb' });
    await page.getByRole('alert').filter({ hasText: 'closed Broadsheet’s storage' }).waitFor({ timeout: 10_000 });
    // What was on screen stays on screen.
    assert.equal(await statusCount(page), TOTAL);
    await page.reload();
    await page.getByRole('alert').filter({ hasText: /deleted the articles stored on this device/ }).waitFor();
    await listHolds(page, TOTAL);
    assert.equal(await storedCount(page), TOTAL);
  });

  for (const [what, storageTypes] of [
    ['IndexedDB alone', 'indexeddb'],
    ['IndexedDB and localStorage (only Cache Storage left)', 'indexeddb,local_storage'],
  ]) {
    test(`${what}: detected, the reader is told, and the articles are downloaded again`, async () => {
      const origin = new URL(server.url).origin;
      await page.goto('about:blank');
      await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes });
      // The server is slow, so the notice can be seen before the re-sync lands.
      const body = JSON.stringify(demo);
      serveFeed(server, body, { delayMs: 700, cacheControl: null });
      await page.goto(server.url);
      // The shell came from the service worker's cache…
      assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null));
      // …and the empty store is not mistaken for a first visit.
      await page.getByRole('alert').filter({ hasText: 'The browser deleted the articles stored on this device' }).waitFor();
      await listHolds(page, TOTAL, { timeout: 10_000 });
      await page.getByRole('alert').filter({ hasText: 'They have been downloaded again.' }).waitFor();
      assert.equal(await storedCount(page), TOTAL);
    });
  }
});

describe('IndexedDB refused (some private modes)', () => {
  /** @type {App} */ let app;
  /** @type {App['server']} */ let server;
  /** @type {App['profile']} */ let profile;

  before(async () => {
    ({ server, profile } = app = await openApp({ feed: JSON.stringify(demo) }));
  });

  after(() => app?.close());

  for (const [how, init] of [
    [
      'open() throws',
      () => {
        IDBFactory.prototype.open = function () {
          throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
        };
      },
    ],
    [
      'open() never answers',
      () => {
        // A real EventTarget dressed as an open request: idb waits on it, and nothing fires.
        IDBFactory.prototype.open = function () {
          return Object.setPrototypeOf(new EventTarget(), IDBOpenDBRequest.prototype);
        };
      },
    ],
    [
      'open() fails asynchronously',
      () => {
        IDBFactory.prototype.open = function () {
          const request = new EventTarget();
          Object.defineProperty(request, 'error', { value: new DOMException('The user denied permission to access the database.', 'UnknownError') });
          setTimeout(() => request.dispatchEvent(new Event('error')));
          return /** @type {IDBOpenDBRequest} */ (request);
        };
      },
    ],
  ]) {
    test(`${how}: the app runs online only and says so`, async () => {
      const page = await profile.context.newPage();
      await page.addInitScript(init);
      await page.goto(server.url);
      // (An open that never answers is given up on after 10 seconds.)
      await page.getByRole('alert').filter({ hasText: 'articles are read online only' }).waitFor({ timeout: 15_000 });
      await listHolds(page, TOTAL);
      assert.equal(await statusCount(page), TOTAL);
      // Reading works too.
      await page.getByRole('list', { name: 'Articles' }).getByRole('link').first().click();
      await page.locator('.reader h1').waitFor();
      await page.close();
    });
  }
});
