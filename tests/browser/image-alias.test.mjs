// @ts-check
/**
 * The service worker answers a srcset candidate with the kept image (an alias), in real Chromium:
 * an article whose <img> has a 1x `src` and a 2x `srcset` candidate on another origin is kept
 * offline on a 1x screen (the 1x image is kept, the 2x one is recorded as its alias); with every
 * server stopped and the screen now 2x, the browser asks for the 2x candidate, which was never
 * downloaded, and the service worker answers with the kept 1x image.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PNG } from 'pngjs';
import { articlePath, freePort, openApp, TestServer, waitForController } from './harness.mjs';

/** @typedef {import('./harness.mjs').App} App */

/**
 * A solid-colour RGB PNG, `width`×`height`.
 * @param {number} width
 * @param {number} height
 */
function png(width, height) {
  const image = new PNG({ width, height });
  for (let i = 0; i < image.data.length; i += 4) image.data.set([30, 90, 160, 255], i);
  return PNG.sync.write(image, { colorType: 2 });
}

const ID = 'alias-sample';
const TITLE = 'Harbour lights, in two sizes';
/** @type {Record<string, Buffer>} */
const IMAGES = { 'one.png': png(40, 30), 'two.png': png(80, 60) };

describe('srcset aliases of a kept image, answered by the service worker', () => {
  /** Another origin, with CORS. @type {TestServer} */ let images;
  /** @type {App} */ let app;

  const imageUrl = (/** @type {string} */ name) => `http://localhost:${images.port}/${name}`;
  const requested = (/** @type {string} */ name) => images.requests.filter((line) => line.split(' ')[1] === `/${name}`).length;

  before(async () => {
    images = new TestServer({ port: await freePort() });
    images.override = (req, res) => {
      const body = IMAGES[(req.url ?? '').slice(1)];
      if (!body) return false;
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': body.length, 'cache-control': 'no-store', 'access-control-allow-origin': '*' }).end(body);
      return true;
    };
    await images.start();
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Aliases',
      items: [
        {
          id: ID,
          title: TITLE,
          date_published: '2026-11-20T08:00:00Z',
          content_html: `<p>The harbour at night.</p><img src="${imageUrl('one.png')}" srcset="${imageUrl('two.png')} 2x" alt="Harbour lights">`,
        },
      ],
    };
    app = await openApp({ feed, visit: true });
    await waitForController(app.page);
  });

  after(async () => {
    await app?.close();
    await images?.stop();
  });

  test('kept on a 1x screen: the 1x image is kept, the 2x candidate never downloaded', async () => {
    const { page, server } = app;
    await page.goto(server.url + articlePath(ID));
    await page.locator('h1').filter({ hasText: TITLE }).waitFor();
    await page.getByRole('button', { name: 'Keep offline' }).click();
    await page.locator('.offline-status > :not(.off)').filter({ hasText: 'Readable offline' }).waitFor({ timeout: 15_000 });
    const kept = await page.evaluate(async () => (await (await caches.open('broadsheet-images-v1')).keys()).map((r) => new URL(r.url).pathname));
    assert.deepEqual(kept, ['/one.png']);
    assert.equal(requested('two.png'), 0);
  });

  test('servers stopped, a 2x screen: the 2x candidate is answered with the kept image', async () => {
    const { page, server } = app;
    await server.stop();
    await images.stop();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 390, height: 844, deviceScaleFactor: 2, mobile: false });
    await page.goto(server.url + articlePath(ID));
    await page.locator('h1').filter({ hasText: TITLE }).waitFor();
    const img = page.locator('.prose img');
    await page.waitForFunction(() => document.querySelector('.prose img') instanceof HTMLImageElement && /** @type {HTMLImageElement} */ (document.querySelector('.prose img')).complete);
    const shown = await img.evaluate((el) => {
      const i = /** @type {HTMLImageElement} */ (el);
      return { src: new URL(i.currentSrc).pathname, width: i.naturalWidth };
    });
    // The 2x candidate was chosen; its bytes are the kept 40-pixel image at 2x density (20 CSS
    // pixels), where the real 2x file would have been 80 / 2 = 40.
    assert.deepEqual(shown, { src: '/two.png', width: 20 });
    assert.equal(requested('two.png'), 0, 'the 2x file never reached the device');
  });

  test('no uncaught errors in the page', () => {
    assert.deepEqual(app.profile.errors, []);
  });
});
