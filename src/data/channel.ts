/**
 * Telling the app's other tabs that the stored articles changed. One shared BroadcastChannel
 * per tab: a channel never receives its own messages, so a tab is not told about its own sync.
 * Where BroadcastChannel is missing, tabs simply refresh on their own next sync.
 */

/** Posted by a tab after a sync that changed the store or the sync record. */
export interface SyncAnnouncement {
  type: 'synced';
  /** Whether that sync succeeded (a storage failure may still have added articles). */
  ok: boolean;
}

let channel: BroadcastChannel | undefined;
function shared(): BroadcastChannel | undefined {
  if (!channel && typeof BroadcastChannel === 'function') channel = new BroadcastChannel('broadsheet-sync');
  return channel;
}

export function announce(message: SyncAnnouncement): void {
  try {
    shared()?.postMessage(message);
  } catch {
    // a closed or unsupported channel must never fail a sync
  }
}

/** Calls `listener` for every announcement from another tab; returns the unsubscribe function. */
export function onAnnouncement(listener: (message: SyncAnnouncement) => void): () => void {
  const ch = shared();
  if (!ch) return () => {};
  const handler = (e: MessageEvent) => {
    const data: unknown = e.data;
    if (typeof data === 'object' && data !== null && (data as SyncAnnouncement).type === 'synced') listener(data as SyncAnnouncement);
  };
  ch.addEventListener('message', handler);
  return () => ch.removeEventListener('message', handler);
}
