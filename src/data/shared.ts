/**
 * The offline features' own connection to the app's database, opened on first use. It is a
 * second connection beside the library's, which IndexedDB handles fine; when another tab
 * upgrades the schema it is closed and the next call reopens it.
 */
import { openStore, type DB } from './connection';

let opening: Promise<DB> | undefined;

export function offlineDb(): Promise<DB> {
  opening ??= openStore({ onVersionChange: () => (opening = undefined) }).catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}

/** Tells every open view (this tab and others) that offline state or stored articles changed. */
export function announce(type: 'offline' | 'synced'): void {
  if (typeof BroadcastChannel !== 'function') return;
  const channel = new BroadcastChannel('broadsheet');
  channel.postMessage({ type });
  channel.close();
}
