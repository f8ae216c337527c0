/**
 * Walking a paginated index: page 1, then each page's `next_url` (resolved against the page that
 * holds it), writing every page as it arrives. Storage-agnostic: the IndexedDB store and the
 * memory-only library both plug in through `PageStore`, so the rules live in one place.
 *
 * The rules, for a publisher who lists newest first:
 * - **Incremental.** Each page is asked for with the validators it had last time (ETag,
 *   Last-Modified); an unchanged page costs a 304. The walk stops at the first page that brings
 *   nothing new or changed: everything after it was stored by an earlier walk.
 * - **Resumable.** After each stored page the store records where to go on (`resume`) in the same
 *   transaction. A walk that dies at page k leaves pages 1..k stored and the cursor at k+1; the
 *   next sync checks page 1 for news, then walks on from the cursor to the end, without stopping
 *   at unchanged pages there (a gap is filled completely). Articles are upserted by id, so pages
 *   fetched twice never duplicate anything.
 * - **Bounded.** A URL already seen in this walk ends it (a loop), and so does `maxPages`.
 */
import { parseFeedText } from '../../core/feed/parse';
import { addReport, emptyReport } from '../../core/feed/report';
import type { Article, FeedInfo, ParseReport } from '../../core/feed/types';
import { StoreWriteError, type WriteResult } from '../../data/write';
import type { SyncFailure } from '../../core/sync-types';
import type { PageRecord } from '../../data/schema';
import { fetchIndex, type FetchOptions, type FetchResult } from './fetch-index';
import { NEWEST_COUNT, type DownloadChoice } from '../../core/download-cost';

/** Generous: 10,000 pages of 200 summaries is two million articles. */
const DEFAULT_MAX_PAGES = 10_000;

export interface PageStore {
  /** What the last fetch of `url` learned (validators, next_url), if it was stored. */
  page(url: string): Promise<PageRecord | undefined>;
  /**
   * Stores a page's articles with its record and the resume cursor, atomically where the store
   * can. `resume` is called once the articles are merged, with whether they changed anything.
   */
  write(articles: Article[], page: PageRecord, resume: (changed: boolean) => string | undefined): Promise<WriteResult>;
  /** Moves the resume cursor alone (after a 304, which writes no articles). */
  setResume(url: string | undefined): Promise<void>;
  /**
   * Whether some of these articles are certainly not stored yet. When so, the walk will go on
   * past this page whatever the write finds, so the next page is fetched while this one is written.
   */
  hasNews?(articles: readonly Article[]): boolean;
}

export interface WalkOptions extends FetchOptions {
  now?: () => number;
  /** Most pages fetched in one walk. */
  maxPages?: number;
  /** A full re-sync: no validators, no stopping at unchanged pages, and the old cursor is moot. */
  full?: boolean;
  /** Where an earlier walk stopped unfinished (the sync record's `resume`). */
  resume?: string;
  /** Called after each page, stored or not modified. */
  onPage?: (progress: WalkProgress) => void;
  /**
   * Asked once the first page is read and before anything is stored, when more pages follow:
   * download everything, only the newest articles, or nothing now. Absent: everything.
   */
  ask?: (first: AskInfo) => Promise<DownloadChoice>;
}

/** What the first page tells about the whole download. */
interface AskInfo {
  feed: FeedInfo;
  /** The first page's size in bytes. */
  bytes: number;
}

export type StopReason = 'end' | 'unchanged' | 'loop' | 'limit' | 'newest' | 'declined';

interface WalkTotals {
  /** Pages fetched (a 304 counts: it is a request). */
  pages: number;
  /** Of those, pages the server said had not changed. */
  notModified: number;
  /** Pages dealt with completely: stored, or not modified. */
  done: number;
  /** Articles received in pages that were parsed. */
  articles: number;
  write: WriteResult;
  report: ParseReport;
}

interface WalkProgress {
  url: string;
  notModified: boolean;
  /** Whether the walk goes on to another page. */
  more: boolean;
  totals: WalkTotals;
  /** The feed as its first page described it, once that page was parsed. */
  feed?: FeedInfo;
}

export type WalkOutcome =
  | {
      ok: true;
      stop: StopReason;
      feed?: FeedInfo;
      url: string;
      totals: WalkTotals;
      /** The walk went from the first page to the last without a break: `totals.pages` is the index's length. */
      whole: boolean;
    }
  | { ok: false; failure: SyncFailure; feed?: FeedInfo; totals: WalkTotals };

type Step = { ok: true; next?: string; changed: boolean } | { ok: false; failure: SyncFailure };

export async function walkFeed(store: PageStore, indexUrl: string, options: WalkOptions = {}): Promise<WalkOutcome> {
  const now = options.now ?? Date.now;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const full = options.full === true;
  const older = full ? undefined : options.resume;
  const totals: WalkTotals = {
    pages: 0,
    notModified: 0,
    done: 0,
    articles: 0,
    write: { added: 0, updated: 0, unchanged: 0, written: 0 },
    report: emptyReport(),
  };
  let feed: FeedInfo | undefined;
  let firstUrl = indexUrl;
  /** Pages fetched in this walk and their next_url: the tail pass does not fetch them again. */
  const fetched = new Map<string, string | undefined>();
  /** A next page already on its way, fetched while the previous one was being written. */
  let ahead: { url: string; got: Promise<FetchResult> } | undefined;
  const request = async (url: string): Promise<{ got: FetchResult; known: PageRecord | undefined }> => {
    const known = full ? undefined : await store.page(url);
    const validators = known && { ...(known.etag ? { etag: known.etag } : {}), ...(known.lastModified ? { lastModified: known.lastModified } : {}) };
    return { got: await fetchIndex(url, { ...options, ...(validators ? { validators } : {}) }), known };
  };
  let aheadKnown: PageRecord | undefined;
  /** "Only the newest N": the most articles this walk stores; reached, the walk stops. */
  // An object, not three `let`s: the steps set them, and the loop below reads them.
  const limit: { cap?: number; capped: boolean; declined: boolean } = { capped: false, declined: false };

  /**
   * One page: fetch it (conditionally), parse it, store it. `head` pages stop the walk when
   * unchanged, so their cursor is the older one in that case; tail pages always go on.
   */
  const step = async (url: string, head: boolean): Promise<Step> => {
    const first = totals.pages === 0;
    let got: FetchResult;
    let known: PageRecord | undefined;
    if (ahead?.url === url) {
      got = await ahead.got;
      known = aheadKnown;
    } else ({ got, known } = await request(url));
    ahead = undefined;
    if (!got.ok) return got;
    totals.pages++;
    if (first) firstUrl = got.url;
    const cursor = (next: string | undefined, changed: boolean) => (!next ? undefined : head && !changed && !full ? older : next);

    if (got.notModified) {
      totals.notModified++;
      totals.done++;
      const next = known?.nextUrl;
      fetched.set(url, next);
      await store.setResume(cursor(next, false));
      report(url, true, next, head, false);
      return { ok: true, changed: false, ...(next ? { next } : {}) };
    }

    const parsed = parseFeedText(got.text, got.url, now());
    if (!parsed.ok) return { ok: false, failure: { kind: 'feed', error: parsed.error } };
    if (first && parsed.articles.length === 0) return { ok: false, failure: { kind: 'no-articles', report: parsed.report } };
    if (first) feed = parsed.feed;
    if (first && options.ask && parsed.feed.nextUrl) {
      const choice = await options.ask({ feed: parsed.feed, bytes: new TextEncoder().encode(got.text).byteLength });
      if (choice === 'cancel') {
        limit.declined = true;
        return { ok: true, changed: false };
      }
      if (choice === 'newest') limit.cap = NEWEST_COUNT;
    }
    if (limit.cap !== undefined && totals.articles + parsed.articles.length >= limit.cap) {
      parsed.articles = parsed.articles.slice(0, Math.max(0, limit.cap - totals.articles));
      limit.capped = true;
    }
    addReport(totals.report, parsed.report);
    totals.articles += parsed.articles.length;
    const next = limit.capped ? undefined : parsed.feed.nextUrl;
    const page: PageRecord = { url, items: parsed.articles.length, fetchedAt: now() };
    if (got.etag) page.etag = got.etag;
    if (got.lastModified) page.lastModified = got.lastModified;
    if (next) page.nextUrl = next;

    // Fetch the next page while this one is written, when the walk is sure to go on to it.
    if (next && !seen(next) && totals.pages < maxPages && (full || !head || store.hasNews?.(parsed.articles))) {
      const started = request(next);
      ahead = { url: next, got: started.then((r) => ((aheadKnown = r.known), r.got)) };
      ahead.got.catch(() => {});
    }

    let write: WriteResult;
    try {
      write = await store.write(parsed.articles, page, (changed) => cursor(next, changed));
    } catch (error) {
      const partial = error instanceof StoreWriteError ? error.partial.written : 0;
      const name = error instanceof Error ? error.name : 'Error';
      return { ok: false, failure: { kind: 'storage', name, written: totals.write.written + partial, total: totals.articles } };
    }
    totals.write.added += write.added;
    totals.write.updated += write.updated;
    totals.write.unchanged += write.unchanged;
    totals.write.written += write.written;
    totals.done++;
    const changed = write.added + write.updated > 0;
    fetched.set(url, next);
    report(url, false, next, head, changed);
    return { ok: true, changed, ...(next ? { next } : {}) };
  };

  const report = (url: string, notModified: boolean, next: string | undefined, head: boolean, changed: boolean) =>
    options.onPage?.({ url, notModified, more: !!next && (!head || changed || full || !!older), totals, ...(feed ? { feed } : {}) });

  const fail = (failure: SyncFailure): WalkOutcome => ({ ok: false, failure, ...(feed ? { feed } : {}), totals });

  // The head pass: from page 1 while pages bring news.
  let stop: StopReason | undefined;
  let url = indexUrl;
  const headSeen = new Set<string>();
  const tailSeen = new Set<string>();
  let inTail = false;
  const seen = (u: string) => (inTail ? tailSeen.has(u) || fetched.has(u) : headSeen.has(u));
  while (!stop) {
    if (totals.pages >= maxPages) stop = 'limit';
    else if (headSeen.has(url)) stop = 'loop';
    else {
      headSeen.add(url);
      const r = await step(url, true);
      if (!r.ok) return fail(r.failure);
      if (limit.declined) return { ok: true, stop: 'declined', ...(feed ? { feed } : {}), url: firstUrl, totals, whole: false };
      if (limit.capped) stop = 'newest';
      else if (!r.next) stop = 'end';
      else if (!r.changed && !full) stop = 'unchanged';
      else url = r.next;
    }
  }

  const whole = stop === 'end';
  // The tail pass: an earlier walk was cut off; finish it, to the end.
  if (stop === 'unchanged' && older) {
    url = older;
    inTail = true;
    for (;;) {
      if (tailSeen.has(url)) {
        stop = 'loop';
        break;
      }
      tailSeen.add(url);
      let next: string | undefined;
      if (fetched.has(url)) next = fetched.get(url);
      else {
        if (totals.pages >= maxPages) {
          stop = 'limit';
          break;
        }
        const r = await step(url, false);
        if (!r.ok) return fail(r.failure);
        next = r.next;
      }
      if (!next) {
        stop = 'end';
        break;
      }
      url = next;
    }
  }
  return { ok: true, stop, ...(feed ? { feed } : {}), url: firstUrl, totals, whole };
}
