// @ts-check
/**
 * The one harness every browser test uses: a server for a build that can be stopped, restarted
 * on the same origin and told to misbehave; a Chromium profile that survives closing the browser;
 * `openApp`, which starts both; and the reads and waits the tests share (IndexedDB stores, axe,
 * the article list).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';
import { startServer } from '../../scripts/serve.mjs';

/**
 * @typedef {import('playwright-core').Page} Page
 * @typedef {import('playwright-core').BrowserContext} BrowserContext
 * @typedef {NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]>} LaunchOptions
 * @typedef {import('node:http').IncomingMessage} Request
 * @typedef {import('node:http').ServerResponse} Response
 * @typedef {(req: Request, res: Response) => boolean | Promise<boolean>} Override
 *   Answers a request itself and returns true, or returns false to let the build answer it.
 * @typedef {string | object | (() => string | object)} FeedSource
 *   A feed: its text, an object to serialize, or a function giving either at each request.
 */

const DIST = 'dist';

/**
 * An item of a JSON Feed, as far as the tests read it.
 * @typedef {{ id: string | number, title: string, url?: string, summary?: string, content_html?: string,
 *   content_text?: string, date_published: string, tags?: string[], language?: string, [field: string]: unknown }} FeedItem
 * @typedef {{ version: string, title?: string, items: FeedItem[], [field: string]: unknown }} Feed
 */

/** The demo index of the build, as text. */
export function demoFeedText(root = DIST) {
  return readFileSync(join(root, 'feed.json'), 'utf8');
}

/**
 * The demo index of the build, parsed.
 * @returns {Feed}
 */
export function demoFeed(root = DIST) {
  return JSON.parse(demoFeedText(root));
}

/**
 * The first item that matches; throws if there is none (the test needs it).
 * @param {FeedItem[]} items
 * @param {(item: FeedItem) => unknown} predicate
 */
export function findItem(items, predicate) {
  const item = items.find(predicate);
  if (!item) throw new Error(`no item matches ${predicate}`);
  return item;
}

/** The app's path for an article (relative to its base). */
export const articlePath = (/** @type {unknown} */ id) => `article/${encodeURIComponent(String(id))}`;

/**
 * A free TCP port, so restarts keep the same origin (and so the same SW and IndexedDB).
 * @returns {Promise<number>}
 */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A restartable server. `override` answers some requests itself (return true when handled);
 * `requests` logs every path asked for, to check what the app fetched.
 */
export class TestServer {
  /** @param {{ root?: string, base?: string, port: number }} options */
  constructor({ root = DIST, base = '/', port }) {
    this.root = root;
    this.base = base;
    this.port = port;
    /** @type {string[]} */
    this.requests = [];
    /** @type {Override | undefined} */
    this.override = undefined;
    /** @type {Awaited<ReturnType<typeof startServer>> | undefined} */
    this.handle = undefined;
  }
  get url() {
    return `http://localhost:${this.port}${this.base}`;
  }
  async start() {
    this.handle = await startServer({
      root: this.root,
      base: this.base,
      port: this.port,
      log: (line) => this.requests.push(line),
      override: (req, res) => (this.override ? this.override(req, res) : false),
    });
    return this;
  }
  async stop() {
    await this.handle?.close();
    this.handle = undefined;
  }
  /** Stops, then starts again on the same port, serving `root` if given (a new deploy). */
  async restart({ root = this.root } = {}) {
    await this.stop();
    this.root = root;
    return this.start();
  }
  /** @param {string} pathname */
  fetched(pathname) {
    return this.requests.some((line) => line.split(' ')[1]?.split('?')[0] === pathname);
  }
}

/** A Chromium profile in a temp folder: closing and relaunching it is "the browser was closed". */
class Profile {
  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'broadsheet-profile-'));
    this.executablePath = findChromium({ install: false });
    /** Uncaught errors in any page of this profile, across every launch. @type {string[]} */
    this.errors = [];
    /** @type {BrowserContext | undefined} */
    this.browser = undefined;
  }
  /** The running browser; launch() first. */
  get context() {
    if (!this.browser) throw new Error('the profile is not launched');
    return this.browser;
  }
  /** @param {LaunchOptions} [options] */
  async launch(options = {}) {
    this.browser = await chromium.launchPersistentContext(this.dir, {
      executablePath: this.executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 390, height: 844 },
      ...options,
    });
    this.browser.on('weberror', (e) => this.errors.push(String(e.error())));
    return this.browser;
  }
  /** The first tab (a persistent context opens with one), or a new one. */
  async page() {
    return this.context.pages()[0] ?? (await this.context.newPage());
  }
  async close() {
    await this.browser?.close();
    this.browser = undefined;
  }
  dispose() {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * @typedef {object} FeedOptions
 * @property {string} [path] the request path it answers (default /feed.json, prefix match)
 * @property {number} [status] default 200
 * @property {string | null} [type] content-type, null for none (default application/feed+json)
 * @property {string | null} [cacheControl] cache-control, null for none (default no-store)
 * @property {boolean} [contentLength] send a content-length header
 * @property {number} [delayMs] wait this long before answering
 * @property {number} [cutAt] send this many characters, then cut the connection
 */

/**
 * A server override that answers the index with `feed` (and leaves every other request to the
 * build).
 * @param {FeedSource} feed
 * @param {FeedOptions} [options]
 * @returns {Override}
 */
export function feedHandler(feed, options = {}) {
  const { path = '/feed.json', status = 200, type = 'application/feed+json', cacheControl = 'no-store', contentLength = false, delayMs = 0, cutAt } = options;
  return async (req, res) => {
    if (!req.url?.startsWith(path)) return false;
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    const value = typeof feed === 'function' ? feed() : feed;
    const body = typeof value === 'string' ? value : JSON.stringify(value);
    /** @type {Record<string, string | number>} */
    const headers = {};
    if (type !== null) headers['content-type'] = type;
    if (cacheControl !== null) headers['cache-control'] = cacheControl;
    if (contentLength) headers['content-length'] = Buffer.byteLength(body);
    res.writeHead(status, headers);
    if (cutAt === undefined) {
      res.end(body);
      return true;
    }
    // Part of the file arrives, then the connection dies.
    res.write(body.slice(0, cutAt), () => setTimeout(() => req.socket.destroy(), 50));
    return true;
  };
}

/**
 * Makes `server` answer the index with a feed (see feedHandler), or hands every request to a
 * handler of its own; `undefined` serves the build's own feed.json again.
 * @param {TestServer} server
 * @param {FeedSource | Override | undefined} feedOrHandler a handler is a function taking (req, res)
 * @param {FeedOptions} [options]
 */
export function serveFeed(server, feedOrHandler, options) {
  server.override =
    feedOrHandler === undefined
      ? undefined
      : typeof feedOrHandler === 'function' && feedOrHandler.length > 0
        ? /** @type {Override} */ (feedOrHandler)
        : feedHandler(/** @type {FeedSource} */ (feedOrHandler), options);
}

/**
 * @typedef {object} App
 * @property {TestServer} server the app's server (started)
 * @property {Profile} profile its Chromium profile (launched)
 * @property {Page} page the profile's first tab
 * @property {() => Promise<void>} close closes the browser, deletes the profile, stops the server
 */

/**
 * Starts a TestServer on a free port and launches a fresh persistent Chromium profile on it.
 * @param {object} [options]
 * @param {FeedSource | Override} [options.feed] what the index answers (default the build's own)
 * @param {FeedOptions} [options.feedOptions] headers, delay… for `feed`
 * @param {string} [options.root] the build to serve (default dist)
 * @param {string} [options.base] the path it is served under (default /)
 * @param {number} [options.port] default a free one
 * @param {LaunchOptions} [options.launch] extra options for the browser (permissions…)
 * @param {boolean} [options.visit] open the app's URL once launched
 * @returns {Promise<App>}
 */
export async function openApp({ feed, feedOptions, root, base, port, launch, visit = false } = {}) {
  const server = new TestServer({ root, base, port: port ?? (await freePort()) });
  serveFeed(server, feed, feedOptions);
  await server.start();
  const profile = new Profile();
  try {
    await profile.launch(launch);
  } catch (error) {
    profile.dispose();
    await server.stop();
    throw error;
  }
  const page = await profile.page();
  if (visit) await page.goto(server.url);
  return {
    server,
    profile,
    page,
    async close() {
      await profile.close();
      profile.dispose();
      await server.stop();
    },
  };
}

/**
 * Waits until a service worker controls the page (clientsClaim on the first visit).
 * @param {Page} page
 */
export async function waitForController(page, timeout = 15_000) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout });
}

/**
 * The `N articles` status as a number.
 * @param {Page} page
 */
export async function statusCount(page) {
  const text = await page.getByRole('status').textContent();
  const m = /([\d.,\s\u00a0\u202f]+)\s+articles?/.exec(text ?? '');
  if (!m) throw new Error(`status says "${text}"`);
  return Number(m[1]?.replace(/[^\d]/g, ''));
}

/** @param {Page} page */
export function articleLinks(page) {
  return page.getByRole('list', { name: 'Articles' }).locator(':scope > li');
}

/**
 * Waits until the article list has rendered: its first row, or, given `count`, exactly that
 * many rows in the DOM (a list short enough not to be windowed).
 * @param {Page} page
 * @param {number} [count]
 * @param {{ timeout?: number }} [options]
 */
export async function listReady(page, count, options) {
  if (count === undefined) await page.getByRole('list', { name: 'Articles' }).locator('li').first().waitFor(options);
  else await page.waitForFunction((want) => document.querySelectorAll('ul[aria-label=Articles] > li').length === want, count, options);
}

/**
 * Waits until the (windowed) list holds `count` articles: the unfiltered `N articles` status
 * says so, and so does the rows' set size (the DOM holds only the rows near the viewport).
 * @param {Page} page
 * @param {number} count
 * @param {{ timeout?: number }} [options]
 */
export async function listHolds(page, count, options) {
  await page.waitForFunction(
    (want) => {
      const status = document.querySelector('[role=status]')?.textContent ?? '';
      const n = Number((/^([\d,.\s\u00a0\u202f]+)\sarticles?$/.exec(status)?.[1] ?? '').replace(/[^\d]/g, ''));
      const li = document.querySelectorAll('ul[aria-label=Articles] > li');
      const size = Number(li[0]?.getAttribute('aria-setsize') ?? li.length);
      return n === want && size === want;
    },
    count,
    options,
  );
}

/**
 * Reads several stores of the app's IndexedDB in one transaction: each store's keys and values,
 * in key order.
 * @param {Page} page
 * @param {string[]} stores
 * @returns {Promise<Record<string, { keys: IDBValidKey[], values: unknown[] }>>}
 */
export async function readStores(page, stores, db = 'broadsheet') {
  return page.evaluate(
    ([names, dbName]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const idb = open.result;
          const tx = idb.transaction(names);
          const requests = names.map((name) => [tx.objectStore(name).getAllKeys(), tx.objectStore(name).getAll()]);
          tx.oncomplete = () => {
            idb.close();
            resolve(Object.fromEntries(names.map((name, i) => [name, { keys: requests[i]?.[0]?.result ?? [], values: requests[i]?.[1]?.result ?? [] }])));
          };
          tx.onerror = () => {
            idb.close();
            reject(tx.error);
          };
        };
      }),
    /** @type {[string[], string]} */ ([stores, db]),
  );
}

/**
 * Every record of one store of the app's IndexedDB (read through page.evaluate).
 * @param {Page} page
 * @param {string} store
 */
export async function readStore(page, store) {
  return (await readStores(page, [store]))[store]?.values ?? [];
}

/**
 * The keys of one store of the app's IndexedDB.
 * @param {Page} page
 * @param {string} store
 */
export async function readKeys(page, store) {
  return (await readStores(page, [store]))[store]?.keys ?? [];
}

/**
 * How many records a store holds: all of them, or those whose key starts with `prefix`. Cheap
 * enough to poll while the app is writing.
 * @param {Page} page
 * @param {string} store
 * @param {{ prefix?: string }} [options]
 * @returns {Promise<number>}
 */
export async function countStore(page, store, { prefix } = {}) {
  return page.evaluate(
    ([name, pre]) =>
      new Promise((resolve, reject) => {
        const r = indexedDB.open('broadsheet');
        r.onerror = () => reject(r.error);
        r.onsuccess = () => {
          const db = r.result;
          const objects = db.transaction(name).objectStore(name);
          const c = pre === undefined ? objects.count() : objects.count(IDBKeyRange.bound(pre, `${pre}\uffff`));
          c.onsuccess = () => {
            db.close();
            resolve(c.result);
          };
        };
      }),
    /** @type {[string, string | undefined]} */ ([store, prefix]),
  );
}

// A plain `require.resolve(…)` call, which is also how knip sees that axe-core is used.
const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (WCAG 2.2 AA rules plus best practices) on the page: one line per violation,
 * `rule: the targets`, so an empty list means none.
 * @param {Page} page
 */
export async function axe(page) {
  await page.evaluate(AXE); // evaluate, not a <script>: the app's CSP forbids inline scripts
  const { violations } = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'], runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }),
  );
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/**
 * Holds chosen responses in a test server until the test releases them, so a test can stop a
 * run at a known point (an image asked for, not answered yet) with no delay to race against.
 * Open, it answers at once. `asked` lists every name asked for, held or not.
 */
export class Gate {
  constructor() {
    this.open = true;
    /** @type {string[]} */
    this.asked = [];
    /** @type {{ name: string, send: () => void }[]} */
    this.held = [];
  }
  /** Answers now if open, else holds `send` until released. @param {string} name @param {() => void} send */
  pass(name, send) {
    this.asked.push(name);
    if (this.open) send();
    else this.held.push({ name, send });
  }
  /** From now on, hold every response. */
  close() {
    this.open = false;
  }
  /** Sends the `n` oldest held responses; returns their names. */
  release(n = 1) {
    const out = this.held.splice(0, n);
    for (const h of out) h.send();
    return out.map((h) => h.name);
  }
  /** Sends every held response and lets the next ones through. */
  openAll() {
    this.open = true;
    return this.release(this.held.length);
  }
  /**
   * Resolves when at least `n` responses are held; returns their names.
   * @param {number} [n]
   * @param {{ timeout?: number }} [options]
   */
  async waitHeld(n = 1, { timeout = 15_000 } = {}) {
    const end = Date.now() + timeout;
    while (this.held.length < n) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${n} held responses (held: ${this.held.map((h) => h.name).join(', ') || 'none'})`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.held.map((h) => h.name);
  }
}
