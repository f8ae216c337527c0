/**
 * When the alert under the masthead has something to say, and when being offline is said calmly
 * instead. What it says is composed by `alert-text.ts`, loaded (with its strings) only then.
 */
import type { Notice, SyncState } from './useSync';

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
