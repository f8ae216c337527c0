/**
 * The alert under the masthead, composed: what the latest sync found (why it failed and what it
 * kept, or what it skipped and where it stopped) and what happened to the storage. Pure: the
 * strings come in as an argument, the current language's in the app (from the lazy catalogue:
 * the first load does not carry them, `Alert.tsx` loads them when there is something to say).
 */
import type { LazyStrings } from '../i18n/en/lazy';
import type { Notice, SyncState } from './useSync';

export type AlertStrings = Pick<LazyStrings, 'failure' | 'partialSaved' | 'parseNotes' | 'stoppedAtLoop' | 'stoppedAtLimit' | Exclude<Notice, ''>>;

/**
 * Being offline is normal, not an error: a sync that could not reach the network (no connection,
 * or no server answering), with articles stored and nothing half-done, is said calmly in a status
 * line (`Offline · 46 articles on this phone`), not in the alert. A server that answers with an
 * error, a broken index or a download cut part-way still gets the alert.
 */
export function isCalmOffline(sync: SyncState, stored: number | undefined): boolean {
  const f = sync.failure;
  const unreachable = f?.kind === 'offline' || (f?.kind === 'network' && !f.midway);
  return !sync.running && unreachable && !sync.partial && (stored ?? 0) > 0;
}

/** Whether the alert may have something to say (then its strings are needed). */
export function alertPending(sync: SyncState, notice: Notice): boolean {
  return !!notice || (!sync.running && !!(sync.failure || sync.report || sync.stop));
}

/** The alert's text: '' when there is nothing to say. Nothing about a sync is said while it runs. */
export function alertText(sync: SyncState, notice: Notice, strings: AlertStrings, stored?: number): string {
  const parts: string[] = [];
  if (isCalmOffline(sync, stored)) {
    // Said by the status line instead.
  } else if (!sync.running && sync.failure) {
    parts.push(strings.failure(sync.failure));
    if (sync.partial) parts.push(strings.partialSaved(sync.partial.pages, sync.partial.articles));
  } else if (!sync.running) {
    if (sync.report) parts.push(strings.parseNotes(sync.report));
    if (sync.stop === 'loop') parts.push(strings.stoppedAtLoop);
    if (sync.stop === 'limit') parts.push(strings.stoppedAtLimit(sync.pages ?? 0));
  }
  if (notice) parts.push(strings[notice]);
  return parts.filter(Boolean).join(' ');
}
