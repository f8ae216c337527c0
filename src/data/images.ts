/**
 * Kept images: bytes in Cache Storage (where the service worker finds them), bookkeeping in
 * IndexedDB. Behind a small interface so the keep-offline run is tested with an in-memory one.
 */
import type { DB } from './connection';
import { IMAGE_CACHE } from '../core/names';
import type { ImageRecord } from '../core/offline-records';

export interface ImageStore {
  all(): Promise<ImageRecord[]>;
  /** Stores the bytes first, then the record: a record always has its bytes. May throw QuotaExceededError. */
  put(record: ImageRecord, body?: Response): Promise<void>;
  delete(urls: readonly string[]): Promise<void>;
  touch(urls: readonly string[], now: number): Promise<void>;
}

export function browserImageStore(db: DB): ImageStore {
  const cache = () => caches.open(IMAGE_CACHE);
  return {
    all: () => db.getAll('images'),
    async put(record, body) {
      if (body) await (await cache()).put(record.url, body);
      await db.put('images', record);
    },
    async delete(urls) {
      if (!urls.length) return;
      const c = await cache();
      const tx = db.transaction('images', 'readwrite');
      await Promise.all([...urls.map((u) => tx.store.delete(u)), tx.done]);
      await Promise.all(urls.map((u) => c.delete(u)));
    },
    async touch(urls, now) {
      if (!urls.length) return;
      const tx = db.transaction('images', 'readwrite');
      for (const url of urls) {
        const r = await tx.store.get(url);
        if (r && r.lastUsed < now) void tx.store.put({ ...r, lastUsed: now });
      }
      await tx.done;
    },
  };
}

/** Every kept image gone, bytes and records (used by "clear all" and the quota fallback). */
export async function clearImages(db: DB): Promise<void> {
  await db.clear('images');
  if (typeof caches !== 'undefined') await caches.delete(IMAGE_CACHE);
}

export function isQuotaError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'QuotaExceededError' || /quota/i.test(error.message));
}
