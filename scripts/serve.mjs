#!/usr/bin/env node
/**
 * A small static server for dist/: what `npm start` runs, and what the browser tests start and
 * stop. Any path that is not a file gets index.html (the app routes on the client), assets with
 * a content hash are cached forever, and everything else is revalidated (ETag / Last-Modified).
 *
 *   node scripts/serve.mjs [dir] [--port 4173] [--base /sub/]
 *
 * Tests import `startServer` and may pass `override(req, res)`, which can answer a request
 * itself (a broken feed, a 500, a stall) by returning true.
 */
import { createReadStream, promises as fs } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * @param {{ root: string, port?: number, host?: string, base?: string,
 *   override?: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => boolean | Promise<boolean>,
 *   log?: (line: string) => void }} options
 */
export async function startServer({ root, port = 0, host = '127.0.0.1', base = '/', override, log }) {
  const rootDir = resolve(root);
  const basePath = base.endsWith('/') ? base : `${base}/`;
  const sockets = new Set();
  const server = createServer(async (req, res) => {
    try {
      log?.(`${req.method} ${req.url}`);
      if (override && (await override(req, res))) return;
      await serveFile(req, res);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  });

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async function serveFile(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(basePath)) {
      if (url.pathname === basePath.slice(0, -1)) res.writeHead(301, { location: basePath }).end();
      else res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    let rel;
    try {
      rel = decodeURIComponent(url.pathname.slice(basePath.length));
    } catch {
      rel = '';
    }
    let file = normalize(join(rootDir, rel));
    if (file !== rootDir && !file.startsWith(rootDir + sep)) {
      res.writeHead(403).end();
      return;
    }
    let stat = await fs.stat(file).catch(() => undefined);
    if (stat?.isDirectory()) {
      file = join(file, 'index.html');
      stat = await fs.stat(file).catch(() => undefined);
    }
    // The app routes on the client: a page request for a path that is not a file gets the app.
    // (Article ids are often URLs ending in ".html", so the extension alone cannot decide.)
    if (!stat && (!extname(url.pathname) || String(req.headers.accept ?? '').includes('text/html'))) {
      file = join(rootDir, 'index.html');
      stat = await fs.stat(file).catch(() => undefined);
    }
    if (!stat || !stat.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
    const lastModified = new Date(Math.floor(stat.mtimeMs / 1000) * 1000).toUTCString();
    const hashed = /\/assets\//.test(url.pathname);
    const headers = {
      'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      etag,
      'last-modified': lastModified,
      'x-content-type-options': 'nosniff',
    };
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    if ((inm && inm === etag) || (!inm && ims && Date.parse(ims) >= Date.parse(lastModified))) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-length': stat.size });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  }

  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(undefined));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    port: actualPort,
    url: `http://localhost:${actualPort}${basePath}`,
    /** Stops listening and cuts every open connection, like a server that went away. */
    close: () =>
      new Promise((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok(undefined));
      }),
  };
}

async function main() {
  const args = process.argv.slice(2);
  /**
   * The value after `name` on the command line (removed from `args`), else `fallback`.
   * @template {string | number} T
   * @param {string} name
   * @param {T} fallback
   * @returns {string | T}
   */
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args.splice(i, 2)[1] : fallback;
  };
  const port = Number(opt('--port', process.env.PORT ?? 4173));
  const base = opt('--base', process.env.BASE_PATH ?? '/');
  const root = args[0] ?? 'dist';
  try {
    await fs.access(join(root, 'index.html'));
  } catch {
    console.error(`No build found in ${root}/. Run "npm run build" first.`);
    process.exit(1);
  }
  const { url } = await startServer({ root, port, base, host: process.env.HOST ?? '127.0.0.1' });
  console.log(`Broadsheet is serving ${root}/ at ${url}`);
  console.log('Press Ctrl+C to stop.');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
