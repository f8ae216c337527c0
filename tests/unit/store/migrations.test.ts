import { afterEach, describe, expect, test } from 'vitest';
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

  test('creates exactly the stores `articles`, `meta` and `state`', async () => {
    const db = await store();
    expect([...db.objectStoreNames].sort()).toEqual(['articles', 'meta', 'state']);
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
