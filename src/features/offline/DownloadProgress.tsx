/**
 * A keep-offline run: a real progress bar (articles finished out of all in the run, with the
 * current article's images as the fraction in between), what is happening in words, and Cancel,
 * or Resume and Discard once cancelled.
 */
import type { Keeper, KeepProgress } from './keeper';
import { num } from '../../i18n/format';
import { tl } from '../../i18n/lazy';

export function DownloadProgress({ keeper, progress }: { keeper: Keeper | undefined; progress: KeepProgress | undefined }) {
  if (!keeper || !progress || progress.total === 0) return null;
  const { total, done, failed, state, active, item, stopped } = progress;
  // A run that finished before this page was opened is old news.
  if (state === 'idle' && progress.updatedAt < performance.timeOrigin) return null;
  const partial = item && item.total > 0 ? item.done / item.total : 0;
  const value = Math.min(total, done + (state === 'running' ? partial : 0));
  const left = total - done;
  let message: string;
  if (state === 'idle') message = tl().keepDone(done - failed, failed);
  else if (state === 'paused') message = stopped === 'storage-full' ? tl().keepStorageFull : tl().keepPaused(left);
  else if (!active || stopped === 'network') message = tl().keepWaiting(left);
  else message = tl().keepProgress(done, total);
  return (
    <div class="download">
      <progress class="download-bar" max={total} value={value} aria-label={tl().keepProgressLabel}>
        {num(Math.round((value / total) * 100))}%
      </progress>
      <p class="download-text" aria-live="polite">
        {message}
      </p>
      {state === 'running' && (
        <button type="button" class="secondary" onClick={() => void keeper.cancel()}>
          {tl().cancel}
        </button>
      )}
      {state === 'paused' && (
        <div class="button-row">
          <button type="button" class="primary" onClick={() => void keeper.resume()}>
            {tl().resume}
          </button>
          <button type="button" class="secondary" onClick={() => void keeper.discard()}>
            {tl().discard}
          </button>
        </div>
      )}
    </div>
  );
}
