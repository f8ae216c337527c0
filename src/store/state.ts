/** Reading-state records (read, saved, progress), one per article id, in the `state` store. */
import type { ReadingState } from '../state/reading';
import type { DB } from './db';

export function allStates(db: DB): Promise<ReadingState[]> {
  return db.getAll('state');
}

/** Stores a record, or deletes it when it says nothing, so the store only holds real state. */
export async function putState(db: DB, s: ReadingState): Promise<void> {
  if (!s.read && !s.saved && s.progress === 0) await db.delete('state', s.id);
  else await db.put('state', s);
}
