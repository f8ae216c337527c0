/** Reading-state records (read, saved, progress), one per article id, in the `state` store. */
import { emptyState, isBlank, markAllRead, type ReadingState, type Restore, type StateChange } from '../core/reading';
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

/**
 * Marks many articles read in one transaction (all or nothing), reading the stored states first
 * so the undo list is what the store held, not what a tab believed. Returns that undo list.
 */
export async function markRead(db: DB, ids: readonly string[], now = Date.now()): Promise<Restore[]> {
  const tx = db.transaction('state', 'readwrite', { durability: 'relaxed' });
  const stored = await tx.store.getAll();
  const { changed, undo } = markAllRead(new Map(stored.map((s) => [s.id, s])), ids, now);
  for (const s of changed) void tx.store.put(s);
  await tx.done;
  return undo;
}

/** Puts back the states `markRead` changed, exactly as they were, in one transaction. */
export async function restoreStates(db: DB, undo: readonly Restore[]): Promise<void> {
  const tx = db.transaction('state', 'readwrite', { durability: 'relaxed' });
  for (const { id, before } of undo) {
    if (before && !isBlank(before)) void tx.store.put(before);
    else void tx.store.delete(id);
  }
  await tx.done;
}
