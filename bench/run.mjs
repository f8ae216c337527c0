#!/usr/bin/env node
/**
 * `npm run bench [-- --sizes 1000,10000,100000]`: the app against its floor, in headless
 * Chromium, on deterministic archives (bench/generate.mjs). Every figure is measured side by side
 * with its floor in the same run, in the same browser. Writes bench/results.json and prints a
 * markdown table. Figures, not assertions: nothing here fails on a slow machine.
 *
 * For each archive size, on a fresh profile:
 *  - sync: first visit → first rows painted, and → all stored (the app's `broadsheet:sync-end`
 *    mark); floor: a minimal page doing fetch + JSON.parse + one relaxed put transaction per page;
 *  - JS heap after sync (main thread, after a GC) and the search index's size on disk;
 *  - DOM while scrolling the whole archive top to bottom: most rows and most elements;
 *  - search: keystroke → results on screen, p50/p95 over 50 fixed queries;
 *  - cold offline start: reload with the server stopped → first rows painted (median of 5);
 *    floor: a static HTML page with the same first rows, served offline by a service worker;
 *  - first-load JS gzip (the build's, from scripts/size.mjs).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';
import { startServer } from '../scripts/serve.mjs';
import { archive, paginate } from './generate.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const SIZES = opt('--sizes', '1000,10000,100000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => n > 0);
const OUT = 'bench/out';
const APP = join(OUT, 'app');
const QUERIES = JSON.parse(readFileSync('bench/queries.json', 'utf8'));
/** The first keystroke after each cold start: one letter, as a reader starts typing. */
const COLD_QUERIES = ['s', 'h', 'p', 'в', 'e'];
const log = (...a) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);

/** Runs `fn` in the page until it returns truthy, or throws after `ms`. */
async function until(page, fn, arg, ms = 600_000) {
  await page.waitForFunction(fn, arg, { timeout: ms, polling: 100 });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};

/** Marks the first time list rows are on screen: the first frame after an `li` enters the list. */
const FIRST_ROWS_SCRIPT = `(() => {
  const t = (window.__bench = { firstRows: undefined });
  const seen = () => document.querySelector('ul[aria-label=Articles] > li');
  const done = () => requestAnimationFrame(() => { document.body.offsetHeight; t.firstRows = performance.now(); });
  const mo = new MutationObserver(() => { if (seen()) { mo.disconnect(); done(); } });
  mo.observe(document, { childList: true, subtree: true });
})();`;

/**
 * A keystroke as a reader feels it: `__keystroke(value)` puts `value` in the search box and fires
 * `input`, as typing its last letter does, at t0. Every DOM mutation after t0 is laid out at once
 * (a forced layout in the observer's callback) and its time kept (changes inside <main>, where the
 * search box, the status and the rows are: the masthead and the toasts change on their own timers,
 * such as the "ready offline" toast leaving after 6 s, never because of a keystroke); the sample ends when the DOM has
 * then been quiet for `quietMs`, and its latency is the last laid-out mutation − t0, so a late
 * answer (the worker's, a second render) still counts. Beside it, the old "first frame" figure:
 * the app's `broadsheet:results` mark for this query, then the next frame.
 */
const KEYSTROKE_SCRIPT = `(() => {
  const describe = (n) => {
    const el = n && n.nodeType === 1 ? n : n && n.parentElement;
    if (!el) return '?';
    return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '');
  };
  /** Resolves once the page's body has not changed for \`ms\`. */
  window.__quiet = (ms) => new Promise((resolve) => {
    let timer = setTimeout(done, ms);
    const mo = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, ms); });
    function done() { mo.disconnect(); resolve(); }
    mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  window.__keystroke = (value, quietMs = 1000) => new Promise((resolve) => {
    const input = document.querySelector('input[type=search]');
    let last, lastTarget = '', mutations = 0, frame, commit, count;
    const findMark = () => {
      if (frame !== undefined || commit !== undefined) return;
      const mark = performance.getEntriesByName('broadsheet:results').find((e) => e.startTime >= t0 && e.detail.q === value && e.detail.tag === '');
      if (!mark) return;
      commit = mark.startTime - t0;
      count = mark.detail.count;
      requestAnimationFrame(() => { document.body.offsetHeight; frame = performance.now() - t0; });
    };
    let timer;
    const arm = () => { clearTimeout(timer); timer = setTimeout(finish, quietMs); };
    const mo = new MutationObserver((records) => {
      document.body.offsetHeight; // laid out
      last = performance.now();
      mutations += records.length;
      lastTarget = describe(records[records.length - 1].target);
      findMark();
      arm();
    });
    const po = new PerformanceObserver(findMark);
    const finish = () => {
      mo.disconnect();
      po.disconnect();
      findMark();
      resolve({ latency: last === undefined ? 0 : last - t0, frame, commit, count, mutations, lastTarget });
    };
    mo.observe(document.querySelector('main') ?? document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    po.observe({ type: 'mark' });
    const t0 = performance.now();
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    arm();
  });
})();`;

/** Serves a generated archive's pages (with ETag/304) and bodies from memory. */
function feedHandler(files, arch) {
  return (req, res) => {
    const path = req.url.split('?')[0];
    const body = /^\/bodies\/(\d+)\.html$/.exec(path);
    if (body) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
      res.end(arch.body(Number(body[1])));
      return true;
    }
    const page = files.get(path);
    if (!page) return false;
    const headers = { 'content-type': 'application/feed+json', 'cache-control': 'no-cache', etag: page.etag };
    if (req.headers['if-none-match'] === page.etag) {
      res.writeHead(304, headers).end();
      return true;
    }
    res.writeHead(200, { ...headers, 'content-length': Buffer.byteLength(page.text) }).end(page.text);
    return true;
  };
}

/** A static page with the app's first rows, for the cold-start floor. */
function staticPage(arch, n = 40) {
  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  const rows = [];
  for (let i = 0; i < Math.min(n, arch.count); i++) {
    const it = arch.item(i);
    rows.push(
      `<li class="row"><h2 class="row-title"><a href="#">${esc(it.title)}</a></h2><p class="row-meta"><time>${esc(it.date_published.slice(0, 10))}</time>` +
        `<span class="row-authors">${esc(it.authors.map((a) => a.name).join(', '))}</span></p><p class="row-excerpt">${esc(it.summary)}</p>` +
        `<ul class="tags">${it.tags.map((t) => `<li><a href="#">${esc(t)}</a></li>`).join('')}</ul></li>`,
    );
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Floor: static rows</title><link rel="stylesheet" href="style.css"></head><body><div class="app"><main>
<form class="filters" role="search"><input type="search" aria-label="Search articles"></form><p role="status" class="count">${arch.count} articles</p>
<ul class="articles" aria-label="Articles">${rows.join('')}</ul></main></div>
<script src="search.js"></script><script>navigator.serviceWorker && navigator.serviceWorker.register('sw.js');</script></body></html>`;
}

/**
 * The keystroke floor, on the static page: the fewest DOM changes a search can make, with no
 * ranking and no index: the rows whose text contains the query replace the list, and the status
 * says how many.
 */
const FLOOR_SEARCH = `(() => {
  const input = document.querySelector('input[type=search]');
  const list = document.querySelector('ul.articles');
  const status = document.querySelector('[role=status]');
  const rows = [...list.children].map((li) => [li.textContent.toLowerCase(), li]);
  input.addEventListener('input', () => {
    const q = input.value.trim().toLowerCase();
    const hits = rows.filter(([text]) => text.includes(q)).map(([, li]) => li);
    list.replaceChildren(...hits);
    status.textContent = q ? hits.length + ' articles · filtered' : rows.length + ' articles';
  });
})();`;

async function launch(executablePath) {
  const dir = mkdtempSync(join(tmpdir(), 'broadsheet-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
    viewport: { width: 390, height: 844 },
  });
  await context.addInitScript(FIRST_ROWS_SCRIPT);
  await context.addInitScript(KEYSTROKE_SCRIPT);
  return {
    context,
    page: context.pages()[0] ?? (await context.newPage()),
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function benchSize(count, executablePath, css) {
  log(`${count}: generating`);
  const arch = archive({ count });
  const files = new Map();
  const { pages, bytes } = paginate(arch, {
    pageBytes: 100_000,
    title: `Bench Archive (${count.toLocaleString('en-US')})`,
    write: (path, text) => files.set(`/${path}`, { text, etag: `"${createHash('sha1').update(text).digest('hex').slice(0, 20)}"` }),
  });
  let bodyBytes = 0;
  for (let i = 0; i < Math.min(count, 200); i++) bodyBytes += Buffer.byteLength(arch.body(i));
  const result = { articles: count, pages, indexBytes: bytes, avgBodyBytes: Math.round(bodyBytes / Math.min(count, 200)) };

  // Two origins: the app's service worker answers every navigation on its own origin.
  const floorDir = mkdtempSync(join(tmpdir(), 'broadsheet-floor-'));
  for (const f of ['sync.html', 'sync.js', 'sw.js']) copyFileSync(join('bench/floor', f), join(floorDir, f));
  writeFileSync(join(floorDir, 'static.html'), staticPage(arch));
  writeFileSync(join(floorDir, 'style.css'), css);
  writeFileSync(join(floorDir, 'search.js'), FLOOR_SEARCH);
  const handler = feedHandler(files, arch);
  let app = await startServer({ root: APP, override: handler });
  let floor = await startServer({ root: floorDir, override: handler });
  const appPort = app.port;
  const floorPort = floor.port;

  try {
    // --- Sync floor -------------------------------------------------------------------------
    log(`${count}: sync floor (${pages} pages, ${(bytes / 1e6).toFixed(1)} MB)`);
    {
      const b = await launch(executablePath);
      await b.page.goto(`${floor.url}sync.html`);
      await until(b.page, () => performance.getEntriesByName('floor:done').length > 0);
      result.floorSync = await b.page.evaluate(() => ({
        firstRowsMs: window.__bench.firstRows,
        allStoredMs: performance.getEntriesByName('floor:done')[0].startTime,
      }));
      await b.close();
    }

    // --- App: sync ---------------------------------------------------------------------------
    log(`${count}: app sync`);
    const b = await launch(executablePath);
    const { page, context } = b;
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(app.url);
    await until(page, () => performance.getEntriesByName('broadsheet:sync-end').length > 0);
    result.sync = await page.evaluate(() => ({
      firstRowsMs: window.__bench.firstRows,
      allStoredMs: performance.getEntriesByName('broadsheet:sync-end')[0].startTime,
      result: performance.getEntriesByName('broadsheet:sync-end')[0].detail,
    }));
    await until(page, (n) => document.querySelector('[role=status]')?.textContent === `${n.toLocaleString('en-US')} articles`, count);
    log(`${count}: synced in ${(result.sync.allStoredMs / 1000).toFixed(1)} s (floor ${(result.floorSync.allStoredMs / 1000).toFixed(1)} s)`);

    // --- Search index ready (built in the worker while the sync ran) ---------------------------
    const box = page.getByRole('searchbox', { name: 'Search articles' });
    const indexStart = Date.now();
    for (;;) {
      await box.fill(`strike ${Date.now() % 1000}`);
      await box.fill('strike');
      await until(page, () => document.querySelector('ul[aria-label=Articles]')?.getAttribute('aria-busy') !== 'true' && /filtered/.test(document.querySelector('[role=status]')?.textContent ?? ''));
      if ((await page.locator('.note', { hasText: 'still being built' }).count()) === 0) break;
      if (Date.now() - indexStart > 900_000) throw new Error('search index not ready after 15 minutes');
      await page.waitForTimeout(1000);
    }
    result.indexReadyAfterSyncMs = Date.now() - indexStart;
    await box.fill('');
    await until(page, () => !/filtered/.test(document.querySelector('[role=status]')?.textContent ?? ''));

    // --- Memory ------------------------------------------------------------------------------
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    result.heapMB = +(heap.usedSize / 1048576).toFixed(1);

    // --- DOM while scrolling -----------------------------------------------------------------
    log(`${count}: scrolling`);
    let maxRows = 0;
    let maxNodes = 0;
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const steps = 40;
    for (let i = 0; i <= steps; i++) {
      await page.evaluate((y) => scrollTo(0, y), Math.round((height * i) / steps));
      await page.waitForTimeout(60);
      const { rows, nodes } = await page.evaluate(() => ({
        rows: document.querySelectorAll('ul[aria-label=Articles] > li').length,
        nodes: document.getElementsByTagName('*').length,
      }));
      maxRows = Math.max(maxRows, rows);
      maxNodes = Math.max(maxNodes, nodes);
    }
    for (let i = 0; i < 40; i++) {
      await page.mouse.wheel(0, 600);
      await page.waitForTimeout(16);
      maxRows = Math.max(maxRows, await page.evaluate(() => document.querySelectorAll('ul[aria-label=Articles] > li').length));
    }
    result.dom = { maxRows, maxElements: maxNodes };
    await page.evaluate(() => scrollTo(0, 0));

    // --- Search latency ----------------------------------------------------------------------
    // Each query's last letter is the sample: the box holds the query minus that letter first
    // (untimed, the DOM then quiet for 0.5 s), as when a reader types it.
    log(`${count}: search (${QUERIES.length} queries)`);
    const samples = [];
    // Start-up's own changes (the service worker's "ready offline" toast…) are not a keystroke's.
    await page.evaluate(() => window.__quiet(2000));
    for (const q of QUERIES) {
      const before = q.length > 1 ? q.slice(0, -1) : '';
      await page.evaluate((v) => window.__keystroke(v, 500), before);
      const m = await page.evaluate((v) => window.__keystroke(v, 1000), q);
      samples.push({ q, cold: false, ...m });
    }
    await page.evaluate(() => {
      const input = document.querySelector('input[type=search]');
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    // Let the index snapshot be saved before the cold starts (it is saved after 3 s of quiet).
    await page.waitForTimeout(6000);
    result.searchSnapshotMB = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open('broadsheet');
          open.onsuccess = () => {
            const r = open.result.transaction('search').objectStore('search').get('index');
            r.onsuccess = () => {
              open.result.close();
              resolve(r.result ? +(r.result.json.length / 1048576).toFixed(1) : 0);
            };
          };
        }),
    );

    // --- Cold offline start ------------------------------------------------------------------
    log(`${count}: cold offline start`);
    await app.close();
    const appStarts = [];
    for (let i = 0; i < 5; i++) {
      await page.goto('about:blank');
      await page.goto(`http://localhost:${appPort}/`);
      await until(page, () => window.__bench?.firstRows !== undefined, undefined, 60_000);
      appStarts.push(await page.evaluate(() => window.__bench.firstRows));
      // The reader's first keystroke after opening: once the whole list is read and the page
      // has not changed for 1 s (start-up's own changes, such as the offline marks, are not the
      // keystroke's), which is about when a reader who opened the app to search starts typing.
      await until(page, (n) => document.querySelector('[role=status]')?.textContent === `${n.toLocaleString('en-US')} articles`, count, 60_000);
      await page.evaluate(() => window.__quiet(1000));
      const q = COLD_QUERIES[i % COLD_QUERIES.length];
      samples.push({ q, cold: true, ...(await page.evaluate((v) => window.__keystroke(v, 1000), q)) });
    }
    const latencies = samples.map((x) => x.latency);
    const frames = samples.filter((x) => x.frame !== undefined).map((x) => x.frame);
    const cold = samples.filter((x) => x.cold).map((x) => x.latency);
    result.search = {
      samples: samples.length,
      p50: +pct(latencies, 50).toFixed(1),
      p95: +pct(latencies, 95).toFixed(1),
      max: +Math.max(...latencies).toFixed(1),
      coldFirst: +median(cold).toFixed(1),
      coldMax: +Math.max(...cold).toFixed(1),
      // Samples whose results never showed within the window (the DOM went quiet for 1 s first):
      // their latency is a lower bound.
      unanswered: samples.filter((x) => x.frame === undefined).map((x) => ({ q: x.q, cold: x.cold, latency: +x.latency.toFixed(1) })),
      frameP50: +pct(frames, 50).toFixed(1),
      frameP95: +pct(frames, 95).toFixed(1),
      slowest: [...samples].sort((x, y) => y.latency - x.latency).slice(0, 5).map((x) => ({ q: x.q, cold: x.cold, latency: +x.latency.toFixed(1), frame: x.frame && +x.frame.toFixed(1), mutations: x.mutations, lastTarget: x.lastTarget })),
      counts: Object.fromEntries(samples.filter((x) => !x.cold).map((x) => [x.q, x.count])),
    };
    result.coldStartMs = +median(appStarts).toFixed(1);

    // --- Storage panel -----------------------------------------------------------------------
    // From the tap on Settings to the panel stating how many articles are stored and readable
    // offline (offline, the list loaded). Floor: the raw reads those figures need at least (the
    // article count, the keep-offline records and the images' bookkeeping); beside it, what
    // reading every row and body costs (how the panel counted before).
    const rawReads = (withBodies) =>
      page.evaluate(
        (bodies) =>
          new Promise((resolve, reject) => {
            const open = indexedDB.open('broadsheet');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const db = open.result;
              const t0 = performance.now();
              const tx = db.transaction(bodies ? ['articles', 'bodies', 'offline', 'images'] : ['articles', 'offline', 'images']);
              const reqs = bodies ? [tx.objectStore('articles').getAll(), tx.objectStore('bodies').getAll()] : [tx.objectStore('articles').count()];
              reqs.push(tx.objectStore('offline').getAll(), tx.objectStore('images').getAll());
              tx.oncomplete = () => {
                db.close();
                resolve(performance.now() - t0);
              };
            };
          }),
        withBodies,
      );
    // The floor first, with the list loaded and the page quiet, as for each panel sample.
    await page.evaluate(() => window.__quiet(1000));
    const floorReads = [];
    const bodyReads = [];
    for (let i = 0; i < 3; i++) floorReads.push(await rawReads(false));
    for (let i = 0; i < 3; i++) bodyReads.push(await rawReads(true));
    log(`${count}: storage panel`);
    const panelTimes = [];
    for (let i = 0; i < 3; i++) {
      await page.evaluate(() => window.__quiet(1000));
      panelTimes.push(
        await page.evaluate(
          () =>
            new Promise((resolve) => {
              const link = [...document.querySelectorAll('a')].find((a) => /settings$/.test(a.getAttribute('href') ?? ''));
              const t0 = performance.now();
              const done = () => /readable fully offline/.test(document.body.textContent ?? '');
              const observer = new MutationObserver(() => {
                if (!done()) return;
                observer.disconnect();
                requestAnimationFrame(() => resolve(performance.now() - t0));
              });
              observer.observe(document.body, { childList: true, subtree: true, characterData: true });
              link.click();
            }),
        ),
      );
      await page.goBack();
      await until(page, () => !!document.querySelector('ul[aria-label=Articles] > li') && !/readable fully offline/.test(document.body.textContent ?? ''), undefined, 60_000);
    }
    result.storagePanel = { ms: +median(panelTimes).toFixed(1), floorMs: +median(floorReads).toFixed(1), everyBodyMs: +median(bodyReads).toFixed(1) };
    log(`${count}: storage panel ${result.storagePanel.ms} ms (floor ${result.storagePanel.floorMs} ms; reading every body ${result.storagePanel.everyBodyMs} ms)`);
    result.errors = errors;
    await b.close();

    // Floor: the static page, installed once online, then opened with its server stopped.
    const f = await launch(executablePath);
    await f.page.goto(`${floor.url}static.html`);
    await f.page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await f.page.reload();
    await until(f.page, () => !!navigator.serviceWorker.controller, undefined, 30_000);
    await floor.close();
    const floorStarts = [];
    for (let i = 0; i < 5; i++) {
      await f.page.goto('about:blank');
      await f.page.goto(`http://localhost:${floorPort}/static.html`);
      await until(f.page, () => window.__bench?.firstRows !== undefined, undefined, 60_000);
      floorStarts.push(await f.page.evaluate(() => window.__bench.firstRows));
    }
    result.floorColdStartMs = +median(floorStarts).toFixed(1);
    // Keystroke floor: the same queries on the static page.
    const floorKeys = [];
    for (const q of QUERIES) {
      await f.page.evaluate((v) => window.__keystroke(v, 300), q.length > 1 ? q.slice(0, -1) : '');
      floorKeys.push((await f.page.evaluate((v) => window.__keystroke(v, 300), q)).latency);
    }
    result.floorSearch = { p50: +pct(floorKeys, 50).toFixed(1), p95: +pct(floorKeys, 95).toFixed(1) };
    await f.close();
  } finally {
    await app.close().catch(() => {});
    await floor.close().catch(() => {});
    rmSync(floorDir, { recursive: true, force: true });
  }
  return result;
}

function table(results, firstLoad) {
  const x = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}×` : '–');
  const s = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
  const lines = [
    '| Figure | ' + results.map((r) => `${r.articles.toLocaleString('en-US')} articles`).join(' | ') + ' |',
    '| --- | ' + results.map(() => '---').join(' | ') + ' |',
    '| Index: pages (≈100 KB each), size | ' + results.map((r) => `${r.pages} pages, ${(r.indexBytes / 1e6).toFixed(1)} MB`).join(' | ') + ' |',
    '| Sync → first rows painted (floor) | ' + results.map((r) => `${s(r.sync.firstRowsMs)} (${s(r.floorSync.firstRowsMs)}) ${x(r.sync.firstRowsMs, r.floorSync.firstRowsMs)}`).join(' | ') + ' |',
    '| Sync → all stored (floor) | ' + results.map((r) => `${s(r.sync.allStoredMs)} (${s(r.floorSync.allStoredMs)}) ${x(r.sync.allStoredMs, r.floorSync.allStoredMs)}`).join(' | ') + ' |',
    '| Search index complete, after sync | ' + results.map((r) => s(r.indexReadyAfterSyncMs)).join(' | ') + ' |',
    '| Cold offline start → first rows (static floor) | ' + results.map((r) => `${s(r.coldStartMs)} (${s(r.floorColdStartMs)}) ${x(r.coldStartMs, r.floorColdStartMs)}`).join(' | ') + ' |',
    '| Search keystroke → last DOM change laid out, p50 / p95 (n, cold starts included) (floor p50 / p95) | ' + results.map((r) => `${r.search.p50} / ${r.search.p95} ms (${r.search.samples}) (${r.floorSearch.p50} / ${r.floorSearch.p95} ms) ${x(r.search.p50, r.floorSearch.p50)} / ${x(r.search.p95, r.floorSearch.p95)}`).join(' | ') + ' |',
    '| … first keystroke after a cold start, median / max of 5 | ' + results.map((r) => `${r.search.coldFirst} / ${r.search.coldMax} ms`).join(' | ') + ' |',
    '| … old figure: results mark + one frame, p50 / p95 | ' + results.map((r) => `${r.search.frameP50} / ${r.search.frameP95} ms`).join(' | ') + ' |',
    '| Settings tapped → storage panel states the counts, offline (floor: the raw reads; every row and body read) | ' + results.map((r) => (r.storagePanel ? `${s(r.storagePanel.ms)} (${s(r.storagePanel.floorMs)}; ${s(r.storagePanel.everyBodyMs)}) ${x(r.storagePanel.ms, r.storagePanel.floorMs)}` : '–')).join(' | ') + ' |',
    '| JS heap after sync (main thread) | ' + results.map((r) => `${r.heapMB} MB`).join(' | ') + ' |',
    '| Search index snapshot (IndexedDB) | ' + results.map((r) => `${r.searchSnapshotMB} MB`).join(' | ') + ' |',
    '| Most rows / elements in the DOM while scrolling | ' + results.map((r) => `${r.dom.maxRows} / ${r.dom.maxElements}`).join(' | ') + ' |',
    `| First-load JS (gzip) | ${(firstLoad / 1024).toFixed(1)} KB |` + results.slice(1).map(() => ' |').join(''),
  ];
  return lines.join('\n');
}

const started = Date.now();
const executablePath = findChromium({ install: false });
log(`building the app into ${APP}`);
rmSync(APP, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
execFileSync('npx', ['vite', 'build', '--outDir', APP, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' });
const size = JSON.parse(execFileSync(process.execPath, ['scripts/size.mjs', APP, '--json'], { encoding: 'utf8' }));
const cssFile = readdirSync(join(APP, 'assets')).find((f) => f.endsWith('.css'));
const css = readFileSync(join(APP, 'assets', cssFile), 'utf8');

const results = [];
for (const count of SIZES) results.push(await benchSize(count, executablePath, css));
const chromeVersion = execFileSync(executablePath, ['--version'], { encoding: 'utf8' }).trim();
const machine = `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, ${chromeVersion}, headless, 390×844 viewport`;
const report = { date: new Date().toISOString(), machine, firstLoadJsGzip: size.firstLoadJsGzip, durationS: Math.round((Date.now() - started) / 1000), results };
writeFileSync('bench/results.json', `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nBenchmark of ${report.date.slice(0, 10)} on ${machine} (${report.durationS} s)\n`);
console.log(table(results, size.firstLoadJsGzip));
