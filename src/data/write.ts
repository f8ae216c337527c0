/**
 * Writing articles. Writes go in batches, one readwrite transaction per batch: a batch is
 * all-or-nothing, so a failure (quota, a closed tab) never leaves a half-written article, and
 * batches already committed only ever add or refresh articles, never remove them. Kept apart
 * from the reads (`articles.ts`) so the first load does not carry it.
 */
import type { IDBPTransaction } from 'idb';
import { incomingWins, needKey, versionDate } from '../core/article';
import type { Article } from '../core/feed/types';
import type { DB } from './connection';
import { hashBody } from '../core/hash';
import { wordsOf } from '../core/word-count';
import type { SyncRecord } from '../core/sync-types';
import type { ArticleRecord, BodyRecord, BroadsheetDB, PageRecord } from './schema';

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

/** Bookkeeping written in the same transaction as a page's last batch of articles. */
interface PageBookkeeping {
  page: PageRecord;
  /**
   * Merged into the sync record; keys set to `undefined` are removed. A function gets the page's
   * write counts first (whether the page changed decides where a walk resumes).
   */
  sync: Partial<SyncRecord> | ((result: WriteResult) => Partial<SyncRecord>);
}

export interface PutOptions {
  batchSize?: number;
  /** Receives the rows each committed batch added or changed, so a list can merge them in. */
  onRecords?: (records: ArticleRecord[]) => void;
  /** Written with the last batch: a page and its cursor are stored together or not at all. */
  bookkeeping?: PageBookkeeping;
  /**
   * Ids known to be stored, read once per sync (`getAllKeys`). An id not in it is taken as new
   * without reading it back first: on a first sync that saves one read per article, which is
   * half the time a page takes to store. Ids written here are added to it.
   */
  known?: Set<string>;
  /** Full re-sync: the publisher's copy replaces any stored copy that differs (`incomingWins`). */
  restore?: boolean;
}

type WriteStores = ('articles' | 'bodies' | 'pages' | 'meta')[];
type WriteTx = IDBPTransaction<BroadsheetDB, WriteStores, 'readwrite'>;

/**
 * Upserts articles: which copy wins is `incomingWins` (a file's copy never replaces the
 * publisher's; an older copy never replaces a newer one; an identical one is not rewritten).
 */
export async function putArticles(db: DB, articles: readonly Article[], options: PutOptions = {}): Promise<WriteResult> {
  const { batchSize = BATCH_SIZE, onRecords, bookkeeping, known, restore = false } = options;
  const result: WriteResult = { added: 0, updated: 0, unchanged: 0, written: 0 };
  const batches = Math.max(1, Math.ceil(articles.length / batchSize));
  for (let b = 0; b < batches; b++) {
    const batch = articles.slice(b * batchSize, (b + 1) * batchSize);
    const last = b === batches - 1;
    if (batch.length === 0 && !(last && bookkeeping)) break;
    let tx: WriteTx | undefined;
    try {
      const stores: WriteStores = last && bookkeeping ? ['articles', 'bodies', 'pages', 'meta'] : ['articles', 'bodies'];
      // Relaxed durability: a page lost to a power cut is fetched again by the next sync, and
      // waiting for the disk on every batch would double the time a 100,000-article sync takes.
      tx = db.transaction(stores, 'readwrite', { durability: 'relaxed' });
      // Once we abort, every pending request rejects; those rejections are expected, not news.
      const done = tx.done;
      done.catch(() => {});
      const counts = { added: 0, updated: 0, unchanged: 0 };
      const records = await upsert(tx, batch, counts, known, restore);
      if (last && bookkeeping) {
        const total = {
          added: result.added + counts.added,
          updated: result.updated + counts.updated,
          unchanged: result.unchanged + counts.unchanged,
          written: result.written + batch.length,
        };
        await writeBookkeeping(tx, bookkeeping.page, typeof bookkeeping.sync === 'function' ? bookkeeping.sync(total) : bookkeeping.sync);
      }
      await done;
      result.added += counts.added;
      result.updated += counts.updated;
      result.unchanged += counts.unchanged;
      result.written += batch.length;
      if (known) for (const a of batch) known.add(a.id);
      if (records.length) onRecords?.(records);
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

async function upsert(tx: WriteTx, batch: readonly Article[], counts: Omit<WriteResult, 'written'>, known: Set<string> | undefined, restore: boolean): Promise<ArticleRecord[]> {
  const store = tx.objectStore('articles');
  const bodies = tx.objectStore('bodies');
  // The same id twice in one batch must be compared with its first copy, so it is read back.
  const inBatch = new Set<string>();
  const mustRead = (id: string) => !known || known.has(id) || inBatch.has(id) || (inBatch.add(id), false);
  const [existing, top] = await Promise.all([Promise.all(batch.map((a) => (mustRead(a.id) ? store.get(a.id) : Promise.resolve(undefined)))), lastSeq(tx)]);
  let seq = top;
  const written: ArticleRecord[] = [];
  const requests: Promise<unknown>[] = [];
  // Every request is watched at once: if a later put throws and the batch is aborted, the earlier
  // ones reject, and that is expected, not an unhandled error.
  const track = (request: Promise<unknown>) => {
    request.catch(() => {});
    requests.push(request);
  };
  batch.forEach((incoming, j) => {
    const stored = existing[j];
    const { record, body } = split(incoming);
    if (!incomingWins(stored, record, restore)) {
      counts.unchanged++;
      // A row stored before word counts existed gets one now (same change number: search does not care).
      if (stored && stored.words === undefined && record.words !== undefined) track(store.put({ ...stored, words: record.words }));
      return;
    }
    if (stored) counts.updated++;
    else counts.added++;
    // A body fetched on demand stays valid while the article's revision and body URL do.
    if (record.bodyUrl && stored?.hasBody && stored.bodyUrl === record.bodyUrl && versionDate(stored) === versionDate(record)) {
      record.hasBody = true;
      // The count was made from the fetched body, not from the summary the index carries.
      if (stored.words !== undefined) record.words = stored.words;
      // And what it needs offline was made from that body too.
      record.need = stored.need;
    }
    record.seq = ++seq;
    track(store.put(record));
    if (body) track(bodies.put(body));
    else if (stored?.bodyHash !== undefined && !record.bodyUrl) track(bodies.delete(record.id));
    written.push(record);
  });
  await Promise.all(requests);
  return written;
}

async function writeBookkeeping(tx: WriteTx, page: PageRecord, sync: Partial<SyncRecord>): Promise<void> {
  const meta = tx.objectStore('meta');
  const next = patched(await meta.get('sync'), sync);
  await Promise.all([tx.objectStore('pages').put(page), meta.put(next, 'sync')]);
}

/** `stored` with `patch` merged in; the keys `patch` sets to `undefined` are removed. */
function patched(stored: SyncRecord | undefined, patch: Partial<SyncRecord>): SyncRecord {
  const merged: Record<string, unknown> = { ...stored, ...patch };
  return Object.fromEntries(Object.entries(merged).filter(([key, value]) => value !== undefined || !Object.prototype.hasOwnProperty.call(patch, key)));
}

/** The highest change number in the store (0 when empty), read inside the writing transaction. */
async function lastSeq(tx: IDBPTransaction<BroadsheetDB, WriteStores, 'readwrite'>): Promise<number> {
  const cursor = await tx.objectStore('articles').index('by-seq').openKeyCursor(null, 'prev');
  return typeof cursor?.key === 'number' ? cursor.key : 0;
}

/** An article as stored: its row, and its body apart. */
function split(article: Article): { record: ArticleRecord; body?: BodyRecord } {
  const { contentHtml, contentText, ...rest } = article;
  const record: ArticleRecord = { ...rest, seq: 0, need: needKey(article) };
  // Counted once, here, so no list or reader ever counts words at render.
  const words = wordsOf(article);
  if (words > 0) record.words = words;
  else delete record.words;
  if (contentHtml === undefined && contentText === undefined) return { record };
  record.bodyHash = hashBody(contentHtml, contentText);
  const body: BodyRecord = { id: article.id };
  if (contentHtml !== undefined) body.html = contentHtml;
  if (contentText !== undefined) body.text = contentText;
  return { record, body };
}

/** Merges `patch` into the sync record in one transaction, so concurrent writers cannot lose fields. */
export async function updateSyncRecord(db: DB, patch: Partial<SyncRecord>): Promise<SyncRecord> {
  const tx = db.transaction('meta', 'readwrite');
  const next = patched(await tx.store.get('sync'), patch);
  await Promise.all([tx.store.put(next, 'sync'), tx.done]);
  return next;
}
