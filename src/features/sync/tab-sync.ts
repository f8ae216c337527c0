/**
 * A sync as a tab runs it: at most one tab syncs at a time (`lock.ts`); the tab that synced
 * tells the others (`data/channel.ts`) and notes outside IndexedDB that articles are stored
 * (`data/marker.ts`); a tab that found another one syncing waits for it and answers with
 * what that tab recorded, without fetching the index a second time.
 */
import { emptyReport } from '../../core/feed/report';
import { getSyncRecord } from '../../data/articles';
import type { DB } from '../../data/connection';
import { markStoredArticles } from '../../data/marker';
import type { SyncRecord } from '../../core/sync-types';
import { announce, type ChannelMessage } from '../../data/channel';
import { exclusive, type LockOptions } from './lock';
import { syncIndex, type SyncOptions, type SyncOutcome } from './sync';

export interface TabSyncOptions extends SyncOptions, LockOptions {
  announce?: (message: ChannelMessage) => void;
  markStored?: () => Promise<void>;
}


export async function syncAcrossTabs(db: DB, indexUrl: string, options: TabSyncOptions = {}): Promise<SyncOutcome> {
  const run = await exclusive(db, () => syncIndex(db, indexUrl, options), options);
  if (run.ran) {
    const outcome = withoutLease(run.value);
    const written = outcome.ok ? outcome.write.written : outcome.failure.kind === 'storage' ? outcome.failure.written : 0;
    if (written > 0) await (options.markStored ?? markStoredArticles)();
    if (outcome.ok || written > 0) (options.announce ?? announce)({ type: 'synced', ok: outcome.ok });
    return outcome;
  }
  // Another tab synced meanwhile; its result is in the sync record.
  const record = strip(await getSyncRecord(db));
  if (record.lastFailure) return { ok: false, failure: record.lastFailure, record };
  return {
    ok: true,
    write: { added: 0, updated: 0, unchanged: 0, written: 0 },
    report: record.lastReport ?? emptyReport(),
    record,
    // Nothing was fetched here: the other tab walked the index.
    elsewhere: true,
    pages: 0,
    notModified: 0,
    stop: 'end',
  };
}

function strip(record: SyncRecord): SyncRecord {
  const { lease: _held, ...rest } = record;
  return rest;
}

/** The lease is bookkeeping between tabs, released by now: not part of what the UI is told. */
function withoutLease(outcome: SyncOutcome): SyncOutcome {
  return { ...outcome, record: strip(outcome.record) };
}
export { fetchIndex, parseFeedText } from './sync';
