/** Reading-state records (read, saved, progress), one per article id, in the `state` store. */
import { unwrap } from 'idb';
import { emptyState, isBlank, type ReadingState, type StateChange } from '../core/reading';
import type { DB } from './connection';

export function allStates(db: DB): Promise<ReadingState[]> {
  return db.getAll('state');
}

/**
 * Applies `change` to the stored record in one transaction (read, change, write), so a change
 * made before the page had read the store can never overwrite newer stored state.
 */
export async function updateState(
  db: DB,
  id: string,
  change: StateChange,
  now = Date.now(),
): Promise<ReadingState> {
  const tx = db.transaction('state', 'readwrite');
  const before = (await tx.store.get(id)) ?? emptyState(id);
  const after = change(before, now);
  if (after !== before) {
    if (isBlank(after)) void tx.store.delete(id);
    else void tx.store.put(after);
  }
  await tx.done;
  return after;
}

/** Stores a record, or deletes it when it says nothing, so the store only holds real state. */
export async function putState(db: DB, s: ReadingState): Promise<void> {
  if (isBlank(s)) await db.delete('state', s.id);
  else await db.put('state', s);
}

/** States written per transaction by `putStates`: 20,000 imported states are 10 transactions, not 20,000. */
const STATE_BATCH = 5000;

/**
 * Writes many states (an imported backup), in batched transactions: each batch is all or
 * nothing, and a blank state deletes its record as `putState` does. Resolves to how many were written.
 */
export async function putStates(db: DB, states: readonly ReadingState[]): Promise<number> {
  let written = 0;
  for (let i = 0; i < states.length; i += STATE_BATCH) {
    const batch = states.slice(i, i + STATE_BATCH);
    const tx = db.transaction('state', 'readwrite', { durability: 'relaxed' });
    // The raw store: no promise per request (20,000 of them cost more than the writes); a failed
    // request aborts the transaction, and `tx.done` rejects with it.
    const store = unwrap(tx.store);
    for (const s of batch) {
      if (isBlank(s)) store.delete(s.id);
      else store.put(s);
    }
    await tx.done;
    written += batch.length;
  }
  return written;
}
