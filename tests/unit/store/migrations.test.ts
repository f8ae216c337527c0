import { openDB } from 'idb';
import { afterEach, describe, expect, test } from 'vitest';
import type { BroadsheetDB } from '../../../src/store/schema';
import { DB_VERSION, MIGRATIONS } from '../../../src/store/migrations';
import { openStore, type DB } from '../../../src/store/db';
import { DB_NAME } from '../../../src/store/schema';
import { freshStore } from '../helpers';

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

  test('creates exactly the stores `articles`, `images`, `jobs`, `meta`, `offline`, `queue` and `state`', async () => {
    const db = await store();
    expect([...db.objectStoreNames].sort()).toEqual(['articles', 'images', 'jobs', 'meta', 'offline', 'queue', 'state']);
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

  test('`articles` is keyed by `id` and has a `by-date` index on `sortDate`', async () => {
    const db = await store();
    const articles = db.transaction('articles').store;
    expect(articles.keyPath).toBe('id');
    expect(articles.autoIncrement).toBe(false);
    expect([...articles.indexNames]).toEqual(['by-date']);
    const byDate = articles.index('by-date');
    expect(byDate.keyPath).toBe('sortDate');
    expect(byDate.unique).toBe(false);
    expect(byDate.multiEntry).toBe(false);
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
        for (let v = oldVersion; v < 2; v++) MIGRATIONS[v]?.(database, tx);
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
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('upgrade was blocked by the old connection'));
    });
    expect(notified).toBe(1);
    expect(upgraded.version).toBe(DB_VERSION + 1);
    upgraded.close();
    // Our connection was closed, so using it now fails.
    expect(() => db.transaction('articles')).toThrow();
  });
});
