/**
 * "Mark 37 as read" for the rows the current filter shows, then "Undo", which puts every one of
 * them back exactly as it was. The count is of the unread rows among them.
 */
import { useMemo, useState } from 'preact/hooks';
import type { ListEntry } from '../../core/list-model';
import type { ReadingState } from '../../core/reading';
import { tl } from '../../i18n/lazy';

export type MarkAll = (ids: readonly string[]) => Promise<{ count: number; undo: () => Promise<void> }>;

export interface MarkAllReadProps {
  rows: readonly ListEntry[];
  states: ReadonlyMap<string, ReadingState>;
  onMarkAll: MarkAll;
}

export function MarkAllRead({ rows, states, onMarkAll }: MarkAllReadProps) {
  const unread = useMemo(() => {
    const ids: string[] = [];
    for (const r of rows) if (!states.get(r.id)?.read) ids.push(r.id);
    return ids;
  }, [rows, states]);
  const [done, setDone] = useState<{ count: number; undo: () => Promise<void> }>();
  const [note, setNote] = useState('');

  return (
    <span class="mark-all">
      {unread.length > 0 && (
        <button
          type="button"
          class="link-button"
          onClick={() => {
            void onMarkAll(unread).then((r) => {
              setDone(r);
              setNote(tl().markedAllRead(r.count));
            });
          }}
        >
          {tl().markAllRead(unread.length)}
        </button>
      )}
      {done && (
        <button
          type="button"
          class="link-button"
          onClick={() => {
            const undo = done.undo;
            setDone(undefined);
            void undo().then(() => setNote(tl().undone));
          }}
        >
          {tl().undo}
        </button>
      )}
      <span class="sr-only" aria-live="polite">
        {note}
      </span>
    </span>
  );
}
