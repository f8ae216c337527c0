/**
 * Keeping articles offline, in real Chromium with real servers that really stop:
 *   - keep an article whose images live on another origin (one CORS, one opaque), stop every
 *     server, reload, and read it with its images; tracking pixels are never fetched or stored;
 *   - cancel a slow download mid-way, resume it, survive a reload (an interruption), finish with
 *     no duplicate work;
 *   - export a hand-off file from this profile, import it into a fresh profile with the server
 *     stopped, and read the article there with its image; also through the share target;
 *   - the storage panel's figures and the contract's buttons; Share copies the link.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { PNG } from 'pngjs';
import { articleLinks, freePort, Profile, TestServer, waitForController } from './harness.mjs';

/** A solid-colour RGB PNG, `width`×`height`. */
function png(width, height, [r, g, b] = [200, 40, 40]) {
  const image = new PNG({ width, height });
  for (let i = 0; i < image.data.length; i += 4) image.data.set([r, g, b, 255], i);
  return PNG.sync.write(image, { colorType: 2 });
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
async function axe(page, label) {
  await page.evaluate(AXE);
  const { violations } = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { resultTypes: ['violations'], runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }),
  );
  assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`), [], `axe violations in ${label}`);
}

const demo = JSON.parse(readFileSync('dist/feed.json', 'utf8'));
const KEEP_ID = 'keep-offline-sample';
const KEEP_TITLE = 'Port photo essay kept for the ferry';
const SLOW_TAG = 'slow-images';
const SLOW = [1, 2, 3, 4].map((n) => ({ id: `slow-${n}`, title: `Slow picture story ${n}` }));
const path = (id) => `article/${encodeURIComponent(id)}`;
const IMAGES = {
  'cors.png': png(120, 80, [30, 90, 160]),
  'opaque.png': png(100, 60, [20, 140, 60]),
  'beacon.png': png(1, 1, [0, 0, 0]),
  'attr-pixel.png': png(3, 3, [0, 0, 0]),
};

describe('keep offline, storage and hand-off', () => {
  let app;
  let images;
  let profile;
  let page;
  let extras = true;
  let slowDelay = 0;
  let handoffFile;
  let handoffDir;

  const imageUrl = (p) => `http://localhost:${images.port}/${p}`;
  const feed = () => ({
    ...demo,
    items: [
      ...demo.items,
      ...(extras
        ? [
            {
              id: KEEP_ID,
              title: KEEP_TITLE,
              date_published: '2026-11-20T08:00:00Z',
              tags: ['photos'],
              content_html: `<p>Dockers at dawn.</p><figure><img src="${imageUrl('cors/cors.png')}" alt="Cranes at dawn"></figure>
                <p>The night shift.</p><img src="${imageUrl('plain/opaque.png')}" alt="The night shift">
                <img src="${imageUrl('cors/attr-pixel.png')}" width="1" height="1" alt="">
                <img src="${imageUrl('cors/beacon.png')}" alt="">`,
            },
            ...SLOW.map((s, i) => ({
              id: s.id,
              title: s.title,
              date_published: `2026-10-0${i + 1}T08:00:00Z`,
              tags: [SLOW_TAG],
              content_html: `<p>${s.title}.</p><img src="${imageUrl(`slow/${s.id}.png`)}" alt="Picture ${i + 1}">`,
            })),
          ]
        : []),
    ],
  });

  before(async () => {
    images = new TestServer({ port: await freePort() });
    images.override = (req, res) => {
      const url = new URL(req.url, 'http://x');
      const [, kind, name] = url.pathname.split('/');
      const body = IMAGES[name] ?? (kind === 'slow' ? png(64, 64, [150, 100, 20]) : undefined);
      if (!body) return false;
      const headers = { 'content-type': 'image/png', 'content-length': body.length, 'cache-control': 'no-store' };
      if (kind !== 'plain') headers['access-control-allow-origin'] = '*';
      const send = () => {
        if (!res.destroyed) res.writeHead(200, headers).end(body);
      };
      if (kind === 'slow' && slowDelay) setTimeout(send, slowDelay);
      else send();
      return true;
    };
    await images.start();
    app = new TestServer({ port: await freePort() });
    app.override = (req, res) => {
      if (!req.url.startsWith('/feed.json')) return false;
      res.writeHead(200, { 'content-type': 'application/feed+json', 'cache-control': 'no-cache' });
      res.end(JSON.stringify(feed()));
      return true;
    };
    await app.start();
    profile = new Profile();
    await profile.launch({ permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true });
    page = await profile.page();
    await page.goto(app.url);
    await waitForController(page);
    await page.waitForFunction((n) => document.querySelectorAll('ul[aria-label=Articles] > li').length === n, feed().items.length);
  });

  after(async () => {
    await profile?.close();
    profile?.dispose();
    await app?.stop();
    await images?.stop();
    if (handoffDir) rmSync(handoffDir, { recursive: true, force: true });
  });

  const imageRequests = (p) => images.requests.filter((line) => line.split(' ')[1] === `/${p}`).length;

  test('the reading view has Keep offline and Share; Share copies the link with a confirmation', async () => {
    await page.goto(app.url + path(KEEP_ID));
    await page.locator('h1').filter({ hasText: KEEP_TITLE }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Keep offline' }).count(), 1);
    assert.equal(await page.getByRole('button', { name: 'Share' }).count(), 1);
    assert.equal(await page.evaluate(() => typeof navigator.share), 'undefined', 'headless Chromium has no share sheet: the fallback is what runs');
    await page.getByRole('button', { name: 'Share' }).click();
    await page.getByText('Link copied.').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), app.url + path(KEEP_ID));
    await axe(page, 'reading view with the copy confirmation');
  });

  test('tracking pixels are never requested by the reading view', async () => {
    await page.waitForFunction(() => [...document.querySelectorAll('.prose img')].every((i) => i.complete));
    assert.equal(await page.locator('.prose img').count(), 3, 'the 1×1-attributed image was dropped by the sanitizer');
    assert.equal(imageRequests('cors/attr-pixel.png'), 0);
  });

  test('keep an article offline, stop every server, reload: it reads with its images', async () => {
    await page.locator('.offline-status > :not(.off)').filter({ hasText: 'Images not stored yet' }).waitFor();
    await page.getByRole('button', { name: 'Keep offline' }).click();
    await page.locator('.offline-status > :not(.off)').filter({ hasText: 'Readable offline' }).waitFor({ timeout: 15_000 });
    const kept = await page.evaluate(async () => {
      const cache = await caches.open('broadsheet-images-v1');
      return (await cache.keys()).map((r) => r.url.replace(/^http:\/\/localhost:\d+/, ''));
    });
    assert.deepEqual(kept.sort(), ['/cors/cors.png', '/plain/opaque.png'], 'the two real images are kept, the pixels are not');
    assert.equal(imageRequests('cors/attr-pixel.png'), 0, 'a pixel by its attributes is never fetched');
    const records = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open('broadsheet');
          open.onsuccess = () => {
            const req = open.result.transaction('images').objectStore('images').getAll();
            req.onsuccess = () => resolve(req.result.map((r) => ({ url: r.url.replace(/^http:\/\/localhost:\d+/, ''), bytes: r.bytes, opaque: r.opaque, pixel: !!r.pixel })));
          };
        }),
    );
    const byUrl = Object.fromEntries(records.map((r) => [r.url, r]));
    assert.equal(byUrl['/cors/cors.png'].bytes, IMAGES['cors.png'].length, 'a CORS image is charged its real size');
    assert.equal(byUrl['/plain/opaque.png'].opaque, true, 'a server without CORS gives an opaque response');
    assert.equal(byUrl['/cors/beacon.png'].pixel, true, 'an image that decodes to 1×1 is remembered as a pixel, not stored');

    await page.goto(app.url);
    const row = articleLinks(page).filter({ has: page.getByRole('link', { name: KEEP_TITLE, exact: true }) });
    await row.getByText('Readable offline').waitFor();
    const slowRow = articleLinks(page).filter({ has: page.getByRole('link', { name: SLOW[0].title, exact: true }) });
    await slowRow.getByText('Not fully offline yet').waitFor();

    await app.stop();
    await images.stop();
    await page.goto(app.url + path(KEEP_ID));
    await page.locator('h1').filter({ hasText: KEEP_TITLE }).waitFor();
    await page.waitForFunction(() => {
      const imgs = [...document.querySelectorAll('.prose img')].filter((i) => i.alt);
      return imgs.length === 2 && imgs.every((i) => i.complete && i.naturalWidth > 0);
    });
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('.prose img')].filter((i) => i.alt).map((i) => i.naturalWidth)), [120, 100]);
    await app.start();
    await images.start();
  });

  test('the settings view shows the storage used in KB or MB, and has Export and Import', async () => {
    await page.goto(`${app.url}settings`);
    await page.locator('h1').filter({ hasText: 'Settings' }).waitFor();
    await page.getByText(/\d[\d.,]* (KB|MB) used of /).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Export' }).count(), 1);
    assert.equal(await page.getByRole('button', { name: 'Import' }).count(), 1);
    await page.getByText(/articles stored, \d+ readable fully offline/).waitFor();
    await page.getByText(/^Permanent storage|^The browser may clear|^This browser cannot be asked/).waitFor();
  });

  test('cancel a download mid-way, resume it, survive a reload, and finish with no duplicate work', async () => {
    slowDelay = 1500;
    await page.getByLabel('Tag', { exact: true }).first().selectOption(SLOW_TAG);
    await page.getByRole('button', { name: 'Keep this tag offline' }).click();
    const bar = page.locator('progress.download-bar');
    await page.waitForFunction(() => Number(document.querySelector('progress.download-bar')?.value) >= 1, null, { timeout: 15_000 });
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText(/Download cancelled: \d+ articles? left/).waitFor();
    const stopped = Number(await bar.getAttribute('value'));
    assert.ok(stopped >= 1 && stopped < SLOW.length, `cancelled mid-way at ${stopped}`);
    const requestsAtCancel = SLOW.map((s) => imageRequests(`slow/${s.id}.png`));
    await page.waitForTimeout(2000);
    assert.equal(Number(await bar.getAttribute('value')), stopped, 'progress stops when cancelled');
    assert.deepEqual(SLOW.map((s) => imageRequests(`slow/${s.id}.png`)), requestsAtCancel, 'nothing more is fetched');
    // The panel with a paused download and a clean-up waiting for confirmation is accessible too.
    await page.getByRole('radio', { name: 'Everything' }).check();
    await page.getByRole('button', { name: 'Clear…' }).click();
    await page.getByText(/^Remove \d+ articles from this device\?/).waitFor();
    await axe(page, 'settings with a paused download and a confirmation');
    await page.getByRole('group').getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Resume' }).click();
    await page.waitForFunction((n) => Number(document.querySelector('progress.download-bar')?.value) >= n, stopped + 1, { timeout: 15_000 });
    // An interruption: the tab reloads mid-run. The run goes on by itself.
    await page.reload();
    await page.locator('h1').filter({ hasText: 'Settings' }).waitFor();
    await page.getByText(/\d+ articles? kept offline\./).waitFor({ timeout: 30_000 });
    const state = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open('broadsheet');
          open.onsuccess = () => {
            const tx = open.result.transaction(['images', 'queue', 'jobs', 'offline']);
            const out = {};
            tx.objectStore('images').getAllKeys().onsuccess = (e) => (out.images = e.target.result.filter((u) => u.includes('/slow/')));
            tx.objectStore('queue').count().onsuccess = (e) => (out.queued = e.target.result);
            tx.objectStore('jobs').get('current').onsuccess = (e) => (out.job = e.target.result);
            tx.objectStore('offline').getAllKeys().onsuccess = (e) => (out.kept = e.target.result.filter((k) => k.startsWith('slow-')));
            tx.oncomplete = () => resolve(out);
          };
        }),
    );
    assert.equal(state.images.length, SLOW.length, 'each image kept once');
    assert.equal(state.queued, 0);
    assert.deepEqual(state.kept.sort(), SLOW.map((s) => s.id));
    assert.equal(state.job.state, 'idle');
    assert.equal(state.job.done, SLOW.length, 'every article counted once');
    const requests = SLOW.map((s) => imageRequests(`slow/${s.id}.png`));
    // Only an image in flight when the run was cancelled or reloaded may be asked for twice.
    assert.ok(requests.every((n) => n >= 1 && n <= 2), `requests per image: ${requests}`);
    assert.ok(requests.reduce((a, b) => a + b, 0) <= SLOW.length + 2, `requests per image: ${requests}`);
    slowDelay = 0;
  });

  test('export a hand-off file of the articles kept offline', async () => {
    await page.getByLabel('What to export').selectOption('kept');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    handoffDir = mkdtempSync(join(tmpdir(), 'broadsheet-handoff-'));
    handoffFile = join(handoffDir, download.suggestedFilename());
    await download.saveAs(handoffFile);
    const file = JSON.parse(readFileSync(handoffFile, 'utf8'));
    assert.equal(file.version, 'https://jsonfeed.org/version/1.1');
    assert.equal(file._broadsheet.kind, 'handoff');
    const item = file.items.find((i) => i.id === KEEP_ID);
    assert.ok(item, 'the kept article is in the file');
    assert.match(item.content_html, /src="data:image\/png;base64,/, 'its CORS image is inlined');
    assert.equal(item._broadsheet.images_inlined, 1);
    assert.equal(item._broadsheet.images_linked, 1, 'the opaque image cannot be read, so it stays a link');
    assert.doesNotMatch(item.content_html, /beacon|attr-pixel/, 'no pixel travels');
  });

  test('a fresh phone imports it with the server stopped and reads the article with its image', async () => {
    extras = false;
    const other = new Profile();
    try {
      await other.launch();
      const p = await other.page();
      await p.goto(app.url);
      await waitForController(p);
      await p.waitForFunction((n) => document.querySelectorAll('ul[aria-label=Articles] > li').length === n, demo.items.length);
      await app.stop();
      await images.stop();

      await p.goto(`${app.url}settings`);
      await p.locator('h1').filter({ hasText: 'Settings' }).waitFor();
      const [chooser] = await Promise.all([p.waitForEvent('filechooser'), p.getByRole('button', { name: 'Import' }).click()]);
      await chooser.setFiles(handoffFile);
      await p.getByText(/^Imported: \d+ new articles?/).waitFor();

      await p.goto(app.url + path(KEEP_ID));
      await p.locator('h1').filter({ hasText: KEEP_TITLE }).waitFor();
      await p.getByText(/Imported from a file on /).waitFor();
      await p.waitForFunction(() => {
        const img = document.querySelector('.prose img[alt="Cranes at dawn"]');
        return img && img.complete && img.naturalWidth === 120;
      });

      // Importing the same file again adds nothing: merged by id.
      await p.goto(`${app.url}settings`);
      const [again] = await Promise.all([p.waitForEvent('filechooser'), p.getByRole('button', { name: 'Import' }).click()]);
      await again.setFiles(handoffFile);
      await p.getByText(/^Imported: 0 new articles, 0 updated, \d+ already here/).waitFor();
      await p.goto(app.url);
      await p.getByRole('link', { name: KEEP_TITLE, exact: true }).first().waitFor();
      const count = await p.locator('ul[aria-label=Articles] > li').filter({ hasText: KEEP_TITLE }).count();
      assert.equal(count, 1, 'never duplicated');

      // The share target: a file shared to the app is received by the service worker, offline.
      const text = readFileSync(handoffFile, 'utf8').replaceAll(KEEP_ID, 'shared-copy').replace(KEEP_TITLE, 'Shared through the share sheet');
      const status = await p.evaluate(async (body) => {
        const form = new FormData();
        form.append('file', new File([body], 'handoff.json', { type: 'application/json' }));
        const res = await fetch('share-target', { method: 'POST', body: form, redirect: 'manual' });
        return res.type;
      }, text);
      assert.equal(status, 'opaqueredirect', 'the worker answers with a redirect to Settings');
      await p.goto(`${app.url}settings?import=inbox`);
      await p.getByText(/^Imported: 1 new article/).waitFor();
      assert.deepEqual(other.errors, []);
    } finally {
      await other.close();
      other.dispose();
      await app.start();
      await images.start();
    }
  });

  test('no uncaught errors in the page', () => {
    assert.deepEqual(profile.errors, []);
  });
});
