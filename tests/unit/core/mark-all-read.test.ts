import { expect, test } from 'vitest';
import { emptyState, markAllRead, restored, withSaved, type ReadingState } from '../../../src/core/reading';
import { allStates, putState } from '../../../src/data/state';
import { markRead, restoreStates } from '../../../src/data/state-bulk';
import { freshStore } from '../helpers';

const saved: ReadingState = { ...withSaved(emptyState('saved'), true, 5), progress: 0.4 };
const read: ReadingState = { id: 'read', read: true, readAt: 3, saved: false, progress: 0.2, updatedAt: 3 };

test('marks only the unread, and the undo puts back exactly the states before', () => {
  const current = new Map([
    ['saved', saved],
    ['read', read],
  ]);
  const { changed, undo } = markAllRead(current, ['saved', 'read', 'new'], 100);
  expect(changed.map((s) => s.id)).toEqual(['saved', 'new']);
  expect(changed.every((s) => s.read && s.readAt === 100 && s.updatedAt === 100)).toBe(true);
  // The saved article keeps its flag and its place.
  expect(changed[0]).toMatchObject({ saved: true, progress: 0.4 });
  expect(undo).toEqual([
    { id: 'saved', before: saved },
    { id: 'new', before: undefined },
  ]);
  const after = new Map(current);
  for (const s of changed) after.set(s.id, s);
  const back = restored(after, undo);
  expect(back).toEqual(current);
});

test('at 100,000 articles it is one pass', () => {
  const ids = Array.from({ length: 100_000 }, (_, i) => `a${i}`);
  const { changed, undo } = markAllRead(new Map(), ids, 1);
  expect(changed).toHaveLength(100_000);
  expect(restored(new Map(changed.map((s) => [s.id, s])), undo).size).toBe(0);
});

test('the store marks them in one transaction and restores them exactly', async () => {
  const db = await freshStore();
  await putState(db, saved);
  await putState(db, read);
  const undo = await markRead(db, ['saved', 'read', 'new'], 100);
  expect((await allStates(db)).filter((s) => s.read).map((s) => s.id).sort()).toEqual(['new', 'read', 'saved']);
  await restoreStates(db, undo);
  expect((await allStates(db)).sort((a, b) => a.id.localeCompare(b.id))).toEqual([read, saved]);
  db.close();
});
