/**
 * Shared pieces for the browser tests: a server for dist/ that can be stopped, restarted on the
 * same origin and told to misbehave, and a Chromium profile that survives closing the browser.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';
import { startServer } from '../../scripts/serve.mjs';

export const DIST = 'dist';

/** A free TCP port, so restarts keep the same origin (and so the same SW and IndexedDB). */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A restartable server. `override` answers some requests itself (return true when handled);
 * `requests` logs every path asked for, to check what the app fetched.
 */
export class TestServer {
  constructor({ root = DIST, base = '/', port }) {
    Object.assign(this, { root, base, port });
    this.requests = [];
    this.override = undefined;
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
  fetched(pathname) {
    return this.requests.some((line) => line.split(' ')[1]?.split('?')[0] === pathname);
  }
}

/** A Chromium profile in a temp folder: closing and relaunching it is "the browser was closed". */
export class Profile {
  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'broadsheet-profile-'));
    this.executablePath = findChromium({ install: false });
  }
  async launch(options = {}) {
    this.context = await chromium.launchPersistentContext(this.dir, {
      executablePath: this.executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 390, height: 844 },
      ...options,
    });
    this.errors = [];
    this.context.on('weberror', (e) => this.errors.push(String(e.error())));
    return this.context;
  }
  async page() {
    return this.context.pages()[0] ?? (await this.context.newPage());
  }
  async close() {
    await this.context?.close();
    this.context = undefined;
  }
  dispose() {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Waits until a service worker controls the page (clientsClaim on the first visit). */
export async function waitForController(page, timeout = 15_000) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout });
}

/** The `N articles` status as a number. */
export async function statusCount(page) {
  const text = await page.getByRole('status').textContent();
  const m = /([\d.,\s\u00a0\u202f]+)\s+articles?/.exec(text ?? '');
  if (!m) throw new Error(`status says "${text}"`);
  return Number(m[1].replace(/[^\d]/g, ''));
}

export function articleLinks(page) {
  return page.getByRole('list', { name: 'Articles' }).locator(':scope > li');
}
