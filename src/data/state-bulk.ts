/**
 * Changing many reading states at once ("Mark 37 as read") and putting them back (Undo), each in
 * one transaction. Apart from `state.ts` so the first load does not carry it.
 */
import { isBlank, markAllRead, type Restore } from '../core/reading';
import type { DB } from './connection';

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
