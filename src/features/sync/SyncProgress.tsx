/**
 * The sync bar's progress for large archives, shown while pages stream in. The bar is a real
 * `<progress>` with a value; a paginated feed does not say how many pages it has, so its maximum
 * is the last complete walk's page count when known, and otherwise one more page than fetched
 * while another one is coming.
 */
import { tl } from '../../i18n/lazy';

/**
 * How far a running sync has got, in the index's pages: the part of each page's report
 * (`SyncProgress` in sync.ts) that the bar shows.
 */
export interface SyncPageProgress {
  /** Pages fetched so far. */
  pages: number;
  /** Articles those pages listed. */
  articles: number;
  /** Whether another page follows. */
  more: boolean;
}

export interface SyncProgressProps {
  progress: SyncPageProgress | undefined;
  expectedPages?: number | undefined;
}

export function SyncProgress({ progress, expectedPages }: SyncProgressProps) {
  if (!progress || (!progress.more && progress.pages <= 1)) return null;
  const max = Math.max(expectedPages ?? 0, progress.pages + (progress.more ? 1 : 0), 1);
  const text = tl().syncProgress(progress.pages, progress.articles);
  return (
    <span class="sync-progress">
      <progress max={max} value={progress.pages} aria-label={tl().syncProgressLabel} aria-valuetext={text} />
      <span>{text}</span>
    </span>
  );
}
