// @ts-check
/**
 * The core flows, written once and run in every engine (Chromium, Firefox ESR, WebKitGTK; see
 * engines.mjs). Each test starts its own server and a fresh profile, so none depends on another:
 *   - first visit, then the server stopped: offline reload, the browser closed and reopened
 *     (where the engine keeps a profile), search, tag filter and a deep link, all offline;
 *   - reading state and a setting survive a reload;
 *   - a v1 → v2 deploy: the Reload prompt, then v2 everywhere;
 *   - Keep offline with images on another origin, then read offline;
 *   - a backup exported, then imported into a fresh profile;
 *   - the hostile feed: nothing executes.
 * $BROADSHEET_ENGINES=chromium,firefox narrows the run.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { PNG } from 'pngjs';
import { createDriver, enginesToRun } from './engines.mjs';
import { articlePath, demoFeed, findItem, freePort, TestServer, serveFeed } from './harness.mjs';

/** @typedef {import('./engines.mjs').Driver} Driver */
/** @typedef {import('./engines.mjs').EngineName} EngineName */

const feed = demoFeed();
const TOTAL = new Set(feed.items.map((i) => String(i.id))).size;
const WITH_IMAGE = findItem(feed.items, (i) => !i.url && /<img/.test(i.content_html ?? ''));
const SPANISH = findItem(feed.items, (i) => /^Educación/.test(i.title));
const TAG = 'strikes';
const TAGGED = feed.items.filter((i) => i.tags?.includes(TAG)).length;
const HOSTILE = readFileSync('tests/fixtures/xss/hostile-feed.json', 'utf8');

/**
 * In the page: the article list's rows and the `N articles` status, as numbers.
 * @returns {{ rows: number, status: number | null, filtered: boolean }}
 */
const LIST = () => {
  const status = document.querySelector('.list-view [role=status]')?.textContent ?? '';
  const m = /([\d.,\s\u00a0\u202f]+)\s+articles?/.exec(status);
  return {
    rows: document.querySelectorAll('ul[aria-label=Articles] > li').length,
    status: m ? Number(m[1]?.replace(/[^\d]/g, '')) : null,
    filtered: /filtered/.test(status),
  };
};

/** @param {number} n */
const listed = (n) => `() => { const s = (${LIST})(); return s.rows === ${n} && s.status === ${n}; }`;

/**
 * A page function from its source, so one function body runs in each engine.
 * @param {string} source
 * @returns {() => unknown}
 */
const fn = (source) => /** @type {() => unknown} */ (new Function(`return (${source})()`));

/** In the page: whether a service worker controls it. */
const CONTROLLED = () => navigator.serviceWorker?.controller?.state === 'activated';

/**
 * In the page: whether the reading state of article `id` is stored as saved. The app shows Save
 * pressed at once and stores it a moment later; a flow waits for the store before it leaves the
 * page, as a reader's next tap would. (WebKitGTK 2.50 suspends a page left for the back/forward
 * cache with its transaction open, and the next page's reads of that store wait behind it:
 * WebKit bug 315804, docs/engines.md.)
 * @param {string} id
 */
const STORED_SAVED = (id) =>
  new Promise((resolve) => {
    const open = indexedDB.open('broadsheet');
    open.onerror = () => resolve(false);
    open.onsuccess = () => {
      const db = open.result;
      const get = db.transaction('state').objectStore('state').get(id);
      get.onsuccess = () => {
        db.close();
        resolve(get.result?.saved === true);
      };
      get.onerror = () => {
        db.close();
        resolve(false);
      };
    };
  });

/** A solid-colour PNG. */
function png(width = 64, height = 48) {
  const image = new PNG({ width, height });
  for (let i = 0; i < image.data.length; i += 4) image.data.set([30, 90, 160, 255], i);
  return PNG.sync.write(image, { colorType: 2 });
}

const build = (/** @type {string} */ id) =>
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', `dist-engines-${id}`, '--emptyOutDir', '--logLevel', 'warn'], {
    env: { ...process.env, BUILD_ID: id },
    stdio: 'inherit',
  });

/**
 * A server on a free port and a fresh profile in `engine`, launched.
 * @param {EngineName} engine
 * @param {{ feed?: string | object, root?: string }} [options]
 */
async function open(engine, { feed: f, root } = {}) {
  const server = new TestServer({ root, port: await freePort() });
  if (f !== undefined) serveFeed(server, () => f, { cacheControl: 'no-cache' });
  await server.start();
  const driver = createDriver(engine);
  try {
    await driver.launch();
  } catch (error) {
    driver.dispose();
    await server.stop();
    throw error;
  }
  return {
    server,
    driver,
    async close() {
      await driver.close();
      driver.dispose();
      await server.stop();
    },
  };
}

/**
 * In the page: the app's sync has run and ended (or this is no app page). A sync marks its end
 * (`broadsheet:sync-end`) and then stores its record, after which its button is enabled again.
 */
const SETTLED = () =>
  !document.querySelector('.syncbar') || (performance.getEntriesByName('broadsheet:sync-end').length > 0 && !document.querySelector('.syncbar button[disabled]'));

/**
 * Leaves the page for `url` once the app's sync has ended, as a reader's next tap would come.
 * WebKitGTK 2.50 keeps the transaction of a page it suspends for the back/forward cache open,
 * and the next page's transactions wait behind it (WebKit bug 315804; docs/engines.md says what
 * the app does about it, and what is left).
 * @param {Driver} driver
 * @param {string} url
 */
async function go(driver, url) {
  await driver.waitFor(SETTLED, undefined, { message: 'the sync of the page being left to end' });
  await driver.goto(url);
}

/**
 * Opens the app and waits for the worker and the whole demo list.
 * @param {Driver} driver
 * @param {string} url
 */
async function firstVisit(driver, url, rows = TOTAL) {
  await go(driver, url);
  await driver.waitFor(CONTROLLED, undefined, { message: 'a service worker to control the page' });
  await driver.waitFor(fn(listed(rows)), undefined, { message: `${rows} articles listed` });
}

/** Installs, in the page, a catcher for the app's download link: the file's name and text. */
const CATCH_DOWNLOAD = () => {
  const w = /** @type {any} */ (window);
  w.__download = null;
  // The app's CSP lets no page fetch a blob: URL, so the Blob is taken as it is made.
  /** @type {Blob | undefined} */ let blob;
  const make = URL.createObjectURL;
  URL.createObjectURL = (b) => {
    if (b instanceof Blob) blob = b;
    return make.call(URL, b);
  };
  document.addEventListener(
    'click',
    (e) => {
      const a = /** @type {HTMLAnchorElement} */ (e.target);
      if (!(a instanceof HTMLAnchorElement) || !a.download) return;
      e.preventDefault(); // no save dialog in any engine: the test reads the blob itself
      void blob?.text().then((text) => (w.__download = { name: a.download, text }));
    },
    true,
  );
};

/**
 * In the page: hands `text` to the app's file input, as a chosen file would.
 * @param {{ name: string, text: string }} file
 */
const CHOOSE_FILE = ({ name, text }) => {
  const input = /** @type {HTMLInputElement} */ (document.querySelector('input[type=file]'));
  const data = new DataTransfer();
  data.items.add(new File([text], name, { type: 'application/json' }));
  input.files = data.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
};

// Two builds for the deploy test, shared by every engine.
before(() => {
  build('v1');
  build('v2');
});
after(() => {
  rmSync('dist-engines-v1', { recursive: true, force: true });
  rmSync('dist-engines-v2', { recursive: true, force: true });
});

for (const engine of enginesToRun()) {
  describe(`core flows in ${engine}`, () => {
    test(`${engine}: first visit, then with the server stopped: reload, reopen, search, tag filter, deep link`, async () => {
      const app = await open(engine);
      const { server, driver } = app;
      try {
        await firstVisit(driver, server.url);
        assert.ok(server.fetched('/feed.json'));

        await server.stop();
        await driver.reload();
        await driver.waitFor(fn(listed(TOTAL)), undefined, { message: 'the stored list after an offline reload' });
        // Offline with articles stored is normal: a calm line says so, and the alert stays empty (issue 12).
        await driver.waitFor((n) => document.body.textContent?.includes(`Offline · ${n} articles on this phone`) === true && !document.querySelector('.alert[role=alert]')?.textContent, TOTAL, {
          message: 'the calm offline line, no alert',
        });

        if (driver.canRelaunch) {
          await driver.close();
          await driver.launch();
          await go(driver, server.url);
          await driver.waitFor(fn(listed(TOTAL)), undefined, { message: 'the list after the browser was closed and reopened' });
        } else {
          // MiniBrowser's automation profile lives in memory: leave the app, then come back.
          await go(driver, 'about:blank');
          await go(driver, server.url);
          await driver.waitFor(fn(listed(TOTAL)), undefined, { message: 'the list after leaving the app and coming back' });
        }

        await driver.fill({ role: 'searchbox', name: 'Search articles' }, 'EDUCACION');
        await driver.waitFor(fn(`() => { const s = (${LIST})(); return s.filtered && s.status > 0 && s.status < ${TOTAL} && s.rows === s.status; }`), undefined, {
          message: 'the search to narrow the list',
        });
        const titles = await driver.evaluate(() => [...document.querySelectorAll('ul[aria-label=Articles] > li h2')].map((h) => h.textContent));
        assert.ok(titles.includes(SPANISH.title), `"${SPANISH.title}" found by "EDUCACION" among ${titles.join(' | ')}`);
        await driver.waitFor(() => /[?&]q=EDUCACION/.test(location.search), undefined, { message: 'the search in the URL' });

        await go(driver, `${server.url}?tag=${encodeURIComponent(TAG)}`);
        await driver.waitFor(fn(`() => { const s = (${LIST})(); return s.filtered && s.status === ${TAGGED} && s.rows === ${TAGGED}; }`), undefined, {
          message: `${TAGGED} articles tagged ${TAG}`,
        });

        await go(driver, server.url + articlePath(WITH_IMAGE.id));
        await driver.waitFor((title) => document.querySelector('h1')?.textContent === title, WITH_IMAGE.title, { message: 'the deep-linked article' });
        await driver.waitFor(
          () => {
            const img = /** @type {HTMLImageElement | null} */ (document.querySelector('.prose img'));
            img?.scrollIntoView();
            return !!img && img.complete && img.naturalWidth > 0;
          },
          undefined,
          { message: 'its local image, offline' },
        );
        if (driver.reportsErrors) assert.deepEqual(driver.errors, [], 'no uncaught error in any launch');
      } finally {
        await app.close();
      }
    });

    test(`${engine}: reading state and a setting survive a reload`, async () => {
      const app = await open(engine);
      const { server, driver } = app;
      try {
        await firstVisit(driver, server.url);
        // WebKit outside the installed app deletes stored articles after 7 unused days: the app says
        // so there, once; Chromium and Firefox keep them, and say nothing.
        const NOTE = () => document.querySelector('.storage-note')?.textContent ?? '';
        if (engine === 'webkit') {
          await driver.waitFor(() => /Home Screen/.test(document.querySelector('.storage-note')?.textContent ?? ''), undefined, { message: 'the WebKit storage note' });
          await driver.click({ role: 'button', name: 'Got it' });
          await driver.waitFor(() => document.querySelector('.storage-note') === null, undefined, { message: 'the note dismissed' });
        } else {
          await driver.waitFor(() => document.querySelector('[role=status]') !== null);
          assert.equal(await driver.evaluate(NOTE), '', 'no WebKit note in another engine');
        }
        await go(driver, server.url + articlePath(SPANISH.id));
        await driver.waitFor((title) => document.querySelector('h1')?.textContent === title, SPANISH.title, { message: 'the article' });
        await driver.click({ role: 'button', name: 'Save' });
        await driver.waitFor(() => document.querySelector('button[aria-pressed=true]') !== null, undefined, { message: 'Save pressed' });
        await driver.waitFor(STORED_SAVED, String(SPANISH.id), { message: 'Save stored' });
        await go(driver, `${server.url}settings`);
        await driver.click({ role: 'radio', name: 'Dark' });
        await driver.waitFor(() => document.documentElement.dataset.theme === 'dark', undefined, { message: 'the dark theme' });

        await driver.reload();
        await driver.waitFor(() => document.documentElement.dataset.theme === 'dark', undefined, { message: 'the dark theme after a reload' });
        await go(driver, server.url + articlePath(SPANISH.id));
        await driver.waitFor(() => document.querySelector('.reader button[aria-pressed=true]') !== null, undefined, { message: 'the article still saved after a reload' });
        if (driver.reportsErrors) assert.deepEqual(driver.errors, []);
      } finally {
        await app.close();
      }
    });

      test(`${engine}: v1 → v2: the tab asks, Reload brings v2, and no v1 file is loaded`, async () => {
        const app = await open(engine, { root: 'dist-engines-v1' });
        const { server, driver } = app;
        try {
          await firstVisit(driver, server.url);
          assert.equal(await driver.evaluate(() => document.documentElement.dataset.build), 'v1');
          // The reader has used the tab: from now on an update asks first.
          await driver.click({ role: 'searchbox', name: 'Search articles' });
          const v1Only = v1OnlyAssets();
          await server.restart({ root: 'dist-engines-v2' });
          await driver.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
          await driver.waitFor(() => [...document.querySelectorAll('[role=alert]')].some((a) => /new version/.test(a.textContent ?? '') && a.querySelector('button')), undefined, {
            message: 'the update prompt',
          });
          assert.equal(await driver.evaluate(() => document.documentElement.dataset.build), 'v1', 'nothing reloads by itself');
          await driver.click({ role: 'button', name: 'Reload' });
          await driver.waitFor(() => document.documentElement.dataset.build === 'v2', undefined, { message: 'v2 running' });
          await driver.waitFor(fn(listed(TOTAL)), undefined, { message: 'the list in v2' });
          // A lazy chunk (the reading view) loads too, from v2.
          await go(driver, server.url + articlePath(SPANISH.id));
          await driver.waitFor(() => document.querySelector('.reader h1') !== null, undefined, { message: 'the reading view in v2' });
          const loaded = await driver.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
          assert.deepEqual(
            loaded.filter((p) => v1Only.has(p)),
            [],
            'no v1-only file loaded in the v2 page',
          );
          const state = await driver.evaluate(async () => {
            const r = await navigator.serviceWorker.getRegistration();
            return { waiting: !!r?.waiting, installing: !!r?.installing };
          });
          assert.deepEqual(state, { waiting: false, installing: false });
          if (driver.reportsErrors) assert.deepEqual(driver.errors, []);
        } finally {
          await app.close();
        }
      });

    test(`${engine}: Keep offline stores an article's images from another origin; it reads offline`, async () => {
      const images = new TestServer({ port: await freePort() });
      const picture = png(120, 80);
      images.override = (req, res) => {
        if (!req.url?.startsWith('/pics/')) return false;
        res.writeHead(200, { 'content-type': 'image/png', 'content-length': picture.length, 'access-control-allow-origin': '*', 'cache-control': 'no-store' }).end(picture);
        return true;
      };
      await images.start();
      const item = {
        id: 'engine-keep',
        title: 'Harbour pictures kept for the night train',
        date_published: '2026-11-21T08:00:00Z',
        content_html: `<p>Before the pictures.</p><img src="http://localhost:${images.port}/pics/one.png" alt="Harbour at night"><p>After.</p>`,
      };
      const app = await open(engine, { feed: { ...feed, items: [...feed.items, item] } });
      const { server, driver } = app;
      try {
        await firstVisit(driver, server.url, TOTAL + 1);
        await go(driver, server.url + articlePath(item.id));
        await driver.waitFor((t) => document.querySelector('h1')?.textContent === t, item.title, { message: 'the article' });
        await driver.click({ role: 'button', name: 'Keep offline' });
        // A bound, not a timing: fetching and storing the image takes WebKitGTK several seconds on a loaded 2-core machine.
        await driver.waitFor(() => [...document.querySelectorAll('.offline-status > :not(.off)')].some((e) => e.textContent === 'Readable offline'), undefined, {
          timeout: 30_000,
          message: '"Readable offline"',
        });
        await server.stop();
        await images.stop();
        await go(driver, server.url + articlePath(item.id));
        await driver.waitFor(
          () => {
            const img = /** @type {HTMLImageElement | null} */ (document.querySelector('.prose img'));
            return !!img && img.complete && img.naturalWidth === 120;
          },
          undefined,
          { message: 'the kept image, read with every server stopped' },
        );
        if (driver.reportsErrors) assert.deepEqual(driver.errors, []);
      } finally {
        await app.close();
        await images.stop();
      }
    });

    // Open bug, Firefox only (docs/engines.md): about one run in three, a code chunk of the import
    // fails to load through the worker with the server stopped ("A ServiceWorker intercepted the
    // request and encountered an unexpected error"), and the import never answers. Reported as
    // TODO, not hidden: the run prints it, and it fails nothing until the cause is fixed.
    const openBug = {};
    test(`${engine}: a backup exported, then imported into a fresh profile, brings back saved articles`, openBug, async () => {
      const home = await open(engine);
      /** @type {{ name: string, text: string }} */ let file;
      try {
        const { server, driver } = home;
        await firstVisit(driver, server.url);
        await go(driver, server.url + articlePath(SPANISH.id));
        await driver.click({ role: 'button', name: 'Save' });
        await driver.waitFor(() => document.querySelector('.reader button[aria-pressed=true]') !== null, undefined, { message: 'Save pressed' });
        await driver.waitFor(STORED_SAVED, String(SPANISH.id), { message: 'Save stored' });
        await go(driver, `${server.url}settings`);
        await driver.click({ role: 'radio', name: 'Sepia' });
        await driver.evaluate(CATCH_DOWNLOAD);
        await driver.waitFor(() => /** @type {HTMLSelectElement | null} */ (document.querySelector('#export-what'))?.value === 'backup', undefined, { message: 'Backup selected' });
        await driver.click({ role: 'button', name: 'Export' });
        await driver.waitFor(() => /** @type {any} */ (window).__download !== null, undefined, { message: 'the backup file' });
        file = await driver.evaluate(() => /** @type {any} */ (window).__download);
      } finally {
        await home.close();
      }
      const backup = JSON.parse(file.text);
      assert.equal(backup._broadsheet.kind, 'backup');
      assert.deepEqual(
        backup.items.map((/** @type {{ id: string }} */ i) => i.id),
        [SPANISH.id],
      );

      const phone = await open(engine, { feed: { ...feed, items: feed.items.filter((i) => i.id !== SPANISH.id) } });
      try {
        const { server, driver } = phone;
        await firstVisit(driver, server.url, TOTAL - 1);
        await server.stop();
        await go(driver, `${server.url}settings`);
        await driver.waitFor(() => document.querySelector('input[type=file]') !== null, undefined, { message: 'the import control' });
        await driver.evaluate(CHOOSE_FILE, file);
        // Nothing is imported before the reader says so; the file's settings only with the box ticked (issue 14).
        await driver.waitFor(() => document.querySelector('#consent-title') !== null, undefined, { message: 'the import question' });
        await driver.click({ role: 'checkbox', name: 'Also apply the settings in this file', within: '.consent' });
        await driver.click({ role: 'button', name: 'Import', within: '.consent' });
        await driver.waitFor(() => /^Imported: 1 new article/.test(document.querySelector('.transfer-result')?.textContent ?? ''), undefined, { message: '"Imported: 1 new article"' });
        await driver.waitFor(() => document.documentElement.dataset.theme === 'sepia', undefined, { message: 'the backed-up theme' });
        await go(driver, server.url + articlePath(SPANISH.id));
        await driver.waitFor((t) => document.querySelector('h1')?.textContent === t, SPANISH.title, { message: 'the imported article, offline' });
        await driver.waitFor(() => document.querySelector('.reader button[aria-pressed=true]') !== null, undefined, { message: 'still saved' });
        if (driver.reportsErrors) assert.deepEqual(driver.errors, []);
      } finally {
        await phone.close();
      }
    });

    test(`${engine}: the hostile feed renders as text and executes nothing`, async () => {
      const hostile = JSON.parse(HOSTILE);
      const app = await open(engine, { feed: HOSTILE });
      const { server, driver } = app;
      try {
        await go(driver, server.url);
        await driver.waitFor(() => document.querySelectorAll('ul[aria-label=Articles] > li').length > 0, undefined, { message: 'the hostile list' });
        const titles = await driver.evaluate(() => [...document.querySelectorAll('ul[aria-label=Articles] > li h2')].map((h) => h.textContent));
        assert.ok(titles.includes(`<img src=x onerror="window.__pwned='title'"> <b>Bold</b> <i>title</i>`), 'the markup in a title is shown as text');
        for (const item of hostile.items) {
          const href = `/article/${encodeURIComponent(String(item.id).trim())}`;
          await driver.evaluate((h) => {
            history.pushState({}, '', h);
            dispatchEvent(new PopStateEvent('popstate'));
          }, href);
          await driver.waitFor((h) => location.pathname === h && document.querySelector('.reader .prose, .reader h1') !== null, href, { message: `article ${item.id}` });
        }
        const after = await driver.evaluate(() => ({
          pwned: /** @type {any} */ (window).__pwned ?? null,
          dangerous: document.querySelectorAll('body script, .prose iframe, .prose object, .prose embed, [onerror], [onload]').length,
        }));
        assert.deepEqual(after, { pwned: null, dangerous: 0 });
        assert.deepEqual(server.requests.filter((l) => /pwned/i.test(l)), []);
        if (driver.reportsErrors) assert.deepEqual(driver.errors, []);
      } finally {
        await app.close();
      }
    });
  });
}

/** Paths of v1's assets that v2 does not have: none of them may load once v2 runs. */
function v1OnlyAssets() {
  const list = (/** @type {string} */ dir) => new Set(execFileSync('find', [dir, '-type', 'f'], { encoding: 'utf8' }).trim().split('\n').map((p) => p.slice(dir.length)));
  const v1 = list('dist-engines-v1');
  const v2 = list('dist-engines-v2');
  const only = new Set([...v1].filter((p) => !v2.has(p)));
  assert.ok(only.size > 0, 'the two builds differ');
  return only;
}
