import type { FeedError, FeedTotals, ParseReport } from './feed/types';

/** Why the last sync failed, in a form the UI can turn into a sentence in any language. */
export type SyncFailure =
  | { kind: 'offline' }
  | {
      kind: 'network';
      /** The server answered, then the download broke off: not the calm "offline" case. */
      midway?: boolean;
    }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'http'; status: number; statusText: string }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'feed'; error: FeedError }
  | { kind: 'no-articles'; report: ParseReport }
  | { kind: 'storage'; name: string; written: number; total: number };

/** Bookkeeping about syncs, kept in the `meta` store under the key `sync`. */
export interface SyncRecord {
  /** When the last sync attempt ended (epoch ms). */
  lastAttempt?: number;
  /** When the index was last fetched and stored successfully (epoch ms). */
  lastSuccess?: number;
  /** The feed's own title, shown as the app's heading. */
  feedTitle?: string;
  /** The URL the articles were last fetched from. */
  indexUrl?: string;
  /** What went wrong the last time, cleared by the next success. */
  lastFailure?: SyncFailure;
  /** What the last successful parse skipped. */
  lastReport?: ParseReport;
  /**
   * Set while a walk through a paginated index is unfinished (the network dropped, the tab was
   * closed): the next page to fetch. The next sync starts there once it has checked the first
   * page, so pages 1..k are never fetched twice and k+1.. are not skipped.
   */
  resume?: string;
  /** What the index's first page stated about the whole index (`_broadsheet.totals`), for Keep offline's question. */
  totals?: FeedTotals;
  /** Pages in the index when it was last walked from first page to last (paginated feeds only). */
  pagesTotal?: number;
  /**
   * Which tab is syncing, where the Web Locks API is missing (see `sync/lock.ts`). A lease,
   * renewed while the sync runs, so that a tab closed mid-sync cannot hold it forever.
   */
  lease?: SyncLease;
}

export interface SyncLease {
  /** A random id of the tab holding the lease. */
  owner: string;
  /** When the lease runs out unless renewed (epoch ms). */
  until: number;
}
