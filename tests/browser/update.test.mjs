// @ts-check
/**
 * Deploying a new version while tabs are open: v1 is built and served, two tabs open it, then
 * v2 replaces it on the server. An update check finds v2; each tab asks before reloading (never
 * mid-read), Reload brings that tab to v2, the other tab is asked too, no service worker is left
 * waiting, and no page runs a mix of v1 and v2 files.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { listReady, openApp, waitForController } from './harness.mjs';

/** @typedef {import('./harness.mjs').App} App */
/** @typedef {App['page']} Page */

const build = (/** @type {string} */ id) =>
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', `dist-${id}`, '--emptyOutDir', '--logLevel', 'warn'], {
    env: { ...process.env, BUILD_ID: id },
    stdio: 'inherit',
  });

/** The entry script of a build, as its index.html names it. */
const entryOf = (/** @type {string} */ dir) => /** @type {RegExpExecArray} */ (/<script[^>]+src="([^"]+\.js)"/.exec(readFileSync(`${dir}/index.html`, 'utf8')))[1];

/** Paths of the files v1 has and v2 has not (its hashed chunks, styles…). */
const V1_ONLY = () => {
  const list = (/** @type {string} */ dir) => new Set(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => `${join(e.parentPath, e.name).slice(dir.length)}`));
  const v2 = list('dist-v2');
  const only = new Set([...list('dist-v1')].filter((p) => !v2.has(p)));
  assert.ok(only.size > 0, 'the builds differ');
  return only;
};

/** What a page runs: its build id, and every script it loaded. */
const running = (/** @type {Page} */ page) =>
  page.evaluate(() => ({
    build: document.documentElement.dataset.build,
    scripts: /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource')).filter((e) => e.initiatorType === 'script' || /\.js$/.test(e.name)).map((e) => new URL(e.name).pathname),
    entry: document.querySelector('script[type=module]')?.getAttribute('src'),
  }));

describe('a new version deployed while tabs are open', () => {
  /** @type {App} */ let app;
  /** @type {App['server']} */ let server;
  /** @type {App['profile']} */ let profile;
  /** @type {Page} */ let a;
  /** @type {Page} */ let b;

  before(async () => {
    build('v1');
    build('v2');
    assert.notEqual(entryOf('dist-v1'), entryOf('dist-v2'), 'the two builds differ');
    ({ server, profile } = app = await openApp({ root: 'dist-v1' }));
  });

  after(async () => {
    await app?.close();
    rmSync('dist-v1', { recursive: true, force: true });
    rmSync('dist-v2', { recursive: true, force: true });
  });

  test('v1 runs in two tabs', async () => {
    a = await profile.page();
    await a.goto(server.url);
    await waitForController(a);
    b = await profile.context.newPage();
    await b.goto(server.url);
    await waitForController(b);
    for (const p of [a, b]) {
      await listReady(p);
      assert.equal((await running(p)).build, 'v1');
      // The reader has started using both tabs: from now on an update must ask first.
      await p.keyboard.press('Shift');
    }
  });

  test('v2 is deployed: an update check finds it, and each tab asks before reloading', async () => {
    await server.restart({ root: 'dist-v2' });
    await a.evaluate(async () => /** @type {ServiceWorkerRegistration} */ (await navigator.serviceWorker.getRegistration()).update());
    for (const p of [a, b]) {
      const prompt = p.getByRole('alert').filter({ has: p.getByRole('button', { name: 'Reload' }) });
      await prompt.waitFor({ timeout: 15_000 });
      assert.match(/** @type {string} */ (await prompt.textContent()), /new version of Broadsheet is ready/);
      // Nothing reloads by itself: the reader may be in the middle of an article.
      assert.equal((await running(p)).build, 'v1');
    }
    assert.equal(await a.evaluate(async () => /** @type {ServiceWorkerRegistration} */ (await navigator.serviceWorker.getRegistration()).waiting?.state), 'installed');
  });

  test('Reload in one tab brings it to v2, with no worker left waiting and no v1 file', async () => {
    await Promise.all([a.waitForEvent('load', { timeout: 15_000 }), a.getByRole('button', { name: 'Reload' }).click()]);
    await a.waitForFunction(() => document.documentElement.dataset.build === 'v2');
    await listReady(a);
    const state = await a.evaluate(async () => {
      const r = /** @type {ServiceWorkerRegistration} */ (await navigator.serviceWorker.getRegistration());
      return { waiting: r.waiting, installing: r.installing, active: r.active?.state, controller: navigator.serviceWorker.controller?.state };
    });
    assert.deepEqual(state, { waiting: null, installing: null, active: 'activated', controller: 'activated' });
    const now = await running(a);
    assert.equal(now.entry, entryOf('dist-v2'));
    // A lazy chunk (the reading view) loads, from v2.
    await a.getByRole('list', { name: 'Articles' }).getByRole('link').first().click();
    await a.locator('.reader h1').waitFor();
    // Every file the page loaded (scripts, styles, images, the manifest…) is checked against the
    // files only v1 has: a stale v1 chunk from any cache would show here.
    const loaded = await a.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    assert.ok(loaded.length > 0);
    assert.deepEqual(
      loaded.filter((p) => V1_ONLY().has(p)),
      [],
      'no v1-only file in the v2 page',
    );
  });

  test('the other tab, now under the v2 worker, is asked to reload and then runs v2', async () => {
    const prompt = b.getByRole('alert').filter({ has: b.getByRole('button', { name: 'Reload' }) });
    await prompt.waitFor();
    await Promise.all([b.waitForEvent('load', { timeout: 15_000 }), prompt.getByRole('button', { name: 'Reload' }).click()]);
    await b.waitForFunction(() => document.documentElement.dataset.build === 'v2');
    assert.equal((await running(b)).entry, entryOf('dist-v2'));
    assert.equal(await b.getByRole('button', { name: 'Reload' }).count(), 0);
    assert.deepEqual(profile.errors, []);
  });

  test('a tab the reader has not touched yet takes the update by itself', async () => {
    // A second device on v1, untouched since it opened: the update applies at once, silently.
    // (Its own server and profile, so the first profile's origin keeps serving v2.)
    const device = await openApp({ root: 'dist-v1' });
    const { server, profile: other, page: c } = device;
    try {
      await c.goto(server.url);
      await waitForController(c);
      await listReady(c);
      assert.equal((await running(c)).build, 'v1');
      await server.restart({ root: 'dist-v2' });
      await c.evaluate(async () => /** @type {ServiceWorkerRegistration} */ (await navigator.serviceWorker.getRegistration()).update());
      await c.waitForFunction(() => document.documentElement.dataset.build === 'v2', null, { timeout: 15_000 });
      await listReady(c);
      assert.equal((await running(c)).entry, entryOf('dist-v2'));
      assert.equal(await c.evaluate(async () => /** @type {ServiceWorkerRegistration} */ (await navigator.serviceWorker.getRegistration()).waiting), null);
      assert.deepEqual(other.errors, []);
    } finally {
      await device.close();
    }
  });

  test('offline after the update, the v2 shell opens', async () => {
    await server.stop();
    await a.goto(server.url);
    await listReady(a);
    assert.equal((await running(a)).build, 'v2');
    await a.reload();
    await listReady(a);
    assert.equal((await running(a)).entry, entryOf('dist-v2'));
  });
});
