#!/usr/bin/env node
/**
 * First-load JavaScript per source module: which files the scripts dist/index.html loads are made
 * of. Needs a build with source maps, into a directory of its own:
 *
 *   npx vite build --sourcemap --outDir /tmp/size-dist --emptyOutDir --logLevel warn
 *   node scripts/size-modules.mjs /tmp/size-dist [--markdown]
 *
 * For each module: its minified bytes (the generated text each source-map segment points at), and
 * what removing it would save in gzip (the chunk gzipped with and without that module's text).
 * The gzip column does not add up to the total: gzip shares strings between modules.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'dist';
const markdown = process.argv.includes('--markdown');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const first = [
  ...new Set(
    [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) =>
      m[1].replace(/^.*\/assets\//, 'assets/'),
    ),
  ),
];
const gz = (text) => gzipSync(text, { level: 9 }).length;

const B64 = Object.fromEntries([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));
/** Decodes one segment's VLQ fields. */
function vlq(segment) {
  const out = [];
  let value = 0;
  let shift = 0;
  for (const c of segment) {
    const digit = B64[c];
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** Splits a chunk's text into runs, each owned by one source (or by none: glue the bundler wrote). */
function runs(code, map) {
  const lines = code.split('\n');
  const owners = [];
  let source = 0;
  map.mappings.split(';').forEach((line, row) => {
    let col = 0;
    const segs = line ? line.split(',').map(vlq) : [];
    const text = lines[row] ?? '';
    const starts = [];
    for (const f of segs) {
      col += f[0];
      if (f.length >= 4) source += f[1];
      // Source line and column are not needed: only who owns the text.
      starts.push({ col, owner: f.length >= 4 ? source : -1 });
    }
    if (!starts.length || starts[0].col > 0) owners.push({ owner: -1, text: text.slice(0, starts[0]?.col ?? text.length) });
    starts.forEach((s, i) => owners.push({ owner: s.owner, text: text.slice(s.col, starts[i + 1]?.col ?? text.length) }));
    owners.push({ owner: -1, text: '\n' });
  });
  return owners;
}

const sourceRoot = resolve('.');
const rows = new Map();
let total = 0;
for (const file of first) {
  const path = join(dist, file);
  const code = readFileSync(path, 'utf8');
  const chunkGz = gz(code);
  total += chunkGz;
  if (!existsSync(`${path}.map`)) {
    rows.set(file, { raw: code.length, gz: chunkGz, chunk: file });
    continue;
  }
  const map = JSON.parse(readFileSync(`${path}.map`, 'utf8'));
  const parts = runs(code, map);
  const bySource = new Map();
  for (const p of parts) bySource.set(p.owner, (bySource.get(p.owner) ?? 0) + p.text.length);
  for (const [owner, raw] of bySource) {
    const name = owner < 0 ? `(bundler glue, ${file})` : relative(sourceRoot, resolve(dirname(path), map.sources[owner]));
    const without = parts.filter((p) => p.owner !== owner).map((p) => p.text).join('');
    const row = rows.get(name) ?? { raw: 0, gz: 0, chunk: file };
    row.raw += raw;
    row.gz += chunkGz - gz(without);
    rows.set(name, row);
  }
}

function dirname(p) {
  return p.replace(/\/[^/]*$/, '');
}

const sorted = [...rows].sort((a, b) => b[1].gz - a[1].gz);
if (markdown) {
  console.log(`| Module | Minified bytes | Gzip saved if removed |\n| --- | ---: | ---: |`);
  for (const [name, r] of sorted) console.log(`| \`${name.replace(/^node_modules\//, '')}\` | ${r.raw} | ${r.gz} |`);
  console.log(`| **All first-load chunks (gzip)** | | **${total}** |`);
} else {
  for (const [name, r] of sorted) console.log(`${String(r.gz).padStart(6)} gz  ${String(r.raw).padStart(7)} min  ${name}`);
  console.log(`${String(total).padStart(6)} gz  total (${first.join(', ')})`);
}
