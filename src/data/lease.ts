/**
 * The sync lease: which tab syncs, where the Web Locks API is missing. It lives in the sync
 * record (`meta`/`sync`) and is taken in a readwrite transaction; IndexedDB runs readwrite
 * transactions on one store one after another, across tabs, so taking it is an atomic
 * compare-and-set. A lease runs out unless renewed, so a tab closed mid-sync cannot hold it
 * forever. The waiting and renewing are the sync's (`features/sync/lock.ts`).
 */
import type { SyncLease, SyncRecord } from '../core/sync-types';
import type { DB } from './connection';

/** Takes (or renews) the lease unless another live owner holds it. Atomic across tabs. */
export async function takeLease(db: DB, owner: string, now: () => number, leaseMs: number): Promise<boolean> {
  const tx = db.transaction('meta', 'readwrite');
  const record: SyncRecord = (await tx.store.get('sync')) ?? {};
  const held = record.lease;
  if (held && held.owner !== owner && held.until > now()) {
    await tx.done;
    return false;
  }
  await Promise.all([tx.store.put({ ...record, lease: { owner, until: now() + leaseMs } }, 'sync'), tx.done]);
  return true;
}

/** Gives the lease back, if we still hold it; the rest of the sync record stays. */
export async function releaseLease(db: DB, owner: string): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  const record = await tx.store.get('sync');
  if (record?.lease?.owner === owner) {
    const { lease: _released, ...rest } = record;
    await tx.store.put(rest, 'sync');
  }
  await tx.done;
}

/** The lease as stored now, if anyone holds one (live or run out). */
export async function readLease(db: DB): Promise<SyncLease | undefined> {
  return (await db.get('meta', 'sync'))?.lease;
}
