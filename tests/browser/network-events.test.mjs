// @ts-check
/**
 * The browser's own offline mode (`context.setOffline`), beside the stopped-server tests: the
 * event-driven path. Going offline fetches nothing and keeps the list; coming back online
 * (the `online` event) fetches the index again by itself, with no click.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openApp, statusCount, waitForController } from './harness.mjs';

/** @typedef {import('./harness.mjs').App} App */

describe('the browser goes offline, then online again', () => {
  /** @type {App} */ let app;

  before(async () => {
    app = await openApp({ visit: true });
    await waitForController(app.page);
    await app.page.waitForFunction(() => /\d articles/.test(document.querySelector('.list-view [role=status]')?.textContent ?? ''));
    // The first sync has ended (its button is enabled again): what follows is fetched by the events.
    await app.page.waitForFunction(() => !document.querySelector('.syncbar button[disabled]'));
  });

  after(() => app?.close());

  /** Requests for the index the server has seen so far. */
  const indexFetches = () => app.server.requests.filter((line) => line.split(' ')[1]?.split('?')[0] === '/feed.json').length;

  test('offline: nothing is fetched, the list stays, the page knows it is offline', async () => {
    const { page } = app;
    const listed = await statusCount(page);
    const before = indexFetches();
    await page.context().setOffline(true);
    await page.waitForFunction(() => navigator.onLine === false);
    await page.getByRole('button', { name: 'Check for new articles' }).click();
    await page.waitForFunction(() => !document.querySelector('.syncbar button[disabled]'));
    assert.equal(indexFetches(), before, 'no request reached the server');
    assert.equal(await statusCount(page), listed);
  });

  test('back online: the index is fetched again by itself, and the list is still whole', async () => {
    const { page } = app;
    const listed = await statusCount(page);
    const before = indexFetches();
    await page.context().setOffline(false);
    for (let i = 0; i < 100 && indexFetches() === before; i++) await page.waitForTimeout(100);
    assert.ok(indexFetches() > before, 'the online event started a sync');
    await page.waitForFunction(() => !document.querySelector('.syncbar button[disabled]'));
    assert.equal(await statusCount(page), listed);
  });

  test('no uncaught errors in the page', () => {
    assert.deepEqual(app.profile.errors, []);
  });
});
