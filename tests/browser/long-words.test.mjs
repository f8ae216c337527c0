// @ts-check
/**
 * Issue 14: no view scrolls sideways at 320 and 390 px, whatever a feed puts in a title, tag,
 * author, summary or body (600-character words); and foreign text inside the app's own sentences
 * is isolated (a file name with U+202E, a server's status text never quoted).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { articlePath, listReady, openApp, serveFeed, waitForController } from './harness.mjs';

/** @typedef {import('./harness.mjs').App} App */

const word = (/** @type {string} */ c) => c.repeat(600);
const LONG = {
  version: 'https://jsonfeed.org/version/1.1',
  title: word('F'),
  items: [
    {
      id: 'long-words',
      title: word('T'),
      summary: word('s'),
      content_html: `<p>${word('b')}</p><p><a href="https://example.org/${word('u')}">${word('l')}</a></p><pre>${word('p')}</pre><table><tr><td>${word('c')}</td></tr></table>`,
      date_published: '2024-03-01T10:00:00Z',
      tags: [word('g'), 'short'],
      authors: [{ name: word('A') }],
      language: 'en',
    },
    { id: 'plain', title: 'A plain article', content_text: 'Plain.', date_published: '2024-03-02T10:00:00Z', tags: ['short'] },
  ],
};

/** @param {import('playwright-core').Page} page */
const overflow = (page) => page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: innerWidth }));

describe('long words never widen a view', () => {
  /** @type {App} */ let app;
  before(async () => {
    app = await openApp({ visit: true, feed: LONG });
    await waitForController(app.page);
    await listReady(app.page, 2);
  });
  after(() => app?.close());

  for (const width of [320, 390]) {
    test(`at ${width} px: list, list with every filter open and a tag chosen, article, settings`, async () => {
      const { page, server } = app;
      await page.setViewportSize({ width, height: 800 });
      /** @type {[string, () => Promise<void>][]} */
      const views = [
        ['the list', async () => {
          await page.goto(server.url);
          await listReady(page, 2);
        }],
        ['the list with More filters open and the long tag chosen', async () => {
          await page.goto(`${server.url}?tag=${encodeURIComponent(word('g'))}`);
          await page.locator('details.more-filters').evaluate((d) => ((/** @type {HTMLDetailsElement} */ (d)).open = true));
          await page.locator('#author option').nth(1).waitFor({ state: 'attached' });
        }],
        ['the article', async () => {
          await page.goto(server.url + articlePath('long-words'));
          await page.locator('.prose p').first().waitFor();
        }],
        ['settings', async () => {
          await page.goto(`${server.url}settings`);
          await page.getByRole('button', { name: 'Export' }).waitFor();
        }],
      ];
      for (const [name, show] of views) {
        await show();
        const { scroll, inner } = await overflow(page);
        assert.ok(scroll <= inner, `${name} at ${width} px: scrollWidth ${scroll} > innerWidth ${inner}`);
      }
    });
  }

  test('the consent screen with a 600-character file name holds too', async () => {
    const { page, server } = app;
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`${server.url}settings`);
    const file = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: 'x', title: word('x'), content_text: 'x' }] });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import' }).click()]);
    await chooser.setFiles({ name: `${word('n')}.json`, mimeType: 'application/json', buffer: Buffer.from(file) });
    await page.getByRole('group', { name: 'Import this file?' }).waitFor();
    const { scroll, inner } = await overflow(page);
    assert.ok(scroll <= inner, `consent screen: scrollWidth ${scroll} > innerWidth ${inner}`);
    await page.getByRole('button', { name: 'Cancel' }).click();
  });
});

describe('foreign text inside the app’s sentences', () => {
  /** @type {App} */ let app;
  before(async () => {
    app = await openApp({ visit: true });
    await waitForController(app.page);
    await listReady(app.page);
  });
  after(() => app?.close());

  test('a rejected file’s name is isolated (FSI…PDI) and nothing read from it is echoed', async () => {
    const { page, server } = app;
    await page.goto(`${server.url}settings`);
    const name = 'evil\u202Egnp.json';
    const bad = JSON.stringify({ version: 'https://attacker.example/\u202Eversion', items: [] });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import' }).click()]);
    await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(bad) });
    const message = page.getByRole('alert').filter({ hasText: 'was not imported' });
    await message.waitFor();
    const text = /** @type {string} */ (await message.textContent());
    assert.ok(text.includes(`\u2068${name}\u2069`), `the name is isolated: ${JSON.stringify(text)}`);
    assert.ok(!text.includes('attacker.example'), 'the file’s version value is not echoed');
  });

  test('the consent screen shows the file name in <bdi>', async () => {
    const { page, server } = app;
    await page.goto(`${server.url}settings`);
    const name = 'photos\u202Enosj.json';
    const file = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: 'bidi', title: 'Bidi', content_text: 'x' }] });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import' }).click()]);
    await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(file) });
    const consent = page.getByRole('group', { name: 'Import this file?' });
    await consent.waitFor();
    assert.equal(await consent.locator('bdi').textContent(), name);
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  test('a server’s HTTP status text is never quoted: the code is enough', async () => {
    const { page, server } = app;
    serveFeed(server, (req, res) => {
      if (!req.url?.startsWith('/feed.json')) return false;
      res.writeHead(503, 'Call 555 0100 now', { 'content-type': 'text/plain', 'cache-control': 'no-store' });
      res.end('down');
      return true;
    });
    await page.goto(server.url);
    const alert = page.getByRole('alert').filter({ hasText: '503' });
    await alert.waitFor({ timeout: 10_000 });
    assert.ok(!(/** @type {string} */ (await alert.textContent())).includes('Call 555'));
    serveFeed(server, undefined);
  });
});
