// @ts-check
/**
 * A broken or unreachable index must produce a clear alert while every stored article stays
 * listed. Each case is served in place of feed.json after a good first sync.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { articleLinks, demoFeedText, feedHandler, listReady, openApp, serveFeed, statusCount } from './harness.mjs';

/** @typedef {import('./harness.mjs').App} App */
/** @typedef {import('./harness.mjs').Override} Override */

const good = demoFeedText();
const TOTAL = JSON.parse(good).items.length;

/** The index answers `body` with this status and type. */
const send = (/** @type {number} */ status, /** @type {string} */ type, /** @type {string} */ body) => feedHandler(body, { status, type, cacheControl: 'no-store' });

/** @type {[string, Override, RegExp | "calm"][]} */
const CASES = [
  ['invalid JSON', send(200, 'application/json', '{"version": "https://jsonfeed.org/version/1.1", "items": [,]}'), /not valid JSON/],
  ['a truncated file', send(200, 'application/json', good.slice(0, Math.floor(good.length / 2))), /incomplete/],
  ['an HTML error page', send(200, 'text/html', '<!doctype html><title>Oops</title><h1>Gateway error</h1>'), /web page instead/],
  ['HTTP 404', send(404, 'text/plain', 'Not found'), /404/],
  ['HTTP 500', send(500, 'text/plain', 'Internal error'), /500/],
  ['a wrong version', send(200, 'application/json', JSON.stringify({ version: 'https://example.org/v9', items: [] })), /version/],
  ['a feed with no valid items', send(200, 'application/json', JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'x', items: [{ title: 'no id' }, 7] })), /no readable articles.*2 items were skipped/],
  [
    'a network failure',
    (req) => {
      if (!req.url?.startsWith('/feed.json')) return false;
      req.socket.destroy();
      return true;
    },
    // No server answering is how these readers are offline every day: with articles stored, a
    // calm line in the sync bar says so, not an alert (issue 12). Errors the server sends still alert.
    'calm',
  ],
];

describe('bad input keeps the stored articles', () => {
  /** @type {App} */ let app;
  /** @type {App['server']} */ let server;
  /** @type {App['profile']} */ let profile;
  /** @type {App['page']} */ let page;

  before(async () => {
    ({ server, profile, page } = app = await openApp({ visit: true }));
    await listReady(page, TOTAL);
  });

  after(() => app?.close());

  for (const [name, handler, message] of CASES) {
    test(name, async () => {
      serveFeed(server, handler);
      await page.reload();
      if (message === 'calm') {
        await page.getByText(`Offline · ${TOTAL} articles on this phone`).waitFor({ timeout: 10_000 });
        assert.equal(await page.locator('.alert[role=alert]').textContent(), '');
      } else {
        const alert = page.getByRole('alert').filter({ hasText: message });
        await alert.waitFor({ timeout: 10_000 });
        assert.match(/** @type {string} */ (await alert.textContent()), message);
      }
      await page.waitForFunction((n) => document.querySelectorAll('ul[aria-label=Articles] > li').length === n, TOTAL);
      assert.equal(await statusCount(page), TOTAL);
      assert.equal(await articleLinks(page).count(), TOTAL);
    });
  }

  test('items with wrong types, missing fields, bad dates and huge strings: the rest is stored, the alert counts what was skipped and repaired', async () => {
    const demo = JSON.parse(good);
    const junk = [
      { title: 'no id at all', content_text: 'x' },
      { id: { nested: true }, title: 'an object for an id' },
      'a string where an item should be',
      null,
      { id: 'junk-dates', title: 'Dated in words', date_published: 'last Tuesday', date_modified: 42, content_text: 'Body.' },
      { id: 'junk-huge', title: 'T'.repeat(5000), summary: 7, tags: 'not a list', authors: 'nobody', content_html: 'x'.repeat(2_100_000) },
      { id: 12345, title: ['not', 'a', 'string'], url: 17, image: false },
    ];
    serveFeed(server, send(200, 'application/json', JSON.stringify({ ...demo, items: [...demo.items, ...junk] })));
    await page.reload();
    const alert = page.getByRole('alert').filter({ hasText: /skipped/ });
    await alert.waitFor({ timeout: 10_000 });
    assert.equal(
      /** @type {string} */ (await alert.textContent()).trim(),
      '4 items were skipped: 2 items without an id, 2 entries that are not an article. 2 dates could not be read and were left out; 2 over-long fields were shortened.',
    );
    await page.waitForFunction((n) => document.querySelectorAll('ul[aria-label=Articles] > li').length === n, TOTAL + 3);
    assert.equal(await statusCount(page), TOTAL + 3);
  });

  test('a good index again clears the alert', async () => {
    serveFeed(server, undefined);
    await page.reload();
    await page.getByText(/^Updated/).waitFor();
    assert.equal(/** @type {string} */ (await page.locator('.alert').textContent()).trim(), '');
    // The three articles from the junk feed stay: articles that leave the index are kept.
    assert.equal(await statusCount(page), TOTAL + 3);
  });

  test('no uncaught errors in the page', () => {
    assert.deepEqual(profile.errors, []);
  });
});
