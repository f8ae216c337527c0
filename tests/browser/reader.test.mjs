// @ts-check
/**
 * The reader people expect, in real Chromium: reading state that survives reloads, resume,
 * right-to-left articles, settings that apply at once, keyboard use, narrow screens and large
 * text, touch target sizes, and axe-core on every view.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { articleLinks, articlePath as path, axe, demoFeed, findItem, listReady, openApp, statusCount } from './harness.mjs';

/** @typedef {import('./harness.mjs').App} App */
/** @typedef {import('./harness.mjs').FeedItem} FeedItem */

const demo = demoFeed();

// The demo feed plus one Arabic article, to check right-to-left reading.
const RTL_ID = 'rtl-sample';
const RTL_TITLE = 'عمال الميناء يصوتون على الإضراب';
const feed = {
  ...demo,
  items: [
    ...demo.items,
    {
      id: RTL_ID,
      title: RTL_TITLE,
      language: 'ar',
      date_published: '2026-06-02T09:00:00Z',
      tags: ['strikes'],
      content_html: '<p>صوّت عمال الميناء اليوم على الإضراب.</p><p>قالت النقابة إن المفاوضات ستستمر.</p>',
    },
  ],
};
const TOTAL = feed.items.length;
const LONG = findItem(demo.items, (i) => !i.url && /<img/.test(i.content_html ?? ''));
// The list's order (src/core/order.ts): newest first, then the greater id first.
const NEWEST_FIRST = [...feed.items].sort(
  (a, b) => Date.parse(b.date_published) - Date.parse(a.date_published) || (String(a.id) < String(b.id) ? 1 : String(a.id) > String(b.id) ? -1 : 0),
);
// The page's background in each theme: --paper in src/app/styles.css.
const PAPER = { light: 'rgb(251, 247, 239)', dark: 'rgb(22, 20, 18)', sepia: 'rgb(244, 236, 216)' };

describe('reader', () => {
  /** @type {App} */ let app;
  /** @type {App['server']} */ let server;
  /** @type {App['profile']} */ let profile;
  /** @type {App['page']} */ let page;

  // Each test has a browser profile of its own, on a server of its own: the feed loaded and
  // listed, nothing read, saved or set.
  beforeEach(async () => {
    ({ server, profile, page } = app = await openApp({ feed, feedOptions: { cacheControl: 'no-cache' }, visit: true }));
    await listReady(page, TOTAL);
  });

  // Whatever a test did, it caused no uncaught error in the page.
  afterEach(async () => {
    try {
      assert.deepEqual(profile.errors, [], 'uncaught errors in the page');
    } finally {
      await app?.close();
    }
  });

  test('axe finds no violations in the list, reading and settings views, light and dark', async () => {
    assert.deepEqual(await axe(page), [], 'axe violations in list');
    await page.goto(server.url + path(LONG.id));
    await page.locator('h1').filter({ hasText: LONG.title }).waitFor();
    assert.deepEqual(await axe(page), [], 'axe violations in reading view');
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.locator('h1').filter({ hasText: 'Settings' }).waitFor();
    assert.deepEqual(await axe(page), [], 'axe violations in settings');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${server.url}?tag=strikes`);
    await page.getByRole('status').filter({ hasText: 'filtered' }).waitFor();
    assert.deepEqual(await axe(page), [], 'axe violations in list, dark, filtered');
    await page.goto(server.url + path(LONG.id));
    await page.locator('h1').filter({ hasText: LONG.title }).waitFor();
    assert.deepEqual(await axe(page), [], 'axe violations in reading view, dark');
  });

  test('opening an article marks it read; Save is a pressed toggle that survives a reload', async () => {
    const item = findItem(demo.items, (i) => typeof i.id === 'string' && i.id.startsWith('https://'));
    // Two articles are read: the long one, then `item`.
    await page.goto(server.url + path(LONG.id));
    await page.locator('h1').filter({ hasText: LONG.title }).waitFor();
    await page.goto(server.url);
    await listReady(page, TOTAL);
    const row = articleLinks(page).filter({ has: page.getByRole('link', { name: item.title, exact: true }) });
    assert.equal(await row.getByText('Unread', { exact: true }).count(), 1, 'unread before opening');
    await row.getByRole('link', { name: item.title, exact: true }).click();
    await page.locator('h1').filter({ hasText: item.title }).waitFor();
    const save = page.getByRole('button', { name: /Save/ });
    assert.equal(await save.getAttribute('aria-pressed'), 'false');
    await save.click();
    assert.equal(await save.getAttribute('aria-pressed'), 'true');

    await page.reload();
    await page.locator('h1').filter({ hasText: item.title }).waitFor();
    await page.waitForFunction(() => document.querySelector('button[aria-pressed]')?.getAttribute('aria-pressed') === 'true');
    assert.ok(await page.getByRole('button', { name: 'Mark as unread' }).isVisible());

    await page.goto(`${server.url}?saved=1`);
    await page.getByRole('status').filter({ hasText: 'filtered' }).waitFor();
    assert.equal(await statusCount(page), 1);
    const savedRow = articleLinks(page).first();
    assert.equal(await savedRow.getByRole('link').first().textContent(), item.title);
    assert.equal(await savedRow.getByText('Saved').count(), 1);
    assert.equal(await savedRow.getByText('Unread', { exact: true }).count(), 0, 'read after opening');

    await page.goto(`${server.url}?unread=1`);
    await page.getByRole('status').filter({ hasText: 'filtered' }).waitFor();
    assert.equal(await statusCount(page), TOTAL - 1 - 1, 'unread excludes the two articles opened so far');
  });

  test('reopening an article resumes where the reader stopped', async () => {
    await page.goto(server.url + path(LONG.id));
    await page.locator('h1').filter({ hasText: LONG.title }).waitFor();
    const target = await page.evaluate(() => {
      const el = /** @type {HTMLElement} */ (document.querySelector('article.reader'));
      const top = el.getBoundingClientRect().top + scrollY;
      const y = top + 0.5 * (el.offsetHeight - innerHeight);
      scrollTo(0, y);
      return scrollY;
    });
    // Progress is stored once scrolling settles.
    await page.waitForFunction(() => Number(/** @type {HTMLProgressElement | null} */ (document.querySelector('progress.read-progress'))?.value) >= 45);
    await page.goto(server.url);
    await listReady(page, TOTAL);
    await page.goto(server.url + path(LONG.id));
    await page.getByText(/Resumed at \d+%/).waitFor();
    const y = await page.evaluate(() => scrollY);
    assert.ok(Math.abs(y - target) < 80, `resumed at ${y}px, left at ${target}px`);
  });

  test('an Arabic article reads right to left', async () => {
    await page.goto(server.url + path(RTL_ID));
    const article = page.locator('article.reader');
    await page.locator('h1').filter({ hasText: RTL_TITLE }).waitFor();
    assert.equal(await article.getAttribute('dir'), 'rtl');
    assert.equal(await article.getAttribute('lang'), 'ar');
    const layout = await page.evaluate(() => {
      const p = /** @type {HTMLElement} */ (document.querySelector('.prose p'));
      const range = document.createRange();
      range.selectNodeContents(p);
      const text = range.getBoundingClientRect();
      const box = p.getBoundingClientRect();
      return { direction: getComputedStyle(p).direction, gapRight: box.right - text.right, gapLeft: text.left - box.left };
    });
    assert.equal(layout.direction, 'rtl');
    assert.ok(layout.gapRight < 2 && layout.gapLeft > 20, `text hugs the right edge: ${JSON.stringify(layout)}`);
    assert.deepEqual(await axe(page), [], 'axe violations in RTL reading view');
  });

  test('keyboard: / focuses search, j and k move through the list, Enter opens, Escape goes back', async () => {
    await page.goto(server.url);
    await listReady(page, TOTAL);
    await page.keyboard.press('/');
    await page.waitForFunction(() => document.activeElement?.getAttribute('type') === 'search');
    await page.keyboard.press('Escape'); // leaves the search box
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    const second = /** @type {FeedItem} */ (NEWEST_FIRST[1]).title;
    assert.equal(focused, second, 'focus is on the second newest article');
    assert.equal(await articleLinks(page).nth(1).getByRole('link').first().textContent(), second, 'the second row is the second newest article');
    const visible = await page.evaluate(() => getComputedStyle(/** @type {Element} */ (document.activeElement)).outlineStyle);
    assert.notEqual(visible, 'none', 'focus is visible');
    await page.keyboard.press('Enter');
    await page.locator('h1').filter({ hasText: second }).waitFor();
    await page.keyboard.press('Escape');
    await listReady(page, TOTAL);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), second, 'focus returns to the row');
  });

  test('settings apply at once and persist: theme, text size, language', async () => {
    await page.goto(`${server.url}settings`);
    await page.locator('h1').filter({ hasText: 'Settings' }).waitFor();
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(await bg(), PAPER.light, 'light theme by default');
    await page.getByRole('radio', { name: 'Dark' }).check();
    assert.equal(await bg(), PAPER.dark, 'dark theme applied without reload');
    await page.getByRole('radio', { name: 'Sepia' }).check();
    assert.equal(await bg(), PAPER.sepia, 'sepia theme applied without reload');
    await page.getByLabel('Text size').selectOption('1.5');
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '24px');
    await page.getByLabel('Language of the app').selectOption('es');
    await page.locator('h1').filter({ hasText: 'Ajustes' }).waitFor();
    await page.reload();
    await page.locator('h1').filter({ hasText: 'Ajustes' }).waitFor();
    assert.equal(await bg(), PAPER.sepia, 'theme kept after reload');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
    await page.goto(server.url);
    await page.getByRole('searchbox', { name: 'Buscar artículos' }).waitFor();
    await page.getByRole('status').filter({ hasText: `${TOTAL} artículos` }).waitFor();
  });

  for (const [label, width, scale] of /** @type {[string, number, number][]} */ ([
    ['320 px wide', 320, 1],
    ['200% text', 390, 2],
  ])) {
    test(`nothing overflows at ${label}`, async () => {
      await page.setViewportSize({ width, height: 700 });
      for (const url of [server.url, server.url + path(LONG.id), `${server.url}settings`, `${server.url}?unread=1&lang=en`]) {
        await page.goto(url);
        await page.locator('h1').first().waitFor();
        await page.evaluate((s) => (document.documentElement.style.fontSize = `${s * 100}%`), scale);
        await page.waitForTimeout(50);
        const overflow = await page.evaluate(() => {
          const doc = document.documentElement;
          const wide = [...document.querySelectorAll('body *')]
            .filter((el) => el.getBoundingClientRect().right > doc.clientWidth + 1 && !el.closest('.prose pre, .prose table'))
            .slice(0, 3)
            .map((el) => el.outerHTML.slice(0, 80));
          return { scroll: doc.scrollWidth, client: doc.clientWidth, wide };
        });
        assert.ok(overflow.scroll <= overflow.client, `${url} at ${label}: ${JSON.stringify(overflow)}`);
      }
    });
  }

  test('touch targets are at least 44 px tall (outside article text)', async () => {
    const small = [];
    let checked = 0;
    for (const url of [server.url, server.url + path(LONG.id), `${server.url}settings`]) {
      await page.goto(url);
      await page.locator('h1').first().waitFor();
      await page.evaluate(() => document.querySelector('details.more-filters')?.setAttribute('open', ''));
      const sizes = await page.evaluate(() =>
        [...document.querySelectorAll('a[href], button, input, select, summary')]
          .filter((el) => !el.closest('.prose') && !el.classList.contains('skip-link'))
          .filter((el) => el.getClientRects().length > 0)
          .map((el) => {
            const target = /** @type {Element} */ (el.matches('input[type=radio], input[type=checkbox]') ? el.closest('label') : el);
            const r = target.getBoundingClientRect();
            return { what: `${location.pathname} ${el.outerHTML.slice(0, 60)}`, h: Math.round(r.height), w: Math.round(r.width) };
          }),
      );
      checked += sizes.length;
      small.push(...sizes.filter((x) => x.h < 44 || x.w < 44));
    }
    assert.ok(checked > 100, `measured ${checked} targets`);
    assert.deepEqual(small, []);
  });
});
