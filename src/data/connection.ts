/**
 * Opening the database. Kept apart from the queries so that tests can open a fresh database by
 * name, and so the connection lifecycle (blocked upgrades, closed connections) lives in one place:
 * `openStore` for a connection its caller owns, `connection()` for the one shared lazily by the
 * page's offline features and by the service worker.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME } from '../core/names';
import { MIGRATIONS, type Migration } from './migrations';
import type { BroadsheetDB } from './schema';

export type DB = IDBPDatabase<BroadsheetDB>;

export interface OpenOptions {
  name?: string;
  /**
   * Another tab is upgrading the schema. We close our connection at once so the upgrade is not
   * blocked forever; the callback lets the UI ask the user to reload.
   */
  onVersionChange?: () => void;
  /**
   * The browser closed the connection itself: the site's storage was cleared or evicted while
   * the page was open. Every later call on it fails; the page must reload to recover.
   */
  onTerminated?: () => void;
  /**
   * The migration list, `MIGRATIONS` unless given. Tests pass a longer list to check that the
   * upgrade test catches a migration that loses data.
   */
  migrations?: readonly Migration[];
}

export async function openStore(options: OpenOptions = {}): Promise<DB> {
  const migrations = options.migrations ?? MIGRATIONS;
  const db = await openDB<BroadsheetDB>(options.name ?? DB_NAME, migrations.length, {
    upgrade(database, oldVersion, _newVersion, tx) {
      for (let v = oldVersion; v < migrations.length; v++) migrations[v]?.(database, tx);
    },
    blocking() {
      db.close();
      options.onVersionChange?.();
    },
    terminated() {
      options.onTerminated?.();
    },
  });
  return db;
}

let shared: Promise<DB> | undefined;

/**
 * The shared connection, opened on first use. It sits beside the library's own connection, which
 * IndexedDB handles fine; when another tab upgrades the schema it is closed, and the next call
 * opens a new one. A failed open is not remembered, so a later call tries again.
 */
export function connection(): Promise<DB> {
  shared ??= openStore({ onVersionChange: () => (shared = undefined) }).catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}
