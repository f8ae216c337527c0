/**
 * JSON Feed 1.0/1.1 → `Article[]`. Pure: no DOM, no IndexedDB, no network, never throws.
 *
 * The file is untrusted input. Anything that is not what the spec promises is either repaired
 * (numeric ids, 1.0 `author`, lenient dates, over-long strings) or skipped and counted, so the
 * UI can say exactly what happened. Only a file that is not a JSON Feed at all is rejected.
 */
import { clampDate } from '../article';
import { ARTICLE_CAPS } from './caps';
import { parseDate } from './dates';
import { emptyReport } from './report';
import { clip, decodeEntities, htmlToText, squash, titleFromText } from './text';
import type { Article, Author, FeedError, FeedInfo, FeedTotals, ParseReport, ParseResult } from './types';

/** Caps that keep one hostile or broken item from eating a phone's storage or freezing search. */
export const LIMITS = {
  id: 2048,
  title: 1000,
  summary: 10_000,
  content: 2_000_000,
  ...ARTICLE_CAPS,
  name: 300,
  url: 4096,
  excerpt: 280,
  derivedTitle: 80,
} as const;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const VERSION = /^https?:\/\/jsonfeed\.org\/version\/1(\.\d+)?\/?$/i;

type Json = Record<string, unknown>;

/**
 * Parses the raw text of a feed file. `feedUrl` is where it was fetched from (absolute); `now`
 * bounds dates (see `clampDate`).
 */
export function parseFeedText(text: string, feedUrl: string, now = Date.now()): ParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const start = body.trimStart();
  if (start === '') return fail('empty');
  if (start[0] === '<') return fail('html');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    if (looksTruncated(body)) return fail('truncated', `${body.length} bytes`);
    return fail('not-json', e instanceof Error ? e.message.slice(0, 200) : undefined);
  }
  return parseFeed(json, feedUrl, now);
}

/** Parses an already-decoded JSON value. */
export function parseFeed(json: unknown, feedUrl: string, now = Date.now()): ParseResult {
  if (!isObject(json)) return fail('not-object', json === null ? 'null' : Array.isArray(json) ? 'array' : typeof json);
  if (json.version === undefined) return fail('no-version');
  if (typeof json.version !== 'string' || !VERSION.test(json.version.trim())) {
    return fail('bad-version', clip(describe(json.version), 80));
  }
  if (!Array.isArray(json.items)) return fail('no-items');

  const report = emptyReport(json.items.length);
  const ctx: Ctx = {
    feedUrl,
    now,
    language: langOf(json.language),
    authors: authorsOf(json, feedUrl, report),
    report,
  };
  const byId = new Map<string, Candidate>();
  for (const raw of json.items) {
    if (!isObject(raw)) {
      report.notObject++;
      continue;
    }
    const candidate = toArticle(raw, ctx);
    if (!candidate) {
      report.noId++;
      continue;
    }
    const previous = byId.get(candidate.article.id);
    if (previous) {
      report.duplicates++;
      if (!isBetter(candidate, previous)) continue;
    }
    byId.set(candidate.article.id, candidate);
  }
  const articles = [...byId.values()].map((c) => c.article);
  report.kept = articles.length;

  const feed: FeedInfo = {
    title: text(json.title, LIMITS.title, report) || hostOf(feedUrl),
    version: json.version.trim(),
  };
  const home = absoluteUrl(json.home_page_url, feedUrl);
  if (home) feed.homePageUrl = home;
  // Relative to the page that holds it, which for page 2 onwards is not the first page's URL.
  const next = absoluteUrl(json.next_url, feedUrl);
  if (next) feed.nextUrl = next;
  const description = text(json.description, LIMITS.summary, report);
  if (description) feed.description = description;
  if (ctx.language) feed.language = ctx.language;
  const totals = totalsOf(json[EXTENSION]);
  if (totals) feed.totals = totals;
  return { ok: true, feed, articles, report };
}

/** Above this a stated total is not believed (a petabyte; a billion articles). */
const MAX_TOTAL = { articles: 1e9, bytes: 1e15 } as const;

/**
 * `_broadsheet.totals` of a feed, each figure kept only if it is a whole number from 0 to a sane
 * maximum (numbers only: a string, a negative, NaN or an absurd figure is ignored, not guessed).
 */
export function totalsOf(ext: unknown): FeedTotals | undefined {
  if (!isObject(ext) || !isObject(ext.totals)) return undefined;
  const raw = ext.totals;
  const whole = (v: unknown, max: number) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max ? v : undefined);
  const out: FeedTotals = {};
  const articles = whole(raw.articles, MAX_TOTAL.articles);
  const indexBytes = whole(raw.index_bytes, MAX_TOTAL.bytes);
  const bodyBytes = whole(raw.body_bytes, MAX_TOTAL.bytes);
  const images = whole(raw.images, MAX_TOTAL.bytes);
  if (articles !== undefined) out.articles = articles;
  if (indexBytes !== undefined) out.indexBytes = indexBytes;
  if (bodyBytes !== undefined) out.bodyBytes = bodyBytes;
  if (images !== undefined) out.images = images;
  return Object.keys(out).length ? out : undefined;
}

interface Ctx {
  feedUrl: string;
  now: number;
  language: string | undefined;
  authors: Author[];
  report: ParseReport;
}

/** An article plus the raw lengths the duplicate rule compares. */
interface Candidate {
  article: Article;
  date: number;
  lengths: [number, number, number];
}

function toArticle(item: Json, ctx: Ctx): Candidate | undefined {
  const id = idOf(item.id);
  if (id === undefined) return undefined;
  const { report, feedUrl } = ctx;

  const url = absoluteUrl(item.url, feedUrl);
  const contentHtml = rawString(item.content_html, LIMITS.content, report);
  const contentText = rawString(item.content_text, LIMITS.content, report);
  const summary = text(item.summary, LIMITS.summary, report) || undefined;
  // A blank content_text must not hide the HTML's text.
  const bodyText = (contentText !== undefined ? squash(contentText) : '') || (contentHtml !== undefined ? htmlToText(contentHtml) : '');

  let title = text(item.title, LIMITS.title, report);
  let titleFromTextFlag = false;
  if (!title) {
    const source = firstLine(contentText) || bodyText || summary || '';
    title = source ? titleFromText(squash(source), LIMITS.derivedTitle) : '';
    titleFromTextFlag = true;
  }

  const published = dateOf(item.date_published, ctx);
  const modified = dateOf(item.date_modified, ctx);
  const article: Article = {
    id,
    title,
    titleFromText: titleFromTextFlag,
    excerpt: clip(summary ?? bodyText, LIMITS.excerpt),
    sortDate: published ?? modified ?? 0,
    tags: tagsOf(item.tags, report),
    authors: itemAuthors(item, ctx),
    baseUrl: url ?? feedUrl,
  };
  if (url) article.url = url;
  const external = absoluteUrl(item.external_url, url ?? feedUrl);
  if (external && external !== url) article.externalUrl = external;
  if (summary) article.summary = summary;
  if (contentHtml !== undefined) article.contentHtml = contentHtml;
  if (contentText !== undefined) article.contentText = contentText;
  if (published !== undefined) article.published = published;
  if (modified !== undefined) article.modified = modified;
  const language = langOf(item.language) ?? ctx.language;
  if (language) article.language = language;
  const image = absoluteUrl(item.image, url ?? feedUrl) ?? absoluteUrl(item.banner_image, url ?? feedUrl);
  if (image) article.image = image;
  // A body in the item wins: the extension only stands in for a body the feed left out.
  if (contentHtml === undefined && contentText === undefined) {
    const remote = bodyOf(item[EXTENSION], feedUrl);
    if (remote) Object.assign(article, remote);
  }

  return {
    article,
    date: modified ?? published ?? Number.NEGATIVE_INFINITY,
    lengths: [contentHtml?.length ?? 0, contentText?.length ?? 0, summary?.length ?? 0],
  };
}

/**
 * The duplicate rule: the copy with the newest date wins (its `date_modified`, else its
 * `date_published`); on a tie, the longest `content_html`, then `content_text`, then `summary`.
 * A full tie keeps the copy seen first.
 */
function isBetter(a: Candidate, b: Candidate): boolean {
  if (a.date !== b.date) return a.date > b.date;
  for (let i = 0; i < 3; i++) {
    const [x, y] = [a.lengths[i] ?? 0, b.lengths[i] ?? 0];
    if (x !== y) return x > y;
  }
  return false;
}

/**
 * The extension key for bodies on demand. JSON Feed reserves keys starting with `_` for
 * extensions; ours is `"_broadsheet": { "body_url": "…", "body_type": "html" | "text" }`, with
 * `body_url` resolved against the URL of the page that holds the item.
 */
export const EXTENSION = '_broadsheet';

function bodyOf(ext: unknown, pageUrl: string): Pick<Article, 'bodyUrl' | 'bodyType' | 'hasBody'> | undefined {
  if (!isObject(ext)) return undefined;
  const bodyUrl = absoluteUrl(ext.body_url, pageUrl);
  if (!bodyUrl) return undefined;
  const type = typeof ext.body_type === 'string' ? ext.body_type.trim().toLowerCase() : '';
  return type === 'html' || type === 'text' ? { bodyUrl, bodyType: type, hasBody: false } : { bodyUrl, hasBody: false };
}

function idOf(v: unknown): string | undefined {
  let id: string | undefined;
  if (typeof v === 'string') id = v.trim();
  else if (typeof v === 'number' && Number.isFinite(v)) id = String(v);
  // An id with a lone surrogate cannot be put in a URL (encodeURIComponent throws).
  if (!id || id.length > LIMITS.id || LONE_SURROGATE.test(id)) return undefined;
  return id;
}

/** A plain-text field: entity references decoded (publishers often escape titles), squashed, capped. */
function text(v: unknown, max: number, report: ParseReport): string {
  if (typeof v !== 'string') return typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
  // Pre-cut before decoding, so a 100 MB title costs no more than a long one.
  const precut = v.length > max * 4;
  let s = squash(decodeEntities(precut ? cutSafely(v, max * 4) : v));
  const clipped = s.length > max;
  if (clipped) s = clip(s, max);
  if (precut || clipped) report.truncatedFields++;
  return s;
}

/** A body field kept as-is (HTML is sanitized at render time), only capped in size. */
function rawString(v: unknown, max: number, report: ParseReport): string | undefined {
  if (typeof v !== 'string') return undefined;
  if (v.length > max) {
    report.truncatedFields++;
    return cutSafely(v, max);
  }
  return v;
}

function dateOf(v: unknown, { report, now }: Ctx): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const ms = parseDate(v);
  if (ms === undefined) {
    report.badDates++;
    return undefined;
  }
  const bounded = clampDate(ms, now);
  if (bounded.clamped) report.futureDates++;
  return bounded.ms;
}

function firstLine(s: string | undefined): string {
  if (!s) return '';
  for (const line of s.split(/\r?\n/)) if (line.trim()) return line.trim();
  return '';
}

function tagsOf(v: unknown, report: ParseReport): string[] {
  if (!Array.isArray(v)) return [];
  // Keep the first spelling of each tag (compared case-insensitively), in feed order.
  const out: string[] = [];
  const keys = new Set<string>();
  for (const [i, t] of v.entries()) {
    if (out.length >= LIMITS.tagsPerItem) {
      // Every tag past the cap is counted, without reading more than its count.
      report.cutTags += v.length - i;
      break;
    }
    // A tag past the length cap is shortened, and counted as an over-long field.
    const tag = text(t, LIMITS.tag, report);
    if (!tag || keys.has(tag.toLowerCase())) continue;
    keys.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

/** JSON Feed 1.1 `authors`, else the 1.0 `author` object. */
function authorsOf(holder: Json, base: string, report: ParseReport): Author[] {
  const list = Array.isArray(holder.authors) ? holder.authors : isObject(holder.author) ? [holder.author] : [];
  const out: Author[] = [];
  for (const [i, a] of list.entries()) {
    if (out.length >= LIMITS.authorsPerItem) {
      report.cutAuthors += list.length - i;
      break;
    }
    const name = isObject(a) ? text(a.name, LIMITS.name, report) : typeof a === 'string' ? text(a, LIMITS.name, report) : '';
    if (!name) continue;
    const author: Author = { name };
    const url = isObject(a) ? linkUrl(a.url, base) : undefined;
    if (url) author.url = url;
    out.push(author);
  }
  return out;
}

/** Items without authors inherit the feed's (JSON Feed 1.1 §authors). */
function itemAuthors(item: Json, ctx: Ctx): Author[] {
  const own = authorsOf(item, ctx.feedUrl, ctx.report);
  return own.length ? own : ctx.authors.map((a) => ({ ...a }));
}

function langOf(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  return /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8}){0,4}$/.test(s) ? s : undefined;
}

/** Cuts a string to `max` UTF-16 units without leaving half a surrogate pair. */
function cutSafely(s: string, max: number): string {
  const code = s.charCodeAt(max - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/**
 * Resolves `v` against `base`; keeps only http(s) URLs. WordPress escapes `&` in URLs as
 * `&#038;` even in JSON; left as is, the `#` would start a fragment and cut the query.
 */
export function absoluteUrl(v: unknown, base: string): string | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.trim().replace(/&(?:#0*38|amp);/g, '&');
  if (!s || s.length > LIMITS.url) return undefined;
  try {
    const u = new URL(s, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** Like `absoluteUrl`, but also allows mailto: (author contact links). */
function linkUrl(v: unknown, base: string): string | undefined {
  if (typeof v === 'string' && /^mailto:[^\s]+$/i.test(v.trim())) return v.trim();
  return absoluteUrl(v, base);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/** A short description of any JSON value that cannot throw (no `String()` on objects). */
function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
    case 'bigint':
    case 'boolean':
    case 'symbol':
    case 'undefined':
      return String(v);
  }
  return typeof v === 'function' ? String(v) : 'object';
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fail(code: FeedError['code'], detail?: string): ParseResult {
  return { ok: false, error: detail === undefined ? { code } : { code, detail } };
}

/**
 * After `JSON.parse` failed: did the text simply stop early? True when the input ends inside a
 * string or with brackets still open, which is what an interrupted download looks like.
 */
export function looksTruncated(s: string): boolean {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let sawOpen = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 92 /* \ */) escaped = true;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      sawOpen = true;
    } else if (c === 125 || c === 93) {
      depth--;
      if (depth < 0) return false;
    }
  }
  return sawOpen && (inString || depth > 0);
}
