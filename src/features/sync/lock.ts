/**
 * One sync at a time across every tab of the app. Two tabs that start a sync together (both
 * opened at once, or "back online" firing in each) must not both download and write: one syncs,
 * the other waits for it and then shows what it stored.
 *
 * The Web Locks API does this properly (the lock dies with its tab). Where it is missing, a
 * lease in the database stands in (`data/lease.ts`), taken with an atomic compare-and-set. The
 * holder renews it while it works; a tab that dies mid-sync stops renewing and the lease runs out.
 */
import { SYNC_LOCK } from '../../core/names';
import type { DB } from '../../data/connection';
import { readLease, releaseLease, takeLease } from '../../data/lease';

export interface LockOptions {
  /** `navigator.locks`, or undefined to use the lease. */
  locks?: LockManager | undefined;
  now?: () => number;
  /** How long a lease lasts without renewal. */
  leaseMs?: number;
  /** How often a waiting tab looks at the lease again. */
  pollMs?: number;
}

export type Exclusive<T> = { ran: true; value: T } | { ran: false };

const DEFAULTS = { leaseMs: 20_000, pollMs: 250 };

/**
 * Runs `work` if no other tab is syncing. Otherwise waits until that tab is done and returns
 * `{ ran: false }`: the caller reads what the other tab stored instead of syncing again.
 */
export async function exclusive<T>(db: DB, work: () => Promise<T>, options: LockOptions = {}): Promise<Exclusive<T>> {
  const locks = 'locks' in options ? options.locks : typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (locks && typeof locks.request === 'function') {
    const mine = await locks.request(SYNC_LOCK, { ifAvailable: true }, async (lock) =>
      lock ? ({ ran: true, value: await work() } as const) : undefined,
    );
    if (mine) return mine;
    // Queue behind the holder; by the time we get the lock its sync has finished.
    await locks.request(SYNC_LOCK, async () => {});
    return { ran: false };
  }
  return withLease(db, work, options);
}

async function withLease<T>(db: DB, work: () => Promise<T>, options: LockOptions): Promise<Exclusive<T>> {
  const now = options.now ?? Date.now;
  const leaseMs = options.leaseMs ?? DEFAULTS.leaseMs;
  const pollMs = options.pollMs ?? DEFAULTS.pollMs;
  const owner = randomId();
  for (;;) {
    if (await takeLease(db, owner, now, leaseMs)) {
      const renew = setInterval(() => void takeLease(db, owner, now, leaseMs).catch(() => {}), leaseMs / 4);
      try {
        return { ran: true, value: await work() };
      } finally {
        clearInterval(renew);
        await releaseLease(db, owner).catch(() => {});
      }
    }
    // Someone else holds it: wait until it is released (their sync is done: use its result)
    // or runs out (that tab died: try to take it ourselves).
    for (;;) {
      await new Promise((r) => setTimeout(r, pollMs));
      const lease = await readLease(db);
      if (!lease) return { ran: false };
      if (lease.until <= now()) break;
    }
  }
}

function randomId(): string {
  return typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
