/**
 * Reads one source (a file, a folder of Markdown, or an http(s) URL) and turns it into entries.
 * XML feeds go through feedsmith (RSS 2.0/0.9x, Atom 1.0, RDF), after a well-formedness check
 * with fast-xml-parser (feedsmith is lenient and would read a cut-off file); JSON Feed goes
 * through the app's own parser (src/core/feed), so the publisher forgives exactly what the app
 * forgives; a WordPress REST posts response and Markdown are mapped here.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { SyntaxValidator } from 'fast-xml-validator';
import { parseFeed as parseXmlFeed } from 'feedsmith';
import MarkdownIt from 'markdown-it';
import { parse as parseYaml } from 'yaml';
import { parseDate } from '../src/core/feed/dates';
import { absoluteUrl, parseFeedText } from '../src/core/feed/parse';
import { clip, htmlToText, squash } from '../src/core/feed/text';
import type { Author } from '../src/core/feed/types';
import { decodeBytes } from './decode';
import { resolveLinks } from './html';
import { dedupe, type Entry, type FeedMeta, InputError, type SourceResult } from './model';

type J = Record<string, unknown>;

const isObj = (v: unknown): v is J => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : undefined);
/** `{ value }` objects (Atom text constructs, RSS guid) or plain strings. */
const val = (v: unknown): string | undefined => (isObj(v) ? str(v.value) : str(v));

const SUMMARY_MAX = 500;
const TITLE_MAX = 1000;

export interface ReadOptions {
  /** Where a Markdown folder's pages live on the web (their `url` is this plus the file's slug). */
  siteUrl?: string;
  fetch?: typeof fetch;
}

/** Reads and converts one source. Throws InputError with a reason a person can act on. */
export async function readSource(source: string, opts: ReadOptions = {}): Promise<SourceResult> {
  if (/^https?:\/\//i.test(source)) {
    const { bytes, charset, url } = await download(source, opts.fetch ?? fetch);
    return convert(source, bytes, url, charset, opts);
  }
  let info;
  try {
    info = await stat(source);
  } catch {
    throw new InputError(`${source}: no such file or folder`);
  }
  if (info.isDirectory()) return readMarkdownFolder(source, opts);
  const bytes = new Uint8Array(await readFile(source));
  return convert(source, bytes, undefined, undefined, opts);
}

async function download(url: string, fetchFn: typeof fetch): Promise<{ bytes: Uint8Array; charset?: string; url: string }> {
  let res: Response;
  try {
    res = await fetchFn(url, { redirect: 'follow', signal: AbortSignal.timeout(60_000), headers: { accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/json, application/xml, text/xml, */*;q=0.5' } });
  } catch (e) {
    throw new InputError(`${url}: could not be downloaded (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!res.ok) throw new InputError(`${url}: the server answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const charset = /charset=["']?([^;"'\s]+)/i.exec(res.headers.get('content-type') ?? '')?.[1];
  return charset ? { bytes, charset, url: res.url || url } : { bytes, url: res.url || url };
}

/** Bytes of one file or response → entries. `fetchedFrom` is the URL it came from, if any. */
export function convert(source: string, bytes: Uint8Array, fetchedFrom: string | undefined, charset: string | undefined, opts: ReadOptions = {}): SourceResult {
  const decoded = decodeBytes(bytes, charset);
  const notes: string[] = [];
  if (decoded.repaired) notes.push(decoded.repaired);
  const text = decoded.text.replace(/^\ufeff/, '');
  const start = text.trimStart();
  if (!start) throw new InputError(`${source}: the file is empty`);
  let result: SourceResult;
  if (start.startsWith('{') || start.startsWith('[')) result = fromJson(source, text, fetchedFrom ?? opts.siteUrl, notes);
  else if (start.startsWith('<')) result = fromXml(source, text, fetchedFrom ?? opts.siteUrl, notes);
  else throw new InputError(`${source}: not a feed (neither XML nor JSON)`);
  if (!result.entries.length) throw new InputError(`${source}: the feed has no items`);
  // Items say their language themselves, so sources in different languages can share an archive.
  const language = result.meta.language;
  if (language) for (const e of result.entries) e.language ??= language;
  return result;
}

// ---- XML: RSS, Atom, RDF --------------------------------------------------------------------

function fromXml(source: string, text: string, base: string | undefined, notes: string[]): SourceResult {
  if (/^\s*(?:<!--[\s\S]*?-->\s*)*<!doctype\s+html|^\s*<html[\s>]/i.test(text)) {
    throw new InputError(`${source}: this is an HTML page, not a feed (is the feed's URL right?)`);
  }
  try {
    SyntaxValidator.validate(text);
  } catch (e) {
    const where = e as { line?: number; col?: number; message?: string };
    throw new InputError(`${source}: malformed XML at line ${where.line ?? '?'}, column ${where.col ?? '?'}: ${where.message ?? String(e)}`);
  }
  let parsed: { format: string; feed: unknown };
  try {
    parsed = parseXmlFeed(text);
  } catch (e) {
    throw new InputError(`${source}: not an RSS, Atom or RDF feed (${e instanceof Error ? e.message : String(e)})`);
  }
  const feed = isObj(parsed.feed) ? parsed.feed : {};
  if (parsed.format === 'atom') return fromAtom(source, feed, base, notes);
  if (parsed.format === 'rss' || parsed.format === 'rdf') return fromRss(source, parsed.format, feed, base, notes);
  throw new InputError(`${source}: not an RSS, Atom or RDF feed`);
}

function fromRss(source: string, kind: 'rss' | 'rdf', feed: J, base: string | undefined, notes: string[]): SourceResult {
  const home = link(str(feed.link), base);
  const meta = metaOf(str(feed.title), home, str(feed.description), str(feed.language) ?? firstOf(isObj(feed.dc) ? feed.dc.languages : undefined));
  const stats = new Stats();
  const entries: Entry[] = [];
  for (const raw of arr(feed.items)) {
    if (!isObj(raw)) continue;
    const dc = isObj(raw.dc) ? raw.dc : {};
    const content = isObj(raw.content) ? str(raw.content.encoded) : undefined;
    const description = str(raw.description);
    const url = link(str(raw.link) ?? (isObj(raw.guid) && raw.guid.isPermaLink !== false ? val(raw.guid) : undefined), home ?? base);
    const authors: Author[] = [];
    for (const a of arr(raw.authors)) {
      const name = isObj(a) ? str(a.name) ?? str(a.email) : str(a);
      if (name) authors.push({ name: squash(name) });
    }
    for (const c of arr(dc.creators)) if (str(c)) authors.push({ name: squash(String(c)) });
    const tags = arr(raw.categories).map((c) => (isObj(c) ? str(c.name) : str(c))).concat(arr(dc.subjects).map(str));
    entries.push(
      build(stats, {
        id: val(raw.guid) ?? url ?? str(raw.link),
        url,
        title: str(raw.title) ?? firstOf(dc.titles),
        // content:encoded is the body and description the summary; without content:encoded
        // the description is the body (RSS 0.9x puts the whole text there).
        html: content ?? description,
        summary: content ? description : undefined,
        published: str(raw.pubDate) ?? firstOf(dc.dates),
        authors,
        tags,
        image: imageOf(raw, url ?? home ?? base),
      }),
    );
  }
  stats.note(notes);
  return { source, kind, meta, entries: dedupe(entries, notes), notes };
}

function fromAtom(source: string, feed: J, base: string | undefined, notes: string[]): SourceResult {
  const home = link(alternate(feed.links), base);
  const meta = metaOf(textOf(feed.title), home, textOf(feed.subtitle), undefined);
  const feedAuthors = persons(feed.authors);
  const stats = new Stats();
  const entries: Entry[] = [];
  for (const raw of arr(feed.entries)) {
    if (!isObj(raw)) continue;
    const url = link(alternate(raw.links), home ?? base);
    const content = isObj(raw.content) ? raw.content : undefined;
    const contentType = str(content?.type) ?? 'text';
    const body = val(content);
    const isHtml = contentType === 'html' || contentType === 'xhtml';
    const own = persons(raw.authors);
    entries.push(
      build(stats, {
        id: str(raw.id),
        url,
        title: textOf(raw.title),
        html: body !== undefined && isHtml ? body : undefined,
        text: body !== undefined && !isHtml && !content?.src ? body : undefined,
        summary: textOf(raw.summary),
        published: str(raw.published) ?? str(raw.updated),
        modified: raw.published ? str(raw.updated) : undefined,
        authors: own.length ? own : feedAuthors,
        tags: arr(raw.categories).map((c) => (isObj(c) ? str(c.label) ?? str(c.term) : undefined)),
        image: imageOf(raw, url ?? home ?? base),
      }),
    );
  }
  stats.note(notes);
  return { source, kind: 'atom', meta, entries: dedupe(entries, notes), notes };
}

function alternate(links: unknown): string | undefined {
  const list = arr(links).filter(isObj);
  const alt = list.find((l) => !l.rel || l.rel === 'alternate') ?? list[0];
  return alt ? str(alt.href) : undefined;
}

/** Atom text constructs: `type="html"` and `xhtml` titles become plain text. */
function textOf(v: unknown): string | undefined {
  return val(v);
}

function persons(v: unknown): Author[] {
  const out: Author[] = [];
  for (const p of arr(v)) {
    const name = isObj(p) ? str(p.name) : str(p);
    if (!name) continue;
    const url = isObj(p) ? link(str(p.uri), undefined) : undefined;
    out.push(url ? { name: squash(name), url } : { name: squash(name) });
  }
  return out;
}

function imageOf(raw: J, base: string | undefined): string | undefined {
  const media = isObj(raw.media) ? raw.media : {};
  for (const t of arr(media.thumbnails)) if (isObj(t) && str(t.url)) return link(str(t.url), base);
  for (const c of arr(media.contents)) if (isObj(c) && str(c.url) && (c.medium === 'image' || /^image\//.test(str(c.type) ?? ''))) return link(str(c.url), base);
  for (const e of arr(raw.enclosures)) if (isObj(e) && /^image\//.test(str(e.type) ?? '')) return link(str(e.url), base);
  return undefined;
}

// ---- JSON: JSON Feed and WordPress --------------------------------------------------------------

function fromJson(source: string, text: string, base: string | undefined, notes: string[]): SourceResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${source}: invalid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (Array.isArray(json)) return fromWordPress(source, json, base, notes);
  if (isObj(json) && json.version !== undefined) {
    const home = str(json.home_page_url);
    const result = parseFeedText(text, base ?? home ?? 'https://localhost.invalid/');
    if (!result.ok) throw new InputError(`${source}: not a usable JSON Feed (${result.error.code}${result.error.detail ? `: ${result.error.detail}` : ''})`);
    const r = result.report;
    if (r.noId) notes.push(`${r.noId} item${r.noId > 1 ? 's' : ''} without an id skipped`);
    if (r.duplicates) notes.push(`${r.duplicates} duplicate id${r.duplicates > 1 ? 's' : ''}: kept the newest copy`);
    if (r.badDates) notes.push(`${r.badDates} unreadable date${r.badDates > 1 ? 's' : ''} left out`);
    const entries = result.articles.map((a): Entry => {
      const e: Entry = { id: a.id, title: a.titleFromText ? '' : a.title, tags: a.tags, authors: a.authors };
      if (a.url) e.url = a.url;
      if (a.externalUrl) e.externalUrl = a.externalUrl;
      if (a.summary) e.summary = a.summary;
      if (a.contentHtml !== undefined) e.html = resolveLinks(a.contentHtml, a.baseUrl).html;
      else if (a.contentText !== undefined) e.text = a.contentText;
      if (a.published !== undefined) e.published = a.published;
      if (a.modified !== undefined) e.modified = a.modified;
      if (a.language) e.language = a.language;
      if (a.image) e.image = a.image;
      return e;
    });
    const f = result.feed;
    return { source, kind: 'json-feed', meta: metaOf(f.title, f.homePageUrl, f.description, f.language), entries, notes };
  }
  throw new InputError(`${source}: JSON, but neither a JSON Feed nor a WordPress posts response (/wp-json/wp/v2/posts)`);
}

function fromWordPress(source: string, posts: unknown[], base: string | undefined, notes: string[]): SourceResult {
  if (posts.length && !posts.some((p) => isObj(p) && (isObj(p.title) || isObj(p.content)))) {
    throw new InputError(`${source}: a JSON list, but not WordPress posts (no title.rendered or content.rendered)`);
  }
  const stats = new Stats();
  const entries: Entry[] = [];
  for (const p of posts) {
    if (!isObj(p)) continue;
    const rendered = (v: unknown) => (isObj(v) ? str(v.rendered) : undefined);
    const embedded = isObj(p._embedded) ? p._embedded : {};
    const authors = arr(embedded.author).map((a) => (isObj(a) ? str(a.name) : undefined)).filter((n): n is string => !!n).map((name) => ({ name }));
    const terms = arr(embedded['wp:term']).flatMap(arr).filter(isObj);
    const media = arr(embedded['wp:featuredmedia']).find(isObj);
    const url = link(str(p.link), base);
    // `date_gmt` has no zone but is UTC; `date` is the site's local time.
    entries.push(
      build(stats, {
        id: rendered(p.guid) ?? url ?? str(p.link) ?? (str(p.id) ? `wp:${String(p.id)}` : undefined),
        url,
        title: rendered(p.title),
        html: rendered(p.content),
        summary: rendered(p.excerpt),
        published: str(p.date_gmt) ?? str(p.date),
        modified: str(p.modified_gmt) ?? str(p.modified),
        authors,
        tags: terms.filter((t) => t.taxonomy === 'post_tag' || t.taxonomy === 'category').map((t) => str(t.name)),
        image: media ? link(str(media.source_url), url) : undefined,
      }),
    );
  }
  stats.note(notes);
  const home = base ? new URL('/', base).href : undefined;
  return { source, kind: 'wordpress', meta: home ? { homePageUrl: home } : {}, entries: dedupe(entries, notes), notes };
}

// ---- Markdown -------------------------------------------------------------------------------------

const md = new MarkdownIt({ html: true, linkify: true, typographer: false });

async function readMarkdownFolder(folder: string, opts: ReadOptions): Promise<SourceResult> {
  const files = (await walk(folder)).filter((f) => /\.(md|markdown)$/i.test(f)).sort();
  if (!files.length) throw new InputError(`${folder}: a folder with no Markdown (.md) files`);
  const notes: string[] = [];
  const stats = new Stats();
  const entries: Entry[] = [];
  for (const file of files) {
    const rel = relative(folder, file).split(sep).join('/');
    const bytes = new Uint8Array(await readFile(file));
    const decoded = decodeBytes(bytes);
    if (decoded.repaired) notes.push(`${rel}: ${decoded.repaired}`);
    let front: J = {};
    let body = decoded.text.replace(/^\ufeff/, '');
    const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(body);
    if (m) {
      let data: unknown;
      try {
        data = parseYaml(m[1] ?? '');
      } catch (e) {
        throw new InputError(`${join(folder, rel)}: the front matter is not valid YAML (${e instanceof Error ? e.message.split('\n')[0] ?? '' : String(e)})`);
      }
      if (data !== null && !isObj(data)) throw new InputError(`${join(folder, rel)}: the front matter is not a YAML mapping (key: value lines)`);
      front = data ?? {};
      body = body.slice(m[0].length);
    }
    const slug = rel.replace(/\.(md|markdown)$/i, '').replace(/(^|\/)index$/, '$1').replace(/\/$/, '') || basename(folder);
    const datePrefix = /(?:^|\/)(\d{4}-\d{2}-\d{2})-[^/]*$/.exec(slug)?.[1];
    let title = str(front.title);
    if (!title) {
      const h = /^\s*#\s+(.+?)\s*#*\s*$/m.exec(body);
      if (h) {
        title = h[1];
        body = body.replace(h[0], '');
      }
    }
    const url = link(str(front.url) ?? str(front.link), opts.siteUrl) ?? (opts.siteUrl ? new URL(`${slug}/`, opts.siteUrl.endsWith('/') ? opts.siteUrl : `${opts.siteUrl}/`).href : undefined);
    const html = md.render(body);
    const authorList = arr(front.authors ?? front.author).map((a) => (isObj(a) ? str(a.name) : str(a))).filter((n): n is string => !!n);
    entries.push(
      build(stats, {
        id: str(front.id) ?? url ?? `md:${slug}`,
        url,
        title,
        html,
        summary: str(front.summary) ?? str(front.description),
        published: dateString(front.date) ?? datePrefix,
        modified: dateString(front.updated ?? front.modified ?? front.lastmod),
        authors: authorList.map((name) => ({ name })),
        tags: typeof front.tags === 'string' ? front.tags.split(',') : arr(front.tags ?? front.categories).map(str),
        language: str(front.language) ?? str(front.lang),
        image: link(str(front.image), url ?? opts.siteUrl),
      }),
    );
  }
  stats.note(notes);
  return { source: folder, kind: 'markdown', meta: {}, entries: dedupe(entries, notes), notes };
}

/** YAML reads `date: 2024-03-01` as a Date: back to a string the date parser reads as UTC. */
function dateString(v: unknown): string | undefined {
  if (v instanceof Date) return Number.isFinite(v.getTime()) ? v.toISOString() : undefined;
  return str(v);
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const d of await readdir(dir, { withFileTypes: true })) {
    if (d.name.startsWith('.') || d.name === 'node_modules') continue;
    const p = join(dir, d.name);
    if (d.isDirectory()) out.push(...(await walk(p)));
    else if (d.isFile()) out.push(p);
  }
  return out;
}

// ---- Shared -----------------------------------------------------------------------------------------

interface RawEntry {
  id: string | undefined;
  url: string | undefined;
  externalUrl?: string;
  title: string | undefined;
  html?: string | undefined;
  text?: string | undefined;
  summary?: string | undefined;
  published: string | undefined;
  modified?: string | undefined;
  authors: Author[];
  tags: (string | undefined)[];
  language?: string | undefined;
  image?: string | undefined;
}

/** Counts repairs across one source's items, reported once per kind. */
class Stats {
  undated = 0;
  badDates = 0;
  hashedIds = 0;
  linksResolved = 0;
  untitled = 0;

  note(notes: string[]): void {
    const n = (count: number, one: string, many: string, what: string) => {
      if (count) notes.push(`${count} ${count > 1 ? many : one} ${what}`);
    };
    n(this.hashedIds, 'item', 'items', 'had no guid, id or link: id made from a hash of the title and date');
    n(this.undated, 'item', 'items', 'had no date: kept undated, listed last');
    n(this.badDates, 'date', 'dates', 'could not be read and were left out');
    n(this.untitled, 'item', 'items', 'had no title');
    n(this.linksResolved, 'relative link', 'relative links', 'made absolute');
  }
}

function build(stats: Stats, raw: RawEntry): Entry {
  const published = date(raw.published, stats);
  const modified = date(raw.modified, stats);
  if (published === undefined && modified === undefined) stats.undated++;
  const title = clip(htmlToText(raw.title ?? ''), TITLE_MAX);
  if (!title) stats.untitled++;
  let id = raw.id?.trim();
  if (!id) {
    id = raw.url;
    if (!id) {
      stats.hashedIds++;
      id = `urn:sha256:${createHash('sha256').update(`${title}\n${raw.published ?? ''}`).digest('hex').slice(0, 32)}`;
    }
  }
  const e: Entry = { id, title, tags: tagList(raw.tags), authors: raw.authors };
  if (raw.url) e.url = raw.url;
  if (raw.externalUrl) e.externalUrl = raw.externalUrl;
  if (raw.html !== undefined && raw.html.trim()) {
    const r = resolveLinks(raw.html, raw.url);
    stats.linksResolved += r.changed;
    e.html = r.html;
  } else if (raw.text !== undefined && raw.text.trim()) e.text = raw.text;
  const summary = raw.summary ? clip(htmlToText(raw.summary), SUMMARY_MAX) : '';
  if (summary) e.summary = summary;
  if (published !== undefined) e.published = published;
  if (modified !== undefined && modified !== published) e.modified = modified;
  const lang = raw.language?.trim();
  if (lang && /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8}){0,4}$/.test(lang)) e.language = lang;
  if (raw.image) e.image = raw.image;
  return e;
}

function date(v: string | undefined, stats: Stats): number | undefined {
  if (!v?.trim()) return undefined;
  const ms = parseDate(v);
  if (ms === undefined) stats.badDates++;
  return ms;
}

function tagList(tags: (string | undefined)[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const t of tags) {
    const tag = t ? clip(htmlToText(t), 100) : '';
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

function firstOf(v: unknown): string | undefined {
  return arr(v).map(str).find(Boolean);
}

/** An absolute http(s) URL from `v`, resolved against `base` when relative. */
function link(v: string | undefined, base: string | undefined): string | undefined {
  if (!v) return undefined;
  return absoluteUrl(v, base ?? 'https://localhost.invalid/')?.replace(/^https:\/\/localhost\.invalid\/.*$/, '') || undefined;
}

function metaOf(title: string | undefined, home: string | undefined, description: string | undefined, language: string | undefined): FeedMeta {
  const meta: FeedMeta = {};
  const t = title ? htmlToText(title) : '';
  if (t) meta.title = t;
  if (home) meta.homePageUrl = home;
  const d = description ? htmlToText(description) : '';
  if (d) meta.description = clip(d, 1000);
  if (language && /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8}){0,4}$/.test(language.trim())) meta.language = language.trim();
  return meta;
}
