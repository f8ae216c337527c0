/**
 * The archive in `<dir>`: a JSON Feed 1.1 head page (`feed.json`), older pages (`pages/N.json`,
 * linked by `next_url`), and one body file per article (`bodies/<hash>.html`, pointed to by the
 * `_broadsheet.body_url` extension). See docs/formats.md.
 *
 * Pages are cut from the OLDEST article forward, ~100 KB each, and numbered from the oldest
 * (pages/1.json is the oldest). New articles are newer than everything stored, so they only ever
 * touch the head page: every full page keeps its exact bytes, and a reader's next sync costs
 * one 304 on the first unchanged page after the new head.
 *
 * Writing is atomic: the new tree is built next to `<dir>` (unchanged files hard-linked, so
 * they keep their inode, mtime and therefore their ETag), then swapped in with two renames.
 */
import { createHash } from 'node:crypto';
import { copyFile, link, lstat, mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { parseDate } from '../src/core/feed/dates';
import { clip, htmlToText, titleFromText } from '../src/core/feed/text';
import { imageUrls } from './html';
import { type Entry, type FeedMeta, InputError, versionDate } from './model';

type J = Record<string, unknown>;
const isObj = (v: unknown): v is J => typeof v === 'object' && v !== null && !Array.isArray(v);

const HEAD = 'feed.json';
export const PAGE_BYTES = 100_000;
const VERSION = 'https://jsonfeed.org/version/1.1';
const SUMMARY_FROM_BODY = 300;

/** One stored article: its index item (body_url relative to `<dir>`) and its body file. */
interface StoredRecord {
  item: J;
  /** Path of the body file relative to `<dir>`, and its text. */
  bodyPath?: string;
  body?: string;
}

export interface Archive {
  meta: FeedMeta;
  records: Map<string, StoredRecord>;
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** The index item and body file for an entry. Deterministic: the same entry, the same bytes. */
function toRecord(e: Entry): StoredRecord {
  const item: J = { id: e.id };
  if (e.url) item.url = e.url;
  if (e.externalUrl) item.external_url = e.externalUrl;
  const bodyText = e.html !== undefined ? htmlToText(e.html) : e.text;
  const title = e.title || titleFromText(bodyText ?? e.summary ?? '');
  if (title) item.title = title;
  const summary = e.summary ?? (bodyText ? clip(bodyText, SUMMARY_FROM_BODY) : '');
  if (summary) item.summary = summary;
  if (e.image) item.image = e.image;
  if (e.published !== undefined) item.date_published = iso(e.published);
  if (e.modified !== undefined) item.date_modified = iso(e.modified);
  if (e.authors.length) item.authors = e.authors.map((a) => (a.url ? { name: a.name, url: a.url } : { name: a.name }));
  if (e.tags.length) item.tags = e.tags;
  if (e.language) item.language = e.language;
  if (e.html === undefined && e.text === undefined) return { item };
  const isHtml = e.html !== undefined;
  const bodyPath = `bodies/${createHash('sha256').update(e.id).digest('hex').slice(0, 24)}.${isHtml ? 'html' : 'txt'}`;
  item._broadsheet = { body_url: bodyPath, body_type: isHtml ? 'html' : 'text' };
  return { item, bodyPath, body: (isHtml ? e.html : e.text) ?? '' };
}

function recordDates(r: StoredRecord): { sort: number; version: number } {
  const published = parseDate(r.item.date_published);
  const modified = parseDate(r.item.date_modified);
  return { sort: published ?? modified ?? 0, version: versionDate({ published, modified }) };
}

/** Two records are the same article revision when their item and body are identical. */
function sameRecord(a: StoredRecord, b: StoredRecord): boolean {
  return JSON.stringify(a.item) === JSON.stringify(b.item) && (a.body ?? null) === (b.body ?? null);
}

// ---- Reading the archive back ------------------------------------------------------------------------

/** Reads what an earlier run wrote. A `<dir>` without feed.json is an empty archive. */
export async function readArchive(dir: string): Promise<Archive> {
  const records = new Map<string, StoredRecord>();
  let meta: FeedMeta = {};
  let path: string | undefined = HEAD;
  const seen = new Set<string>();
  while (path) {
    if (seen.has(path) || seen.size > 100_000) throw new InputError(`${join(dir, path)}: the archive's next_url chain loops`);
    seen.add(path);
    let text: string;
    try {
      text = await readFile(join(dir, path), 'utf8');
    } catch (e) {
      if (path === HEAD && (e as NodeJS.ErrnoException).code === 'ENOENT') break;
      throw new InputError(`${join(dir, path)}: cannot read the archive page (${(e as Error).message})`);
    }
    let page: unknown;
    try {
      page = JSON.parse(text);
    } catch {
      page = undefined;
    }
    if (!isObj(page) || typeof page.version !== 'string' || !page.version.includes('jsonfeed.org') || !Array.isArray(page.items)) {
      throw new InputError(`${join(dir, path)} exists but is not a JSON Feed: refusing to write over it (choose another --out)`);
    }
    if (path === HEAD) meta = metaFromPage(page);
    for (const raw of page.items) {
      if (!isObj(raw) || typeof raw.id !== 'string' || !raw.id || records.has(raw.id)) continue;
      records.set(raw.id, await recordFromPage(dir, path, raw));
    }
    const next = typeof page.next_url === 'string' ? page.next_url : undefined;
    path = next ? localPath(path, next) : undefined;
    if (next && path === undefined) throw new InputError(`${join(dir, HEAD)}: next_url ${next} points outside the archive`);
  }
  return { meta, records };
}

function metaFromPage(page: J): FeedMeta {
  const meta: FeedMeta = {};
  if (typeof page.title === 'string' && page.title) meta.title = page.title;
  if (typeof page.home_page_url === 'string') meta.homePageUrl = page.home_page_url;
  if (typeof page.description === 'string') meta.description = page.description;
  if (typeof page.language === 'string') meta.language = page.language;
  return meta;
}

/** `next_url`/`body_url` (relative to the page at `from`) as a path inside `<dir>`, if it is one. */
function localPath(from: string, url: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url) || url.includes('?') || url.includes('#')) return undefined;
  const resolved = new URL(url, `https://archive.invalid/${from}`);
  if (resolved.host !== 'archive.invalid') return undefined;
  return decodeURIComponent(resolved.pathname.slice(1));
}

async function recordFromPage(dir: string, pagePath: string, raw: J): Promise<StoredRecord> {
  const item: J = { ...raw };
  const ext = isObj(item._broadsheet) ? item._broadsheet : undefined;
  const bodyUrl = typeof ext?.body_url === 'string' ? localPath(pagePath, ext.body_url) : undefined;
  if (ext && bodyUrl) {
    let body: string | undefined;
    try {
      body = await readFile(join(dir, bodyUrl), 'utf8');
    } catch {
      body = undefined; // a missing body file is written again from the source, or stays missing
    }
    item._broadsheet = { ...ext, body_url: bodyUrl };
    return body === undefined ? { item, bodyPath: bodyUrl } : { item, bodyPath: bodyUrl, body };
  }
  return { item };
}

// ---- Merging ----------------------------------------------------------------------------------------------

export interface MergeCounts {
  read: number;
  added: number;
  updated: number;
  unchanged: number;
  /** Stored articles that are no longer in any source: kept. */
  kept: number;
  /** Source copies older than the stored revision: ignored. */
  older: number;
}

/** Merges entries into the archive's records (in place) and counts what happened. */
export function merge(archive: Archive, entries: Entry[]): MergeCounts {
  const counts: MergeCounts = { read: entries.length, added: 0, updated: 0, unchanged: 0, kept: 0, older: 0 };
  const touched = new Set<string>();
  for (const e of entries) {
    const next = toRecord(e);
    const old = archive.records.get(e.id);
    touched.add(e.id);
    if (!old) {
      archive.records.set(e.id, next);
      counts.added++;
    } else if (sameRecord(old, next)) counts.unchanged++;
    else if (recordDates(old).version > recordDates(next).version) counts.older++;
    else {
      archive.records.set(e.id, next);
      counts.updated++;
    }
  }
  counts.kept = archive.records.size - touched.size;
  return counts;
}

// ---- Laying out and writing -------------------------------------------------------------------------------

export interface Totals {
  articles: number;
  index_bytes: number;
  body_bytes: number;
  images: number;
}

/** Every file of the archive, path (relative to `<dir>`) → content, plus the totals. */
export function layout(archive: Archive, pageBytes = PAGE_BYTES): { files: Map<string, string>; totals: Totals; pages: number } {
  const sorted = [...archive.records.values()]
    .map((r) => ({ r, d: recordDates(r) }))
    .sort((a, b) => a.d.sort - b.d.sort || cmp(String(b.r.item.id), String(a.r.item.id)))
    .map((x) => x.r); // oldest first
  // Cut pages from the oldest; the newest, partly filled chunk becomes the head page.
  const chunks: StoredRecord[][] = [];
  let current: StoredRecord[] = [];
  let size = 0;
  for (const r of sorted) {
    const n = Buffer.byteLength(JSON.stringify(itemFor(r, 'pages/1.json'))) + 1;
    if (current.length && size + n > pageBytes) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(r);
    size += n;
  }
  chunks.push(current);

  const files = new Map<string, string>();
  let bodyBytes = 0;
  const images = new Set<string>();
  for (const r of sorted) {
    if (typeof r.item.image === 'string') images.add(r.item.image);
    if (r.bodyPath && r.body !== undefined) {
      files.set(r.bodyPath, r.body);
      bodyBytes += Buffer.byteLength(r.body);
      if (r.bodyPath.endsWith('.html')) for (const src of imageUrls(r.body)) images.add(src);
    }
  }
  let pagesBytes = 0;
  for (let n = 1; n < chunks.length; n++) {
    const path = `pages/${n}.json`;
    const page: J = { version: VERSION, title: archive.meta.title ?? 'Archive' };
    if (n > 1) page.next_url = `${n - 1}.json`;
    page.items = (chunks[n - 1] ?? []).slice().reverse().map((r) => itemFor(r, path));
    const text = `${JSON.stringify(page)}\n`;
    files.set(path, text);
    pagesBytes += Buffer.byteLength(text);
  }
  const headItems = (chunks[chunks.length - 1] ?? []).slice().reverse().map((r) => itemFor(r, HEAD));
  const totals: Totals = { articles: sorted.length, index_bytes: pagesBytes, body_bytes: bodyBytes, images: images.size };
  // The head states the index's size, its own included: iterate until the number stops moving.
  let head = '';
  for (let i = 0; i < 5; i++) {
    head = `${JSON.stringify(headPage(archive.meta, chunks.length > 1 ? `pages/${chunks.length - 1}.json` : undefined, totals, headItems))}\n`;
    const total = pagesBytes + Buffer.byteLength(head);
    if (total === totals.index_bytes) break;
    totals.index_bytes = total;
  }
  files.set(HEAD, head);
  return { files, totals, pages: chunks.length };
}

function headPage(meta: FeedMeta, next: string | undefined, totals: Totals, items: J[]): J {
  const page: J = { version: VERSION, title: meta.title ?? 'Archive' };
  if (meta.homePageUrl) page.home_page_url = meta.homePageUrl;
  if (meta.description) page.description = meta.description;
  if (meta.language) page.language = meta.language;
  if (next) page.next_url = next;
  page._broadsheet = { totals };
  page.items = items;
  return page;
}

/** The item as it appears on the page at `pagePath`: body_url relative to that page. */
function itemFor(r: StoredRecord, pagePath: string): J {
  const ext = r.item._broadsheet;
  if (!isObj(ext) || typeof ext.body_url !== 'string') return r.item;
  const depth = pagePath.split('/').length - 1;
  return { ...r.item, _broadsheet: { ...ext, body_url: `${'../'.repeat(depth)}${ext.body_url}` } };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface WriteResult {
  written: string[];
  unchanged: number;
  removed: string[];
  bytesWritten: number;
}

/** Files this tool owns in `<dir>`; anything else there is left alone. */
const OWNED = (p: string) => p === HEAD || /^pages\/\d+\.json$/.test(p) || /^bodies\/[0-9a-f]{24}\.(html|txt)$/.test(p);

/**
 * Makes `<dir>` hold exactly `files` (plus whatever else was there that is not ours). Writes
 * nothing at all when every file already has these bytes.
 */
export async function writeArchive(dir: string, files: Map<string, string>): Promise<WriteResult> {
  const existing = await listFiles(dir);
  const written: string[] = [];
  let unchanged = 0;
  let bytesWritten = 0;
  for (const [path, text] of files) {
    if (existing.has(path)) {
      const old = await readFile(join(dir, path), 'utf8').catch(() => undefined);
      if (old === text) {
        unchanged++;
        continue;
      }
    }
    written.push(path);
    bytesWritten += Buffer.byteLength(text);
  }
  const removed = [...existing].filter((p) => OWNED(p) && !files.has(p)).sort();
  const result = { written: written.sort(), unchanged, removed, bytesWritten };
  if (!written.length && !removed.length) return result;

  const tmp = `${dir.replace(/[/\\]+$/, '')}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  try {
    await mkdir(tmp, { recursive: true });
    for (const path of existing) {
      if (removed.includes(path) || written.includes(path)) continue;
      await mkdir(dirname(join(tmp, path)), { recursive: true });
      await linkOrCopy(join(dir, path), join(tmp, path));
    }
    for (const path of written) {
      await mkdir(dirname(join(tmp, path)), { recursive: true });
      await writeFile(join(tmp, path), files.get(path) ?? '');
    }
    await swap(tmp, dir);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
  return result;
}

async function swap(tmp: string, dir: string): Promise<void> {
  const exists = await stat(dir).then(() => true, () => false);
  if (!exists) {
    await mkdir(dirname(dir), { recursive: true });
    await rename(tmp, dir);
    return;
  }
  const old = `${dir.replace(/[/\\]+$/, '')}.old-${process.pid}`;
  await rename(dir, old);
  try {
    await rename(tmp, dir);
  } catch (e) {
    await rename(old, dir);
    throw e;
  }
  await rm(old, { recursive: true, force: true });
}

async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
    const s = await stat(from);
    await utimes(to, s.atime, s.mtime);
  }
}

/** Every regular file under `dir`, as `/`-separated paths relative to it. */
async function listFiles(dir: string): Promise<Set<string>> {
  const out = new Set<string>();
  const walk = async (d: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() || (await lstat(p)).isSymbolicLink()) out.add(relative(dir, p).split(sep).join('/'));
    }
  };
  await walk(dir);
  return out;
}
