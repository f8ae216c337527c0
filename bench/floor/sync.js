// The sync floor: what storing a paginated feed costs with nothing else in the way. Each page is
// fetched, parsed with JSON.parse and put into IndexedDB in one relaxed-durability transaction;
// after the first page, its titles are painted as list rows. No validation, no merging, no index.
(async () => {
  const open = indexedDB.open('floor', 1);
  open.onupgradeneeded = () => open.result.createObjectStore('items', { keyPath: 'id' });
  const db = await new Promise((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  let url = new URL('/feed.json', location.href).href;
  let pages = 0;
  let items = 0;
  while (url) {
    const response = await fetch(url, { cache: 'no-store' });
    const feed = JSON.parse(await response.text());
    const tx = db.transaction('items', 'readwrite', { durability: 'relaxed' });
    for (const item of feed.items) tx.objectStore('items').put(item);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    pages++;
    items += feed.items.length;
    if (pages === 1) {
      const ul = document.querySelector('ul');
      for (const item of feed.items.slice(0, 40)) {
        const li = document.createElement('li');
        li.innerHTML = '<h2><a></a></h2>';
        li.querySelector('a').textContent = item.title;
        ul.append(li);
      }
      performance.mark('floor:first-page');
    }
    url = feed.next_url ? new URL(feed.next_url, url).href : '';
  }
  performance.mark('floor:done', { detail: { pages, items } });
})();
