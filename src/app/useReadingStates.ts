/**
 * Reading state (read, saved, progress) per article, as shown. A change shows at once, then is
 * stored as a read-modify-write inside IndexedDB, and what was stored is shown: the store, not
 * this tab's memory, is the truth.
 */
import { useCallback, useRef, useState } from 'preact/hooks';
import { emptyState } from '../core/empty-state';
import type { ReadingState, Restore } from '../core/reading';
import type { Library } from '../features/sync/library';

export interface ReadingStates {
  states: ReadonlyMap<string, ReadingState>;
  /** Takes in the states read from the store. */
  merge: (saved: readonly ReadingState[]) => void;
  /** Changes one article's state on screen, and in `library` when it is open. */
  update: (library: Library | undefined, id: string, change: (s: ReadingState, now: number) => ReadingState) => void;
  /**
   * Marks all of `ids` read, on screen at once and in the store in one transaction; resolves to
   * how many changed and the function that puts every one of them back as it was.
   */
  markAll: (library: Library | undefined, ids: readonly string[]) => Promise<{ count: number; undo: () => Promise<void> }>;
}

export function useReadingStates(): ReadingStates {
  const [states, setStates] = useState<ReadonlyMap<string, ReadingState>>(new Map());

  // Merge, not replace: a click made while the store was being read must not be undone.
  const merge = useCallback((saved: readonly ReadingState[]) => {
    setStates((current) => {
      const next = new Map(saved.map((s) => [s.id, s]));
      for (const [id, s] of current) if (s.updatedAt > (next.get(id)?.updatedAt ?? -1)) next.set(id, s);
      return next;
    });
  }, []);

  const update = useCallback<ReadingStates['update']>((library, id, change) => {
    const show = (s: ReadingState) =>
      setStates((current) => {
        if (current.get(id) === s) return current;
        const next = new Map(current);
        next.set(id, s);
        return next;
      });
    setStates((current) => {
      const before = current.get(id) ?? emptyState(id);
      const after = change(before, Date.now());
      if (after === before) return current;
      const next = new Map(current);
      next.set(id, after);
      return next;
    });
    void library
      ?.updateState(id, change)
      .then(show)
      .catch((error: unknown) => console.error('Could not store reading state', error));
  }, []);

  const latest = useRef(states);
  latest.current = states;

  const markAll = useCallback<ReadingStates['markAll']>(async (library, ids) => {
    // The rules for many articles at once load with the first use (not in the first load).
    const { markAllRead, restored } = await import('../core/reading');
    const { changed, undo: shown } = markAllRead(latest.current, ids, Date.now());
    if (changed.length) {
      setStates((current) => {
        const next = new Map(current);
        for (const s of changed) next.set(s.id, s);
        return next;
      });
    }
    let stored: Restore[] = [];
    try {
      stored = (await library?.markRead?.(ids)) ?? [];
    } catch (error) {
      console.error('Could not store reading state', error);
    }
    const undo = async () => {
      setStates((current) => restored(current, shown));
      if (stored.length) await library?.restoreStates?.(stored);
    };
    return { count: changed.length, undo };
  }, []);

  return { states, merge, update, markAll };
}
