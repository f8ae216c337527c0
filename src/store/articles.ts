/**
 * Article queries. Writes go in batches, one readwrite transaction per batch: a batch is
 * all-or-nothing, so a failure (quota, a closed tab) never leaves a half-written article, and
 * batches already committed only ever add or refresh articles, never remove them.
 */
import type { Article } from '../feed/types';
import type { IDBPTransaction } from 'idb';
import type { DB } from './db';
import type { BroadsheetDB } from './schema';
import type { SyncRecord } from './meta';

export const BATCH_SIZE = 250;

export interface WriteResult {
  added: number;
  updated: number;
  unchanged: number;
  /** Articles durably written before a failure, or all of them. */
  written: number;
}

/** A write failed part-way. Batches before the failing one are stored. */
export class StoreWriteError extends Error {
  constructor(
    readonly reason: unknown,
    readonly partial: WriteResult,
  ) {
    super(reason instanceof Error ? reason.message : String(reason));
    this.name = reason instanceof Error ? reason.name : 'StoreWriteError';
  }
}

/**
 * Upserts articles. An incoming copy older than the stored one is ignored (a stale cache or a
 * mirror must not roll an edited article back); an identical one is not rewritten.
 */
export async function putArticles(db: DB, articles: readonly Article[], batchSize = BATCH_SIZE): Promise<WriteResult> {
  const result: WriteResult = { added: 0, updated: 0, unchanged: 0, written: 0 };
  for (let i = 0; i < articles.length; i += batchSize) {
    const batch = articles.slice(i, i + batchSize);
    let tx: IDBPTransaction<BroadsheetDB, ['articles'], 'readwrite'> | undefined;
    try {
      tx = db.transaction('articles', 'readwrite');
      const store = tx.store;
      // Once we abort, every pending request rejects; those rejections are expected, not news.
      const done = tx.done;
      done.catch(() => {});
      const existing = await Promise.all(batch.map((a) => store.get(a.id)));
      const counts = { added: 0, updated: 0, unchanged: 0 };
      const puts: Promise<unknown>[] = [];
      batch.forEach((incoming, j) => {
        const stored = existing[j];
        if (!stored) counts.added++;
        else if (isNewer(stored, incoming) || sameArticle(stored, incoming)) {
          counts.unchanged++;
          return;
        } else counts.updated++;
        const put = store.put(incoming);
        put.catch(() => {});
        puts.push(put);
      });
      await Promise.all([...puts, done]);
      result.added += counts.added;
      result.updated += counts.updated;
      result.unchanged += counts.unchanged;
      result.written += batch.length;
    } catch (error) {
      // A put that throws synchronously (DataCloneError) does not abort the transaction by itself:
      // abort it, so the puts already queued in this batch do not commit. A batch is all or nothing.
      try {
        tx?.abort();
      } catch {
        // already finished or aborted
      }
      throw new StoreWriteError(error, result);
    }
  }
  return result;
}

function revision(a: Article): number {
  return a.modified ?? a.published ?? Number.NEGATIVE_INFINITY;
}

function isNewer(stored: Article, incoming: Article): boolean {
  return revision(stored) > revision(incoming);
}

function sameArticle(a: Article, b: Article): boolean {
  return revision(a) === revision(b) && JSON.stringify(a) === JSON.stringify(b);
}

/** Every stored article, newest first. */
export async function listArticles(db: DB): Promise<Article[]> {
  const all = await db.getAllFromIndex('articles', 'by-date');
  return all.reverse();
}

export function getArticle(db: DB, id: string): Promise<Article | undefined> {
  return db.get('articles', id);
}

export function countArticles(db: DB): Promise<number> {
  return db.count('articles');
}

export async function getSyncRecord(db: DB): Promise<SyncRecord> {
  return (await db.get('meta', 'sync')) ?? {};
}

/** Merges `patch` into the sync record in one transaction, so concurrent writers cannot lose fields. */
export async function updateSyncRecord(db: DB, patch: Partial<SyncRecord>): Promise<SyncRecord> {
  const tx = db.transaction('meta', 'readwrite');
  const next: SyncRecord = { ...((await tx.store.get('sync')) ?? {}), ...patch };
  for (const key of Object.keys(patch) as (keyof SyncRecord)[]) if (patch[key] === undefined) delete next[key];
  await Promise.all([tx.store.put(next, 'sync'), tx.done]);
  return next;
}
