// @ts-check
/**
 * Issue 14: nothing happens behind the reader's back. A page on another origin (a second local
 * server) posts a forged backup to the share target with a hidden form: the app shows the
 * consent screen, says the file came from another website, and imports nothing until Import is
 * pressed; Cancel discards it and empties the inbox; settings in the file apply only when ticked;
 * a file's copy of an indexed article never replaces the publisher's text, through sync and
 * Full re-sync, and saved state is kept.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { articlePath, axe, countStore, demoFeed, freePort, listReady, openApp, readStore, serveFeed, waitForController } from './harness.mjs';

/** @typedef {import('./harness.mjs').App} App */

const demo = demoFeed();
const TOTAL = demo.items.length;
const victim = demo.items[0];
if (!victim) throw new Error('the demo feed has no items');
const VICTIM_ID = String(victim.id);
const FORGED_TEXT = 'This text was written by a stranger, not by the publisher.';

/** A backup forged by a stranger: settings, a state that unsaves, a far-future copy of a publisher article, and a new article. */
function forgedBackup() {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Forged',
    _broadsheet: {
      kind: 'backup',
      format: 1,
      exported_at: new Date().toISOString(),
      settings: { theme: 'dark', fontScale: 1.5, lineWidth: 'wide' },
      offline: { imageBudgetMB: 1 },
      states: [{ id: VICTIM_ID, read: false, saved: false, progress: 0, updatedAt: Date.now() }],
    },
    items: [
      { id: VICTIM_ID, title: 'Forged title', content_text: FORGED_TEXT, date_published: '9999-12-31T00:00:00Z', date_modified: '9999-12-31T00:00:00Z' },
      { id: 'injected-by-a-stranger', title: 'Injected article', content_text: 'Injected.', date_published: '2024-01-01T00:00:00Z' },
    ],
  });
}

/**
 * A second origin (127.0.0.1 on its own port, while the app is on localhost) whose page posts
 * `body` to the app's share target with an auto-submitted hidden form, as a hostile site would.
 * @param {string} target the share target's absolute URL
 * @param {string} body
 */
async function hostileSite(target, body) {
  const port = await freePort();
  const html = `<!doctype html><title>Totally harmless</title>
<form id="f" method="post" enctype="multipart/form-data" action="${target}" hidden><input type="file" name="file"></form>
<script>
  const dt = new DataTransfer();
  dt.items.add(new File([${JSON.stringify(body)}], 'holiday-photos.json', { type: 'application/json' }));
  const form = document.getElementById('f');
  form.elements.file.files = dt.files;
  form.submit();
</script>`;
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(undefined)));
  return { url: `http://127.0.0.1:${port}/`, close: () =>
      new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      }),
  };
}

/** @param {import('playwright-core').Page} page */
const settingsStored = (page) => page.evaluate(() => localStorage.getItem('broadsheet:settings'));
/** @param {import('playwright-core').Page} page */
const inboxSize = (page) =>
  page.evaluate(async () => {
    let n = 0;
    for (const name of await caches.keys()) if (name.includes('inbox')) n += (await (await caches.open(name)).keys()).length;
    return n;
  });
/** @param {import('playwright-core').Page} page @param {string} id */
async function bodyText(page, id) {
  const bodies = /** @type {{ id: string, html?: string, text?: string }[]} */ (await readStore(page, 'bodies'));
  const body = bodies.find((b) => b.id === id);
  return `${body?.html ?? ''}${body?.text ?? ''}`;
}

describe('a cross-site POST to the share target', () => {
  /** @type {App} */ let app;
  /** @type {Awaited<ReturnType<typeof hostileSite>>} */ let evil;

  before(async () => {
    app = await openApp({ visit: true, feed: demo });
    await waitForController(app.page);
    await listReady(app.page, TOTAL);
    evil = await hostileSite(new URL('share-target', app.server.url).href, forgedBackup());
  });
  after(async () => {
    await evil?.close();
    await app?.close();
  });

  test('leads to the consent screen, marked as from another website, and imports nothing; Cancel discards it', async () => {
    const { page } = app;
    // The reader saved the article the stranger's file tries to unsave and replace.
    await page.goto(app.server.url + articlePath(VICTIM_ID));
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Save', pressed: true }).waitFor();
    const settingsBefore = await settingsStored(page);
    const publisherText = await bodyText(page, VICTIM_ID);
    assert.ok(publisherText.length > 0);

    await page.goto(evil.url);
    const consent = page.getByRole('group', { name: 'Import this file?' });
    await consent.waitFor();
    assert.match(page.url(), /^http:\/\/localhost:\d+\/settings/);
    await page.getByText('This file was sent by another website, not shared by you.', { exact: false }).waitFor();
    assert.equal(await consent.locator('bdi').textContent(), 'holiday-photos.json');
    assert.match(/** @type {string} */ (await consent.textContent()), /1 new, 1 already stored/);
    assert.equal(await consent.getByRole('checkbox', { name: 'Also apply the settings in this file' }).isChecked(), false);
    assert.deepEqual(await axe(page), [], 'axe violations on the consent screen');

    // Nothing changed while the question is on screen, and the inbox is already empty.
    assert.equal(await countStore(page, 'articles'), TOTAL);
    assert.equal(await inboxSize(page), 0);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('Nothing was imported.').waitFor();

    assert.equal(await countStore(page, 'articles'), TOTAL);
    assert.equal(await settingsStored(page), settingsBefore);
    assert.equal(await bodyText(page, VICTIM_ID), publisherText);
    const states = /** @type {{ id: string, saved: boolean }[]} */ (await readStore(page, 'state'));
    assert.equal(states.find((s) => s.id === VICTIM_ID)?.saved, true);
    assert.notEqual(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  });

  test('Import without the box ticked: settings untouched, and the publisher text stays through sync and Full re-sync', async () => {
    const { page } = app;
    const settingsBefore = await settingsStored(page);
    const publisherText = await bodyText(page, VICTIM_ID);
    await page.goto(evil.url);
    await page.getByRole('group', { name: 'Import this file?' }).waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/^Imported: 1 new article/).waitFor();

    assert.equal(await countStore(page, 'articles'), TOTAL + 1, 'the reader chose to import the new article');
    assert.equal(await settingsStored(page), settingsBefore, 'settings apply only when ticked');
    assert.equal(await bodyText(page, VICTIM_ID), publisherText, 'a file never replaces the publisher text, even dated 9999');

    // Check for new articles, then Full re-sync: still the publisher's text.
    await page.goto(app.server.url);
    await listReady(page, TOTAL + 1);
    await page.getByRole('button', { name: 'Check for new articles' }).click();
    await page.goto(`${app.server.url}settings`);
    await page.getByRole('button', { name: 'Full re-sync' }).click();
    await page.waitForFunction(() => !document.querySelector('progress'));
    assert.equal(await bodyText(page, VICTIM_ID), publisherText);
    const row = /** @type {{ id: string, imported?: boolean, modified?: number }[]} */ (await readStore(page, 'articles')).find((a) => a.id === VICTIM_ID);
    assert.equal(row?.imported, undefined);
    assert.ok((row?.modified ?? 0) < Date.UTC(3000, 0, 1), 'no date from the year 9999');
  });
});

describe('a hand-off copy of an article the index does not carry yet', () => {
  /** @type {App} */ let app;
  const later = { id: 'announced-later', title: 'Announced later', content_text: 'The publisher’s own words.', date_published: '2024-02-01T00:00:00Z' };
  let publishLater = false;
  before(async () => {
    app = await openApp({ visit: true, feed: () => (publishLater ? { ...demo, items: [later, ...demo.items] } : demo) });
    await waitForController(app.page);
    await listReady(app.page, TOTAL);
  });
  after(() => app?.close());

  test('is replaced by the publisher copy at the next sync that carries the id, whatever its dates; saved state kept', async () => {
    const { page } = app;
    const file = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Hand-off',
      items: [{ id: later.id, title: 'Announced later', content_text: FORGED_TEXT, date_published: '9999-01-01T00:00:00Z', date_modified: '9999-01-01T00:00:00Z' }],
    });
    await page.goto(`${app.server.url}settings`);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import' }).click()]);
    await chooser.setFiles({ name: 'handoff.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await page.getByRole('group', { name: 'Import this file?' }).waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/^Imported: 1 new article/).waitFor();
    assert.equal(await bodyText(page, later.id), FORGED_TEXT);

    await page.goto(app.server.url + articlePath(later.id));
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Save', pressed: true }).waitFor();

    publishLater = true;
    serveFeed(app.server, () => ({ ...demo, items: [later, ...demo.items] }));
    await page.goto(app.server.url);
    await page.getByRole('button', { name: 'Check for new articles' }).click();
    await page.waitForFunction(async (id) => {
      const db = await new Promise((resolve) => {
        const r = indexedDB.open('broadsheet');
        r.onsuccess = () => resolve(r.result);
      });
      const body = await new Promise((resolve) => {
        const tx = /** @type {IDBDatabase} */ (db).transaction('bodies');
        const q = tx.objectStore('bodies').get(id);
        q.onsuccess = () => resolve(q.result);
      });
      /** @type {IDBDatabase} */ (db).close();
      return /** @type {{ text?: string } | undefined} */ (body)?.text?.includes('publisher’s own words');
    }, later.id);
    const states = /** @type {{ id: string, saved: boolean }[]} */ (await readStore(page, 'state'));
    assert.equal(states.find((s) => s.id === later.id)?.saved, true);
  });
});
