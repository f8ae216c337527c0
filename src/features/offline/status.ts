/**
 * What the "readable offline" rule (`offlineState` in core/article.ts) needs from storage: the
 * keep-offline records and the kept images. Loaded after the list has painted. Read on the
 * shared connection, so the views that ask hold none.
 */
import { withConnection } from '../../data/connection';
import { keptAmong, keptImageUrls } from '../../data/images';
import { keptRecord, keptRecords, pendingRun } from '../../data/offline';
import type { OfflineRecord } from '../../core/offline-records';

export interface Kept {
  records: ReadonlyMap<string, OfflineRecord>;
  images: ReadonlySet<string>;
}

export function loadKept(): Promise<Kept> {
  return withConnection(async (db) => {
    const [records, images] = await Promise.all([keptRecords(db), keptImageUrls(db)]);
    return { records: new Map(records.map((r) => [r.id, r])), images };
  });
}

/** A run that was interrupted (tab closed, network lost) goes on by itself, if the network is up. */
export async function resumePending(): Promise<void> {
  // Only a definite "offline" waits: a navigator without `onLine` (a stub) counts as online.
  if (typeof navigator !== 'undefined' && (navigator.onLine as boolean | undefined) === false) return;
  const { job, queued } = await withConnection(pendingRun);
  if (job?.state !== 'running' || queued === 0) return;
  const { keeper } = await import('./keeper');
  await (await keeper()).resume();
}

/** The keep-offline record of one article and which of its images are kept: the reader's label. */
export function keptFor(id: string): Promise<{ record: OfflineRecord | undefined; images: ReadonlySet<string> }> {
  return withConnection(async (db) => {
    const record = await keptRecord(db, id);
    return { record, images: await keptAmong(db, record?.images ?? []) };
  });
}

/** When an article arrived in an imported file, if it did: the reader's note. */
export async function importedAt(id: string): Promise<number | undefined> {
  return (await withConnection(keptRecord, id))?.importedAt;
}
