/**
 * Which stored articles can be read fully offline, text and images. Loaded after the list has
 * painted. An article is readable offline when its body is stored and either its body asks for no
 * network image, or a keep-offline record made for this very revision lists images that are all
 * still kept (an evicted image makes its article "not fully offline" again).
 */
import { offlineDb } from '../../data/shared';
import type { OfflineRecord } from '../../data/offline-records';
import type { Need } from './useOfflineStatus';

export interface Kept {
  records: ReadonlyMap<string, OfflineRecord>;
  images: ReadonlySet<string>;
}

export function isReadableOffline(need: Need, record: OfflineRecord | undefined, images: ReadonlySet<string>): boolean {
  if (need === null) return true;
  if ('body' in need) return false;
  return !!record && record.rev === need.rev && record.images.every((u) => images.has(u));
}

export async function loadKept(): Promise<Kept> {
  const db = await offlineDb();
  const [records, urls] = await Promise.all([db.getAll('offline'), db.getAllKeys('images')]);
  return { records: new Map(records.map((r) => [r.id, r])), images: new Set(urls) };
}

/** A run that was interrupted (tab closed, network lost) goes on by itself, if the network is up. */
export async function resumePending(): Promise<void> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
  const db = await offlineDb();
  const [job, queued] = await Promise.all([db.get('jobs', 'current'), db.count('queue')]);
  if (job?.state !== 'running' || queued === 0) return;
  const { keeper } = await import('./keeper');
  await (await keeper()).resume();
}
