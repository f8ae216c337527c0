/**
 * Names shared by the page, the search worker and the service worker: written once here, so the
 * two sides of a channel, a cache or a lock can never drift apart. Changing one orphans what an
 * installed app already stored under the old name, so these are part of the storage layout.
 */

/** The IndexedDB database. */
export const DB_NAME = 'broadsheet';

/** The one BroadcastChannel for every cross-tab (and service worker → page) message. */
export const CHANNEL = 'broadsheet';

/** The Web Lock (or IndexedDB lease) that lets one tab sync at a time. */
export const SYNC_LOCK = 'broadsheet-sync';

/** The Periodic Background Sync registration that refreshes the articles while the app is closed. */
export const PERIODIC_SYNC_TAG = 'broadsheet-refresh';

/** Where the article index is, relative to the app's base URL, unless the build says otherwise. */
export const DEFAULT_INDEX_PATH = 'feed.json';

/** Cache Storage: kept article images (read by the service worker too). */
export const IMAGE_CACHE = 'broadsheet-images-v1';

/** Cache Storage: same-origin images cached on first view by the service worker. */
export const SHELL_IMAGE_CACHE = 'images';

/** Cache Storage: the note that articles were stored on this device (see data/marker.ts). */
export const MARKER_CACHE = 'broadsheet-marker';

/** Cache Storage: files shared to the app, until the page imports them. */
export const INBOX_CACHE = 'broadsheet-inbox';
