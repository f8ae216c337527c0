// @ts-check
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
import { after, before, describe, test } from 'node:test';
import { PNG } from 'pngjs';
import { articleLinks, articlePath as path, axe, countStore, demoFeed, freePort, Gate, listReady, openApp, readStore, readStores, TestServer, waitForController } from './harness.mjs';

/** @typedef {import('./harness.mjs').App} App */
/** @typedef {{ url: string, bytes: number, opaque: boolean, pixel?: boolean }} ImageRecord What the app stores for a kept image. */

/**
 * A solid-colour RGB PNG, `width`×`height`.
 * @param {number} width
 * @param {number} height
 */
function png(width, height, [r, g, b] = [200, 40, 40]) {
  const image = new PNG({ width, height });
  for (let i = 0; i < image.data.length; i += 4) image.data.set([r, g, b, 255], i);
  return PNG.sync.write(image, { colorType: 2 });
}

const demo = demoFeed();
const KEEP_ID = 'keep-offline-sample';
const KEEP_TITLE = 'Port photo essay kept for the ferry';
const SLOW_TAG = 'slow-images';
const SLOW = [1, 2, 3, 4].map((n) => ({ id: `slow-${n}`, title: `Slow picture story ${n}` }));
/** @type {Record<string, Buffer>} */
const IMAGES = {
  'cors.png': png(120, 80, [30, 90, 160]),
  'opaque.png': png(100, 60, [20, 140, 60]),
  'beacon.png': png(1, 1, [0, 0, 0]),
  'attr-pixel.png': png(3, 3, [0, 0, 0]),
};

describe('keep offline, storage and hand-off', () => {
  /** The images' server: another origin, CORS for /cors/ and /slow/, none for /plain/. */
  /** @type {TestServer} */ let images;
  /** @type {App} */ let fixture;
  /** The app's server. */
  /** @type {App['server']} */ let app;
  /** @type {App['profile']} */ let profile;
  /** @type {App['page']} */ let page;
  /** Holds the slow images' responses when a test closes it. */
  const gate = new Gate();
  /** Slow images asked for without CORS: the app's probe after a failed CORS request. */
  /** @type {string[]} */ const noCors = [];
  /** @type {string | undefined} */ let handoffFile;
  /** @type {string | undefined} */ let handoffDir;

  const imageUrl = (/** @type {string} */ p) => `http://localhost:${images.port}/${p}`;
  /** The demo, plus the article to keep (images on another origin) and four with slow images. */
  const feed = () => ({
    ...demo,
    items: [
      ...demo.items,
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
    ],
  });

  before(async () => {
    images = new TestServer({ port: await freePort() });
    images.override = (req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const [, kind, name = ''] = url.pathname.split('/');
      const body = IMAGES[name] ?? (kind === 'slow' ? png(64, 64, [150, 100, 20]) : undefined);
      if (!body) return false;
      /** @type {Record<string, string | number>} */
      const headers = { 'content-type': 'image/png', 'content-length': body.length, 'cache-control': 'no-store' };
      if (kind !== 'plain') headers['access-control-allow-origin'] = '*';
      const send = () => {
        if (!res.destroyed) res.writeHead(200, headers).end(body);
      };
      if (kind === 'slow' && req.headers['sec-fetch-mode'] === 'no-cors') noCors.push(name);
      if (kind === 'slow') gate.pass(name, send);
      else send();
      return true;
    };
    await images.start();
    fixture = await openApp({
      feed: () => feed(),
      feedOptions: { cacheControl: 'no-cache' },
      launch: { permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true },
      visit: true,
    });
    ({ server: app, profile, page } = fixture);
    await waitForController(page);
    await listReady(page, feed().items.length);
  });

  after(async () => {
    await fixture?.close();
    await images?.stop();
    if (handoffDir) rmSync(handoffDir, { recursive: true, force: true });
  });

  const imageRequests = (/** @type {string} */ p) => images.requests.filter((line) => line.split(' ')[1] === `/${p}`).length;

  /** Exports the articles kept offline from the settings view now on screen; returns the file. */
  async function exportKept() {
    await page.getByLabel('What to export').selectOption('kept');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    handoffDir = mkdtempSync(join(tmpdir(), 'broadsheet-handoff-'));
    handoffFile = join(handoffDir, download.suggestedFilename());
    await download.saveAs(handoffFile);
    return handoffFile;
  }

  /**
   * A hand-off file holding the kept article: the one the export test saved, or (when that test
   * did not run) one made now by keeping the article offline and exporting it.
   */
  async function handoff() {
    if (handoffFile) return handoffFile;
    await page.goto(app.url + path(KEEP_ID));
    await page.locator('h1').filter({ hasText: KEEP_TITLE }).waitFor();
    await page.getByRole('button', { name: 'Keep offline' }).click();
    await page.locator('.offline-status > :not(.off)').filter({ hasText: 'Readable offline' }).waitFor({ timeout: 15_000 });
    await page.goto(`${app.url}settings`);
    await page.locator('h1').filter({ hasText: 'Settings' }).waitFor();
    return exportKept();
  }

  test('the reading view has Keep offline and Share; Share copies the link with a confirmation', async () => {
    await page.goto(app.url + path(KEEP_ID));
    await page.locator('h1').filter({ hasText: KEEP_TITLE }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Keep offline' }).count(), 1);
    assert.equal(await page.getByRole('button', { name: 'Share' }).count(), 1);
    assert.equal(await page.evaluate(() => typeof navigator.share), 'undefined', 'headless Chromium has no share sheet: the fallback is what runs');
    await page.getByRole('button', { name: 'Share' }).click();
    await page.getByText('Link copied.').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), app.url + path(KEEP_ID));
    assert.deepEqual(await axe(page), [], 'axe violations in reading view with the copy confirmation');
  });

  test('tracking pixels are never requested by the reading view', async () => {
    await page.waitForFunction(() => [.../** @type {NodeListOf<HTMLImageElement>} */ (document.querySelectorAll('.prose img'))].every((i) => i.complete));
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
    const records = (/** @type {ImageRecord[]} */ (await readStore(page, 'images'))).map((r) => ({
      url: r.url.replace(/^http:\/\/localhost:\d+/, ''),
      bytes: r.bytes,
      opaque: r.opaque,
      pixel: !!r.pixel,
    }));
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
      const imgs = [.../** @type {NodeListOf<HTMLImageElement>} */ (document.querySelectorAll('.prose img'))].filter((i) => i.alt);
      return imgs.length === 2 && imgs.every((i) => i.complete && i.naturalWidth > 0);
    });
    assert.deepEqual(await page.evaluate(() => [.../** @type {NodeListOf<HTMLImageElement>} */ (document.querySelectorAll('.prose img'))].filter((i) => i.alt).map((i) => i.naturalWidth)), [120, 100]);
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
    const progress = () => page.evaluate(() => Number(/** @type {HTMLProgressElement | null} */ (document.querySelector('progress.download-bar'))?.value));
    const asked = (/** @type {string} */ id) => gate.asked.filter((n) => n === `${id}.png`).length;
    await page.goto(`${app.url}settings`);
    await page.locator('h1').filter({ hasText: 'Settings' }).waitFor();
    gate.close();
    await page.getByLabel('Tag', { exact: true }).first().selectOption(SLOW_TAG);
    await page.getByRole('button', { name: 'Keep this tag offline' }).click();
    // The first image is asked for and held; let it through, then hold the second.
    const [first] = await gate.waitHeld(1);
    gate.release(1);
    await page.waitForFunction(() => Number(/** @type {HTMLProgressElement | null} */ (document.querySelector('progress.download-bar'))?.value) === 1);
    const [second] = await gate.waitHeld(1); // the run is mid-way: one article done, the second waiting for its image

    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText(`Download cancelled: ${SLOW.length - 1} articles left`).waitFor();
    assert.equal(await progress(), 1, 'cancelled after the first article');
    gate.release(1); // the answer to the cancelled request arrives: it must change nothing
    const askedAtCancel = gate.asked.length;
    // The panel with a paused download and a clean-up waiting for confirmation is accessible too.
    await page.getByRole('radio', { name: 'Everything' }).check();
    await page.getByRole('button', { name: 'Clear…' }).click();
    await page.getByText(/^Remove \d+ articles from this device\?/).waitFor();
    assert.deepEqual(await axe(page), [], 'axe violations in settings with a paused download and a confirmation');
    await page.getByRole('group').getByRole('button', { name: 'Cancel' }).click();
    assert.equal(await progress(), 1, 'progress stays where it was cancelled');
    assert.equal(gate.asked.length, askedAtCancel, 'nothing more is asked for while cancelled');
    assert.equal(await countStore(page, 'images', { prefix: `http://localhost:${images.port}/slow/${second}` }), 0, 'the cancelled image is not stored');

    await page.getByRole('button', { name: 'Resume' }).click();
    assert.deepEqual(await gate.waitHeld(1), [second], 'Resume asks for the cancelled image again');
    gate.release(1);
    await page.waitForFunction(() => Number(/** @type {HTMLProgressElement | null} */ (document.querySelector('progress.download-bar'))?.value) === 2);
    const [third] = await gate.waitHeld(1);
    // Mid-way, provably: two done, the third held, the fourth queued.
    const mid = await readStores(page, ['queue', 'jobs']);
    const jobs = /** @type {{ keys: IDBValidKey[], values: { state: string }[] }} */ (mid.jobs);
    assert.equal(mid.queue?.keys.length, 2);
    assert.equal(jobs.values[jobs.keys.indexOf('current')]?.state, 'running');

    // An interruption: the tab reloads mid-run, with the third image still held. The run goes on
    // by itself in the new page.
    await page.reload();
    await page.locator('h1').filter({ hasText: 'Settings' }).waitFor();
    gate.openAll();
    await page.getByText(/\d+ articles? kept offline\./).waitFor({ timeout: 30_000 });
    const stores = await readStores(page, ['images', 'queue', 'jobs', 'offline']);
    const state = {
      images: /** @type {string[]} */ (stores.images.keys).filter((u) => u.includes('/slow/')),
      queued: stores.queue?.keys.length,
      job: /** @type {{ state: string, done: number }} */ (stores.jobs?.values[stores.jobs.keys.indexOf('current')]),
      kept: /** @type {string[]} */ (stores.offline.keys).filter((k) => k.startsWith('slow-')),
    };
    assert.equal(state.images.length, SLOW.length, 'each image kept once');
    assert.equal(state.queued, 0);
    assert.deepEqual(state.kept.sort(), SLOW.map((s) => s.id));
    assert.equal(state.job.state, 'idle');
    assert.equal(state.job.done, SLOW.length, 'every article counted once');
    // Asked twice: the image in flight at Cancel and the one in flight at the reload; no other.
    // The page that reloaded gave up its request quietly: no no-cors probe taken for a CORS refusal.
    assert.deepEqual(noCors, []);
    const once = SLOW.map((s) => `${s.id}.png`).filter((n) => n !== second && n !== third);
    assert.equal(new Set([first, second, third, ...once]).size, SLOW.length);
    assert.ok(once.includes(/** @type {string} */ (first)));
    const twice = (/** @type {string | undefined} */ n) => (n === second || n === third ? 2 : 1);
    assert.deepEqual(
      SLOW.map((s) => asked(s.id)),
      SLOW.map((s) => twice(`${s.id}.png`)),
    );
    assert.deepEqual(
      SLOW.map((s) => imageRequests(`slow/${s.id}.png`)),
      SLOW.map((s) => twice(`${s.id}.png`)),
    );
  });

  test('export a hand-off file of the articles kept offline', async () => {
    const file = JSON.parse(readFileSync(await exportKept(), 'utf8'));
    assert.equal(file.version, 'https://jsonfeed.org/version/1.1');
    assert.equal(file._broadsheet.kind, 'handoff');
    const item = file.items.find((/** @type {{ id: string }} */ i) => i.id === KEEP_ID);
    assert.ok(item, 'the kept article is in the file');
    assert.match(item.content_html, /src="data:image\/png;base64,/, 'its CORS image is inlined');
    assert.equal(item._broadsheet.images_inlined, 1);
    assert.equal(item._broadsheet.images_linked, 1, 'the opaque image cannot be read, so it stays a link');
    assert.doesNotMatch(item.content_html, /beacon|attr-pixel/, 'no pixel travels');
  });

  test('a fresh phone imports it with the server stopped and reads the article with its image', async () => {
    const handoffFile = await handoff();
    // The phone's own server publishes only the demo: the kept article arrives in the file.
    const phone = await openApp({ feed: demo, feedOptions: { cacheControl: 'no-cache' }, visit: true });
    const { server: app, profile: other, page: p } = phone;
    try {
      await waitForController(p);
      await listReady(p, demo.items.length);
      await app.stop();
      await images.stop();

      await p.goto(`${app.url}settings`);
      await p.locator('h1').filter({ hasText: 'Settings' }).waitFor();
      const [chooser] = await Promise.all([p.waitForEvent('filechooser'), p.getByRole('button', { name: 'Import' }).click()]);
      await chooser.setFiles(handoffFile);
      // Nothing is imported before the reader says so (issue 14).
      await p.getByRole('heading', { name: 'Import this file?' }).waitFor();
      await p.getByRole('button', { name: 'Import', exact: true }).click();
      await p.getByText(/^Imported: \d+ new articles?/).waitFor();

      await p.goto(app.url + path(KEEP_ID));
      await p.locator('h1').filter({ hasText: KEEP_TITLE }).waitFor();
      await p.getByText(/Imported from a file on /).waitFor();
      await p.waitForFunction(() => {
        const img = /** @type {HTMLImageElement | null} */ (document.querySelector('.prose img[alt="Cranes at dawn"]'));
        return img && img.complete && img.naturalWidth === 120;
      });

      // Importing the same file again adds nothing: merged by id.
      await p.goto(`${app.url}settings`);
      const [again] = await Promise.all([p.waitForEvent('filechooser'), p.getByRole('button', { name: 'Import' }).click()]);
      await again.setFiles(handoffFile);
      await p.getByRole('heading', { name: 'Import this file?' }).waitFor();
      await p.getByRole('button', { name: 'Import', exact: true }).click();
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
      await p.getByRole('heading', { name: 'Import this file?' }).waitFor();
      await p.getByRole('button', { name: 'Import', exact: true }).click();
      await p.getByText(/^Imported: 1 new article/).waitFor();
      assert.deepEqual(other.errors, []);
    } finally {
      await phone.close();
      await images.start();
    }
  });

  test('no uncaught errors in the page', () => {
    assert.deepEqual(profile.errors, []);
  });
});
