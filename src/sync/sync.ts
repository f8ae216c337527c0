/**
 * One sync: fetch the index → parse it (pure) → merge it into the store → record the outcome.
 *
 * The stored set only ever grows or gets fresher: the file is parsed completely before anything
 * is written, a rejected file writes nothing, and a write that fails part-way keeps every batch
 * committed before it. Articles that drop out of the index stay stored.
 */
import { parseFeedText } from '../feed/parse';
import type { ParseReport } from '../feed/types';
import { putArticles, StoreWriteError, updateSyncRecord, type WriteResult } from '../store/articles';
import type { DB } from '../store/db';
import type { SyncFailure, SyncRecord } from '../store/meta';
import { fetchIndex, type FetchOptions } from './fetch-index';

export { fetchIndex } from './fetch-index';
export { parseFeedText } from '../feed/parse';

export type SyncOutcome =
  | { ok: true; write: WriteResult; report: ParseReport; record: SyncRecord }
  | { ok: false; failure: SyncFailure; record: SyncRecord };

export interface SyncOptions extends FetchOptions {
  now?: () => number;
}

export async function syncIndex(db: DB, indexUrl: string, options: SyncOptions = {}): Promise<SyncOutcome> {
  const now = options.now ?? Date.now;
  const fetched = await fetchIndex(indexUrl, options);
  if (!fetched.ok) return failed(db, fetched.failure, now());

  const parsed = parseFeedText(fetched.text, fetched.url);
  if (!parsed.ok) return failed(db, { kind: 'feed', error: parsed.error }, now());
  if (parsed.articles.length === 0) return failed(db, { kind: 'no-articles', report: parsed.report }, now());

  let write: WriteResult;
  try {
    write = await putArticles(db, parsed.articles);
  } catch (error) {
    const partial = error instanceof StoreWriteError ? error.partial : { written: 0 };
    const name = error instanceof Error ? error.name : 'Error';
    return failed(db, { kind: 'storage', name, written: partial.written, total: parsed.articles.length }, now());
  }
  const record = await updateSyncRecord(db, {
    lastAttempt: now(),
    lastSuccess: now(),
    feedTitle: parsed.feed.title,
    indexUrl: fetched.url,
    lastFailure: undefined,
    lastReport: parsed.report,
  });
  return { ok: true, write, report: parsed.report, record };
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
