/** Reading-state records (read, saved, progress), one per article id, in the `state` store. */
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

