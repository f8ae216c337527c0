/**
 * What the sync bar adds for large archives: a progress bar while pages stream in, and the full
 * re-sync button. The bar is a real `<progress>` with a value; a paginated feed does not say
 * how many pages it has, so its maximum is the last complete walk's page count when known, and
 * otherwise one more page than fetched while another one is coming.
 */
import { t } from '../../i18n';

export interface Progress {
  pages: number;
  articles: number;
  more: boolean;
}

export function SyncProgress({ progress, expectedPages }: { progress: Progress | undefined; expectedPages?: number | undefined }) {
  if (!progress || (!progress.more && progress.pages <= 1)) return null;
  const max = Math.max(expectedPages ?? 0, progress.pages + (progress.more ? 1 : 0), 1);
  const text = t.syncProgress(progress.pages, progress.articles);
  return (
    <span class="sync-progress">
      <progress max={max} value={progress.pages} aria-label={t.syncProgressLabel} aria-valuetext={text} />
      <span>{text}</span>
    </span>
  );
}
