import { afterEach, describe, expect, test } from 'vitest';
import { openStore, type DB } from '../../../../src/data/connection';
import { SYNC_LOCK } from '../../../../src/core/names';
import { releaseLease, takeLease } from '../../../../src/data/lease';
import { exclusive, type LockOptions as ExclusiveOptions } from '../../../../src/features/sync/lock';
import { deferred, watchLeaseReads } from '../../helpers';

const open: DB[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** Two "tabs": two connections to one database. */
async function twoTabs(): Promise<[DB, DB]> {
  const name = `lock-${crypto.randomUUID()}`;
  const a = await openStore({ name });
  const b = await openStore({ name });
  open.push(a, b);
  return [a, b];
}

/**
 * A stand-in for `navigator.locks` (Node has none): exclusive locks by name, queued in order,
 * with `ifAvailable`. Only what `exclusive()` uses. The real API is exercised in Chromium
 * (tests/browser/tabs.test.mjs). `queued()` resolves once a request has had to wait for a lock
 * someone holds.
 */
function fakeLocks(): LockManager & { queued: () => Promise<void> } {
  const queues = new Map<string, { tail: Promise<void>; count: number }>();
  const waiting = deferred();
  const request = async (name: string, ...args: unknown[]): Promise<unknown> => {
    const [options, callback] = (args.length === 1 ? [{}, args[0]] : args) as [LockOptions, (lock: Lock | null) => Promise<unknown>];
    const queue = queues.get(name) ?? { tail: Promise.resolve(), count: 0 };
    queues.set(name, queue);
    if (queue.count > 0 && options.ifAvailable) return callback(null);
    if (queue.count > 0) waiting.resolve();
    queue.count++;
    const previous = queue.tail;
    let release!: () => void;
    queue.tail = new Promise<void>((r) => (release = r));
    await previous;
    try {
      return await callback({ name, mode: 'exclusive' });
    } finally {
      queue.count--;
      release();
    }
  };
  return { request, query: async () => ({ held: [], pending: [] }), queued: () => waiting.promise };
}

/**
 * Two tabs' connections as `exclusive()` is given them, its options, and `waiting()`: resolves
 * once a tab has found the lock held and waits for it (its request queued; the lease read in a poll).
 */
interface Tabs {
  a: DB;
  b: DB;
  options: ExclusiveOptions;
  waiting: () => Promise<void>;
}

describe.each<[string, (a: DB, b: DB) => Tabs]>([
  [
    'Web Locks',
    (a, b) => {
      const locks = fakeLocks();
      return { a, b, options: { locks }, waiting: locks.queued };
    },
  ],
  [
    'the IndexedDB lease fallback',
    (a, b) => {
      // The tab that syncs reads no lease here (the work does not touch the store): any lease
      // read is the other tab's poll.
      const [wa, wb] = [watchLeaseReads(a), watchLeaseReads(b)];
      return { a: wa.db, b: wb.db, options: { locks: undefined, pollMs: 5 }, waiting: () => Promise.race([wa.held(), wb.held()]) };
    },
  ],
])('exclusive() with %s', (_name, setUp) => {
  test('two tabs starting at once: only one runs the work, the other waits for it to finish', async () => {
    const tabs = setUp(...(await twoTabs()));
    const events: string[] = [];
    // The work runs until the test lets it finish; anything else happening meanwhile is out of turn.
    const finish = deferred();
    const outOfTurn = deferred();
    let holding = true;
    const note = (event: string) => {
      events.push(event);
      if (holding && events.length > 1) outOfTurn.resolve();
    };
    const work = (tab: string) => async () => {
      note(`${tab} start`);
      await finish.promise;
      note(`${tab} end`);
      return tab;
    };
    const run = (tab: string, db: DB) => exclusive(db, work(tab), tabs.options).finally(() => note(`${tab} back`));
    const both = Promise.all([run('A', tabs.a), run('B', tabs.b)]);
    // One tab is in its work; the other has found the lock taken and waits, without coming back.
    await Promise.race([tabs.waiting(), outOfTurn.promise]);
    expect(events).toEqual([expect.stringMatching(/^[AB] start$/)]);
    holding = false;
    finish.resolve();
    const [ra, rb] = await both;
    const ran = [ra, rb].filter((r) => r.ran);
    expect(ran).toHaveLength(1);
    const winner = ra.ran ? 'A' : 'B';
    expect(ran[0]).toEqual({ ran: true, value: winner });
    // The one that did not run came back only after the work had ended.
    expect(events.slice(0, 2)).toEqual([`${winner} start`, `${winner} end`]);
    expect(events.slice(2).sort()).toEqual(['A back', 'B back']);
  });

  test('after one sync has finished, the next one runs', async () => {
    const { a, b, options } = setUp(...(await twoTabs()));
    expect(await exclusive(a, async () => 1, options)).toEqual({ ran: true, value: 1 });
    expect(await exclusive(b, async () => 2, options)).toEqual({ ran: true, value: 2 });
  });

  test('work that throws releases the lock', async () => {
    const { a, b, options } = setUp(...(await twoTabs()));
    await expect(exclusive(a, async () => Promise.reject(new Error('boom')), options)).rejects.toThrow('boom');
    expect(await exclusive(b, async () => 'next', options)).toEqual({ ran: true, value: 'next' });
  });
});

describe('the lease fallback', () => {
  test('taking the lease is a compare-and-set across connections', async () => {
    const [a, b] = await twoTabs();
    const now = () => 1000;
    const results = await Promise.all([takeLease(a, 'tab-a', now, 500), takeLease(b, 'tab-b', now, 500)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    // The holder can renew; the other still cannot take it.
    const holder = results[0] ? 'tab-a' : 'tab-b';
    expect(await takeLease(a, holder, now, 500)).toBe(true);
    expect(await takeLease(b, holder === 'tab-a' ? 'tab-b' : 'tab-a', now, 500)).toBe(false);
    await releaseLease(b, holder);
    expect((await b.get('meta', 'sync'))?.lease).toBeUndefined();
  });

  test('the lease keeps the sync record it shares a key with', async () => {
    const [a] = await twoTabs();
    await a.put('meta', { feedTitle: 'Kept', lastSuccess: 5 }, 'sync');
    expect(await takeLease(a, 'me', () => 10, 100)).toBe(true);
    expect(await a.get('meta', 'sync')).toEqual({ feedTitle: 'Kept', lastSuccess: 5, lease: { owner: 'me', until: 110 } });
    await releaseLease(a, 'me');
    expect(await a.get('meta', 'sync')).toEqual({ feedTitle: 'Kept', lastSuccess: 5 });
  });

  test('a lease left by a tab that died runs out, and the waiting tab then syncs itself', async () => {
    const [a, b] = await twoTabs();
    let clock = 0;
    const now = () => clock;
    // Tab A took the lease and was closed: nobody renews or releases it.
    expect(await takeLease(a, 'dead-tab', now, 100)).toBe(true);
    const tab = watchLeaseReads(b);
    let ran = false;
    const waiting = exclusive(
      tab.db,
      async () => {
        ran = true;
        return 'B synced';
      },
      { locks: undefined, now, leaseMs: 100, pollMs: 5 },
    );
    let back = false;
    void waiting.finally(() => (back = true));
    // B finds the lease live and keeps waiting: by its second poll, the first has been judged at
    // clock 0 (live: poll again).
    await Promise.race([tab.held(2), waiting]);
    expect(back).toBe(false);
    expect(ran).toBe(false);
    clock = 101;
    expect(await waiting).toEqual({ ran: true, value: 'B synced' });
  });

  test('a waiting tab sees a released lease as "the other tab synced", without running', async () => {
    const [a, b] = await twoTabs();
    expect(await takeLease(a, 'other', Date.now, 10_000)).toBe(true);
    const tab = watchLeaseReads(b);
    let ran = false;
    const waiting = exclusive(
      tab.db,
      async () => {
        ran = true;
      },
      { locks: undefined, pollMs: 5 },
    );
    let back = false;
    void waiting.finally(() => (back = true));
    // B has found the lease held and polls it, without coming back.
    await Promise.race([tab.held(), waiting]);
    expect(back).toBe(false);
    expect(ran).toBe(false);
    await releaseLease(a, 'other');
    expect(await waiting).toEqual({ ran: false });
    expect(ran).toBe(false);
  });

  test('the lock is named for the app', () => {
    expect(SYNC_LOCK).toBe('broadsheet-sync');
  });
});
