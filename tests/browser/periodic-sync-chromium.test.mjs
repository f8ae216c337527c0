// @ts-check
/**
 * Periodic Background Sync, Chromium only: the event is dispatched through the DevTools protocol
 * (`ServiceWorker.dispatchPeriodicSyncEvent`), which no other engine has. With no page of the app
 * open (the tab shows the index file itself, which the service worker leaves to the network), the
 * service worker's `periodicsync` handler fetches the index and stores the new article in
 * IndexedDB; an event with another tag fetches nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listReady, openApp, readKeys, serveFeed, waitForController } from './harness.mjs';

/** @typedef {import('./harness.mjs').App} App */
/** @typedef {import('playwright-core').CDPSession} CDPSession */

/** The tag the app registers (src/core/names.ts, PERIODIC_SYNC_TAG). */
const TAG = 'broadsheet-refresh';
/** The lock one sync at a time holds (src/core/names.ts, SYNC_LOCK). */
const LOCK = 'broadsheet-sync';

/** @param {string} id @param {string} date */
const item = (id, date) => ({ id, title: `Story ${id}`, content_text: `Body of ${id}.`, date_published: date });
const feed = (/** @type {ReturnType<typeof item>[]} */ items) => ({ version: 'https://jsonfeed.org/version/1.1', title: 'Periodic', items });

const FIRST = [item('p-one', '2024-05-01T08:00:00Z'), item('p-two', '2024-05-02T08:00:00Z')];
const LATER = [...FIRST, item('p-three', '2024-05-03T08:00:00Z')];

describe('Periodic Background Sync in the service worker (Chromium only: CDP)', () => {
  /** @type {App} */ let app;
  /** @type {CDPSession} */ let cdp;
  /** @type {string} */ let registrationId;

  before(async () => {
    app = await openApp({ feed: feed(FIRST), visit: true });
    await waitForController(app.page);
    await listReady(app.page, 2);
    // The first sync has ended (its button is enabled again).
    await app.page.waitForFunction(() => !document.querySelector('.syncbar button[disabled]'));
    cdp = await app.page.context().newCDPSession(app.page);
    const origin = new URL(app.server.url).origin;
    /** @type {Promise<string>} */
    const found = new Promise((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const live = registrations.find((r) => !r.isDeleted && r.scopeURL.startsWith(origin));
        if (live) resolve(live.registrationId);
      });
    });
    await cdp.send('ServiceWorker.enable');
    registrationId = await found;
    // No page of the app is open any more: the tab shows the index file (not the app shell),
    // so only the service worker can sync from here on.
    await app.page.goto(`${app.server.url}feed.json`);
    assert.equal(await app.page.evaluate(() => document.querySelector('.list-view')), null, 'the app is not running in the tab');
  });

  after(() => app?.close());

  /** Requests for the index the server has seen so far. */
  const indexFetches = () => app.server.requests.filter((line) => line.split(' ')[1]?.split('?')[0] === '/feed.json').length;

  /** Sync requests waiting for the lock, from any context of the origin (the worker's too). */
  const pendingSyncs = () => app.page.evaluate(async (name) => ((await navigator.locks.query()).pending ?? []).filter((l) => l.name === name).length, LOCK);

  /**
   * Polls `check` until it holds (true) or 15 s pass (false).
   * @param {() => Promise<boolean>} check
   */
  const until = async (check) => {
    for (let i = 0; i < 300; i++) {
      if (await check()) return true;
      await app.page.waitForTimeout(50);
    }
    return false;
  };

  /** @param {string} tag */
  const dispatch = (tag) => cdp.send('ServiceWorker.dispatchPeriodicSyncEvent', { origin: new URL(app.server.url).origin, registrationId, tag });

  test('an event with another tag starts no sync', async () => {
    // The tab holds the sync lock the way a syncing tab does: a sync the worker starts queues
    // behind it (navigator.locks.query lists it as pending) and stores nothing.
    await app.page.evaluate(
      (name) =>
        new Promise((held) => {
          void navigator.locks.request(name, () => {
            held(undefined);
            return new Promise((release) => Object.assign(window, { releaseSyncLock: release }));
          });
        }),
      LOCK,
    );
    await dispatch('some-other-tag');
    await dispatch(TAG);
    // The app's tag queues one sync; had the other tag started one too, it would have queued
    // first (the same steps, dispatched first).
    assert.ok(await until(async () => (await pendingSyncs()) > 0), 'the app’s tag started a sync');
    assert.equal(await pendingSyncs(), 1, 'only the app’s tag started a sync');
    await app.page.evaluate(() => /** @type {{ releaseSyncLock: () => void }} */ (/** @type {unknown} */ (window)).releaseSyncLock());
    assert.ok(await until(async () => (await pendingSyncs()) === 0), 'the queued sync went away');
  });

  test('the app’s tag: the service worker fetches the index and stores the new article', async () => {
    serveFeed(app.server, feed(LATER));
    const before = indexFetches();
    await dispatch(TAG);
    assert.ok(await until(async () => (await readKeys(app.page, 'articles')).length === 3), 'a third article was stored');
    assert.deepEqual([...(await readKeys(app.page, 'articles'))].sort(), ['p-one', 'p-three', 'p-two']);
    assert.ok(indexFetches() > before, 'the service worker fetched the index');
  });

  test('no uncaught errors in the page', () => {
    assert.deepEqual(app.profile.errors, []);
  });
});
