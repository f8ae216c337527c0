import { beforeEach, describe, expect, test } from 'vitest';
import type { JobRecord } from '../../../src/core/offline-records';
import type { DB } from '../../../src/data/connection';
import { clearQueue, enqueue, finishQueued, keptIds, keptRecord, markImported, nextQueued, pendingRun, readJob, saveJob } from '../../../src/data/offline';
import { freshStore } from '../helpers';

let db: DB;
beforeEach(async () => {
  db = await freshStore();
  return () => db.close();
});

const job = (patch: Partial<JobRecord> = {}): JobRecord => ({ total: 0, done: 0, failed: 0, state: 'running', updatedAt: 1, ...patch });

describe('the keep-offline queue', () => {
  test('enqueue adds each id once, after what is queued, and saves the progress it is given', async () => {
    const counts: number[] = [];
    const first = await enqueue(db, ['a', 'b', 'a'], (added) => (counts.push(added), job({ total: added })));
    expect(first).toEqual(job({ total: 2 }));
    const second = await enqueue(db, ['b', 'c'], (added) => (counts.push(added), job({ total: 2 + added })));
    expect(counts).toEqual([2, 1]);
    expect(await readJob(db)).toEqual(second);
    expect(await db.getAll('queue')).toEqual([
      { id: 'a', seq: 0 },
      { id: 'b', seq: 1 },
      { id: 'c', seq: 2 },
    ]);
    expect(await nextQueued(db)).toEqual({ id: 'a', seq: 0 });
    expect(await pendingRun(db)).toEqual({ job: second, queued: 3 });
  });

  test('finishQueued records the article, takes it off the queue and saves the progress together', async () => {
    await enqueue(db, ['a', 'b'], () => job({ total: 2 }));
    await finishQueued(db, 'a', { images: ['u1'], rev: 'r1', keptAt: 5 }, job({ total: 2, done: 1 }));
    expect(await keptRecord(db, 'a')).toEqual({ id: 'a', images: ['u1'], rev: 'r1', keptAt: 5 });
    expect(await nextQueued(db)).toEqual({ id: 'b', seq: 1 });
    expect(await readJob(db)).toEqual(job({ total: 2, done: 1 }));

    // An article gone from the store leaves no record, but is still taken off the queue.
    // The last one ends the run in the same transaction: a tab closed right after it leaves no
    // "running" job with an empty queue (which nothing would ever finish).
    expect(await finishQueued(db, 'b', undefined, job({ total: 2, done: 2 }))).toEqual(job({ total: 2, done: 2, state: 'idle' }));
    expect(await keptRecord(db, 'b')).toBeUndefined();
    expect(await nextQueued(db)).toBeUndefined();
    expect(await pendingRun(db)).toEqual({ job: job({ total: 2, done: 2, state: 'idle' }), queued: 0 });
  });

  test('clearQueue forgets the queue and leaves the progress to its caller', async () => {
    await enqueue(db, ['a'], () => job({ total: 1 }));
    await clearQueue(db);
    expect(await nextQueued(db)).toBeUndefined();
    expect(await readJob(db)).toEqual(job({ total: 1 }));
    await saveJob(db, job({ state: 'idle' }));
    expect(await readJob(db)).toEqual(job({ state: 'idle' }));
  });
});

describe('keep-offline records', () => {
  test('keeping and importing the same article keep both marks', async () => {
    await markImported(db, [{ id: 'a', images: ['old'], rev: 'r1', importedAt: 10 }]);
    await finishQueued(db, 'a', { images: ['u1'], rev: 'r2', keptAt: 20 }, job());
    expect(await keptRecord(db, 'a')).toEqual({ id: 'a', images: ['u1'], rev: 'r2', importedAt: 10, keptAt: 20 });
    await markImported(db, [
      { id: 'a', images: ['u2'], rev: 'r3', importedAt: 30 },
      { id: 'b', images: [], rev: 'r1', importedAt: 30 },
    ]);
    expect(await keptRecord(db, 'a')).toEqual({ id: 'a', images: ['u2'], rev: 'r3', importedAt: 30, keptAt: 20 });
    expect((await keptIds(db)).sort()).toEqual(['a', 'b']);
  });

  test('marking nothing writes nothing', async () => {
    await markImported(db, []);
    expect(await keptIds(db)).toEqual([]);
  });
});
