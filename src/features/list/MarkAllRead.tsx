/**
 * "Mark 37 as read" for the rows the current filter shows, then "Undo", which puts every one of
 * them back exactly as it was. The count is of the unread rows among them.
 */
import { useMemo, useState } from 'preact/hooks';
import type { ListEntry } from '../../core/list-model';
import type { ReadingState } from '../../core/reading';
import { t } from '../../i18n';

export type MarkAll = (ids: readonly string[]) => Promise<{ count: number; undo: () => Promise<void> }>;

interface Props {
  rows: readonly ListEntry[];
  states: ReadonlyMap<string, ReadingState>;
  onMarkAll: MarkAll;
}

export function MarkAllRead({ rows, states, onMarkAll }: Props) {
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
              setNote(t.markedAllRead(r.count));
            });
          }}
        >
          {t.markAllRead(unread.length)}
        </button>
      )}
      {done && (
        <button
          type="button"
          class="link-button"
          onClick={() => {
            const undo = done.undo;
            setDone(undefined);
            void undo().then(() => setNote(t.undone));
          }}
        >
          {t.undo}
        </button>
      )}
      <span class="sr-only" aria-live="polite">
        {note}
      </span>
    </span>
  );
}
