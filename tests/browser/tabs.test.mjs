// @ts-check
/**
 * Many tabs of the app in one browser: a sync in one tab updates the others (BroadcastChannel),
 * two tabs that start a sync together fetch and write the index once (Web Locks, and the
 * IndexedDB lease where Web Locks are missing), and a tab holding the database open does not
 * block a schema upgrade from another tab: it closes its connection and asks to be reloaded.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoFeed, listReady, openApp, serveFeed, statusCount } from './harness.mjs';

/** @typedef {import('./harness.mjs').App} App */
/** @typedef {import('./harness.mjs').FeedItem} FeedItem */
/** @typedef {App['page']} Page */

const base = demoFeed();
const TOTAL = base.items.length;

/** An hour ago, fixed for the run: dates more than a day ahead would be clamped and reported (issue 14). */
const RECENT = Date.now() - 3_600_000;

/** The demo index plus `extra` new articles. */
function feedText(extra = 0) {
  const items = [...base.items];
  for (let i = 0; i < extra; i++) {
    items.unshift({ id: `tabs-extra-${i}`, title: `Late news ${i}`, content_text: 'Filed later.', date_published: new Date(RECENT + i * 60_000).toISOString() });
  }
  return JSON.stringify({ ...base, items });
}

/**
 * Serves the demo index plus `extra` new articles, after `delayMs`.
 * @param {App['server']} server
 */
function publish(server, { extra = 0, delayMs = 0 } = {}) {
  serveFeed(server, feedText(extra), { delayMs });
}

const feedRequests = (/** @type {App['server']} */ server) => server.requests.filter((l) => l.split(' ')[1]?.startsWith('/feed.json')).length;

/**
 * @param {App['profile']} profile
 * @param {App['server']} server
 * @returns {Promise<[Page, Page]>}
 */
async function openTwo(profile, server) {
  const a = await profile.page();
  await a.goto(server.url);
  await listReady(a, TOTAL);
  const b = await profile.context.newPage();
  await b.goto(server.url);
  await listReady(b, TOTAL);
  // Both first syncs are over before the test starts.
  for (const p of [a, b]) await p.getByText(/^Updated/).waitFor();
  return [a, b];
}

/**
 * Presses "Check for new articles" in both tabs within a few milliseconds of each other.
 * @param {Page} a
 * @param {Page} b
 */
async function bothClickCheck(a, b) {
  const at = Date.now() + 300;
  await Promise.all(
    [a, b].map((p) =>
      p.evaluate(async (when) => {
        const button = [...document.querySelectorAll('button')].find((el) => el.textContent === 'Check for new articles');
        await new Promise((r) => setTimeout(r, when - Date.now()));
        /** @type {HTMLButtonElement} */ (button).click();
        return Date.now();
      }, at),
    ),
  );
}

for (const variant of ['Web Locks', 'the IndexedDB lease (no Web Locks)']) {
  describe(`two tabs, with ${variant}`, () => {
    /** @type {App} */ let app;
    /** @type {App['server']} */ let server;
    /** @type {App['profile']} */ let profile;
    /** @type {Page} */ let a;
    /** @type {Page} */ let b;

    before(async () => {
      ({ server, profile } = app = await openApp({ feed: feedText() }));
      if (variant !== 'Web Locks') {
        await profile.context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined, configurable: true }));
      }
      [a, b] = await openTwo(profile, server);
      assert.equal(await a.evaluate(() => typeof navigator.locks?.request), variant === 'Web Locks' ? 'function' : 'undefined');
    });

    after(() => app?.close());

    test('both tabs check at once: the index is fetched once, and both list the new articles', async () => {
      publish(server, { extra: 2, delayMs: 800 });
      const before = feedRequests(server);
      await bothClickCheck(a, b);
      for (const p of [a, b]) await listReady(p, TOTAL + 2, { timeout: 10_000 });
      for (const p of [a, b]) await p.getByText(/^Updated/).waitFor();
      assert.equal(feedRequests(server) - before, 1, `one download for two tabs: before ${before}, now ${feedRequests(server)}: ${server.requests.join(", ")}`);
      assert.equal(await statusCount(a), TOTAL + 2);
      assert.equal(await statusCount(b), TOTAL + 2);
      for (const p of [a, b]) assert.equal(/** @type {string} */ (await p.locator('.alert').textContent()).trim(), '');
    });

    test('a sync in one tab updates the list in the other, which does not fetch', async () => {
      publish(server, { extra: 3 });
      const before = feedRequests(server);
      await b.getByRole('button', { name: 'Check for new articles' }).click();
      await listReady(a, TOTAL + 3, { timeout: 10_000 });
      assert.equal(await a.getByRole('link', { name: 'Late news 2' }).count(), 1);
      assert.equal(feedRequests(server) - before, 1, 'only the tab that synced fetched');
      assert.deepEqual(profile.errors, []);
    });
  });
}

describe('a schema upgrade from another tab', () => {
  /** @type {App} */ let app;
  /** @type {App['server']} */ let server;
  /** @type {App['profile']} */ let profile;

  before(async () => {
    ({ server, profile } = app = await openApp({ feed: feedText() }));
  });

  after(() => app?.close());

  test('is not blocked: the old tab closes its connection and asks to be reloaded', async () => {
    const [a, b] = await openTwo(profile, server);
    // Tab B plays a newer release that opens the database at a higher version.
    const upgraded = await b.evaluate(
      () =>
        new Promise((resolve) => {
          const probe = indexedDB.open('broadsheet');
          probe.onsuccess = () => {
            const current = probe.result.version;
            probe.result.close();
            const request = indexedDB.open('broadsheet', current + 1);
            const timer = setTimeout(() => resolve('still blocked after 5 s'), 5000);
            request.onblocked = () => {
              // Chromium fires "blocked" only if an old connection stays open after versionchange.
            };
            request.onsuccess = () => {
              clearTimeout(timer);
              const v = request.result.version;
              request.result.close();
              resolve(`upgraded from ${current} to ${v}`);
            };
            request.onerror = () => resolve(`error ${request.error?.name}`);
          };
        }),
    );
    assert.match(upgraded, /^upgraded from (\d+) to \d+$/);
    const alert = a.getByRole('alert').filter({ hasText: 'updated in another tab. Reload this tab' });
    await alert.waitFor({ timeout: 5000 });
    // The old tab still shows what it had.
    assert.equal(await statusCount(a), TOTAL);
  });
});
