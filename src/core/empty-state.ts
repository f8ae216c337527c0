/**
 * The reading state of an article never opened, saved or read: the base every reading-state rule
 * (`reading.ts`) starts from. Apart, so the first load carries it without those rules.
 */
import type { ReadingState } from './reading';

export function emptyState(id: string): ReadingState {
  return { id, read: false, saved: false, progress: 0, updatedAt: 0 };
}
