import { openDB } from 'idb';
import { afterEach, describe, expect, test } from 'vitest';
import type { BroadsheetDB } from '../../../src/data/schema';
import { DB_VERSION, MIGRATIONS, runMigrations } from '../../../src/data/migrations';
import { openStore, type DB } from '../../../src/data/connection';
import { DB_NAME } from '../../../src/core/names';
import { getArticle } from '../../../src/data/articles';
import { article, freshStore } from '../helpers';

const open: DB[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

async function store(): Promise<DB> {
  const db = await freshStore();
  open.push(db);
  return db;
}

describe('schema migrations', () => {
  test('DB_VERSION is the number of migrations, and a new database reaches it', async () => {
    expect(MIGRATIONS.length).toBeGreaterThanOrEqual(1);
    expect(DB_VERSION).toBe(MIGRATIONS.length);
    const db = await store();
    expect(db.version).toBe(DB_VERSION);
  });

  test('the default database name is "broadsheet"', () => {
    expect(DB_NAME).toBe('broadsheet');
  });

  test('creates exactly the stores of every version', async () => {
    const db = await store();
    expect([...db.objectStoreNames].sort()).toEqual(['articles', 'bodies', 'highlights', 'images', 'jobs', 'meta', 'offline', 'pages', 'queue', 'search', 'state']);
  });

  test('version 3 adds the keep-offline stores with their indexes', async () => {
    const db = await store();
    const tx = db.transaction(['images', 'offline', 'queue']);
    const images = tx.objectStore('images');
    expect(images.keyPath).toBe('url');
    expect([...images.indexNames].sort()).toEqual(['by-alias', 'by-used']);
    expect(images.index('by-alias').multiEntry).toBe(true);
    expect(tx.objectStore('offline').keyPath).toBe('id');
    expect(tx.objectStore('queue').index('by-seq').keyPath).toBe('seq');
  });

  test('`state` is keyed by article `id` and indexes saved articles by `savedAt`', async () => {
    const db = await store();
    const state = db.transaction('state').store;
    expect(state.keyPath).toBe('id');
    expect([...state.indexNames]).toEqual(['by-saved']);
    expect(state.index('by-saved').keyPath).toBe('savedAt');
  });

  test('`articles` is keyed by `id`, with a `by-date` index on `sortDate`, a `by-need` index on `need` and a `by-seq` index on `seq`', async () => {
    const db = await store();
    const articles = db.transaction('articles').store;
    expect(articles.keyPath).toBe('id');
    expect(articles.autoIncrement).toBe(false);
    expect([...articles.indexNames]).toEqual(['by-date', 'by-need', 'by-seq']);
    expect(articles.index('by-need').keyPath).toBe('need');
    const byDate = articles.index('by-date');
    expect(byDate.keyPath).toBe('sortDate');
    expect(byDate.unique).toBe(false);
    expect(byDate.multiEntry).toBe(false);
    expect(articles.index('by-seq').keyPath).toBe('seq');
  });

  test('`bodies` is keyed by `id`, `pages` by `url`, `search` has out-of-line keys', async () => {
    const db = await store();
    const tx = db.transaction(['bodies', 'pages', 'search']);
    expect(tx.objectStore('bodies').keyPath).toBe('id');
    expect(tx.objectStore('pages').keyPath).toBe('url');
    expect(tx.objectStore('search').keyPath).toBeNull();
  });

  test('1 → 2 moves stored bodies out of the rows, keeps every article readable, and numbers the rows', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const summaryOnly = article({ id: 'none', summary: 'Only a summary' });
    // A database as the first release left it: version 1, bodies inside the article records.
    const v1 = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => {
        const articles = request.result.createObjectStore('articles', { keyPath: 'id' });
        articles.createIndex('by-date', 'sortDate');
        request.result.createObjectStore('meta');
        articles.put({ ...article({ id: 'html' }), contentHtml: '<p>Stored <b>HTML</b></p>' });
        articles.put({ ...article({ id: 'text' }), contentText: 'Stored text' });
        articles.put(summaryOnly);
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    v1.close();

    const db = await openStore({ name });
    open.push(db);
    expect(db.version).toBe(DB_VERSION);
    const rows = await db.getAll('articles');
    expect(rows.map((r) => r.id).sort()).toEqual(['html', 'none', 'text']);
    for (const r of rows) {
      expect(r).not.toHaveProperty('contentHtml');
      expect(r).not.toHaveProperty('contentText');
      expect(r.seq).toBeGreaterThan(0);
    }
    expect(new Set(rows.map((r) => r.seq)).size).toBe(3);
    expect(rows.find((r) => r.id === 'html')?.bodyHash).toBeTypeOf('number');
    expect(rows.find((r) => r.id === 'none')).not.toHaveProperty('bodyHash');
    expect(await db.get('bodies', 'html')).toEqual({ id: 'html', html: '<p>Stored <b>HTML</b></p>' });
    expect(await db.get('bodies', 'text')).toEqual({ id: 'text', text: 'Stored text' });
    expect(await db.get('bodies', 'none')).toBeUndefined();
    // Read back through the store API, an article is what it was.
    expect((await getArticle(db, 'html'))?.contentHtml).toBe('<p>Stored <b>HTML</b></p>');
    expect((await getArticle(db, 'text'))?.contentText).toBe('Stored text');
    expect(await getArticle(db, 'none')).toEqual(summaryOnly);
  });

  test('`meta` is an out-of-line key-value store', async () => {
    const db = await store();
    const meta = db.transaction('meta').store;
    expect(meta.keyPath).toBeNull();
    expect([...meta.indexNames]).toEqual([]);
  });

  test('reopening an existing database keeps its data (no migration re-runs)', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const first = await openStore({ name });
    await first.put('meta', { feedTitle: 'Kept' }, 'sync');
    first.close();
    const second = await openStore({ name });
    open.push(second);
    expect(second.version).toBe(DB_VERSION);
    expect(await second.get('meta', 'sync')).toEqual({ feedTitle: 'Kept' });
  });

  test('a version 2 database (before keep offline) upgrades to the current one with its data', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const v2 = await openDB<BroadsheetDB>(name, 2, {
      upgrade(database, oldVersion, _n, tx) {
        runMigrations(database, tx, oldVersion, MIGRATIONS.slice(0, 2));
      },
    });
    await v2.put('state', { id: 'a', read: true, saved: true, savedAt: 5, progress: 0.5, updatedAt: 5 });
    v2.close();
    const db = await openStore({ name });
    open.push(db);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.get('state', 'a')).toMatchObject({ saved: true, progress: 0.5 });
    expect(await db.count('images')).toBe(0);
  });

  test('a newer version opened elsewhere closes this connection and calls onVersionChange', async () => {
    const name = `test-${crypto.randomUUID()}`;
    let notified = 0;
    const db = await openStore({ name, onVersionChange: () => notified++ });
    const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, DB_VERSION + 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
      request.onblocked = () => reject(new Error('upgrade was blocked by the old connection'));
    });
    expect(notified).toBe(1);
    expect(upgraded.version).toBe(DB_VERSION + 1);
    upgraded.close();
    // Our connection was closed, so using it now fails.
    expect(() => db.transaction('articles')).toThrow();
  });
});
