#!/usr/bin/env node
// Generates Broadsheet's PNG app icons with no dependencies (node:zlib + node:fs only).
// Usage: node scripts/make-icons.mjs   -> writes public/icons/*.png
// Output is deterministic: same bytes on every run (no timestamps / metadata chunks).
// public/favicon.svg is hand-written and mirrors the geometry below (100-unit viewBox).

import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

const OUT_DIR = new URL('../public/icons/', import.meta.url);

// ---------------------------------------------------------------------------
// Palette
// ---------------------------------------------------------------------------
const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
const BG = hex('#7a1f1f'); // theme colour
const SHADOW = hex('#5a1616');
const PAPER = hex('#fbf7ef');
const FOLD = hex('#ede4d3'); // right half of the folded page, slightly shaded
const INK = hex('#7a1f1f');

// ---------------------------------------------------------------------------
// Geometry (normalised 0..1 "glyph" coordinates; the glyph is scaled about the
// centre per icon). Shapes are painted in order; later ones win.
// ---------------------------------------------------------------------------
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x < x1 && y >= y0 && y < y1;
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x >= x1 || y < y0 || y >= y1) return false;
  const cx = x < x0 + r ? x0 + r : x > x1 - r ? x1 - r : x;
  const cy = y < y0 + r ? y0 + r : y > y1 - r ? y1 - r : y;
  const dx = x - cx;
  const dy = y - cy;
  return dx * dx + dy * dy <= r * r;
};
const and = (a, b) => (x, y) => a(x, y) && b(x, y);

const PAGE = [0.19, 0.11, 0.81, 0.89]; // 62% x 78% portrait page
const page = roundRect(...PAGE, 0.015);
const COL_L = [0.25, 0.46];
const COL_R = [0.54, 0.75];
const LINE_H = 0.03;
const lineY = (i) => 0.36 + i * 0.07; // 7 text-line slots: 0.36 .. 0.81

const glyph = [];
glyph.push([SHADOW, roundRect(PAGE[0] + 0.025, PAGE[1] + 0.025, PAGE[2] + 0.025, PAGE[3] + 0.025, 0.015)]);
glyph.push([PAPER, page]);
glyph.push([FOLD, and(page, rect(0.5, 0, 1, 1))]);
glyph.push([INK, rect(0.25, 0.17, 0.75, 0.27)]); // masthead
glyph.push([INK, rect(0.25, 0.295, 0.75, 0.31)]); // rule under masthead
// left column: a "photo" block over the first two slots, then text lines
glyph.push([INK, rect(COL_L[0], lineY(0), COL_L[1], lineY(1) + LINE_H)]);
for (let i = 2; i < 7; i++) {
  const x1 = i === 4 ? COL_L[0] + 0.12 : COL_L[1]; // short line = paragraph end
  glyph.push([INK, rect(COL_L[0], lineY(i), x1, lineY(i) + LINE_H)]);
}
// right column: text lines
for (let i = 0; i < 7; i++) {
  const x1 = i === 3 || i === 6 ? COL_R[0] + 0.13 : COL_R[1];
  glyph.push([INK, rect(COL_R[0], lineY(i), x1, lineY(i) + LINE_H)]);
}

// ---------------------------------------------------------------------------
// Rasteriser: 4x4 supersampling, premultiplied averaging.
// ---------------------------------------------------------------------------
const SS = 4;

/**
 * @param {number} size     pixel width/height
 * @param {object} opts
 * @param {number} opts.scale        glyph scale about the centre
 * @param {number} [opts.bgRadius]   corner radius of background (normalised); omit for full bleed
 * @param {boolean} opts.alpha       output RGBA (true) or opaque RGB (false)
 */
function render(size, { scale, bgRadius, alpha }) {
  const bg = bgRadius === undefined ? () => true : roundRect(0, 0, 1, 1, bgRadius);
  const ch = alpha ? 4 : 3;
  const px = Buffer.alloc(size * size * ch);
  const n = SS * SS;
  for (let py = 0; py < size; py++) {
    for (let pxl = 0; pxl < size; pxl++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SS; sy++) {
        const v = (py + (sy + 0.5) / SS) / size;
        const gy = 0.5 + (v - 0.5) / scale;
        for (let sx = 0; sx < SS; sx++) {
          const u = (pxl + (sx + 0.5) / SS) / size;
          if (!bg(u, v)) continue;
          const gx = 0.5 + (u - 0.5) / scale;
          let c = BG;
          for (let k = glyph.length - 1; k >= 0; k--) {
            if (glyph[k][1](gx, gy)) { c = glyph[k][0]; break; }
          }
          r += c[0]; g += c[1]; b += c[2]; a += 1;
        }
      }
      const o = (py * size + pxl) * ch;
      if (alpha) {
        if (a > 0) {
          px[o] = Math.round(r / a);
          px[o + 1] = Math.round(g / a);
          px[o + 2] = Math.round(b / a);
          px[o + 3] = Math.round((a / n) * 255);
        }
      } else {
        if (a !== n) throw new Error('opaque icon has uncovered samples');
        px[o] = Math.round(r / n);
        px[o + 1] = Math.round(g / n);
        px[o + 2] = Math.round(b / n);
      }
    }
  }
  return { size, ch, px };
}

// ---------------------------------------------------------------------------
// Minimal PNG encoder
// ---------------------------------------------------------------------------
const CRC_TABLE = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  CRC_TABLE[n] = c >>> 0;
}
function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const paeth = (a, b, c) => {
  const p = a + b - c;
  const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
};

// Adaptive per-row filtering (minimum sum of absolute differences heuristic).
function filterRows({ size, ch, px }) {
  const stride = size * ch;
  const out = Buffer.alloc(size * (stride + 1));
  const cand = Array.from({ length: 5 }, () => Buffer.alloc(stride));
  for (let y = 0; y < size; y++) {
    const row = px.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? px.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    let best = 0, bestScore = Infinity;
    for (let f = 0; f < 5; f++) {
      const d = cand[f];
      let score = 0;
      for (let i = 0; i < stride; i++) {
        const a = i >= ch ? row[i - ch] : 0;
        const b = prev[i];
        const c = i >= ch ? prev[i - ch] : 0;
        const pred = f === 0 ? 0 : f === 1 ? a : f === 2 ? b : f === 3 ? (a + b) >> 1 : paeth(a, b, c);
        const v = (row[i] - pred) & 0xff;
        d[i] = v;
        score += v < 128 ? v : 256 - v;
      }
      if (score < bestScore) { bestScore = score; best = f; }
    }
    const o = y * (stride + 1);
    out[o] = best;
    cand[best].copy(out, o + 1);
  }
  return out;
}

function encodePNG(img) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(img.size, 0);
  ihdr.writeUInt32BE(img.size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = img.ch === 4 ? 6 : 2; // colour type: RGBA or RGB
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(filterRows(img), { level: 9, memLevel: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------
// Icons
// ---------------------------------------------------------------------------
const ICONS = [
  // "any" purpose: rounded-corner transparent background, page ~78% of canvas
  { file: 'icon-192.png', size: 192, scale: 1, bgRadius: 0.18, alpha: true },
  { file: 'icon-512.png', size: 512, scale: 1, bgRadius: 0.18, alpha: true },
  // maskable: full bleed, glyph (incl. shadow) within the r=40% safe-zone circle
  { file: 'maskable-512.png', size: 512, scale: 0.74, alpha: false },
  // iOS applies its own mask: full bleed, opaque
  { file: 'apple-touch-icon.png', size: 180, scale: 0.88, alpha: false },
];

mkdirSync(OUT_DIR, { recursive: true });
for (const { file, size, ...opts } of ICONS) {
  const png = encodePNG(render(size, opts));
  writeFileSync(new URL(file, OUT_DIR), png);
  console.log(`public/icons/${file}  ${size}x${size}  ${png.length} bytes`);
}
