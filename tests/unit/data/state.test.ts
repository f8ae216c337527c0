import { openDB } from 'idb';
import { afterEach, describe, expect, test } from 'vitest';
import { emptyState, opened, withProgress, withRead, withSaved, type ReadingState } from '../../../src/core/reading';
import { listArticles } from '../../../src/data/articles';
import { openStore, type DB } from '../../../src/data/connection';
import { DB_VERSION, MIGRATIONS, runMigrations } from '../../../src/data/migrations';
import type { BroadsheetDB } from '../../../src/data/schema';
import { allStates, putState } from '../../../src/data/state';
import { syncIndex } from '../../../src/features/sync/sync';
import { article, FEED_URL, feedText, item, mockFetch } from '../helpers';

const open: DB[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const uniqueName = () => `test-${crypto.randomUUID()}`;

async function store(name = uniqueName()): Promise<DB> {
  const db = await openStore({ name });
  open.push(db);
  return db;
}

const byId = (states: ReadingState[]) => Object.fromEntries(states.map((s) => [s.id, s]));

describe('reading state in IndexedDB', () => {
  test('a new database has no reading state', async () => {
    const db = await store();
    expect(await allStates(db)).toEqual([]);
  });

  test('putState then allStates round-trips every field', async () => {
    const db = await store();
    const read = withProgress(opened(emptyState('https://example.org/a?x=1'), 1000), 0.4, 2000);
    const saved = withSaved(emptyState('b'), true, 3000);
    await putState(db, read);
    await putState(db, saved);
    const states = byId(await allStates(db));
    expect(states).toEqual({
      'https://example.org/a?x=1': { id: 'https://example.org/a?x=1', read: true, readAt: 1000, saved: false, progress: 0.4, updatedAt: 2000 },
      b: { id: 'b', read: false, saved: true, savedAt: 3000, progress: 0, updatedAt: 3000 },
    });
  });

  test('putting a state again replaces the record (one per id)', async () => {
    const db = await store();
    const s = withSaved(emptyState('a'), true, 1000);
    await putState(db, s);
    await putState(db, opened(s, 2000));
    const all = await allStates(db);
    expect(all).toHaveLength(1);
    expect(all[0]).toEqual({ id: 'a', read: true, readAt: 2000, saved: true, savedAt: 1000, progress: 0, updatedAt: 2000 });
  });

  test('a blank state deletes the record', async () => {
    const db = await store();
    const saved = withSaved(emptyState('a'), true, 1000);
    await putState(db, saved);
    await putState(db, withSaved(emptyState('keep'), true, 1000));
    expect((await allStates(db)).map((s) => s.id).sort()).toEqual(['a', 'keep']);

    // Unsaved, never read, no progress: nothing left to store.
    await putState(db, withSaved(saved, false, 2000));
    expect((await allStates(db)).map((s) => s.id)).toEqual(['keep']);
    expect(await db.get('state', 'a')).toBeUndefined();
  });

  test('a blank state for an id never stored is a no-op', async () => {
    const db = await store();
    await putState(db, emptyState('never'));
    expect(await allStates(db)).toEqual([]);
  });

  test('marking unread an article that is saved keeps the record (saved, progress 0)', async () => {
    const db = await store();
    const s = withSaved(withProgress(opened(emptyState('a'), 1000), 0.5, 1000), true, 1500);
    await putState(db, withRead(s, false, 2000));
    expect(await allStates(db)).toEqual([{ id: 'a', read: false, readAt: 1000, saved: true, savedAt: 1500, progress: 0, updatedAt: 2000 }]);
  });

  test('saved records are indexed by savedAt; unsaved ones stay out of the index', async () => {
    const db = await store();
    await putState(db, withSaved(emptyState('late'), true, 3000));
    await putState(db, withSaved(emptyState('early'), true, 1000));
    await putState(db, opened(emptyState('read-only'), 2000));
    const saved = await db.getAllFromIndex('state', 'by-saved');
    expect(saved.map((s) => s.id)).toEqual(['early', 'late']);
  });

  test('syncing articles never touches reading state', async () => {
    const db = await store();
    const first = feedText([item('one'), item('two')]);
    expect((await syncIndex(db, FEED_URL, { fetchImpl: mockFetch(first) })).ok).toBe(true);

    const states: ReadingState[] = [
      withProgress(opened(emptyState('one'), 1000), 0.5, 1100),
      withSaved(emptyState('two'), true, 1200),
      withSaved(emptyState('gone'), true, 1300),
    ];
    for (const s of states) await putState(db, s);

    // A re-sync that edits "one", drops "two" and adds "three".
    const second = feedText([
      item('one', { title: 'Edited', date_modified: '2024-03-02T10:00:00Z' }),
      item('three'),
    ]);
    const outcome = await syncIndex(db, FEED_URL, { fetchImpl: mockFetch(second) });
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.write).toMatchObject({ added: 1, updated: 1 });
    expect((await listArticles(db)).find((a) => a.id === 'one')?.title).toBe('Edited');

    expect(byId(await allStates(db))).toEqual(byId(states));

    // A failing sync does not touch it either.
    expect((await syncIndex(db, FEED_URL, { fetchImpl: mockFetch('not json at all {') })).ok).toBe(false);
    expect(byId(await allStates(db))).toEqual(byId(states));
  });
});

describe('migration 1 → 2', () => {
  test('a version-1 database keeps its articles and gains an empty `state` store', async () => {
    const name = uniqueName();
    const stored = [article({ id: 'old-1', title: 'Old one' }), article({ id: 'old-2', title: 'Old two', tags: ['x'] })];

    const v1 = await openDB<BroadsheetDB>(name, 1, {
      upgrade(db, oldVersion, _newVersion, tx) {
        runMigrations(db, tx, oldVersion, MIGRATIONS.slice(0, 1));
      },
    });
    expect(v1.version).toBe(1);
    expect([...v1.objectStoreNames].sort()).toEqual(['articles', 'meta']);
    // Version 1 stored whole articles (bodies included); the typed schema is today's, hence the cast.
    for (const a of stored) await v1.put('articles', a as never);
    await v1.put('meta', { feedTitle: 'Old feed', lastSuccess: 1234 }, 'sync');
    v1.close();

    const db = await store(name);
    expect(DB_VERSION).toBeGreaterThanOrEqual(2);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toEqual(expect.arrayContaining(['articles', 'meta', 'state']));

    const articles = await listArticles(db);
    expect(articles.map((a) => a.id).sort()).toEqual(['old-1', 'old-2']);
    expect(articles.find((a) => a.id === 'old-2')).toEqual(stored[1]);
    expect(await db.get('meta', 'sync')).toEqual({ feedTitle: 'Old feed', lastSuccess: 1234 });

    expect(await allStates(db)).toEqual([]);
    expect(await db.count('state')).toBe(0);
    const stateStore = db.transaction('state').store;
    expect(stateStore.keyPath).toBe('id');
    expect([...stateStore.indexNames]).toEqual(['by-saved']);

    // And the new store works after the upgrade.
    await putState(db, withSaved(emptyState('old-1'), true, 5000));
    expect(await allStates(db)).toEqual([{ id: 'old-1', read: false, saved: true, savedAt: 5000, progress: 0, updatedAt: 5000 }]);
  });
});
