/**
 * Installability and deployment: the web manifest and icons as Chromium sees them, a deep link
 * on the very first visit fetching the index from the app's base (not from the page's path),
 * and a build under a sub-path working offline.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { freePort, Profile, TestServer, waitForController } from './harness.mjs';

const feed = JSON.parse(readFileSync('dist/feed.json', 'utf8'));
const ITEM = feed.items.find((i) => typeof i.id === 'string' && i.id.startsWith('https://'));

describe('install manifest', () => {
  let server;
  let profile;
  let page;
  before(async () => {
    server = await new TestServer({ port: await freePort() }).start();
    profile = new Profile();
    await profile.launch();
    page = await profile.page();
  });
  after(async () => {
    await profile?.close();
    profile?.dispose();
    await server?.stop();
  });

  test('a deep link on the first visit fetches the index from the base URL', async () => {
    await page.goto(`${server.url}article/${encodeURIComponent(ITEM.id)}`);
    await page.locator('h1').filter({ hasText: ITEM.title }).waitFor();
    assert.ok(server.fetched('/feed.json'));
    assert.ok(!server.requests.some((l) => l.includes('/article/feed.json')), 'never /article/feed.json');
  });

  test('the manifest has what installing needs, and Chromium reports no installability error', async () => {
    await waitForController(page);
    const href = await page.locator('link[rel=manifest]').getAttribute('href');
    const manifest = await (await page.request.get(new URL(href, server.url).href)).json();
    for (const key of ['name', 'short_name', 'start_url', 'theme_color', 'background_color']) assert.ok(manifest[key], key);
    assert.equal(manifest.display, 'standalone');
    const sizes = manifest.icons.map((i) => `${i.sizes}:${i.purpose ?? 'any'}`);
    for (const want of ['192x192:any', '512x512:any', '512x512:maskable']) assert.ok(sizes.includes(want), want);
    for (const icon of manifest.icons) {
      const dims = await page.evaluate(async (src) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        return `${img.naturalWidth}x${img.naturalHeight}`;
      }, new URL(icon.src, new URL(href, server.url)).href);
      assert.equal(dims, icon.sizes, icon.src);
    }
    const apple = await page.locator('link[rel=apple-touch-icon]').getAttribute('href');
    assert.equal((await page.request.get(new URL(apple, server.url).href)).status(), 200);
    assert.equal(await page.locator('meta[name=apple-mobile-web-app-capable]').getAttribute('content'), 'yes');

    const cdp = await page.context().newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
  });

  test('the page runs under its Content Security Policy without violations', async () => {
    const csp = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content');
    for (const rule of ["object-src 'none'", "base-uri 'self'", "script-src 'self'", "frame-src 'none'"]) assert.ok(csp.includes(rule), rule);
    const violations = [];
    page.on('console', (m) => /Content Security Policy/.test(m.text()) && violations.push(m.text()));
    await page.goto(server.url);
    await page.getByRole('list', { name: 'Articles' }).locator('li').first().waitFor();
    assert.deepEqual(violations, []);
  });
});

describe('deployed under a sub-path', () => {
  let server;
  let profile;
  before(async () => {
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', 'dist-sub', '--emptyOutDir', '--logLevel', 'warn'], {
      env: { ...process.env, BASE_PATH: '/news/' },
      stdio: 'inherit',
    });
    server = await new TestServer({ root: 'dist-sub', base: '/news/', port: await freePort() }).start();
    profile = new Profile();
    await profile.launch();
  });
  after(async () => {
    await profile?.close();
    profile?.dispose();
    await server?.stop();
  });

  test('/news/ works online, then offline with a deep link', async () => {
    const page = await profile.page();
    await page.goto(server.url);
    await waitForController(page);
    await page.getByRole('list', { name: 'Articles' }).locator('li').first().waitFor();
    assert.ok(server.fetched('/news/feed.json'));
    assert.ok(server.fetched('/news/sw.js'));
    const link = await page.getByRole('list', { name: 'Articles' }).getByRole('link').first().getAttribute('href');
    assert.match(link, /^\/news\/article\//);
    await server.stop();
    await page.goto(`${server.url}article/${encodeURIComponent(ITEM.id)}`);
    await page.locator('h1').filter({ hasText: ITEM.title }).waitFor();
  });
});
