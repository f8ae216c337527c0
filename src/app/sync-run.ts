/**
 * One sync, from the library's call to the state it leaves: the download question, the progress,
 * the records merged into the list page by page, and what the alert says afterwards. Loaded with
 * the first sync (the library is open by then), so none of it is in the first load; `useSync`
 * keeps the hooks and the one-at-a-time guard.
 */
import type { Dispatch, StateUpdater } from 'preact/hooks';
import { indexCost, mustAsk, type DownloadChoice } from '../core/download-cost';
import type { ListEntries } from '../features/list/useList';
import type { Library } from '../features/sync/library';
import type { SyncOutcome } from '../features/sync/sync';
import type { SyncPageProgress } from '../features/sync/SyncProgress';
import { loadSaver } from '../platform/saver';
import type { DownloadQuestion, Notice, SyncState } from './useSync';

export interface SyncHooks {
  setState: Dispatch<StateUpdater<SyncState>>;
  setProgress: (p: SyncPageProgress | undefined) => void;
  setQuestion: (q: DownloadQuestion | undefined) => void;
  setNotice: Dispatch<StateUpdater<Notice>>;
  /** Re-reads what is stored (another tab synced, or a full disk kept part of it). */
  reload: (lib: Library) => Promise<void>;
  markOffline: (lib: Library) => void;
  /** Merges a stored page's records into the list. */
  merge: ListEntries['merge'];
}

/** Runs one sync and sets the state it ends in; throws only on a bug (the caller reports it). */
export async function runOnce(lib: Library, full: boolean, h: SyncHooks): Promise<void> {
    // Each stored page is merged into the list as it arrives: no re-read of the archive.
    const pagesTotal = full ? (await lib.record().catch(() => undefined))?.pagesTotal : undefined;
    const outcome = await lib.sync({
      full,
      // A first sync or a full re-sync larger than the reader's threshold asks first.
      ask: async ({ feed, bytes }) => {
        const cost = indexCost(feed.totals, bytes, pagesTotal);
        if (!mustAsk(cost, loadSaver().askAboveMB)) return 'all';
        return new Promise<DownloadChoice>((resolve) =>
          h.setQuestion({
            cost,
            answer: (choice) => {
              h.setQuestion(undefined);
              resolve(choice);
            },
          }),
        );
      },
      onProgress: (p) => {
        h.merge(p.records);
        h.setProgress(p);
        // The first page names the feed: the heading need not wait for the last one.
        if (p.feedTitle) h.setState((s) => (s.record.feedTitle === p.feedTitle ? s : { ...s, record: { ...s.record, feedTitle: p.feedTitle } }));
      },
    });
    h.setProgress(undefined);
    // Another tab did the sync, or a full disk kept part of it: re-read what is stored.
    if ((outcome.ok && outcome.elsewhere) || (!outcome.ok && outcome.failure.kind === 'storage')) await h.reload(lib);
    else if (outcome.ok && (outcome.write.added > 0 || outcome.write.updated > 0)) h.markOffline(lib);
    if (outcome.ok) h.setNotice((n) => (n === 'evicted' ? 'evictedRestored' : n));
    h.setState((s) => ({
      running: false,
      record: outcome.record,
      ...(outcome.ok ? { report: outcome.report, ...stopNote(outcome) } : { failure: outcome.failure, ...(s.report ? { report: s.report } : {}), ...(outcome.partial ? { partial: outcome.partial } : {}) }),
    }));
}

/** A loop or the page limit ended the last sync early: worth a sentence in the alert. */
function stopNote(outcome: Extract<SyncOutcome, { ok: true }>): Pick<SyncState, 'stop' | 'pages'> {
  return outcome.stop === 'loop' || outcome.stop === 'limit' ? { stop: outcome.stop, pages: outcome.pages } : {};
}
