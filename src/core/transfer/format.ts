/**
 * The file format for backups and hand-offs: a JSON Feed 1.1 file, so any feed reader can open a
 * hand-off, with what only Broadsheet needs under the extension key `_broadsheet`. Pure: building
 * a file from articles and reading one back, with every check an untrusted file needs. Reading
 * uses the very parser the feed goes through, so an imported article is held to the same rules,
 * and its HTML is sanitized at render like any other.
 *
 *   { "version": "https://jsonfeed.org/version/1.1", "title": "…",
 *     "_broadsheet": { "kind": "handoff" | "backup", "format": 1, "exported_at": "…",
 *                      // backups only:
 *                      "settings": {…}, "offline": { "imageBudgetMB": 100 }, "states": [ReadingState…],
 *                      // both kinds, when there are any: highlights and notes (merged by id)
 *                      "highlights": [Highlight…] },
 *     "items": [ { …JSON Feed item…, "_broadsheet": { "base_url": "…", "images_inlined": 2, "images_linked": 0 } } ] }
 */
import { FUTURE_SLACK } from '../article';
import { parseFeed, parseFeedText } from '../feed/parse';
import type { Article, FeedError, ParseReport } from '../feed/types';
import { parsePrefs, type OfflinePrefs } from '../prefs';
import type { ReadingState } from '../reading';
import { readHighlight, type Highlight } from '../highlights/highlight';
import { parseSettings, type Settings } from '../settings';
import { EXTENSION, MAX_IMPORT_BYTES, MAX_IMPORT_HIGHLIGHTS, MAX_IMPORT_ITEMS, MAX_IMPORT_STATES } from './limits';

export const FORMAT = 1;
const JSON_FEED = 'https://jsonfeed.org/version/1.1';

export type Kind = 'handoff' | 'backup';

export interface ItemExtension {
  base_url: string;
  /** Where the body is, for an article whose body was never downloaded: the receiver fetches it later. */
  body_url?: string;
  body_type?: 'html' | 'text';
  images_inlined?: number;
  images_linked?: number;
}

/** An article as a JSON Feed item; `contentHtml` replaces the stored body (a hand-off's inlined one). */
export function toItem(a: Article, contentHtml = a.contentHtml, ext: Partial<ItemExtension> = {}): Record<string, unknown> {
  const item: Record<string, unknown> = { id: a.id };
  if (a.url) item.url = a.url;
  if (a.externalUrl) item.external_url = a.externalUrl;
  if (a.title && !a.titleFromText) item.title = a.title;
  if (a.summary) item.summary = a.summary;
  if (contentHtml !== undefined) item.content_html = contentHtml;
  if (a.contentText !== undefined) item.content_text = a.contentText;
  if (a.published !== undefined) item.date_published = new Date(a.published).toISOString();
  if (a.modified !== undefined) item.date_modified = new Date(a.modified).toISOString();
  if (a.tags.length) item.tags = a.tags;
  if (a.authors.length) item.authors = a.authors.map((x) => (x.url ? { name: x.name, url: x.url } : { name: x.name }));
  if (a.language) item.language = a.language;
  if (a.image) item.image = a.image;
  // A body announced but never downloaded travels as its address, as in the index itself: the
  // item is kept, and the receiving phone fetches the body when it is online.
  const announced = a.bodyUrl && contentHtml === undefined && a.contentText === undefined ? { body_url: a.bodyUrl, ...(a.bodyType ? { body_type: a.bodyType } : {}) } : {};
  item[EXTENSION] = { base_url: a.baseUrl, ...announced, ...ext };
  return item;
}

export interface BuildOptions {
  kind: Kind;
  title: string;
  items: Record<string, unknown>[];
  now: number;
  appVersion?: string;
  settings?: Settings;
  offline?: OfflinePrefs;
  states?: readonly ReadingState[];
  /** Highlights and notes of the file's articles (a backup: all of them). */
  highlights?: readonly Highlight[];
}

export function buildFile(o: BuildOptions): string {
  const ext: Record<string, unknown> = { kind: o.kind, format: FORMAT, exported_at: new Date(o.now).toISOString() };
  if (o.appVersion) ext.app_version = o.appVersion;
  if (o.kind === 'backup') {
    ext.settings = o.settings ?? {};
    ext.offline = o.offline ?? {};
    ext.states = o.states ?? [];
  }
  if (o.highlights?.length) ext.highlights = o.highlights;
  return JSON.stringify({ version: JSON_FEED, title: o.title, [EXTENSION]: ext, items: o.items }, null, 1);
}

/** Why a whole file was refused. */
export type RejectReason =
  | { code: 'too-large'; bytes: number }
  | { code: 'feed'; error: FeedError }
  | { code: 'empty' };

/** What a file holds once checked: ready to merge. */
export interface ImportPlan {
  kind: Kind;
  articles: Article[];
  /** Parser report: items without ids, non-objects, duplicates, fields cut. */
  report: ParseReport;
  /** Items past `MAX_IMPORT_ITEMS`, refused. */
  tooMany: number;
  states: ReadingState[];
  /** State records that were malformed (wrong types, absurd numbers), skipped. */
  badStates: number;
  settings?: Settings;
  offline?: OfflinePrefs;
  /** Highlights and notes, to merge by id. */
  highlights: Highlight[];
  /** Highlight records that were malformed, skipped. */
  badHighlights: number;
}

export type ReadResult = { ok: true; plan: ImportPlan } | { ok: false; reason: RejectReason };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks and reads a backup or hand-off file (any JSON Feed is accepted as a hand-off).
 * `feedUrl` resolves relative links in items without a `url`; `now` bounds timestamps.
 */
export function readFile(text: string, feedUrl: string, now: number): ReadResult {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, reason: { code: 'too-large', bytes: text.length } };
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    // The parser names the problem (HTML page, cut off, not JSON) exactly as for a feed.
    const parsed = parseFeedText(text, feedUrl, now);
    return { ok: false, reason: parsed.ok ? { code: 'empty' } : { code: 'feed', error: parsed.error } };
  }
  let tooMany = 0;
  if (isObject(json) && Array.isArray(json.items) && json.items.length > MAX_IMPORT_ITEMS) {
    tooMany = json.items.length - MAX_IMPORT_ITEMS;
    json = { ...json, items: json.items.slice(0, MAX_IMPORT_ITEMS) };
  }
  const parsed = parseFeed(json, feedUrl, now);
  if (!parsed.ok) return { ok: false, reason: { code: 'feed', error: parsed.error } };
  const ext: Json = isObject(json) && isObject(json[EXTENSION]) ? json[EXTENSION] : {};
  const kind: Kind = ext.kind === 'backup' ? 'backup' : 'handoff';
  // A file's copies are never the publisher's (see `incomingWins`).
  const articles = parsed.articles.map((a): Article => ({ ...a, imported: true }));
  const plan: ImportPlan = { kind, articles, report: parsed.report, tooMany, states: [], badStates: 0, highlights: [], badHighlights: 0 };
  if (kind === 'backup') {
    const raw = Array.isArray(ext.states) ? ext.states : [];
    for (const [i, s] of raw.entries()) {
      const state = i < MAX_IMPORT_STATES ? readState(s, now) : undefined;
      if (state) plan.states.push(state);
      else plan.badStates++;
    }
    if (isObject(ext.settings)) plan.settings = parseSettings(JSON.stringify(ext.settings));
    if (isObject(ext.offline)) plan.offline = parsePrefs(ext.offline);
  }
  const highlights = Array.isArray(ext.highlights) ? ext.highlights : [];
  for (const [i, h] of highlights.entries()) {
    const highlight = i < MAX_IMPORT_HIGHLIGHTS ? readHighlight(h, now) : undefined;
    if (highlight) plan.highlights.push(highlight);
    else plan.badHighlights++;
  }
  if (plan.articles.length === 0 && plan.states.length === 0 && !plan.settings && plan.highlights.length === 0) return { ok: false, reason: { code: 'empty' } };
  return { ok: true, plan };
}

function time(v: unknown, now: number): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= now + FUTURE_SLACK ? v : undefined;
}

/** One reading-state record from a file, or undefined if any field is wrong. */
export function readState(v: unknown, now: number): ReadingState | undefined {
  if (!isObject(v)) return undefined;
  const { id, read, saved, progress } = v;
  if (typeof id !== 'string' || !id.trim() || id.length > 2048) return undefined;
  if (typeof read !== 'boolean' || typeof saved !== 'boolean') return undefined;
  if (typeof progress !== 'number' || !Number.isFinite(progress) || progress < 0 || progress > 1) return undefined;
  const updatedAt = time(v.updatedAt, now);
  if (updatedAt === undefined) return undefined;
  const state: ReadingState = { id, read, saved, progress, updatedAt };
  const readAt = time(v.readAt, now);
  const savedAt = time(v.savedAt, now);
  if (read && readAt !== undefined) state.readAt = readAt;
  if (saved) state.savedAt = savedAt ?? updatedAt;
  return state;
}

/**
 * Reading state merge: per article, the record changed most recently wins (`updatedAt`), so
 * importing an old backup never undoes what was read or saved since. Returns the records to write.
 */
export function mergeStates(existing: ReadonlyMap<string, ReadingState>, incoming: readonly ReadingState[]): ReadingState[] {
  const winners = new Map<string, ReadingState>();
  for (const s of incoming) {
    const current = winners.get(s.id) ?? existing.get(s.id);
    if (!current || s.updatedAt > current.updatedAt) winners.set(s.id, s);
  }
  return [...winners.values()];
}

/** What an import wrote: the sentence the reader is shown after it. */
export interface ImportOutcome {
  added: number;
  updated: number;
  unchanged: number;
  /** Reading-state records written. */
  states: number;
  /** Highlights added or updated (merged by id). */
  highlights?: number;
  /** Whether the reader ticked the box to apply the file's settings, and they were. */
  settingsApplied?: boolean;
}
