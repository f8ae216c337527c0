/**
 * Issue 14: a backup's reading states are written in batched transactions, not one per state.
 * (The time 20,000 take is a bench figure: `node bench/imports.mjs`.)
 */
import { afterEach, expect, test } from 'vitest';
import type { ReadingState } from '../../../src/core/reading';
import type { DB } from '../../../src/data/connection';
import { allStates, putStates } from '../../../src/data/state';
import { freshStore, interceptTransactions } from '../helpers';

const open: DB[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

test('20,000 states are written in a handful of readwrite transactions; a blank state removes its record', async () => {
  const db = await freshStore();
  open.push(db);
  const states: ReadingState[] = Array.from({ length: 20_000 }, (_, i) => ({ id: `s${i}`, read: true, readAt: i, saved: false, progress: 0.5, updatedAt: i + 1 }));
  let writes = 0;
  const counted = interceptTransactions(db, (_call, _names, mode) => {
    if (mode === 'readwrite') writes++;
  });
  expect(await putStates(counted, states)).toBe(20_000);
  expect(writes).toBeLessThanOrEqual(4);
  expect(await allStates(db)).toHaveLength(20_000);

  await putStates(db, [{ id: 's0', read: false, saved: false, progress: 0, updatedAt: 99 }]);
  expect((await allStates(db)).some((s) => s.id === 's0')).toBe(false);
});
