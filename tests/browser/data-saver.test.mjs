// @ts-check
/**
 * Issue 12's data saver in real Chromium: the question before a large first sync (a head page
 * stating its totals), images that wait for a tap under Save-Data (counted at the server), and
 * the "Data used" count. Content is this file's own.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { articlePath, axe, countStore, openApp } from './harness.mjs';

/** @typedef {import('./harness.mjs').App} App */
/** @typedef {import('node:http').IncomingMessage} Req */
/** @typedef {import('node:http').ServerResponse} Res */

const PER_PAGE = 300;
const PAGES = 3;

/** @param {number} n */
function page(n) {
  const items = Array.from({ length: PER_PAGE }, (_, i) => {
    const k = (n - 1) * PER_PAGE + i;
    return { id: `d${k}`, title: `Dispatch ${k}`, content_text: `Notes from the quay, number ${k}.`, date_published: new Date(Date.UTC(2026, 10, 1) - k * 60_000).toISOString() };
  });
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Quay Dispatches',
    items,
    ...(n < PAGES ? { next_url: `page${n + 1}.json` } : {}),
    ...(n === 1 ? { _broadsheet: { totals: { articles: 3120, index_bytes: 6_400_000, body_bytes: 312_000_000, images: 4_100 } } } : {}),
  });
}

/** @param {Req} req @param {Res} res */
function paginated(req, res) {
  const m = /^\/(feed|page(\d))\.json/.exec(req.url ?? '');
  if (!m) return false;
  res.writeHead(200, { 'content-type': 'application/feed+json', 'cache-control': 'no-store' });
  res.end(page(m[2] ? Number(m[2]) : 1));
  return true;
}

describe('the question before a large first sync', () => {
  /** @type {App} */ let app;
  before(async () => {
    app = await openApp({ feed: paginated });
  });
  after(() => app?.close());

  test('says what it costs, with Download all, Only the newest 500 and Not now; Not now stores nothing', async () => {
    const { page, server } = app;
    await page.goto(server.url);
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    assert.match((await dialog.textContent()) ?? '', /3,120 articles · 6\.1 MB/);
    for (const name of ['Download all', 'Only the newest 500', 'Not now']) assert.equal(await dialog.getByRole('button', { name }).count(), 1, name);
    assert.deepEqual(await axe(page), [], 'axe violations with the question open');
    await dialog.getByRole('button', { name: 'Not now' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Check for new articles' }).and(page.locator(':enabled')).waitFor();
    assert.equal(await countStore(page, 'articles'), 0);
  });

  test('Only the newest 500 stores the newest 500 and no more', async () => {
    const { page } = app;
    await page.reload();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Only the newest 500' }).click();
    await page.getByRole('status').filter({ hasText: /^500 articles$/ }).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Check for new articles' }).and(page.locator(':enabled')).waitFor();
    assert.equal(await countStore(page, 'articles'), 500);
  });

  test('Keep offline for many articles asks too, with what their bodies cost', async () => {
    const { page, server } = app;
    await page.goto(`${server.url}settings`);
    await page.getByRole('button', { name: 'Keep everything offline' }).click();
    const dialog = page.getByRole('dialog', { name: 'Keep these articles offline?' });
    await dialog.waitFor();
    // 500 of 3,120 articles' share of 312,000,000 body bytes (`images` is a count): 50,000,000 bytes, 48 MB.
    assert.match((await dialog.textContent()) ?? '', /500 articles · 48 MB/);
    assert.deepEqual(await axe(page), [], 'axe violations with the Keep offline question');
    await dialog.getByRole('button', { name: 'Not now' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await countStore(page, 'offline'), 0);
  });

  test('the storage panel shows the data used by those downloads', async () => {
    const { page, server } = app;
    await page.goto(`${server.url}settings`);
    const used = page.locator('.data-used');
    await used.waitFor();
    assert.match((await used.textContent()) ?? '', /This month: [\d.,]+ KB/);
    assert.doesNotMatch((await used.textContent()) ?? '', /This month: 0 KB/);
    await used.getByRole('button', { name: 'Reset the count' }).click();
    await page.getByText('This month: 0 KB · In total: 0 KB').waitFor();
  });
});

describe('Save-Data', () => {
  /** @type {App} */ let app;
  /** @type {string[]} */ const images = [];
  const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
  const FEED = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Quay Pictures',
    items: [
      {
        id: 'pier',
        title: 'The old pier at low tide',
        content_html: '<p>Seen from the sea wall.</p><img src="/img/pier.png" alt="The old pier" width="640" height="480"><p>And from the beach:</p><picture><source srcset="/img/beach.webp" type="image/webp"><img src="/img/beach.png" alt="Boats on the sand"></picture>',
        date_published: '2026-11-20T08:00:00Z',
      },
    ],
  };
  before(async () => {
    app = await openApp({
      feed: /** @param {Req} req @param {Res} res */ (req, res) => {
        if (req.url?.startsWith('/img/')) {
          images.push(req.url);
          res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
          res.end(PNG);
          return true;
        }
        if (!req.url?.startsWith('/feed.json')) return false;
        res.writeHead(200, { 'content-type': 'application/feed+json', 'cache-control': 'no-store' });
        res.end(JSON.stringify(FEED));
        return true;
      },
    });
    // What a phone with the browser's data saver on tells the page.
    await app.page.addInitScript(() => {
      Object.defineProperty(navigator, 'connection', { configurable: true, value: { saveData: true, type: 'cellular', addEventListener() {}, removeEventListener() {} } });
    });
  });
  after(() => app?.close());

  test('no article image is requested until it is tapped; a tap loads that one', async () => {
    const { page, server } = app;
    await page.goto(server.url + articlePath('pier'));
    await page.getByRole('heading', { level: 1, name: 'The old pier at low tide' }).waitFor();
    const pier = page.getByRole('button', { name: 'Show image: The old pier (640 × 480)' });
    await pier.waitFor();
    await page.getByRole('button', { name: 'Show image: Boats on the sand' }).waitFor();
    assert.equal(await page.locator('.prose img').count(), 0);
    assert.deepEqual(await axe(page), [], 'axe violations with image placeholders');
    // The page is quiet (everything it would load has loaded), and still no image was asked for.
    await page.waitForLoadState('networkidle');
    assert.deepEqual(images, []);
    await pier.click();
    const img = page.getByRole('img', { name: 'The old pier' });
    await img.waitFor();
    await page.waitForFunction(() => /** @type {HTMLImageElement | null} */ (document.querySelector('.prose img'))?.complete === true);
    assert.deepEqual(images, ['/img/pier.png']);
    assert.equal(await page.getByRole('button', { name: 'Show image: Boats on the sand' }).count(), 1);
  });
});
