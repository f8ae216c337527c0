/**
 * Storage trouble in real Chromium: a quota too small for the index (set through the DevTools
 * protocol), IndexedDB evicted while the service worker's cache survives, and IndexedDB refused
 * altogether. Each ends in a clear alert and an app that keeps working.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { freePort, Profile, statusCount, TestServer, waitForController } from './harness.mjs';

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

function serve(server, body) {
  server.override = (req, res) => {
    if (!req.url.startsWith('/feed.json')) return false;
    res.writeHead(200, { 'content-type': 'application/feed+json', 'cache-control': 'no-store' });
    res.end(body);
    return true;
  };
}

/** The demo plus `n` articles of `kb` KB of incompressible text each (IndexedDB compresses). */
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

const storedCount = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const r = indexedDB.open('broadsheet');
        r.onsuccess = () => {
          const db = r.result;
          const c = db.transaction('articles').objectStore('articles').count();
          c.onsuccess = () => {
            db.close();
            resolve(c.result);
          };
        };
        r.onerror = () => reject(r.error);
      }),
  );

describe('a quota too small for the index', () => {
  let server;
  let profile;
  let page;
  let cdp;

  before(async () => {
    server = await new TestServer({ port: await freePort() }).start();
    serve(server, JSON.stringify(demo));
    profile = new Profile();
    await profile.launch();
    page = await profile.page();
    cdp = await profile.context.newCDPSession(page);
    // A phone with 3 MB to spare: the app shell and the demo articles fit, with room for about
    // one batch of 250 articles of 4 KB, not for 1,000 of them. (Chromium applies the override
    // to an origin whose storage is opened after it is set.)
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(server.url).origin, quotaSize: 3_000_000 });
    await page.goto(server.url);
    await waitForController(page);
    await page.waitForFunction(rows, TOTAL);
  });

  after(async () => {
    await profile?.close();
    profile?.dispose();
    await server?.stop();
  });

  test('keeps the batches that fit, says how many were saved, and keeps working', async (t) => {
    const origin = new URL(server.url).origin;
    const big = bigFeed(1000, 4);
    serve(server, big.text);
    await page.getByRole('button', { name: 'Check for new articles' }).click();
    const alert = page.getByRole('alert').filter({ hasText: /storage is full/ });
    await alert.waitFor({ timeout: 20_000 });
    // Numbers are written the reader's way (Intl): "1,046".
    const m = /storage is full: ([\d,]+) of ([\d,]+) articles were saved/.exec(await alert.textContent());
    assert.ok(m, await alert.textContent());
    const [saved, total] = [Number(m[1].replace(/,/g, '')), Number(m[2].replace(/,/g, ''))];
    assert.equal(total, big.total);
    // What fits is kept (whole batches of 250 only), the rest is not.
    assert.ok(saved >= 250 && saved < total, `${saved} of ${total}`);
    assert.equal(saved % 250, 0);
    t.diagnostic(`3 MB quota: ${saved} of ${total} articles saved`);
    const stored = await storedCount(page);
    assert.ok(stored >= TOTAL && stored < big.total, `stored ${stored}`);
    await page.waitForFunction(rows, stored);
    // The app keeps working: search still narrows the list.
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('Bulk report');
    await page.getByRole('status').filter({ hasText: 'filtered' }).waitFor();
    assert.equal(await statusCount(page), stored - TOTAL);
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('');

    // Space is freed: the next sync stores the rest.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await page.getByRole('button', { name: 'Check for new articles' }).click();
    await page.waitForFunction(rows, big.total, { timeout: 30_000 });
    await page.getByText(/^Updated/).waitFor();
    assert.equal((await page.locator('.alert').textContent()).trim(), '');
    assert.equal(await storedCount(page), big.total);
    assert.deepEqual(profile.errors, []);
  });
});

describe('IndexedDB evicted while the service worker cache remains', () => {
  let server;
  let profile;
  let page;
  let cdp;

  before(async () => {
    server = await new TestServer({ port: await freePort() }).start();
    serve(server, JSON.stringify(demo));
    profile = new Profile();
    await profile.launch();
    page = await profile.page();
    await page.goto(server.url);
    await waitForController(page);
    await page.waitForFunction(rows, TOTAL);
    cdp = await profile.context.newCDPSession(page);
  });

  after(async () => {
    await profile?.close();
    profile?.dispose();
    await server?.stop();
  });

  test('cleared while the page is open: the page says to reload, and the reload re-syncs', async () => {
    server.override = undefined;
    serve(server, JSON.stringify(demo));
    await page.goto(server.url);
    await page.waitForFunction(rows, TOTAL);
    await page.getByText(/^Updated/).waitFor();
    await cdp.send('Storage.clearDataForOrigin', { origin: new URL(server.url).origin, storageTypes: 'indexeddb' });
    await page.getByRole('alert').filter({ hasText: 'closed Broadsheet’s storage' }).waitFor({ timeout: 10_000 });
    // What was on screen stays on screen.
    assert.equal(await statusCount(page), TOTAL);
    await page.reload();
    await page.getByRole('alert').filter({ hasText: /deleted the articles stored on this device/ }).waitFor();
    await page.waitForFunction(rows, TOTAL);
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
      server.override = async (req, res) => {
        if (!req.url.startsWith('/feed.json')) return false;
        await new Promise((r) => setTimeout(r, 700));
        res.writeHead(200, { 'content-type': 'application/feed+json' });
        res.end(body);
        return true;
      };
      await page.goto(server.url);
      // The shell came from the service worker's cache…
      assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null));
      // …and the empty store is not mistaken for a first visit.
      await page.getByRole('alert').filter({ hasText: 'The browser deleted the articles stored on this device' }).waitFor();
      await page.waitForFunction(rows, TOTAL, { timeout: 10_000 });
      await page.getByRole('alert').filter({ hasText: 'They have been downloaded again.' }).waitFor();
      assert.equal(await storedCount(page), TOTAL);
    });
  }
});

describe('IndexedDB refused (some private modes)', () => {
  let server;
  let profile;

  before(async () => {
    server = await new TestServer({ port: await freePort() }).start();
    serve(server, JSON.stringify(demo));
    profile = new Profile();
    await profile.launch();
  });

  after(async () => {
    await profile?.close();
    profile?.dispose();
    await server?.stop();
  });

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
          return request;
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
      await page.waitForFunction(rows, TOTAL);
      assert.equal(await statusCount(page), TOTAL);
      // Reading works too.
      await page.getByRole('list', { name: 'Articles' }).getByRole('link').first().click();
      await page.locator('.reader h1').waitFor();
      await page.close();
    });
  }
});
