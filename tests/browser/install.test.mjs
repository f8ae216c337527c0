// @ts-check
/**
 * Installability and deployment: the web manifest and icons as Chromium sees them, a deep link
 * on the very first visit fetching the index from the app's base (not from the page's path),
 * and a build under a sub-path working offline.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { demoFeed, findItem, listReady, openApp, waitForController } from './harness.mjs';

/** @typedef {import('./harness.mjs').App} App */

const feed = demoFeed();
const ITEM = findItem(feed.items, (i) => typeof i.id === 'string' && i.id.startsWith('https://'));

describe('install manifest', () => {
  /** @type {App} */ let app;
  /** @type {App['server']} */ let server;
  /** @type {App['page']} */ let page;
  before(async () => {
    ({ server, page } = app = await openApp());
  });
  after(() => app?.close());

  test('a deep link on the first visit fetches the index from the base URL', async () => {
    await page.goto(`${server.url}article/${encodeURIComponent(ITEM.id)}`);
    await page.locator('h1').filter({ hasText: ITEM.title }).waitFor();
    assert.ok(server.fetched('/feed.json'));
    assert.ok(!server.requests.some((l) => l.includes('/article/feed.json')), 'never /article/feed.json');
  });

  test('the manifest has what installing needs, and Chromium reports no installability error (Chromium only: CDP)', async () => {
    await waitForController(page);
    const href = /** @type {string} */ (await page.locator('link[rel=manifest]').getAttribute('href'));
    /** @type {{ icons: { src: string, sizes: string, purpose?: string }[], [key: string]: unknown }} */
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
    const apple = /** @type {string} */ (await page.locator('link[rel=apple-touch-icon]').getAttribute('href'));
    assert.equal((await page.request.get(new URL(apple, server.url).href)).status(), 200);
    assert.equal(await page.locator('meta[name=apple-mobile-web-app-capable]').getAttribute('content'), 'yes');

    const cdp = await page.context().newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
  });

  test('the page runs under its Content Security Policy without violations', async () => {
    const csp = /** @type {string} */ (await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content'));
    for (const rule of ["object-src 'none'", "base-uri 'self'", "script-src 'self'", "frame-src 'none'"]) assert.ok(csp.includes(rule), rule);
    /** @type {string[]} */
    const violations = [];
    page.on('console', (m) => /Content Security Policy/.test(m.text()) && violations.push(m.text()));
    await page.goto(server.url);
    await listReady(page);
    assert.deepEqual(violations, []);
  });
});

describe('deployed under a sub-path', () => {
  /** @type {App} */ let app;
  /** @type {App['server']} */ let server;
  /** @type {App['page']} */ let page;
  before(async () => {
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', 'dist-sub', '--emptyOutDir', '--logLevel', 'warn'], {
      env: { ...process.env, BASE_PATH: '/news/' },
      stdio: 'inherit',
    });
    ({ server, page } = app = await openApp({ root: 'dist-sub', base: '/news/' }));
  });
  after(() => app?.close());

  test('/news/ works online, then offline with a deep link', async () => {
    await page.goto(server.url);
    await waitForController(page);
    await listReady(page);
    assert.ok(server.fetched('/news/feed.json'));
    assert.ok(server.fetched('/news/sw.js'));
    const link = /** @type {string} */ (await page.getByRole('list', { name: 'Articles' }).getByRole('link').first().getAttribute('href'));
    assert.match(link, /^\/news\/article\//);
    await server.stop();
    await page.goto(`${server.url}article/${encodeURIComponent(ITEM.id)}`);
    await page.locator('h1').filter({ hasText: ITEM.title }).waitFor();
  });
});
