/**
 * Keeping articles offline, in storage: the keep-offline records (`offline`: which articles are
 * kept or imported, and the images each needs), the queue of articles waiting to be kept
 * (`queue`, in the order the reader asked) and the run's progress (`jobs`). The queue and the
 * progress are stored so a closed tab or a lost network resumes where it stopped; the writes that
 * must not be split (an article kept, its queue entry gone, the progress counted) are one
 * transaction each. The image bookkeeping is in `images.ts`.
 */
import type { IDBPObjectStore, StoreNames } from 'idb';
import type { JobRecord, OfflineRecord, QueueEntry } from '../core/offline-records';
import type { DB } from './connection';
import type { BroadsheetDB } from './schema';

/** What keeping (or importing) an article records: the images this revision needs, and when. */
export type OfflineMark = Omit<OfflineRecord, 'id'>;

/**
 * Writes `mark` over the article's record in an open transaction, keeping what it says already
 * (an imported article kept later is still marked imported, and the other way round).
 */
async function mergeMark<S extends ArrayLike<StoreNames<BroadsheetDB>>>(store: IDBPObjectStore<BroadsheetDB, S, 'offline', 'readwrite'>, id: string, mark: OfflineMark): Promise<void> {
  const previous = await store.get(id);
  void store.put({ ...previous, id, ...mark });
}

/** Every keep-offline record. */
export function keptRecords(db: DB): Promise<OfflineRecord[]> {
  return db.getAll('offline');
}

/** One article's keep-offline record, if it was kept or imported. */
export function keptRecord(db: DB, id: string): Promise<OfflineRecord | undefined> {
  return db.get('offline', id);
}

/** The ids of the articles kept offline or imported, without reading their records. */
export function keptIds(db: DB): Promise<string[]> {
  return db.getAllKeys('offline');
}

/**
 * Marks articles that arrived in an imported file, in one transaction: either every one of them
 * is marked or none is.
 */
export async function markImported(db: DB, marks: readonly (OfflineMark & { id: string })[]): Promise<void> {
  if (!marks.length) return;
  const tx = db.transaction('offline', 'readwrite');
  for (const { id, ...mark } of marks) await mergeMark(tx.store, id, mark);
  await tx.done;
}

/** The keep-offline run as last saved, if there was ever one. */
export function readJob(db: DB): Promise<JobRecord | undefined> {
  return db.get('jobs', 'current');
}

export async function saveJob(db: DB, job: JobRecord): Promise<void> {
  await db.put('jobs', job, 'current');
}

/** The saved run and how many articles wait in its queue: whether an interrupted run should go on. */
export async function pendingRun(db: DB): Promise<{ job: JobRecord | undefined; queued: number }> {
  const [job, queued] = await Promise.all([readJob(db), db.count('queue')]);
  return { job, queued };
}

/**
 * Adds articles to the end of the queue, each once (one already queued keeps its place), and
 * saves the run's progress in the same transaction, so the queue and the count never disagree.
 * `jobFor` gets how many were added and returns the progress to save; it runs inside the
 * transaction, so it must not wait for anything. Resolves to the saved progress.
 */
export async function enqueue(db: DB, ids: readonly string[], jobFor: (added: number) => JobRecord): Promise<JobRecord> {
  const tx = db.transaction(['queue', 'jobs'], 'readwrite');
  const queue = tx.objectStore('queue');
  const last = await queue.index('by-seq').openCursor(null, 'prev');
  let seq = last ? last.value.seq + 1 : 0;
  let added = 0;
  for (const id of new Set(ids)) {
    if (await queue.get(id)) continue;
    void queue.put({ id, seq: seq++ });
    added++;
  }
  const job = jobFor(added);
  void tx.objectStore('jobs').put(job, 'current');
  await tx.done;
  return job;
}

/** The first article in the queue, if any. */
export async function nextQueued(db: DB): Promise<QueueEntry | undefined> {
  return (await db.getAllFromIndex('queue', 'by-seq', null, 1))[0];
}

/** Forgets every queued article (Discard). */
export function clearQueue(db: DB): Promise<void> {
  return db.clear('queue');
}

/**
 * One queued article is finished: its keep-offline record (`mark`, absent when the article is
 * gone from the store), its removal from the queue and the run's progress commit together, so
 * an interruption never counts an article twice or loses one.
 */
export async function finishQueued(db: DB, id: string, mark: OfflineMark | undefined, job: JobRecord): Promise<JobRecord> {
  const tx = db.transaction(['offline', 'queue', 'jobs'], 'readwrite');
  if (mark) await mergeMark(tx.objectStore('offline'), id, mark);
  await tx.objectStore('queue').delete(id);
  // The last article done ends the run in the same transaction: a tab closed right after it
  // must not leave a "running" job with nothing queued, which nothing would ever finish.
  const saved: JobRecord = job.state === 'running' && (await tx.objectStore('queue').count()) === 0 ? { ...job, state: 'idle' } : job;
  void tx.objectStore('jobs').put(saved, 'current');
  await tx.done;
  return saved;
}
