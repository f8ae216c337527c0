/**
 * The pre-download question: what a large download will cost ("3,120 articles · 6.1 MB", or
 * "size unknown") and the reader's choice: Download all, Only the newest 500, or Not now. A
 * modal `<dialog>`: focus moves into it and stays there; Escape means "Not now". Loaded lazily,
 * with the lazy strings, only when a download is large.
 */
import { NEWEST_COUNT, type DownloadChoice, type DownloadCost } from '../../core/download-cost';
import { formatSize } from '../../i18n/bytes';
import { tl } from '../../i18n/lazy';

export interface DownloadQuestionProps {
  cost: DownloadCost;
  answer: (choice: DownloadChoice) => void;
  /** The heading: a first sync asks about the articles, Keep offline about keeping them. */
  title?: string;
  /** Offer "Only the newest 500" (a sync); Keep offline offers all or nothing. */
  newest?: boolean;
}

export function DownloadQuestion({ cost, answer, title, newest = true }: DownloadQuestionProps) {
  const s = tl();
  // Opened as a modal once in the page (no hooks: this chunk stays small).
  const open = (el: HTMLDialogElement | null) => {
    if (el && !el.open && typeof el.showModal === 'function') el.showModal();
  };
  return (
    <dialog
      class="download-question"
      ref={open}
      aria-labelledby="download-title"
      aria-describedby="download-cost"
      onCancel={(e) => {
        e.preventDefault();
        answer('cancel');
      }}
    >
      <h2 id="download-title">{title ?? s.downloadTitle}</h2>
      <p id="download-cost" class="download-cost">
        {s.downloadCost(cost.articles, cost.bytes !== undefined ? formatSize(cost.bytes) : undefined)}
      </p>
      <p>{s.downloadWhy}</p>
      <div class="download-choices">
        <button type="button" class="primary" onClick={() => answer('all')}>
          {s.downloadAll}
        </button>
        {newest && (
          <button type="button" onClick={() => answer('newest')}>
            {s.downloadNewest(NEWEST_COUNT)}
          </button>
        )}
        <button type="button" onClick={() => answer('cancel')}>
          {s.notNow}
        </button>
      </div>
    </dialog>
  );
}
