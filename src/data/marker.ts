/**
 * A note, kept outside IndexedDB, that this device once stored articles. Browsers may evict
 * IndexedDB under storage pressure (or a user may clear only part of a site's data) while the
 * service worker's cache, and so the app itself, is still there: without this note the app
 * would just look empty, as on a first visit. With it, an empty store that should not be empty
 * is recognised, the reader is told, and the articles are downloaded again.
 *
 * The note is written twice, to localStorage and to Cache Storage (the same storage as the
 * app shell the service worker keeps): either one surviving is enough.
 */

import { MARKER_CACHE } from '../core/names';

const KEY = 'broadsheet:stored-articles';
const markerUrl = () => new URL('__broadsheet/stored-articles', new URL(import.meta.env.BASE_URL, location.origin)).href;

/** True when a note says articles were stored on this device before. Never throws. */
export async function hadStoredArticles(): Promise<boolean> {
  try {
    if (localStorage.getItem(KEY)) return true;
  } catch {
    // localStorage refused (private mode, sandboxed frame): try the other copy.
  }
  try {
    if (typeof caches === 'undefined') return false;
    return (await caches.match(markerUrl(), { cacheName: MARKER_CACHE })) !== undefined;
  } catch {
    return false;
  }
}

/** Records that articles are stored on this device. Never throws; best effort. */
export async function markStoredArticles(at = Date.now()): Promise<void> {
  try {
    localStorage.setItem(KEY, String(at));
  } catch {
    // full or refused
  }
  try {
    if (typeof caches === 'undefined') return;
    const cache = await caches.open(MARKER_CACHE);
    await cache.put(markerUrl(), new Response(String(at), { headers: { 'content-type': 'text/plain' } }));
  } catch {
    // full or refused
  }
}
