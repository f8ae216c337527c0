/**
 * The reading view's offline tools: whether this article can be read with no network (text and
 * images), the `Keep offline` button that makes it so, the run's progress with Cancel, and the
 * note on articles that arrived in an imported file.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Article } from '../feed/types';
import { needsBody } from '../offline/body';
import type { OfflineRecord } from '../offline/types';
import { DownloadProgress } from './DownloadProgress';
import { formatLongDate } from './format';
import { t } from './i18n';
import { useKeeper } from './useKeeper';

type Status = 'ready' | 'images' | 'body' | 'unknown';

async function check(article: Article): Promise<{ status: Status; record?: OfflineRecord }> {
  if (needsBody(article)) return { status: 'body' };
  const [{ imagesOf }, { offlineDb }] = await Promise.all([import('../offline/images'), import('../offline/db')]);
  const db = await offlineDb();
  const record = await db.get('offline', article.id);
  const wanted = imagesOf(article);
  if (!wanted.length) return { status: 'ready', ...(record ? { record } : {}) };
  const kept = await Promise.all(wanted.map((w) => db.getKey('images', w.url)));
  return { status: kept.every(Boolean) ? 'ready' : 'images', ...(record ? { record } : {}) };
}

/** `children` (the Share button) sit beside Keep offline. */
export function KeepOffline({ article, children }: { article: Article; children?: ComponentChildren }) {
  const { keeper, progress } = useKeeper();
  const [status, setStatus] = useState<Status>('unknown');
  const [record, setRecord] = useState<OfflineRecord>();
  const finished = progress?.done ?? 0;

  useEffect(() => {
    let live = true;
    check(article)
      .then((r) => {
        if (!live) return;
        setStatus(r.status);
        setRecord(r.record);
      })
      .catch(() => live && setStatus('unknown'));
    return () => {
      live = false;
    };
    // Re-check whenever the run finishes another article.
  }, [article, finished, progress?.state]);

  const sentence = status === 'ready' ? t.articleOffline : status === 'images' ? t.articleImagesMissing : status === 'body' ? t.articleBodyMissing : '';
  return (
    <div class="keep-offline">
      <div class="button-row">
        <button type="button" class="action" disabled={!keeper} onClick={() => void keeper?.keep([article.id])}>
          <span aria-hidden="true">{status === 'ready' ? '✓ ' : '⤓ '}</span>
          {t.keepOffline}
        </button>
        {children}
      </div>
      <p class="note offline-status">{sentence}</p>
      {record?.importedAt !== undefined && (
        <p class="note imported">
          <span aria-hidden="true">⇣ </span>
          {t.importedOn(formatLongDate(record.importedAt))}
        </p>
      )}
      <DownloadProgress keeper={keeper} progress={progress} />
    </div>
  );
}

