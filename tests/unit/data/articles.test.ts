import { beforeEach, describe, expect, test } from 'vitest';
import type { Article } from '../../../src/core/feed/types';
import { countArticles, getArticle, getSyncRecord, listArticles } from '../../../src/data/articles';
import { BATCH_SIZE, putArticles, StoreWriteError, updateSyncRecord } from '../../../src/data/write';
import type { DB } from '../../../src/data/connection';
import { article, day, freshStore, interceptTransactions, storedIds } from '../helpers';

let db: DB;
beforeEach(async () => {
  db = await freshStore();
  return () => db.close();
});

/** `db`, keeping in `opened` the `done` of every transaction opened through it. */
function keepingTransactions(db: DB, opened: Promise<void>[]): DB {
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'transaction') {
        return (...args: Parameters<DB['transaction']>) => {
          const tx = target.transaction(...args);
          opened.push(tx.done);
          return tx;
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** An article IndexedDB cannot store: a function is not structured-cloneable (DataCloneError). */
function uncloneable(id: string): Article {
  return { ...article({ id }), notData: () => 'x' } as unknown as Article;
}

describe('putArticles', () => {
  test('counts new articles as added and stores them', async () => {
    const items = [article({ id: 'a' }), article({ id: 'b' }), article({ id: 'c' })];
    expect(await putArticles(db, items)).toEqual({ added: 3, updated: 0, unchanged: 0, written: 3 });
    expect(await countArticles(db)).toBe(3);
    expect(unwords(await getArticle(db, 'b'))).toEqual(items[1]);
  });

  test('an empty list writes nothing', async () => {
    expect(await putArticles(db, [])).toEqual({ added: 0, updated: 0, unchanged: 0, written: 0 });
    expect(await countArticles(db)).toBe(0);
  });

  test('an identical copy is counted unchanged', async () => {
    const a = article({ id: 'a', modified: day(2) });
    await putArticles(db, [a]);
    expect(await putArticles(db, [structuredClone(a)])).toEqual({ added: 0, updated: 0, unchanged: 1, written: 1 });
    expect(unwords(await getArticle(db, 'a'))).toEqual(a);
  });

  test('a newer copy (later date_modified) replaces the stored one', async () => {
    await putArticles(db, [article({ id: 'a', published: day(1), title: 'First draft' })]);
    const edited = article({ id: 'a', published: day(1), modified: day(3), title: 'Corrected' });
    expect(await putArticles(db, [edited])).toEqual({ added: 0, updated: 1, unchanged: 0, written: 1 });
    expect((await getArticle(db, 'a'))?.title).toBe('Corrected');
    expect((await getArticle(db, 'a'))?.modified).toBe(day(3));
  });

  test('an older incoming copy never replaces a newer stored one', async () => {
    const current = article({ id: 'a', published: day(1), modified: day(5), title: 'Edited' });
    await putArticles(db, [current]);
    const stale = article({ id: 'a', published: day(1), modified: day(2), title: 'Stale mirror' });
    expect(await putArticles(db, [stale])).toEqual({ added: 0, updated: 0, unchanged: 1, written: 1 });
    expect(unwords(await getArticle(db, 'a'))).toEqual(current);
  });

  test('an older copy with only date_published does not replace one with a later date_modified', async () => {
    const current = article({ id: 'a', published: day(1), modified: day(4), title: 'Edited' });
    await putArticles(db, [current]);
    await putArticles(db, [article({ id: 'a', published: day(1), title: 'Original' })]);
    expect((await getArticle(db, 'a'))?.title).toBe('Edited');
  });

  test('a copy with the same date but different content is counted updated and replaces it', async () => {
    await putArticles(db, [article({ id: 'a', published: day(1), title: 'Typo' })]);
    const fixed = article({ id: 'a', published: day(1), title: 'Fixed' });
    expect(await putArticles(db, [fixed])).toEqual({ added: 0, updated: 1, unchanged: 0, written: 1 });
    expect(unwords(await getArticle(db, 'a'))).toEqual(fixed);
  });

  test('mixed batch: added, updated and unchanged are counted separately', async () => {
    const keep = article({ id: 'keep', published: day(1) });
    const old = article({ id: 'edit', published: day(1) });
    const newer = article({ id: 'newer', published: day(1), modified: day(9) });
    await putArticles(db, [keep, old, newer]);
    const result = await putArticles(db, [
      structuredClone(keep),
      { ...old, modified: day(2), title: 'Edited' },
      { ...newer, modified: day(3), title: 'Rolled back' },
      article({ id: 'new' }),
    ]);
    expect(result).toEqual({ added: 1, updated: 1, unchanged: 2, written: 4 });
    expect((await getArticle(db, 'newer'))?.title).toBe(newer.title);
    expect((await getArticle(db, 'edit'))?.title).toBe('Edited');
  });

  test('writes in batches of batchSize, one readwrite transaction each, and stores all of them', async () => {
    const transactions: unknown[] = [];
    const counted = interceptTransactions(db, (_n, stores, mode) => transactions.push([stores, mode]));
    const items = ['a', 'b', 'c', 'd', 'e'].map((id) => article({ id }));
    expect(await putArticles(counted, items, { batchSize: 2 })).toEqual({ added: 5, updated: 0, unchanged: 0, written: 5 });
    // Rows and bodies are written together: a batch is all-or-nothing across both stores.
    expect(transactions).toEqual([
      [['articles', 'bodies'], 'readwrite'],
      [['articles', 'bodies'], 'readwrite'],
      [['articles', 'bodies'], 'readwrite'],
    ]);
    expect((await storedIds(db)).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  test('the default batch size is 250', async () => {
    expect(BATCH_SIZE).toBe(250);
    let transactions = 0;
    const counted = interceptTransactions(db, () => transactions++);
    const items = Array.from({ length: 251 }, (_, i) => article({ id: `id-${i}` }));
    expect((await putArticles(counted, items)).written).toBe(251);
    expect(transactions).toBe(2);
    expect(await countArticles(db)).toBe(251);
  });
});

describe('putArticles failures', () => {
  test('a failing second batch throws StoreWriteError with the first batch counted, stored and earlier data untouched', async () => {
    const earlier = article({ id: 'earlier', title: 'Stored last week' });
    await putArticles(db, [earlier]);

    // Batches of 2: [a, b] commits, [bad, d] fails on its first put, [e] is never tried.
    const items = [article({ id: 'a' }), article({ id: 'b' }), uncloneable('bad'), article({ id: 'd' }), article({ id: 'e' })];
    const error = await putArticles(db, items, { batchSize: 2 }).then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(StoreWriteError);
    const failure = error as StoreWriteError;
    expect(failure.name).toBe('DataCloneError');
    expect((failure.reason as Error).name).toBe('DataCloneError');
    expect(failure.partial).toEqual({ added: 2, updated: 0, unchanged: 0, written: 2 });
    expect((await storedIds(db)).sort()).toEqual(['a', 'b', 'earlier']);
    expect(unwords(await getArticle(db, 'earlier'))).toEqual(earlier);
  });

  test('a transaction that cannot be opened (quota, closing tab) reports what was written before it', async () => {
    const failing = interceptTransactions(db, (call) => {
      if (call === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const items = ['a', 'b', 'c', 'd', 'e'].map((id) => article({ id }));
    const error = await putArticles(failing, items, { batchSize: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreWriteError);
    expect((error as StoreWriteError).name).toBe('QuotaExceededError');
    expect((error as StoreWriteError).message).toBe('The quota has been exceeded.');
    expect((error as StoreWriteError).partial.written).toBe(2);
    expect((await storedIds(db)).sort()).toEqual(['a', 'b']);
  });

  test('a non-Error reason still produces a StoreWriteError', () => {
    const error = new StoreWriteError('disk on fire', { added: 0, updated: 0, unchanged: 0, written: 0 });
    expect(error.name).toBe('StoreWriteError');
    expect(error.message).toBe('disk on fire');
    expect(error).toBeInstanceOf(Error);
  });

  // Regression: when a put throws synchronously part-way through a batch (DataCloneError), putArticles
  // throws without aborting the transaction, so the puts issued before it in the same batch
  // still commit: the batch is not all-or-nothing, and `partial.written` under-reports.
  test('a batch is all-or-nothing even when a later put in it throws (batch atomicity)', async () => {
    // Batches of 2: [a, b] commits, [c, bad] must fail as a whole.
    const items = [article({ id: 'a' }), article({ id: 'b' }), article({ id: 'c' }), uncloneable('bad'), article({ id: 'e' })];
    const opened: Promise<void>[] = [];
    const watched = keepingTransactions(db, opened);
    await expect(putArticles(watched, items, { batchSize: 2 })).rejects.toBeInstanceOf(StoreWriteError);
    // Every transaction the write opened has finished, committed or aborted, before the store is
    // read (the read is also queued behind them: IndexedDB runs overlapping transactions in order).
    await Promise.allSettled(opened);
    expect((await storedIds(db)).sort()).toEqual(['a', 'b']);
  });
});

describe('listArticles / getArticle / countArticles', () => {
  test('lists every article newest first, undated ones last', async () => {
    await putArticles(db, [
      article({ id: 'mid', published: day(5) }),
      article({ id: 'undated', published: undefined }),
      article({ id: 'newest', published: day(9) }),
      article({ id: 'modified-only', published: undefined, modified: day(7) }),
      article({ id: 'oldest', published: day(1) }),
    ]);
    expect(await storedIds(db)).toEqual(['newest', 'modified-only', 'mid', 'oldest', 'undated']);
  });

  test('an empty store lists nothing', async () => {
    expect(await listArticles(db)).toEqual([]);
    expect(await countArticles(db)).toBe(0);
  });

  test('getArticle returns the stored article, or undefined', async () => {
    const a = article({ id: 'https://example.org/posts/1?x=1#frag' });
    await putArticles(db, [a]);
    expect(unwords(await getArticle(db, a.id))).toEqual(a);
    expect(await getArticle(db, 'missing')).toBeUndefined();
  });
});

describe('sync record', () => {
  test('a fresh database has an empty record', async () => {
    expect(await getSyncRecord(db)).toEqual({});
  });

  test('updateSyncRecord merges into the stored record and returns it', async () => {
    expect(await updateSyncRecord(db, { lastAttempt: 1, feedTitle: 'Paper' })).toEqual({ lastAttempt: 1, feedTitle: 'Paper' });
    const merged = await updateSyncRecord(db, { lastAttempt: 2, lastSuccess: 2 });
    expect(merged).toEqual({ lastAttempt: 2, lastSuccess: 2, feedTitle: 'Paper' });
    expect(await getSyncRecord(db)).toEqual(merged);
  });

  test('keys set to undefined are deleted, not stored as undefined', async () => {
    await updateSyncRecord(db, { lastAttempt: 1, lastFailure: { kind: 'offline' }, feedTitle: 'Paper' });
    const next = await updateSyncRecord(db, { lastFailure: undefined, lastSuccess: 3 });
    expect(next).toEqual({ lastAttempt: 1, lastSuccess: 3, feedTitle: 'Paper' });
    const stored = await getSyncRecord(db);
    expect('lastFailure' in stored).toBe(false);
    expect(stored).toEqual(next);
  });

  test('concurrent updates do not lose each other’s fields', async () => {
    await Promise.all([
      updateSyncRecord(db, { lastAttempt: 10 }),
      updateSyncRecord(db, { feedTitle: 'Paper' }),
      updateSyncRecord(db, { indexUrl: 'https://example.org/feed.json' }),
    ]);
    expect(await getSyncRecord(db)).toEqual({ lastAttempt: 10, feedTitle: 'Paper', indexUrl: 'https://example.org/feed.json' });
  });
});

/** A stored article without the word count the store adds (`words`), to compare with what was written. */
function unwords<T extends { words?: number } | undefined>(a: T): T {
  if (!a) return a;
  const { words: _words, ...rest } = a;
  return rest as T;
}
