#!/usr/bin/env node
/**
 * First-load JavaScript: the scripts dist/index.html loads before the app can render (entry
 * module plus its static imports), gzipped. Lazy chunks (reading view, service-worker bridge)
 * are listed apart. `node scripts/size.mjs [dist] [--json]`
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entry = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map(
  (m) => m[1].replace(/^.*\/assets\//, 'assets/'),
);
const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const first = [...new Set(entry)];
const all = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
const lazy = all.filter((f) => !first.includes(f));
const firstBytes = first.reduce((n, f) => n + gz(f), 0);
const css = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.css')).reduce((n, f) => n + gz(`assets/${f}`), 0);
const result = {
  firstLoadJsGzip: firstBytes,
  firstLoadFiles: first,
  cssGzip: css,
  lazy: Object.fromEntries(lazy.map((f) => [f, gz(f)])),
};
if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
else {
  console.log(`First-load JS: ${(firstBytes / 1024).toFixed(1)} KB gzip (${first.join(', ')})`);
  console.log(`CSS: ${(css / 1024).toFixed(1)} KB gzip`);
  for (const [f, n] of Object.entries(result.lazy)) console.log(`Lazy: ${f} ${(n / 1024).toFixed(1)} KB gzip`);
}
