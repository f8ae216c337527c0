/**
 * The app's one cross-tab channel. Tabs, and the service worker's background sync, tell each
 * other here that what is stored changed, so every open view re-reads it. One BroadcastChannel
 * name (`CHANNEL`) and one typed message union: a listener never parses another module's ad-hoc
 * shape. Where BroadcastChannel is missing, tabs simply refresh on their own next sync.
 */
import { CHANNEL } from '../core/names';

export type ChannelMessage =
  /**
   * Stored articles or the sync record changed. `ok` is set by a sync (whether it succeeded; a
   * storage failure may still have added articles) and absent after an import or a clean-up.
   */
  | { type: 'synced'; ok?: boolean }
  /** What is kept offline changed: a keep-offline run, an eviction, an import or a clean-up. */
  | { type: 'offline' };

let channel: BroadcastChannel | undefined;
function shared(): BroadcastChannel | undefined {
  if (!channel && typeof BroadcastChannel === 'function') channel = new BroadcastChannel(CHANNEL);
  return channel;
}

/**
 * Posts `message` to the other tabs. With `thisTab`, this tab's own listeners hear it too (a
 * channel object never receives its own messages, so it is posted from a fresh one): an import
 * or a clean-up must refresh the view it was made in, while a tab's own sync already has.
 */
export function announce(message: ChannelMessage, { thisTab = false } = {}): void {
  try {
    if (!thisTab) return shared()?.postMessage(message);
    if (typeof BroadcastChannel !== 'function') return;
    const once = new BroadcastChannel(CHANNEL);
    once.postMessage(message);
    once.close();
  } catch {
    // a closed or unsupported channel must never fail the work it reports on
  }
}

function isMessage(data: unknown): data is ChannelMessage {
  if (typeof data !== 'object' || data === null) return false;
  const { type, ok } = data as { type?: unknown; ok?: unknown };
  return type === 'offline' || (type === 'synced' && (ok === undefined || typeof ok === 'boolean'));
}

/** Calls `listener` for every message from another tab (or this tab's `thisTab` posts); returns the unsubscribe. */
export function listen(listener: (message: ChannelMessage) => void): () => void {
  const ch = shared();
  if (!ch) return () => {};
  const handler = (e: MessageEvent) => {
    if (isMessage(e.data)) listener(e.data);
  };
  ch.addEventListener('message', handler);
  return () => ch.removeEventListener('message', handler);
}
