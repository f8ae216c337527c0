/**
 * One sync: walk the index page by page (`walk.ts`) → parse each page (pure) → merge it into the
 * store as it arrives → record the outcome.
 *
 * The stored set only ever grows or gets fresher: a page is parsed completely before anything of
 * it is written, a rejected page writes nothing, and a failure at page k keeps pages 1..k (and the
 * cursor to k+1). Articles that drop out of the index stay stored.
 */
import type { ParseReport } from '../../core/feed/types';
import { articleIds, getSyncRecord } from '../../data/articles';
import { getPage } from '../../data/pages';
import { putArticles, updateSyncRecord, type WriteResult } from '../../data/write';
import type { DB } from '../../data/connection';
import type { SyncFailure, SyncRecord } from '../../core/sync-types';
import type { ArticleRecord } from '../../data/schema';
import { walkFeed, type PageStore, type StopReason, type WalkOptions } from './walk';

export { fetchIndex } from './fetch-index';
export { parseFeedText } from '../../core/feed/parse';

export type SyncOutcome =
  | {
      ok: true;
      /** Another tab ran this sync; what it stored is in the store, not in `write`. */
      elsewhere?: boolean;
      write: WriteResult;
      report: ParseReport;
      record: SyncRecord;
      /** Pages fetched, and how many of them answered 304. */
      pages: number;
      notModified: number;
      stop: StopReason;
    }
  | {
      ok: false;
      failure: SyncFailure;
      record: SyncRecord;
      /** Pages stored before the failure, when there were any: they stay, and the next sync goes on after them. */
      partial?: { pages: number; articles: number };
    };

/** After each page: how far the sync is, and the rows that page added or changed. */
export interface SyncPageProgress {
  pages: number;
  articles: number;
  records: ArticleRecord[];
  /** Whether another page follows. */
  more: boolean;
  /** The feed's title, from its first page. */
  feedTitle?: string;
}

export interface SyncOptions extends Omit<WalkOptions, 'resume' | 'onPage'> {
  onProgress?: (progress: SyncPageProgress) => void;
}

export async function syncIndex(db: DB, indexUrl: string, options: SyncOptions = {}): Promise<SyncOutcome> {
  const now = options.now ?? Date.now;
  let before: SyncRecord = {};
  try {
    before = await getSyncRecord(db);
  } catch {
    // Unreadable bookkeeping only costs the resume cursor.
  }
  let records: ArticleRecord[] = [];
  // Every stored id, read once: pages of articles not seen before are written without reading
  // each one back first (see `PutOptions.known`).
  let known: Set<string> | undefined;
  try {
    known = new Set(await articleIds(db));
  } catch {
    known = undefined;
  }
  const store: PageStore = {
    page: (url) => getPage(db, url),
    write: (articles, page, resume) =>
      putArticles(db, articles, {
        onRecords: (r) => records.push(...r),
        bookkeeping: { page, sync: (w) => ({ resume: resume(w.added + w.updated > 0) }) },
        ...(known ? { known } : {}),
        ...(options.full ? { restore: true } : {}),
      }),
    hasNews: (articles) => !!known && articles.some((a) => !known.has(a.id)),
    setResume: async (url) => {
      await updateSyncRecord(db, { resume: url });
    },
  };
  // The pre-download question is for a first sync (nothing stored yet) and a full re-sync only.
  const { ask, ...rest } = options;
  const first = known?.size === 0;
  const walked = await walkFeed(store, indexUrl, {
    ...rest,
    ...(ask && (first || options.full) ? { ask } : {}),
    ...(before.resume ? { resume: before.resume } : {}),
    onPage: ({ more, totals, feed }) => {
      options.onProgress?.({ pages: totals.pages, articles: totals.articles, records, more, ...(feed ? { feedTitle: feed.title } : {}) });
      records = [];
    },
  });
  mark(walked.ok ? 'ok' : walked.failure.kind, walked.totals.pages);

  if (!walked.ok) {
    const outcome = await failed(db, walked.failure, now());
    const { done, write } = walked.totals;
    return write.written > 0 && !outcome.ok ? { ...outcome, partial: { pages: done, articles: write.written } } : outcome;
  }
  const { totals, feed } = walked;
  if (walked.stop === 'declined') {
    // "Not now": nothing was stored, and the next sync asks again.
    const record = await updateSyncRecord(db, { lastAttempt: now() });
    return { ok: true, write: totals.write, report: totals.report, record, pages: totals.pages, notModified: 0, stop: 'declined' };
  }
  const patch: Partial<SyncRecord> = {
    lastAttempt: now(),
    lastSuccess: now(),
    indexUrl: walked.url,
    lastFailure: undefined,
    resume: undefined,
  };
  if (feed) patch.feedTitle = feed.title;
  if (feed) patch.totals = feed.totals;
  if (walked.whole && totals.pages > 1) patch.pagesTotal = totals.pages;
  if (totals.pages > totals.notModified) patch.lastReport = totals.report;
  const record = await updateSyncRecord(db, patch);
  return {
    ok: true,
    write: totals.write,
    report: totals.pages > totals.notModified ? totals.report : (before.lastReport ?? totals.report),
    record,
    pages: totals.pages,
    notModified: totals.notModified,
    stop: walked.stop,
  };
}

async function failed(db: DB, failure: SyncFailure, at: number): Promise<SyncOutcome> {
  let record: SyncRecord;
  try {
    record = await updateSyncRecord(db, { lastAttempt: at, lastFailure: failure });
  } catch {
    // Bookkeeping must never turn a clear failure into a crash (the disk may be full).
    record = { lastAttempt: at, lastFailure: failure };
  }
  return { ok: false, failure, record };
}

/** A User Timing mark at the end of each sync, for the benchmark and for DevTools. */
function mark(result: string, pages: number): void {
  try {
    performance.mark('broadsheet:sync-end', { detail: { result, pages } });
  } catch {
    // No User Timing here (old engine, test environment): nothing to measure.
  }
}
