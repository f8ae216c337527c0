/**
 * The reading view's offline tools: whether this article can be read with no network (text and
 * images), the `Keep offline` button that makes it so, the run's progress with Cancel, and the
 * note on articles that arrived in an imported file.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Article } from '../../core/feed/types';
import { needsBody } from './body-source';
import { DownloadProgress } from './DownloadProgress';
import { formatLongDate } from '../../i18n/format';
import { to } from '../../i18n/en/lazy';
import { useKeeper } from './useKeeper';

type Status = 'ready' | 'images' | 'body' | 'unknown';

async function check(article: Article): Promise<{ status: Status }> {
  if (needsBody(article)) return { status: 'body' };
  const [{ imagesOf }, { offlineDb }] = await Promise.all([import('./images'), import('../../data/shared')]);
  const wanted = imagesOf(article);
  if (!wanted.length) return { status: 'ready' };
  const db = await offlineDb();
  const kept = await Promise.all(wanted.map((w) => db.getKey('images', w.url)));
  return { status: kept.every(Boolean) ? 'ready' : 'images' };
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
        setStatus(r.status);
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
    ['ready', to().articleOffline],
    ['images', to().articleImagesMissing],
    ['body', to().articleBodyMissing],
  ];
  return (
    <div class="keep-offline">
      <div class="button-row">
        <button type="button" class="action" disabled={!keeper} onClick={() => void keeper?.keep([article.id])}>
          <span aria-hidden="true">{status === 'ready' ? '✓ ' : '⤓ '}</span>
          {to().keepOffline}
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
    void import('../../data/shared')
      .then((m) => m.offlineDb())
      .then((db) => db.get('offline', id))
      .then((r) => live && setAt(r?.importedAt))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [id]);
  if (at === undefined) return null;
  return (
    <p class="note imported">
      <span aria-hidden="true">⇣ </span>
      {to().importedOn(formatLongDate(at))}
    </p>
  );
}
