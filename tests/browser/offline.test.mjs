// @ts-check
/**
 * The foundation, end to end in real Chromium: one online visit, then no network at all.
 * The server is really stopped (not `setOffline`), and the browser is really closed and
 * relaunched on the same profile.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { articleLinks, articlePath, demoFeed, findItem, openApp, statusCount, waitForController } from './harness.mjs';

/** @typedef {import('./harness.mjs').App} App */

const feed = demoFeed();
const TOTAL = new Set(feed.items.map((i) => String(i.id))).size;
const LONG = findItem(feed.items, (i) => !i.url && /<img/.test(i.content_html ?? ''));
const URL_ID = findItem(feed.items, (i) => typeof i.id === 'string' && i.id.startsWith('https://'));

describe('offline reader', () => {
  /** @type {App} */ let app;
  /** @type {App['server']} */ let server;
  /** @type {App['profile']} */ let profile;
  /** @type {App['page']} */ let page;

  before(async () => {
    ({ server, profile, page } = app = await openApp());
  });

  after(() => app?.close());

  test('first visit: lists every article and a service worker takes control', async () => {
    await page.goto(server.url);
    await waitForController(page);
    await page.getByRole('list', { name: 'Articles' }).waitFor();
    await page.waitForFunction((n) => /^\S+ articles?/.test(document.querySelector('[role=status]')?.textContent ?? '') && document.querySelectorAll('ul[aria-label=Articles] > li').length === n, TOTAL);
    assert.equal(await statusCount(page), TOTAL);
    assert.equal(await articleLinks(page).count(), TOTAL);
    // Newest first.
    const first = await articleLinks(page).first().getByRole('link').first().textContent();
    const newest = [...feed.items].sort((a, b) => Date.parse(b.date_published) - Date.parse(a.date_published))[0];
    assert.equal(first, newest.title);
    assert.equal(await page.getByRole('searchbox', { name: 'Search articles' }).count(), 1);
    assert.ok(server.fetched('/feed.json'), 'the index was fetched');
  });

  test('the index is never precached', async () => {
    const cached = await page.evaluate(async () => {
      const urls = [];
      for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) urls.push(req.url.split('?')[0]);
      return urls;
    });
    assert.ok(cached.some((u) => u.endsWith('/index.html')), `shell precached: ${cached.join(', ')}`);
    assert.ok(!cached.some((u) => /feed\.json/.test(u)), 'feed.json is not in any cache');
  });

  test('with the server stopped, a reload still lists every article', async () => {
    await server.stop();
    await page.reload();
    await page.getByRole('list', { name: 'Articles' }).waitFor();
    await page.waitForFunction((n) => document.querySelectorAll('ul[aria-label=Articles] > li').length === n, TOTAL);
    assert.equal(await statusCount(page), TOTAL);
    // The failed refresh says so calmly (offline is normal here, not an error), and the stored articles stay.
    await page.getByText(`Offline · ${TOTAL} articles on this phone`).waitFor();
    assert.equal(await page.locator('.alert[role=alert]').textContent(), '');
  });

  test('offline search narrows the list, ignoring case and accents', async () => {
    const box = page.getByRole('searchbox', { name: 'Search articles' });
    await box.fill('EDUCACION');
    await page.getByRole('status').filter({ hasText: 'filtered' }).waitFor();
    const n = await statusCount(page);
    assert.ok(n > 0 && n < TOTAL, `"EDUCACION" matched ${n} of ${TOTAL}`);
    assert.equal(await articleLinks(page).count(), n);
    const titles = await articleLinks(page).getByRole('heading').allTextContents();
    const spanish = findItem(feed.items, (i) => /^Educación/.test(i.title));
    assert.ok(titles.includes(spanish.title), `"${spanish.title}" is found by "EDUCACION"`);
    assert.match(page.url(), /[?&]q=EDUCACION/);
    await box.fill('zzzqqq-nothing');
    await page.getByRole('status').filter({ hasText: /^0 articles/ }).waitFor();
    assert.equal(await articleLinks(page).count(), 0);
  });

  test('offline deep link opens one article, with its local image', async () => {
    await page.goto(server.url + articlePath(LONG.id));
    const h1 = page.locator('h1');
    await h1.filter({ hasText: LONG.title }).waitFor();
    assert.equal(await h1.count(), 1, 'the title is the only h1');
    const img = page.locator('.prose img').first();
    await img.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => {
      const el = /** @type {HTMLImageElement | null} */ (document.querySelector('.prose img'));
      return el && el.complete && el.naturalWidth > 0;
    });
    assert.match(/** @type {string} */ (await img.getAttribute('src')), new RegExp(`^${server.url}images/`), 'relative src resolved against the app');
  });

  test('after the browser was closed: deep link, filtered URL and search still work offline', async () => {
    await profile.close();
    await profile.launch();
    page = await profile.page();
    await page.goto(server.url + articlePath(URL_ID.id));
    await page.locator('h1').filter({ hasText: URL_ID.title }).waitFor();

    // Back to the list keeps working from a deep link (no history to go back to).
    await page.getByRole('link', { name: /All articles/ }).first().click();
    await page.waitForFunction((n) => document.querySelectorAll('ul[aria-label=Articles] > li').length === n, TOTAL);

    const tag = 'strikes';
    const expected = feed.items.filter((i) => i.tags?.includes(tag)).length;
    await page.goto(`${server.url}?tag=${encodeURIComponent(tag)}`);
    await page.getByRole('status').filter({ hasText: 'filtered' }).waitFor();
    assert.equal(await statusCount(page), expected);
    assert.equal(await page.getByRole('combobox', { name: 'Tag' }).inputValue(), tag);
  });

  test('back from an article restores the filter and the scroll position', async () => {
    await page.goto(server.url);
    await page.waitForFunction((n) => document.querySelectorAll('ul[aria-label=Articles] > li').length === n, TOTAL);
    const row = articleLinks(page).nth(30).getByRole('link').first();
    await row.scrollIntoViewIfNeeded();
    const y = await page.evaluate(() => scrollY);
    assert.ok(y > 500, `scrolled down (${y}px)`);
    const title = /** @type {string} */ (await row.textContent());
    await row.click();
    await page.locator('h1').filter({ hasText: title }).waitFor();
    await page.getByRole('link', { name: /All articles/ }).first().click();
    await page.waitForFunction((n) => document.querySelectorAll('ul[aria-label=Articles] > li').length === n, TOTAL);
    await page.waitForFunction((want) => Math.abs(scrollY - want) < 5, y);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), title, 'focus returns to the row');
  });

  test('no uncaught errors in the page', () => {
    assert.deepEqual(profile.errors, []);
  });
});
