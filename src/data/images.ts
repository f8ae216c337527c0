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
    all: () => allImages(db),
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

/** The bookkeeping of every kept image (and known tracking pixel). */
export function allImages(db: DB): Promise<ImageRecord[]> {
  return db.getAll('images');
}

/** The URLs of every kept image, without reading their records: what "readable offline" checks. */
export async function keptImageUrls(db: DB): Promise<Set<string>> {
  return new Set(await db.getAllKeys('images'));
}

/** Which of `urls` are kept: one article's images, without reading the whole store. */
export async function keptAmong(db: DB, urls: readonly string[]): Promise<Set<string>> {
  const found = await Promise.all(urls.map((url) => db.getKey('images', url)));
  return new Set(found.filter((u): u is string => u !== undefined));
}

/**
 * Records that a kept image was just shown (the LRU order), unless its last use is less than
 * `every` ms old: the service worker sees every <img> request, and writing each one would cost a
 * transaction per image per page view for an order that needs no such precision.
 */
export async function touchImage(db: DB, url: string, now: number, every: number): Promise<void> {
  const tx = db.transaction('images', 'readwrite');
  const record = await tx.store.get(url);
  if (record && now - record.lastUsed > every) await tx.store.put({ ...record, lastUsed: now });
  await tx.done;
}

/** The kept image that lists `url` as another candidate of the same <img> (its srcset), if any. */
export function imageByAlias(db: DB, url: string): Promise<ImageRecord | undefined> {
  return db.getFromIndex('images', 'by-alias', url);
}

/** Every kept image gone, bytes and records (used by "clear all" and the quota fallback). */
export async function clearImages(db: DB): Promise<void> {
  await db.clear('images');
  if (typeof caches !== 'undefined') await caches.delete(IMAGE_CACHE);
}

export function isQuotaError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'QuotaExceededError' || /quota/i.test(error.message));
}
