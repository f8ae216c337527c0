import { afterEach, describe, expect, test } from 'vitest';
import type { Highlight } from '../../../src/core/highlights/highlight';
import type { DB } from '../../../src/data/connection';
import { allHighlights, deleteHighlight, highlightCounts, highlightsOf, putHighlight, putHighlights } from '../../../src/data/highlights';
import { changedSince } from '../../../src/data/search-snapshot';
import { putArticles } from '../../../src/data/write';
import { clearArticles, clearPlan } from '../../../src/features/offline/storage';
import { article, day, freshStore } from '../helpers';

const open: DB[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

async function store(): Promise<DB> {
  const db = await freshStore();
  open.push(db);
  return db;
}

function hl(partial: Partial<Highlight>): Highlight {
  return {
    id: 'h1',
    articleId: 'a',
    title: 'A',
    quote: { exact: 'body', prefix: '', suffix: '' },
    position: { start: 0, end: 4 },
    rev: 'r',
    colour: 'yellow',
    note: '',
    createdAt: day(1),
    updatedAt: day(1),
    ...partial,
  };
}

describe('highlights store', () => {
  test('write, read by article, count, remove', async () => {
    const db = await store();
    await putHighlights(db, [hl({ id: 'h1' }), hl({ id: 'h2' }), hl({ id: 'h3', articleId: 'b' })]);
    expect((await highlightsOf(db, 'a')).map((h) => h.id).sort()).toEqual(['h1', 'h2']);
    expect(await highlightCounts(db)).toEqual(new Map([['a', 2], ['b', 1]]));
    await deleteHighlight(db, { id: 'h1', articleId: 'a' });
    expect((await allHighlights(db)).map((h) => h.id).sort()).toEqual(['h2', 'h3']);
  });

  test('a note makes its article changed for search, with the note in its text', async () => {
    const db = await store();
    await putArticles(db, [article({ id: 'a', contentText: 'Body text.' }), article({ id: 'b' })]);
    const before = await changedSince(db, 0, 100);
    await putHighlight(db, hl({ note: 'bring flyers' }));
    const after = await changedSince(db, before.seq, 100);
    expect(after.rows.map((r) => [r.row.id, r.notes])).toEqual([['a', 'bring flyers']]);
  });

  test('a sync rewriting the article leaves its highlights alone', async () => {
    const db = await store();
    await putArticles(db, [article({ id: 'a', contentText: 'First.', modified: day(1) })]);
    await putHighlight(db, hl({ note: 'n' }));
    await putArticles(db, [article({ id: 'a', contentText: 'Second.', modified: day(2) })]);
    expect(await allHighlights(db)).toEqual([hl({ note: 'n' })]);
  });

  test('Clear data keeps highlighted articles unless asked, and never removes highlights', async () => {
    const db = await store();
    await putArticles(db, [article({ id: 'a' }), article({ id: 'b' })]);
    await putHighlight(db, hl({}));
    expect(await clearPlan(db, { kind: 'all' }, true, day(50))).toEqual(['b']);
    const all = await clearPlan(db, { kind: 'all' }, true, day(50), true);
    expect(all.sort()).toEqual(['a', 'b']);
    await clearArticles(db, all, { kind: 'all' });
    expect(await allHighlights(db)).toEqual([hl({})]);
  });
});
