/**
 * Deploying a new version while tabs are open: v1 is built and served, two tabs open it, then
 * v2 replaces it on the server. An update check finds v2; each tab asks before reloading (never
 * mid-read), Reload brings that tab to v2, the other tab is asked too, no service worker is left
 * waiting, and no page runs a mix of v1 and v2 files.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { freePort, Profile, TestServer, waitForController } from './harness.mjs';

const build = (id) =>
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', `dist-${id}`, '--emptyOutDir', '--logLevel', 'warn'], {
    env: { ...process.env, BUILD_ID: id },
    stdio: 'inherit',
  });

/** The entry script of a build, as its index.html names it. */
const entryOf = (dir) => /<script[^>]+src="([^"]+\.js)"/.exec(readFileSync(`${dir}/index.html`, 'utf8'))[1];

/** What a page runs: its build id, and every script it loaded. */
const running = (page) =>
  page.evaluate(() => ({
    build: document.documentElement.dataset.build,
    scripts: performance.getEntriesByType('resource').filter((e) => e.initiatorType === 'script' || /\.js$/.test(e.name)).map((e) => new URL(e.name).pathname),
    entry: document.querySelector('script[type=module]')?.getAttribute('src'),
  }));

describe('a new version deployed while tabs are open', () => {
  let server;
  let port;
  let profile;
  let a;
  let b;

  before(async () => {
    build('v1');
    build('v2');
    assert.notEqual(entryOf('dist-v1'), entryOf('dist-v2'), 'the two builds differ');
    port = await freePort();
    server = await new TestServer({ root: 'dist-v1', port }).start();
    profile = new Profile();
    await profile.launch();
  });

  after(async () => {
    await profile?.close();
    profile?.dispose();
    await server?.stop();
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
      await p.getByRole('list', { name: 'Articles' }).locator('li').first().waitFor();
      assert.equal((await running(p)).build, 'v1');
      // The reader has started using both tabs: from now on an update must ask first.
      await p.keyboard.press('Shift');
    }
  });

  test('v2 is deployed: an update check finds it, and each tab asks before reloading', async () => {
    await server.stop();
    server = await new TestServer({ root: 'dist-v2', port }).start();
    await a.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    for (const p of [a, b]) {
      const prompt = p.getByRole('alert').filter({ has: p.getByRole('button', { name: 'Reload' }) });
      await prompt.waitFor({ timeout: 15_000 });
      assert.match(await prompt.textContent(), /new version of Broadsheet is ready/);
      // Nothing reloads by itself: the reader may be in the middle of an article.
      assert.equal((await running(p)).build, 'v1');
    }
    assert.equal(await a.evaluate(async () => (await navigator.serviceWorker.getRegistration()).waiting?.state), 'installed');
  });

  test('Reload in one tab brings it to v2, with no worker left waiting and no v1 file', async () => {
    await Promise.all([a.waitForEvent('load', { timeout: 15_000 }), a.getByRole('button', { name: 'Reload' }).click()]);
    await a.waitForFunction(() => document.documentElement.dataset.build === 'v2');
    await a.getByRole('list', { name: 'Articles' }).locator('li').first().waitFor();
    const state = await a.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return { waiting: r.waiting, installing: r.installing, active: r.active?.state, controller: navigator.serviceWorker.controller?.state };
    });
    assert.deepEqual(state, { waiting: null, installing: null, active: 'activated', controller: 'activated' });
    const now = await running(a);
    assert.equal(now.entry, entryOf('dist-v2'));
    // A lazy chunk (the reading view) loads, from v2.
    await a.getByRole('list', { name: 'Articles' }).getByRole('link').first().click();
    await a.locator('.reader h1').waitFor();
    const v1Entry = entryOf('dist-v1');
    assert.ok(!(await running(a)).scripts.includes(v1Entry), 'no v1 script in the v2 page');
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
    await server.stop();
    server = await new TestServer({ root: 'dist-v1', port: await freePort() }).start();
    const other = new Profile();
    try {
      await other.launch();
      const c = await other.page();
      await c.goto(server.url);
      await waitForController(c);
      await c.getByRole('list', { name: 'Articles' }).locator('li').first().waitFor();
      assert.equal((await running(c)).build, 'v1');
      const v1Port = server.port;
      await server.stop();
      server = await new TestServer({ root: 'dist-v2', port: v1Port }).start();
      await c.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
      await c.waitForFunction(() => document.documentElement.dataset.build === 'v2', null, { timeout: 15_000 });
      await c.getByRole('list', { name: 'Articles' }).locator('li').first().waitFor();
      assert.equal((await running(c)).entry, entryOf('dist-v2'));
      assert.equal(await c.evaluate(async () => (await navigator.serviceWorker.getRegistration()).waiting), null);
      assert.deepEqual(other.errors, []);
    } finally {
      await other.close();
      other.dispose();
      // Back to the first profile's origin, serving v2, for the offline test below.
      await server.stop();
      server = await new TestServer({ root: 'dist-v2', port }).start();
    }
  });

  test('offline after the update, the v2 shell opens', async () => {
    await server.stop();
    await a.goto(server.url);
    await a.getByRole('list', { name: 'Articles' }).locator('li').first().waitFor();
    assert.equal((await running(a)).build, 'v2');
    await a.reload();
    await a.getByRole('list', { name: 'Articles' }).locator('li').first().waitFor();
    assert.equal((await running(a)).entry, entryOf('dist-v2'));
  });
});
