/**
 * The alert under the masthead, composed: what the latest sync found (why it failed and what it
 * kept, or what it skipped and where it stopped) and what happened to the storage. Pure: the
 * strings come in as an argument, the current language's in the app (from the lazy catalogue:
 * the first load carries neither them nor this; `Alert.tsx` loads both when there is something
 * to say).
 */
import type { LazyStrings } from '../i18n/en/lazy';
import { isCalmOffline } from './alerts';
import type { Notice, SyncState } from './useSync';

export type AlertStrings = Pick<LazyStrings, 'failure' | 'partialSaved' | 'parseNotes' | 'stoppedAtLoop' | 'stoppedAtLimit' | 'webkitEvicted' | Exclude<Notice, ''>>;

/**
 * The alert's text: '' when there is nothing to say. Nothing about a sync is said while it runs.
 * `stored`: how many articles are stored (for the calm offline line). `atRisk`: WebKit outside the
 * installed app, where an eviction comes with the advice to install.
 */
export function alertText(sync: SyncState, notice: Notice, strings: AlertStrings, stored?: number, atRisk = false): string {
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
  if (atRisk && (notice === 'evicted' || notice === 'evictedRestored')) parts.push(strings.webkitEvicted);
  return parts.filter(Boolean).join(' ');
}
