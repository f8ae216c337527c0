/// <reference lib="webworker" />
/**
 * The service worker (built by vite-plugin-pwa's injectManifest). It precaches the app shell and
 * answers every in-app navigation with index.html, so the list, an article's own URL and a
 * filtered URL all open with no network. The article index is data: it is never precached and
 * never answered from here; the app fetches it and keeps it in IndexedDB.
 */
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { StaleWhileRevalidate } from 'workbox-strategies';
import { PERIODIC_SYNC_TAG, SHELL_IMAGE_CACHE } from '../core/names';
import { backgroundRefreshAllowed, DEFAULT_SAVER, type ConnectionInfo } from '../core/saver';
import { withConnection } from '../data/connection';
import { indexUrl } from '../platform/config';
import { syncAcrossTabs } from '../features/sync/tab-sync';
import { keptImages } from './images';
import { receiveShare } from './share-target';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<string | { url: string; revision: string | null }> };

// The page posts this when the reader clicks Reload on the update prompt.
self.addEventListener('message', (event) => {
  if (event.data && (event.data as { type?: string }).type === 'SKIP_WAITING') void self.skipWaiting();
});

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// Take control of the page that installed us, so the first visit already works offline.
clientsClaim();

const scope = new URL(self.registration.scope);
const shareTargetPath = new URL('share-target', scope).pathname;
const index = indexUrl(undefined, scope.href);
const indexPath = new URL(index).pathname;

registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    // Opening the index itself in a tab must show the file, not the app.
    denylist: [new RegExp(`^${indexPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)],
  }),
);

// Article images. Kept ones (keep offline, see features/offline/) are answered from their own cache,
// online or off. Others: same-origin images (the demo's, and any a publisher serves next to the
// app) are cached on first view, bounded by count, and revalidated (stale-while-revalidate: the
// cached copy shows at once, and a corrected image replaces it for the next view); cross-origin
// ones are left to the network unless kept, since an opaque response costs about 7 MB of quota.
const sameOriginImages = new StaleWhileRevalidate({
  cacheName: SHELL_IMAGE_CACHE,
  plugins: [new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 60 * 24 * 3600, purgeOnQuotaError: true })],
});
registerRoute(
  ({ request }) => request.destination === 'image',
  keptImages((options) => (options.url.origin === self.location.origin ? sameOriginImages.handle(options) : fetch(options.request))),
);

// Hand-off files shared to the app (Web Share Target) or opened with it (File Handling).
registerRoute(({ url, request }) => request.method === 'POST' && url.pathname === shareTargetPath, receiveShare(scope), 'POST');

// Periodic Background Sync: refresh the stored articles while the app is closed, then tell any
// open page to re-read the store. The same sync code as the pages, so the same guarantees.
interface PeriodicSyncEvent extends ExtendableEvent {
  tag: string;
}
self.addEventListener('periodicsync', (event) => {
  const e = event as PeriodicSyncEvent;
  if (e.tag !== PERIODIC_SYNC_TAG) return;
  // The browser's Save-Data on a metered connection: no refresh nobody asked for.
  const connection = (self.navigator as WorkerNavigator & { connection?: ConnectionInfo }).connection;
  if (!backgroundRefreshAllowed(DEFAULT_SAVER, connection)) return;
  // Under the same lock as the tabs, and announced to them on the same channel; on the same
  // shared connection as the kept images' bookkeeping.
  e.waitUntil(withConnection(syncAcrossTabs, index));
});
