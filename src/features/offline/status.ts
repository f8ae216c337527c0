/**
 * What the "readable offline" rule (`offlineState` in core/article.ts) needs from storage: the
 * keep-offline records and the kept images. Loaded after the list has painted.
 */
import { connection } from '../../data/connection';
import type { OfflineRecord } from '../../core/offline-records';

export interface Kept {
  records: ReadonlyMap<string, OfflineRecord>;
  images: ReadonlySet<string>;
}

export async function loadKept(): Promise<Kept> {
  const db = await connection();
  const [records, urls] = await Promise.all([db.getAll('offline'), db.getAllKeys('images')]);
  return { records: new Map(records.map((r) => [r.id, r])), images: new Set(urls) };
}

/** A run that was interrupted (tab closed, network lost) goes on by itself, if the network is up. */
export async function resumePending(): Promise<void> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
  const db = await connection();
  const [job, queued] = await Promise.all([db.get('jobs', 'current'), db.count('queue')]);
  if (job?.state !== 'running' || queued === 0) return;
  const { keeper } = await import('./keeper');
  await (await keeper()).resume();
}

/** The keep-offline record of one article and which of its images are kept: the reader's label. */
export async function keptFor(id: string): Promise<{ record: OfflineRecord | undefined; images: ReadonlySet<string> }> {
  const db = await connection();
  const record = await db.get('offline', id);
  const urls = record ? await Promise.all(record.images.map((url) => db.getKey('images', url))) : [];
  return { record, images: new Set(urls.filter((u): u is string => u !== undefined)) };
}
