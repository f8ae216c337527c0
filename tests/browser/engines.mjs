// @ts-check
/**
 * One small driver API over three browser engines, so that a flow is written once and run in
 * each:
 *   - chromium: Debian's Chromium through playwright-core (a persistent profile folder);
 *   - firefox: Firefox ESR through puppeteer-core over WebDriver BiDi (a profile folder);
 *   - webkit: WebKitGTK's MiniBrowser through WebKitWebDriver (W3C WebDriver over HTTP, no
 *     library), on a private Xvfb display. MiniBrowser's automation mode keeps its data in
 *     memory, so its profile does not survive closing the browser: `canRelaunch` is false.
 *
 * Elements are found inside the page by role and accessible name (a small, honest subset of the
 * ARIA rules, see FIND), then clicked or typed into through each engine's real input path.
 * Every engine is found by path or environment variable (see findEngine); a missing one fails
 * with the command that installs it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS } from '../../scripts/chromium.mjs';
import { ENGINE_NAMES, findEngine } from '../../scripts/engines.mjs';
import { freePort } from './harness.mjs';


/** @typedef {'chromium' | 'firefox' | 'webkit'} EngineName */
/** @typedef {string | RegExp} Name an accessible name: exact text, or a pattern */
/** @typedef {{ role: string, name?: Name, within?: string }} Target */

/**
 * The engines this run drives: $BROADSHEET_ENGINES (comma-separated), else all three.
 * @returns {EngineName[]}
 */
export function enginesToRun() {
  const wanted = (process.env.BROADSHEET_ENGINES ?? ENGINE_NAMES.join(',')).split(',').map((s) => s.trim()).filter(Boolean);
  for (const w of wanted) if (!ENGINE_NAMES.includes(/** @type {EngineName} */ (w))) throw new Error(`BROADSHEET_ENGINES names an unknown engine: ${w}`);
  return /** @type {EngineName[]} */ (wanted);
}

/**
 * In the page: the first visible element with `role` whose accessible name matches. Returns the
 * element (each driver turns it into its own handle). Roles: the implicit ones of the elements
 * the app uses, plus any explicit role attribute.
 * @param {{ role: string, name?: { source: string, flags: string } | string, within?: string }} target
 */
const FIND = ({ role, name, within }) => {
  /** @type {Record<string, string>} */
  const implicit = {
    button: 'button, input[type=button], input[type=submit]',
    link: 'a[href]',
    searchbox: 'input[type=search]',
    textbox: 'input:not([type]), input[type=text], textarea',
    combobox: 'select:not([multiple])',
    heading: 'h1, h2, h3, h4, h5, h6',
    radio: 'input[type=radio]',
    checkbox: 'input[type=checkbox]',
    list: 'ul, ol',
    listitem: 'li',
    alert: '[role=alert]',
    status: '[role=status], output',
    img: 'img[alt]:not([alt=""])',
  };
  const selector = `${implicit[role] ?? '[role=none-such]'}, [role=${role}]`;
  /** @param {Element} el */
  const hidden = (el) => {
    for (let e = /** @type {Element | null} */ (el); e; e = e.parentElement) {
      if (e.getAttribute('aria-hidden') === 'true' || /** @type {HTMLElement} */ (e).hidden) return true;
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden') return true;
    }
    return false;
  };
  /** @param {Node} node @returns {string} */
  const text = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    if (node.nodeType !== Node.ELEMENT_NODE) return '';
    const el = /** @type {Element} */ (node);
    if (el.getAttribute('aria-hidden') === 'true') return '';
    const s = getComputedStyle(el);
    if (s.display === 'none' || s.visibility === 'hidden') return '';
    if (el.getAttribute('aria-label')) return /** @type {string} */ (el.getAttribute('aria-label'));
    if (el instanceof HTMLImageElement) return el.alt;
    return [...el.childNodes].map(text).join('');
  };
  /** @param {Element} el */
  const accessibleName = (el) => {
    const label = el.getAttribute('aria-label');
    if (label) return label;
    const by = el.getAttribute('aria-labelledby');
    if (by) return by.split(/\s+/).map((id) => text(/** @type {Node} */ (document.getElementById(id) ?? document.createTextNode('')))).join(' ');
    if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) {
      const labels = el.labels ? [...el.labels] : [];
      if (labels.length) return labels.map((l) => [...l.childNodes].filter((n) => n !== el && !(n instanceof HTMLSelectElement)).map(text).join('')).join(' ');
      if (el instanceof HTMLInputElement && ['button', 'submit'].includes(el.type)) return el.value;
      return el.getAttribute('placeholder') ?? el.title ?? '';
    }
    return text(el);
  };
  const clean = (/** @type {string} */ s) => s.replace(/\s+/g, ' ').trim();
  const want = typeof name === 'string' || name === undefined ? name : new RegExp(name.source, name.flags);
  const root = within ? document.querySelector(within) : document;
  for (const el of root?.querySelectorAll(selector) ?? []) {
    if (hidden(el)) continue;
    const n = clean(accessibleName(el));
    if (want === undefined || (typeof want === 'string' ? n === want : want.test(n))) return el;
  }
  return null;
};

/** @param {Target} target */
const serial = ({ role, name, within }) => ({ role, within, name: name instanceof RegExp ? { source: name.source, flags: name.flags } : name });

/** @param {Target} target */
const describeTarget = ({ role, name, within }) => `${role}${name === undefined ? '' : ` "${name}"`}${within ? ` in ${within}` : ''}`;

/**
 * What every engine's driver can do. `evaluate` runs `fn(arg)` in the page (async allowed) and
 * returns its JSON value; `waitFor` polls it until truthy.
 * @typedef {object} Driver
 * @property {EngineName} engine
 * @property {boolean} canRelaunch whether close() then launch() keeps the profile (site data, worker)
 * @property {string[]} errors uncaught page errors since the profile was created, across launches
 *   (empty and unchecked in WebKit, whose WebDriver reports none)
 * @property {boolean} reportsErrors whether `errors` is filled by this engine
 * @property {string[]} networkErrors requests the browser reported as failed through the worker (Firefox)
 * @property {() => Promise<void>} launch
 * @property {() => Promise<void>} close
 * @property {() => void} dispose deletes the profile folder (after close)
 * @property {(url: string) => Promise<void>} goto
 * @property {() => Promise<void>} reload
 * @property {() => Promise<string>} url
 * @property {<A, R>(fn: (arg: A) => R | Promise<R>, arg?: A) => Promise<R>} evaluate
 * @property {<A>(fn: (arg: A) => unknown, arg?: A, options?: { timeout?: number, message?: string }) => Promise<void>} waitFor
 * @property {(target: Target, options?: { timeout?: number }) => Promise<void>} click
 * @property {(target: Target, text: string, options?: { timeout?: number }) => Promise<void>} fill
 */

/** In the page: where it is and what it shows, for the message of a wait that timed out. */
const SNAPSHOT = () => ({ url: location.href, text: (document.body?.innerText ?? '').replace(/\s+/g, ' ').slice(0, 400) });

/**
 * `; the page: …` for a timed-out wait's message, so a failure in a CI log says what the page
 * showed; empty when the page cannot be read (a navigation, a closed browser).
 * @param {() => Promise<unknown>} read
 */
async function seen(read) {
  try {
    return `; the page: ${JSON.stringify(await read())}`;
  } catch {
    return '';
  }
}

/**
 * Polls `check` until it returns a truthy value; throws with `message` after `timeout` ms.
 * @template T
 * @param {() => Promise<T>} check
 * @param {{ timeout?: number, message?: string }} [options]
 * @returns {Promise<T>}
 */
async function poll(check, { timeout = 15_000, message = 'condition' } = {}) {
  const end = Date.now() + timeout;
  /** @type {unknown} */ let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error; // a navigation in progress: try again
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${message}${last ? ` (last error: ${last})` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Chromium through playwright-core.
 * @param {string} dir
 * @returns {Driver}
 */
function chromiumDriver(dir) {
  const executablePath = findEngine('chromium').path;
  /** @type {import('playwright-core').BrowserContext | undefined} */ let context;
  /** @type {import('playwright-core').Page | undefined} */ let page;
  const p = () => {
    if (!page) throw new Error('chromium is not launched');
    return page;
  };
  /** @type {Driver} */
  const d = {
    engine: 'chromium',
    canRelaunch: true,
    reportsErrors: true,
    errors: [],
    networkErrors: [],
    async launch() {
      context = await chromium.launchPersistentContext(dir, { executablePath, headless: true, args: CHROMIUM_ARGS, viewport: { width: 390, height: 844 } });
      context.on('weberror', (e) => d.errors.push(String(e.error())));
      page = context.pages()[0] ?? (await context.newPage());
    },
    async close() {
      await context?.close();
      context = page = undefined;
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
    async goto(url) {
      await p().goto(url);
    },
    async reload() {
      await p().reload();
    },
    url: async () => p().url(),
    evaluate: (fn, arg) => p().evaluate(/** @type {any} */ (fn), arg),
    async waitFor(fn, arg, { timeout = 15_000, message } = {}) {
      await p()
        .waitForFunction(/** @type {any} */ (fn), arg, { timeout })
        .catch(async (/** @type {Error} */ e) => {
          throw new Error(`${message ?? 'condition'}: ${e.message.split('\n')[0]}${await seen(() => p().evaluate(SNAPSHOT))}`);
        });
    },
    async click(target, { timeout } = {}) {
      const handle = await findHandle(() => p().evaluateHandle(FIND, serial(target)), target, timeout);
      await handle.click();
    },
    async fill(target, text, { timeout } = {}) {
      const handle = await findHandle(() => p().evaluateHandle(FIND, serial(target)), target, timeout);
      await handle.fill(text);
    },
  };
  return d;
}

/**
 * Waits for FIND to return an element, as the engine's handle.
 * @template {{ asElement(): unknown }} H
 * @param {() => Promise<H>} find
 * @param {Target} target
 * @param {number} [timeout]
 * @returns {Promise<NonNullable<ReturnType<H['asElement']>>>}
 */
async function findHandle(find, target, timeout) {
  return /** @type {any} */ (await poll(async () => (await find()).asElement(), { timeout, message: describeTarget(target) }));
}

/**
 * Firefox ESR through puppeteer-core over WebDriver BiDi.
 * @param {string} dir
 * @returns {Driver}
 */
function firefoxDriver(dir) {
  const executablePath = findEngine('firefox').path;
  /** @type {import('puppeteer-core').Browser | undefined} */ let browser;
  /** @type {import('puppeteer-core').Page | undefined} */ let page;
  const p = () => {
    if (!page) throw new Error('firefox is not launched');
    return page;
  };
  /** @type {Driver} */
  const d = {
    engine: 'firefox',
    canRelaunch: true,
    reportsErrors: true,
    errors: [],
    networkErrors: [],
    async launch() {
      browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath,
        headless: true,
        userDataDir: dir,
        defaultViewport: { width: 390, height: 844 },
        // No calls home during a test.
        extraPrefsFirefox: { 'app.update.enabled': false, 'browser.safebrowsing.malware.enabled': false, 'datareporting.policy.dataSubmissionEnabled': false },
      });
      page = (await browser.pages())[0] ?? (await browser.newPage());
      // Firefox also reports, as page errors, the requests a service worker could not answer (a
      // page navigating away while its worker serves chunks): kept apart, as network failures
      // (docs/engines.md, "open"), so `errors` holds script errors only.
      // Likewise a code chunk whose load a navigation cancelled: Firefox reports "error loading
      // dynamically imported module" as a page error even though the app handles the rejection
      // (src/main.tsx). A chunk that really fails shows as a view that never appears, which every
      // flow checks; any other script error still fails the test.
      page.on('pageerror', (e) =>
        (/^Error: Failed to load ‘[^’]+’\. A ServiceWorker |^Error: TypeError: error loading dynamically imported module: /.test(String(e)) ? d.networkErrors : d.errors).push(String(e)),
      );
    },
    async close() {
      await browser?.close();
      browser = page = undefined;
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
    async goto(url) {
      await p().goto(url);
    },
    async reload() {
      await p().reload();
    },
    url: async () => p().url(),
    evaluate: (fn, arg) => /** @type {any} */ (p().evaluate(/** @type {any} */ (fn), arg)),
    async waitFor(fn, arg, options = {}) {
      await poll(() => p().evaluate(/** @type {any} */ (fn), arg), { timeout: options.timeout, message: options.message }).catch(async (/** @type {Error} */ e) => {
        throw new Error(`${e.message}${await seen(() => p().evaluate(SNAPSHOT))}`);
      });
    },
    async click(target, { timeout } = {}) {
      const handle = await findHandle(() => p().evaluateHandle(FIND, serial(target)), target, timeout);
      await /** @type {import('puppeteer-core').ElementHandle} */ (handle).click();
    },
    async fill(target, text, { timeout } = {}) {
      const handle = /** @type {import('puppeteer-core').ElementHandle<HTMLInputElement>} */ (await findHandle(() => p().evaluateHandle(FIND, serial(target)), target, timeout));
      await handle.evaluate((el) => {
        el.value = '';
      });
      await handle.type(text);
    },
  };
  return d;
}

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** One Xvfb display shared by every WebKit driver of this process. */
/** @type {Promise<{ display: string, stop: () => void }> | undefined} */ let xvfb;
function startXvfb() {
  xvfb ??= new Promise((resolve, reject) => {
    const bin = /** @type {string} */ (findEngine('webkit').xvfb);
    const child = spawn(bin, ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'pipe', 'ignore'] });
    child.once('error', reject);
    child.stdout.once('data', (/** @type {Buffer} */ d) => resolve({ display: `:${String(d).trim()}`, stop: () => child.kill() }));
    child.unref();
    process.once('exit', () => child.kill());
  });
  return xvfb;
}

/**
 * WebKitGTK's MiniBrowser through WebKitWebDriver, in plain W3C WebDriver calls.
 * @returns {Driver}
 */
function webkitDriver() {
  const found = findEngine('webkit');
  /** @type {import('node:child_process').ChildProcess | undefined} */ let driver;
  /** @type {string | undefined} */ let base;
  /** @type {string | undefined} */ let session;

  /** @param {string} method @param {string} path @param {unknown} [body] */
  async function call(method, path, body) {
    const res = await fetch(`${base}/session/${session}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = /** @type {{ value: any }} */ (await res.json());
    if (!res.ok) throw new Error(`WebDriver ${method} ${path}: ${json.value?.error}: ${json.value?.message}`);
    return json.value;
  }
  /**
   * Runs `fn(arg)` in the page; a rejected promise becomes an error here.
   * @param {Function | string} fn
   * @param {unknown} arg
   */
  async function execute(fn, arg) {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => (${fn})(arguments[0])).then((v) => done({ ok: v === undefined ? null : v }), (e) => done({ error: String(e && e.stack || e) }));`;
    const out = await call('POST', '/execute/async', { script, args: [arg === undefined ? null : arg] });
    if (out && 'error' in out) throw new Error(out.error);
    return out?.ok;
  }
  /** @param {Target} target @param {number} [timeout] @returns {Promise<string>} */
  async function element(target, timeout) {
    const el = await poll(() => call('POST', '/execute/sync', { script: `return (${FIND})(arguments[0])`, args: [serial(target)] }), {
      timeout,
      message: describeTarget(target),
    });
    return el[ELEMENT];
  }

  /** @type {Driver} */
  const d = {
    engine: 'webkit',
    canRelaunch: false,
    reportsErrors: false,
    errors: [],
    networkErrors: [],
    async launch() {
      const { display } = await startXvfb();
      const port = await freePort();
      driver = spawn(found.path, [`--port=${port}`], { env: { ...process.env, DISPLAY: display }, stdio: 'ignore' });
      base = `http://127.0.0.1:${port}`;
      await poll(async () => (await fetch(`${base}/status`)).ok, { timeout: 10_000, message: 'WebKitWebDriver to start' });
      const res = await fetch(`${base}/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          capabilities: { alwaysMatch: { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: found.browser, args: ['--automation'] } } },
        }),
      });
      const json = /** @type {{ value: { sessionId?: string, message?: string } }} */ (await res.json());
      if (!json.value.sessionId) throw new Error(`WebKitWebDriver could not start MiniBrowser: ${json.value.message}`);
      session = json.value.sessionId;
      await call('POST', '/window/rect', { width: 390, height: 844 }).catch(() => {});
    },
    async close() {
      if (session) await call('DELETE', '').catch(() => {});
      driver?.kill();
      driver = session = undefined;
    },
    dispose() {},
    async goto(url) {
      await call('POST', '/url', { url });
    },
    async reload() {
      await call('POST', '/refresh', {});
    },
    url: () => call('GET', '/url'),
    evaluate: (fn, arg) => execute(fn, arg),
    async waitFor(fn, arg, options = {}) {
      await poll(() => execute(fn, arg), options).catch(async (/** @type {Error} */ e) => {
        throw new Error(`${e.message}${await seen(() => execute(SNAPSHOT, undefined))}`);
      });
    },
    async click(target, { timeout } = {}) {
      await call('POST', `/element/${await element(target, timeout)}/click`, {});
    },
    async fill(target, text, { timeout } = {}) {
      const id = await element(target, timeout);
      await call('POST', `/element/${id}/clear`, {});
      await call('POST', `/element/${id}/value`, { text });
    },
  };
  return d;
}

/**
 * A driver for `engine` on a fresh profile (not launched yet).
 * @param {EngineName} engine
 * @returns {Driver}
 */
export function createDriver(engine) {
  if (engine === 'webkit') return webkitDriver();
  const dir = mkdtempSync(join(tmpdir(), `broadsheet-${engine}-`));
  return engine === 'chromium' ? chromiumDriver(dir) : firefoxDriver(dir);
}

