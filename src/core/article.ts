/**
 * The domain rules about articles, each written once. The store, the sync, imports, the list and
 * the reader all decide these questions through the functions here, so they can never disagree.
 * Pure: no DOM, no IndexedDB, cheap enough to run over every stored row.
 */
import type { Article } from './feed/types';
import type { OfflineRecord } from './offline-records';

/** What the rules read: an article with or without its body, or a stored row. */
type Dated = Pick<Article, 'modified' | 'published'>;

/**
 * Which version of an article a copy is: its modification date, else its publication date. A copy
 * with neither is the oldest possible, so any dated copy replaces it.
 */
export function versionDate(a: Dated): number {
  return a.modified ?? a.published ?? Number.NEGATIVE_INFINITY;
}

/**
 * The same article content, whatever the store's own bookkeeping: the change number (`seq`),
 * whether a body was fetched on demand (`hasBody`), the word count (`words`) and the stored offline need (`need`) are left out, and keys are compared in sorted
 * order at every level, so two copies built in a different field order are still equal.
 */
export function sameArticle<T extends object>(a: T, b: T): boolean {
  return canonical(a) === canonical(b);
}

const BOOKKEEPING = new Set(['seq', 'hasBody', 'words', 'need']);

function canonical(value: object): string {
  const top: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) if (!BOOKKEEPING.has(key)) top[key] = sorted((value as Record<string, unknown>)[key]);
  return JSON.stringify(top);
}

function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])]));
  return v;
}

/**
 * The authority rule: the publisher's index is the source of truth for every id it carries. A
 * copy from an imported file (`imported: true`, set by the import) is never authoritative:
 *
 * - a file copy never replaces a stored publisher copy, whatever its dates;
 * - a publisher copy replaces a stored file copy at the first sync that carries the id, whatever
 *   the dates (a file cannot outrank the publisher by dating its copy in the future);
 * - `restore` (Full re-sync): the publisher's copy replaces any stored copy that differs, so a
 *   Full re-sync always brings the publisher's text back, even over a copy stored before this
 *   rule existed or one with a later date;
 * - otherwise (publisher over publisher, file over file) the date rule: the incoming copy wins
 *   unless the stored one is a newer version (a stale cache or a mirror must not roll an edited
 *   article back) or says exactly the same (nothing to rewrite).
 *
 * Reading state (read, saved, position) and highlights live in their own stores and are never
 * touched by any of this.
 */
export function incomingWins<T extends Dated & FromFile & object>(stored: T | undefined, incoming: T, restore = false): boolean {
  if (!stored) return true;
  const fileIn = incoming.imported === true;
  const fileStored = stored.imported === true;
  if (fileIn && !fileStored) return false;
  if (!fileIn && fileStored) return true;
  if (restore && !fileIn) return !sameArticle(stored, incoming);
  const before = versionDate(stored);
  const after = versionDate(incoming);
  // Different versions cannot be the same content: only an equal date needs the full comparison.
  return before === after ? !sameArticle(stored, incoming) : before < after;
}

type FromFile = { imported?: true };

/** A day of clock skew is tolerated; any date further ahead would win every comparison for years. */
export const FUTURE_SLACK = 86_400_000;

/**
 * The latest date a feed or a file may give an article or a reading state, seen at `now`. Dates
 * beyond it are clamped to the end of the current UTC day plus one (not to `now`, so a publisher
 * whose clock runs ahead does not see its article rewritten at every sync) and counted.
 */
export function clampDate(ms: number, now: number): { ms: number; clamped: boolean } {
  if (ms <= now + FUTURE_SLACK) return { ms, clamped: false };
  return { ms: Math.floor(now / FUTURE_SLACK) * FUTURE_SLACK + FUTURE_SLACK, clamped: true };
}

/** The index announced a body (`_broadsheet.body_url`) that is not stored yet: reading it needs the network once. */
export function needsBody(a: Pick<Article, 'bodyUrl' | 'hasBody'>): boolean {
  return !!a.bodyUrl && !a.hasBody;
}

/**
 * Identifies the version of an article a keep-offline record was made for: if the publisher
 * edits the article (new date, other body), its images may have changed and it must be kept again.
 * Stored in keep-offline records (`OfflineRecord.rev`), so its form must not change.
 */
export function revisionOf(a: Pick<Article, 'modified' | 'published' | 'contentHtml'>): string {
  return `${a.modified ?? a.published ?? 0}:${a.contentHtml?.length ?? 0}`;
}

const IMG = /<img\b[^>]*>/gi;
const INLINE_SRC = /\ssrc\s*=\s*["']?\s*data:/i;

/**
 * Could the body ask for images from the network? False for text-only bodies and for bodies
 * whose images are all inline (data: URLs, as in hand-off files): those are readable offline as
 * soon as they are stored. True is only "maybe": the sanitizer's view (pixels dropped, srcset)
 * is what a keep-offline run records.
 */
export function mayNeedImages(a: Pick<Article, 'contentHtml'>): boolean {
  const html = a.contentHtml;
  if (!html || !/<(img|source)\b/i.test(html)) return false;
  if (/<source\b/i.test(html) || /\ssrcset\s*=/i.test(html)) return true;
  for (const tag of html.match(IMG) ?? []) if (!INLINE_SRC.test(tag)) return true;
  return false;
}

/**
 * What reading an article with no network still needs: nothing (null), its body, or the images
 * of this revision. Computed from the article alone, so the list can hold it for every row
 * without holding the bodies.
 */
export type OfflineNeed = { body: true } | { rev: string } | null;

export function offlineNeed(a: Article): OfflineNeed {
  return needsBody(a) ? { body: true } : mayNeedImages(a) ? { rev: revisionOf(a) } : null;
}

/**
 * `offlineNeed` as a stored row keeps it, made once when the article (with its body) is written:
 * 0 nothing, 1 the body, else the revision whose images are needed. An IndexedDB key (the
 * `by-need` index), so the storage panel counts the readable articles without reading a body.
 */
export type NeedKey = 0 | 1 | string;

export function needKey(a: Article): NeedKey {
  const need = offlineNeed(a);
  return need === null ? 0 : 'body' in need ? 1 : need.rev;
}

export function needOfKey(key: NeedKey): OfflineNeed {
  return key === 0 ? null : key === 1 ? { body: true } : { rev: key };
}

/** What a keep-offline record says about an article: the revision it was made for, and its images. */
type KeepRecord = Pick<OfflineRecord, 'rev' | 'images'>;

/** Where an article stands for reading with no network at all. */
export type OfflineState = 'ready' | 'body' | 'images';

/**
 * The one rule for "readable offline", used by the list's marks and the reader's label alike: the
 * body is stored, and either it asks for no network image, or a keep-offline record made for this
 * very revision lists images that are all still kept (an evicted image makes it not ready again).
 */
export function offlineState(need: OfflineNeed, record: KeepRecord | undefined, kept: ReadonlySet<string>): OfflineState {
  if (need === null) return 'ready';
  if ('body' in need) return 'body';
  return record && record.rev === need.rev && record.images.every((url) => kept.has(url)) ? 'ready' : 'images';
}

/** `offlineState` is 'ready': what the list's mark and the storage panel's count say. */
export function isReadableOffline(need: OfflineNeed, record: KeepRecord | undefined, kept: ReadonlySet<string>): boolean {
  return offlineState(need, record, kept) === 'ready';
}
