// @ts-check
/**
 * Issue 12 in the list, in real Chromium: reading time in rows and the reader, Mark N as read
 * with Undo, search snippets in <mark>, the phone-first header at 390 × 844, and the calm offline
 * line with the server stopped. Content is this file's own.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { articleLinks, articlePath, axe, openApp, readStore, waitForController } from './harness.mjs';

/** @typedef {import('./harness.mjs').App} App */

const words = (/** @type {number} */ n, w = 'tide') => Array.from({ length: n }, (_, i) => `${w}${i % 7}`).join(' ');
const ITEMS = [
  { id: 'ferry', title: 'The night ferry returns', language: 'en', content_html: `<p>${words(700)} The harbour master opened the gates at dawn.</p>`, date_published: '2026-11-20T08:00:00Z' },
  { id: 'market', title: 'Fish market moves inland', language: 'en', summary: 'Traders say the harbour rent doubled in a year.', content_text: words(230), date_published: '2026-11-19T08:00:00Z' },
  { id: 'lluvia', title: 'Lluvias en la costa', language: 'es', content_text: `${words(1100, 'agua')} El puerto cerró.`, date_published: '2026-11-18T08:00:00Z' },
  { id: 'bridge', title: 'Bridge repairs begin', language: 'en', content_text: words(50), date_published: '2026-11-17T08:00:00Z' },
  { id: 'school', title: 'A school by the docks', language: 'en', content_text: words(460), date_published: '2026-11-16T08:00:00Z' },
  { id: 'storm', title: 'Storm warning lifted', language: 'en', content_text: words(90), date_published: '2026-11-15T08:00:00Z' },
];
const FEED = { version: 'https://jsonfeed.org/version/1.1', title: 'Harbour Weekly', items: ITEMS };

describe('list extras (issue 12)', () => {
  /** @type {App} */ let app;
  /** @type {App['page']} */ let page;
  /** @type {App['server']} */ let server;

  before(async () => {
    ({ page, server } = app = await openApp({ feed: FEED }));
    await page.goto(server.url);
    await waitForController(page);
    await articleLinks(page).nth(ITEMS.length - 1).waitFor();
  });
  after(() => app?.close());

  test('each row says "N min read", from the stored word count and the article’s language', async () => {
    const rows = articleLinks(page);
    assert.equal(await rows.count(), ITEMS.length);
    for (let i = 0; i < ITEMS.length; i++) assert.match((await rows.nth(i).textContent()) ?? '', /\d+ min read/);
    // 700+ English words at 228 a minute: 3 min; 1,100 Spanish words at 218: 5 min.
    assert.match((await rows.filter({ hasText: 'The night ferry returns' }).textContent()) ?? '', /3 min read/);
    assert.match((await rows.filter({ hasText: 'Lluvias en la costa' }).textContent()) ?? '', /5 min read/);
    const stored = /** @type {{ id: string, words?: number }[]} */ (await readStore(page, 'articles'));
    assert.ok(stored.every((a) => typeof a.words === 'number' && a.words > 0), 'the count is stored with each article');
  });

  test('the reading view says it too', async () => {
    await page.goto(server.url + articlePath('ferry'));
    await page.getByRole('heading', { level: 1, name: 'The night ferry returns' }).waitFor();
    await page.getByText(/^3 min read$/).waitFor();
    await page.goto(server.url);
    await articleLinks(page).first().waitFor();
  });

  test('Mark N as read marks the filter’s unread articles in one go, and Undo puts every state back', async () => {
    // "ferry" was opened above: it is read already, and must stay read after Undo.
    const mark = page.getByRole('button', { name: /^Mark \d+ as read$/ });
    await mark.waitFor();
    assert.equal(await mark.textContent(), `Mark ${ITEMS.length - 1} as read`);
    assert.deepEqual(await axe(page), [], 'axe violations with Mark N as read');
    const before = /** @type {{ id: string }[]} */ (await readStore(page, 'state'));
    await mark.click();
    const undo = page.getByRole('button', { name: 'Undo' });
    await undo.waitFor();
    await page.waitForFunction(() => document.querySelectorAll('li.row.unread').length === 0);
    let states = /** @type {{ id: string, read: boolean }[]} */ (await readStore(page, 'state'));
    await page.waitForFunction(async (n) => {
      const r = await new Promise((resolve) => {
        const o = indexedDB.open('broadsheet');
        o.onsuccess = () => {
          const q = o.result.transaction('state').objectStore('state').getAll();
          q.onsuccess = () => {
            o.result.close();
            resolve(q.result.filter((s) => s.read).length);
          };
        };
      });
      return r === n;
    }, ITEMS.length);
    states = /** @type {{ id: string, read: boolean }[]} */ (await readStore(page, 'state'));
    assert.equal(states.filter((s) => s.read).length, ITEMS.length);
    assert.deepEqual(await axe(page), [], 'axe violations with Undo');
    await undo.click();
    await page.getByRole('button', { name: `Mark ${ITEMS.length - 1} as read` }).waitFor();
    await page.waitForFunction((n) => document.querySelectorAll('li.row.unread').length === n, ITEMS.length - 1);
    // The store holds exactly what it held before: the opened article's record, nothing else.
    await page.waitForFunction(
      (n) =>
        new Promise((resolve) => {
          const o = indexedDB.open('broadsheet');
          o.onsuccess = () => {
            const q = o.result.transaction('state').objectStore('state').count();
            q.onsuccess = () => {
              o.result.close();
              resolve(q.result === n);
            };
          };
        }),
      before.length,
    );
    assert.deepEqual(await readStore(page, 'state'), before);
  });

  test('with a query, the rows show where they matched, the words in <mark>', async () => {
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('harbour');
    const marks = page.getByRole('list', { name: 'Articles' }).locator('mark');
    await marks.first().waitFor();
    const texts = await marks.allTextContents();
    assert.ok(texts.length >= 1);
    assert.ok(texts.every((t) => /^harbour$/i.test(t)), texts.join(', '));
    // Built as nodes: the excerpt has no other markup.
    const html = await page.locator('.row-snippet').first().innerHTML();
    assert.match(html, /^[^<]*(<mark>[^<]*<\/mark>[^<]*)+$/);
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('');
    await page.waitForFunction(() => document.querySelectorAll('ul[aria-label=Articles] mark').length === 0);
  });

  test('on a 390 × 844 phone the first article’s title starts in the top third, every name still there', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(server.url);
    const title = articleLinks(page).first().getByRole('heading', { level: 2 });
    await title.waitFor();
    const box = await title.boundingBox();
    assert.ok(box && box.y < 844 / 3, `the first title starts at ${box?.y} px`);
    for (const [role, name] of /** @type {const} */ ([
      ['searchbox', 'Search articles'],
      ['combobox', 'Tag'],
      ['link', 'Settings'],
      ['button', 'Check for new articles'],
    ])) {
      assert.equal(await page.getByRole(role, { name }).count(), 1, `${role} ${name}`);
    }
    await page.getByText('More filters').click();
    await page.getByRole('checkbox', { name: 'Unread only' }).waitFor();
  });

  test('with the server stopped, a calm status line says what is on the phone, not an alert', async () => {
    await server.stop();
    await page.reload();
    await articleLinks(page).nth(ITEMS.length - 1).waitFor();
    const calm = page.getByText(`Offline · ${ITEMS.length} articles on this phone`);
    await calm.waitFor({ timeout: 15_000 }).catch(async (e) => {
      throw new Error(`${e}: masthead says “${await page.locator('header').textContent()}”, alert “${await page.getByRole('alert').first().textContent()}”`);
    });
    assert.equal(((await page.locator('.alert[role=alert]').textContent()) ?? '').trim(), '');
    assert.equal(await articleLinks(page).count(), ITEMS.length);
    assert.deepEqual(await axe(page), [], 'axe violations offline');
    await server.start();
  });
});
