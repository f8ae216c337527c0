// @ts-check
/**
 * The deploy recipe, proven through real nginx (Debian's package; scripts/nginx.mjs installs it
 * on CI): the build and an archive written by `npm run index`, served with
 * deploy/nginx/broadsheet.conf.
 *
 *   1. At the root, an archive from RSS in several pages: every header the recipe promises, a
 *      deep link on a first visit, an offline reload with nginx stopped, and a 304 for an
 *      unchanged head page.
 *   2. End to end, under /news/: a Markdown folder → `npm run index` → a build with its own
 *      broadsheet.config.json → listed, searched and read offline under the configured name and
 *      icon.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import sharp from 'sharp';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';
import { startNginx } from '../../scripts/nginx.mjs';
import { freePort, listReady, statusCount, waitForController } from './harness.mjs';

const FIX = 'tests/fixtures/publisher';
const work = mkdtempSync(join(tmpdir(), 'broadsheet-nginx-'));
chmodSync(work, 0o755); // nginx's workers may run as "nobody"
after(() => rmSync(work, { recursive: true, force: true }));

/** `npm run index -- …`, the real command. */
function index(/** @type {string[]} */ ...args) {
  return execFileSync(process.execPath, ['publisher/run.mjs', ...args], { encoding: 'utf8' });
}

/** A browser with a fresh profile (a first visit). */
async function browser() {
  const dir = mkdtempSync(join(work, 'profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: findChromium({ install: false }),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 390, height: 844 },
  });
  /** @type {string[]} */
  const errors = [];
  context.on('weberror', (e) => errors.push(String(e.error())));
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, errors };
}

describe('nginx at the root: headers, deep link, offline, 304', () => {
  const site = join(work, 'site');
  /** @type {Awaited<ReturnType<typeof startNginx>>} */ let nginx;
  /** @type {Awaited<ReturnType<typeof browser>>} */ let b;
  /** @type {number} */ let port;
  /** @type {{ id: string, title: string }} */ let newest;

  before(async () => {
    cpSync('dist', site, { recursive: true });
    rmSync(join(site, 'feed.json')); // the demo index: this site's index comes from npm run index
    index(`${FIX}/runs/run1.xml`, `${FIX}/runs/run2.xml`, `${FIX}/rss2.xml`, '--out', site, '--page-kb', '1.5');
    const head = JSON.parse(readFileSync(join(site, 'feed.json'), 'utf8'));
    newest = head.items[0];
    port = await freePort();
    nginx = await startNginx({ prefix: join(work, 'nginx-root'), root: site, port });
    b = await browser();
  });
  after(async () => {
    await b?.context.close();
    await nginx?.stop();
  });

  test('headers: no-cache for the page, worker, manifest and index; immutable assets; feed+json, gzip, CORS, frame-ancestors', async () => {
    const get = async (/** @type {string} */ path) => {
      const res = await fetch(`${nginx.url}${path}`, { headers: { 'accept-encoding': 'gzip' } });
      await res.arrayBuffer();
      return res;
    };
    for (const path of ['/', '/index.html', '/sw.js', '/manifest.webmanifest', '/feed.json', '/pages/1.json']) {
      const res = await get(path);
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('cache-control'), 'no-cache', path);
      assert.equal(res.headers.get('content-security-policy'), "frame-ancestors 'none'", path);
    }
    const feed = await get('/feed.json');
    assert.match(/** @type {string} */ (feed.headers.get('content-type')), /^application\/feed\+json/);
    assert.equal(feed.headers.get('content-encoding'), 'gzip');
    assert.equal(feed.headers.get('access-control-allow-origin'), '*');
    assert.ok(feed.headers.get('etag'));
    assert.match(/** @type {string} */ ((await get('/manifest.webmanifest')).headers.get('content-type')), /^application\/manifest\+json/);
    const html = await (await fetch(`${nginx.url}/`)).text();
    const asset = /** @type {string} */ (/src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1]);
    const a = await get(asset);
    assert.equal(a.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(a.headers.get('content-security-policy'), "frame-ancestors 'none'");
    const body = JSON.parse(await (await fetch(`${nginx.url}/feed.json`)).text()).items[0]._broadsheet.body_url;
    const bodyRes = await get(`/${body}`);
    assert.equal(bodyRes.status, 200);
    assert.equal(bodyRes.headers.get('access-control-allow-origin'), '*');
    const missing = await get('/pages/999.json');
    assert.equal(missing.status, 404, 'a missing index page is a 404, not the app');
  });

  test('a deep link on a first visit opens the article, its body fetched on demand', async () => {
    const url = `${nginx.url}/article/${encodeURIComponent(newest.id)}`;
    const res = await fetch(url);
    assert.equal(res.status, 200);
    assert.match(await res.text(), /<div id="app">/);
    await b.page.goto(url);
    await b.page.locator('h1').filter({ hasText: newest.title }).waitFor();
    await b.page.locator('.prose').filter({ hasText: 'winter timetable starts on Monday, with the 7:10 sailing restored' }).waitFor();
  });

  test('every page of the archive is stored, then an unchanged head page costs one 304', async () => {
    await b.page.goto(`${nginx.url}/`);
    await waitForController(b.page);
    await listReady(b.page);
    await b.page.waitForFunction(() => /^6 articles/.test(document.querySelector('[role=status]')?.textContent ?? ''));
    const before = nginx.log().length;
    await b.page.getByRole('button', { name: 'Check for new articles' }).click();
    await b.page.waitForFunction(() => !document.querySelector('.syncbar button[disabled]'));
    const feedHits = () => nginx.log().slice(before).filter((l) => l.includes('GET /feed.json '));
    for (let i = 0; i < 100 && feedHits().length === 0; i++) await b.page.waitForTimeout(50);
    const hits = feedHits();
    assert.equal(hits.length, 1, hits.join('\n'));
    assert.match(/** @type {string} */ (hits[0]), /" 304 /);
  });

  test('offline reload with nginx stopped: the list and the article still open', async () => {
    await nginx.stop();
    await b.page.reload();
    await listReady(b.page);
    assert.equal(await statusCount(b.page), 6);
    await b.page.goto(`${nginx.url}/article/${encodeURIComponent(newest.id)}`);
    await b.page.locator('.prose').filter({ hasText: 'the 7:10 sailing restored' }).waitFor();
    assert.deepEqual(b.errors, []);
  });
});

describe('end to end under /news/: Markdown → npm run index → branded build → nginx', () => {
  const www = join(work, 'www');
  const build = join(work, 'build');
  /** @type {Awaited<ReturnType<typeof startNginx>>} */ let nginx;
  /** @type {Awaited<ReturnType<typeof browser>>} */ let b;
  const brand = {
    name: 'Harbour Gazette — read it offline',
    short_name: 'Gazette',
    description: 'The harbour news on your phone, with or without a network.',
    theme_color: '#1d6b3a',
    background_color: '#f7f3e8',
    icon: join(process.cwd(), FIX, 'brand/icon.svg'),
    index_url: 'feed.json',
    language: 'en',
    base_path: '/news/',
  };

  before(async () => {
    const config = join(work, 'broadsheet.config.json');
    writeFileSync(config, JSON.stringify(brand));
    /** @type {Record<string, string | undefined>} */
    const env = { ...process.env, BROADSHEET_CONFIG: config, BASE_PATH: '', VITE_INDEX_URL: '' };
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', build, '--emptyOutDir', '--logLevel', 'warn'], { env, stdio: 'inherit' });
    cpSync(build, join(www, 'news'), { recursive: true });
    rmSync(join(www, 'news', 'feed.json'));
    const out = index(`${FIX}/markdown`, '--out', join(www, 'news'), '--title', brand.short_name, '--site-url', 'https://gazette.example.org/news/');
    assert.match(out, /added 2/);
    nginx = await startNginx({ prefix: join(work, 'nginx-news'), root: www, port: await freePort(), app: '/news/' });
    b = await browser();
  });
  after(async () => {
    await b?.context.close();
    await nginx?.stop();
  });

  test('under the configured name, colours and icon', async () => {
    await b.page.goto(`${nginx.url}/news/`);
    assert.equal(await b.page.locator('meta[name=theme-color]').getAttribute('content'), '#1d6b3a');
    assert.equal(await b.page.locator('meta[name=apple-mobile-web-app-title]').getAttribute('content'), 'Gazette');
    const manifestHref = /** @type {string} */ (await b.page.locator('link[rel=manifest]').getAttribute('href'));
    const manifestUrl = new URL(manifestHref, `${nginx.url}/news/`);
    const manifest = await (await fetch(manifestUrl)).json();
    assert.equal(manifest.name, brand.name);
    assert.equal(manifest.short_name, 'Gazette');
    assert.equal(manifest.theme_color, '#1d6b3a');
    assert.equal(manifest.background_color, '#f7f3e8');
    // The icons are drawn from the configured image: a yellow disc on green.
    for (const icon of manifest.icons) {
      const png = Buffer.from(await (await fetch(new URL(icon.src, manifestUrl))).arrayBuffer());
      const { width } = await sharp(png).metadata();
      assert.equal(`${width}x${width}`, icon.sizes);
      const centre = await sharp(png).extract({ left: Math.floor(width / 2), top: Math.floor(width / 2), width: 1, height: 1 }).raw().toBuffer();
      assert.deepEqual([...centre.subarray(0, 3)], [0xf4, 0xd3, 0x5e], `${icon.src} centre`);
    }
    const apple = /** @type {string} */ (await b.page.locator('link[rel=apple-touch-icon]').getAttribute('href'));
    assert.equal(apple, '/news/icons/apple-touch-icon.png');
    assert.equal((await fetch(`${nginx.url}${apple}`)).status, 200);
  });

  test('the Markdown articles are listed, searched and read, then read offline after a reload', async () => {
    await waitForController(b.page);
    await listReady(b.page);
    await b.page.waitForFunction(() => /^2 articles/.test(document.querySelector('[role=status]')?.textContent ?? ''));
    assert.equal(await b.page.title(), 'Gazette');
    const box = b.page.getByRole('searchbox', { name: 'Search articles' });
    await box.fill('lighthouse');
    await b.page.getByRole('status').filter({ hasText: 'filtered' }).waitFor();
    await b.page.waitForFunction(() => document.querySelector('ul[aria-label=Articles]')?.getAttribute('aria-busy') !== 'true');
    assert.equal(await statusCount(b.page), 1);
    await b.page.getByRole('link', { name: 'Lighthouse open day' }).click();
    await b.page.locator('.prose').filter({ hasText: 'Climb the 132 steps' }).waitFor();
    assert.match(b.page.url(), /\/news\/article\//);
    await nginx.stop();
    await b.page.reload();
    await b.page.locator('.prose').filter({ hasText: 'Climb the 132 steps' }).waitFor();
    await b.page.goto(`${nginx.url}/news/`);
    await listReady(b.page);
    assert.equal(await statusCount(b.page), 2);
    assert.deepEqual(b.errors, []);
  });
});
