// The cold-start floor's service worker: it caches the static page on install and answers from
// the cache, so the static page opens offline the way the app does.
const CACHE = 'floor-v1';
const FILES = ['static.html', 'style.css', 'search.js'];
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  event.respondWith(caches.match(event.request, { ignoreSearch: true }).then((hit) => hit || fetch(event.request)));
});
