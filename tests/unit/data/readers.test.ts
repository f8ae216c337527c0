import { beforeEach, describe, expect, test } from 'vitest';
import { allRows, articleIds, articlesFor, listArticles, newestRows, offlineNeeds } from '../../../src/data/articles';
import { deleteArticles } from '../../../src/data/clear';
import { withConnection, type DB } from '../../../src/data/connection';
import { getPage } from '../../../src/data/pages';
import { changedSince, loadSnapshot, saveSnapshot } from '../../../src/data/search-snapshot';
import { putArticles } from '../../../src/data/write';
import { article, day, freshStore } from '../helpers';

let db: DB;
beforeEach(async () => {
  db = await freshStore();
  return () => db.close();
});

const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id);

describe('row readers', () => {
  test('newestRows and allRows give the list order of listArticles, equal dates by id descending', async () => {
    const items = [
      article({ id: 'b', published: day(2) }),
      article({ id: 'a', published: day(2) }),
      article({ id: 'c', published: day(1) }),
      article({ id: 'd', published: day(3), contentText: 'Body' }),
      article({ id: 'e', published: undefined }),
    ];
    await putArticles(db, items);
    const listed = ids(await listArticles(db));
    expect(listed).toEqual(['d', 'b', 'a', 'c', 'e']);
    expect(ids(await newestRows(db, 2))).toEqual(['d', 'b']);
    expect(ids(await newestRows(db, 10))).toEqual(listed);
    // Chunks smaller than the store, and a store that is an exact number of chunks.
    expect(ids(await allRows(db, 2))).toEqual(listed);
    expect(ids(await allRows(db, 5))).toEqual(listed);
    // Rows carry no body.
    expect((await allRows(db)).find((r) => r.id === 'd')).not.toHaveProperty('contentText');
  });

  test('articlesFor joins the bodies of the ids asked for only, newest first, skipping gone ids; articleIds reads only keys', async () => {
    await putArticles(db, [article({ id: 'z', contentHtml: '<p>Z</p>', published: 2 }), article({ id: 'm', published: 3 }), article({ id: 'a', contentText: 'A', published: 1 })]);
    const some = await articlesFor(db, ['z', 'gone', 'm', 'z']);
    expect(ids(some)).toEqual(['m', 'z']);
    expect(some[1]).toMatchObject({ id: 'z', contentHtml: '<p>Z</p>' });
    for (const key of ['seq', 'bodyHash', 'need']) expect(some[1]).not.toHaveProperty(key);
    expect((await articleIds(db)).sort()).toEqual(['a', 'm', 'z']);
  });

  test('offlineNeeds counts from the index: all rows, those needing nothing, and the need of each id asked for', async () => {
    await putArticles(db, [
      article({ id: 'text', contentText: 'Plain.' }),
      article({ id: 'img', contentHtml: '<img src="https://cdn.example/i.png">', published: 5 }),
      article({ id: 'later', bodyUrl: 'https://news.example/b.json' }),
    ]);
    expect(await offlineNeeds(db, ['img', 'later', 'text', 'gone'])).toEqual({ total: 3, ready: 1, needs: ['5:37', 1, 0, undefined] });
  });
});

describe('search snapshot', () => {
  test('changedSince reads rows after a change number, oldest first, with bodies only where stored', async () => {
    await putArticles(db, [article({ id: 'a', contentText: 'Alpha' }), article({ id: 'b' })]);
    await putArticles(db, [article({ id: 'c', contentHtml: '<p>C</p>' })]);
    const all = await changedSince(db, 0, 10);
    expect(all.rows.map(({ row, body }) => [row.id, body])).toEqual([
      ['a', { id: 'a', text: 'Alpha' }],
      ['b', undefined],
      ['c', { id: 'c', html: '<p>C</p>' }],
    ]);
    expect(all.seq).toBe(3);
    expect((await changedSince(db, 1, 1)).rows.map(({ row }) => row.id)).toEqual(['b']);
    expect(await changedSince(db, 3, 10)).toEqual({ rows: [], seq: 3 });
  });

  test('a saved snapshot is loaded back', async () => {
    expect(await loadSnapshot(db)).toBeUndefined();
    const snapshot = { format: 1, seq: 4, count: 2, json: '{}' };
    await saveSnapshot(db, snapshot);
    expect(await loadSnapshot(db)).toEqual(snapshot);
  });
});

describe('deleteArticles', () => {
  test('removes rows, bodies, records and queue entries, forgets the pages, and keeps reading state unless asked', async () => {
    await putArticles(db, [article({ id: 'a', contentText: 'A' }), article({ id: 'b' })], {
      bookkeeping: { page: { url: 'https://x/feed.json', items: 2, fetchedAt: 1 }, sync: {} },
    });
    await db.put('offline', { id: 'a', images: [], rev: 'r' });
    await db.put('queue', { id: 'a', seq: 0 });
    await db.put('state', { id: 'a', read: true, saved: false, progress: 0, updatedAt: 1 });
    await deleteArticles(db, ['a'], { withState: false });
    expect(await articleIds(db)).toEqual(['b']);
    expect(await db.get('bodies', 'a')).toBeUndefined();
    expect(await db.get('offline', 'a')).toBeUndefined();
    expect(await db.get('queue', 'a')).toBeUndefined();
    expect(await getPage(db, 'https://x/feed.json')).toBeUndefined();
    expect(await db.get('state', 'a')).toBeDefined();
    await deleteArticles(db, ['a'], { withState: true });
    expect(await db.get('state', 'a')).toBeUndefined();
  });
});

describe('withConnection', () => {
  test('runs a data function on the shared connection, with its arguments', async () => {
    expect(await withConnection(async (shared, a: number, b: string) => `${shared.name}:${a}${b}`, 1, 'x')).toBe('broadsheet:1x');
  });
});
