/**
 * The reading view's offline tools: whether this article can be read with no network (text and
 * images), the `Keep offline` button that makes it so, the run's progress with Cancel, and the
 * note on articles that arrived in an imported file.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Article } from '../../core/feed/types';
import { offlineNeed, offlineState, type OfflineState } from '../../core/article';
import { DownloadProgress } from './DownloadProgress';
import { formatLongDate } from '../../i18n/format';
import { tl } from '../../i18n/lazy';
import { useKeeper } from './useKeeper';

type Status = OfflineState | 'unknown';

/** The reader's label, by the same rule as the list's mark (`offlineState`). */
async function check(article: Article): Promise<Status> {
  const need = offlineNeed(article);
  if (need === null || 'body' in need) return offlineState(need, undefined, new Set());
  const { keptFor } = await import('./status');
  const { record, images } = await keptFor(article.id);
  return offlineState(need, record, images);
}

/** `children` (the Share button) sit beside Keep offline. */
export function KeepOffline({ article, children }: { article: Article; children?: ComponentChildren }) {
  const { keeper, progress } = useKeeper();
  const [status, setStatus] = useState<Status>('unknown');
  const finished = progress?.done ?? 0;

  useEffect(() => {
    let live = true;
    check(article)
      .then((r) => {
        if (!live) return;
        setStatus(r);
      })
      .catch(() => live && setStatus('unknown'));
    return () => {
      live = false;
    };
    // Re-check whenever the run finishes another article.
  }, [article, finished, progress?.state]);

  // Every label is laid out, one visible: the row keeps its size when the status arrives, so the
  // page does not move under a reader resuming mid-article.
  const labels: [Status, string][] = [
    ['ready', tl().articleOffline],
    ['images', tl().articleImagesMissing],
    ['body', tl().articleBodyMissing],
  ];
  return (
    <div class="keep-offline">
      <div class="button-row">
        <button type="button" class="action" disabled={!keeper} onClick={() => void keeper?.keep([article.id])}>
          <span aria-hidden="true">{status === 'ready' ? '✓ ' : '⤓ '}</span>
          {tl().keepOffline}
        </button>
        {children}
        <span class="stack offline-status">
          {labels.map(([key, label]) => (
            <span key={key} class={status === key ? undefined : 'off'} aria-hidden={status === key ? undefined : 'true'}>
              {label}
            </span>
          ))}
        </span>
      </div>
      <DownloadProgress keeper={keeper} progress={progress} />
    </div>
  );
}

/** Articles merged in from a hand-off or backup file say so (at the end, so nothing above moves). */
export function ImportedNote({ id }: { id: string }) {
  const [at, setAt] = useState<number>();
  useEffect(() => {
    let live = true;
    void import('./status')
      .then((m) => m.importedAt(id))
      .then((at) => live && setAt(at))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [id]);
  if (at === undefined) return null;
  return (
    <p class="note imported">
      <span aria-hidden="true">⇣ </span>
      {tl().importedOn(formatLongDate(at))}
    </p>
  );
}
