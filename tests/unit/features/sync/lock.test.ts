import { afterEach, describe, expect, test } from 'vitest';
import { openStore, type DB } from '../../../../src/data/connection';
import { SYNC_LOCK } from '../../../../src/core/names';
import { releaseLease, takeLease } from '../../../../src/data/lease';
import { exclusive } from '../../../../src/features/sync/lock';

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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A stand-in for `navigator.locks` (Node has none): exclusive locks by name, queued in order,
 * with `ifAvailable`. Only what `exclusive()` uses. The real API is exercised in Chromium
 * (tests/browser/tabs.test.mjs).
 */
function fakeLocks(): LockManager {
  const queues = new Map<string, { tail: Promise<void>; count: number }>();
  const request = async (name: string, ...args: unknown[]): Promise<unknown> => {
    const [options, callback] = (args.length === 1 ? [{}, args[0]] : args) as [LockOptions, (lock: Lock | null) => Promise<unknown>];
    const queue = queues.get(name) ?? { tail: Promise.resolve(), count: 0 };
    queues.set(name, queue);
    if (queue.count > 0 && options.ifAvailable) return callback(null);
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
  return { request, query: async () => ({ held: [], pending: [] }) };
}

describe.each([
  ['Web Locks', () => ({ locks: fakeLocks() })],
  ['the IndexedDB lease fallback', () => ({ locks: undefined, pollMs: 5 })],
])('exclusive() with %s', (_name, makeOptions) => {
  test('two tabs starting at once: only one runs the work, the other waits for it to finish', async () => {
    const [a, b] = await twoTabs();
    const options = makeOptions();
    const events: string[] = [];
    const work = (tab: string) => async () => {
      events.push(`${tab} start`);
      await sleep(40);
      events.push(`${tab} end`);
      return tab;
    };
    const [ra, rb] = await Promise.all([exclusive(a, work('A'), options), exclusive(b, work('B'), options)]);
    const ran = [ra, rb].filter((r) => r.ran);
    expect(ran).toHaveLength(1);
    expect(events).toHaveLength(2);
    // The one that did not run came back only after the work had ended.
    const winner = ra.ran ? 'A' : 'B';
    expect(events).toEqual([`${winner} start`, `${winner} end`]);
  });

  test('after one sync has finished, the next one runs', async () => {
    const [a, b] = await twoTabs();
    const options = makeOptions();
    expect(await exclusive(a, async () => 1, options)).toEqual({ ran: true, value: 1 });
    expect(await exclusive(b, async () => 2, options)).toEqual({ ran: true, value: 2 });
  });

  test('work that throws releases the lock', async () => {
    const [a, b] = await twoTabs();
    const options = makeOptions();
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
    const waiting = exclusive(b, async () => 'B synced', { locks: undefined, now, leaseMs: 100, pollMs: 5 });
    await sleep(30);
    clock = 101;
    expect(await waiting).toEqual({ ran: true, value: 'B synced' });
  });

  test('a waiting tab sees a released lease as "the other tab synced", without running', async () => {
    const [a, b] = await twoTabs();
    expect(await takeLease(a, 'other', Date.now, 10_000)).toBe(true);
    let ran = false;
    const waiting = exclusive(
      b,
      async () => {
        ran = true;
      },
      { locks: undefined, pollMs: 5 },
    );
    await sleep(30);
    await releaseLease(a, 'other');
    expect(await waiting).toEqual({ ran: false });
    expect(ran).toBe(false);
  });

  test('the lock is named for the app', () => {
    expect(SYNC_LOCK).toBe('broadsheet-sync');
  });
});
