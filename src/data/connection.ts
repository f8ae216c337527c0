/**
 * Opening the database. Kept apart from the queries so that tests can open a fresh database by
 * name, and so the connection lifecycle (blocked upgrades, closed connections, browsers that never
 * answer) lives in one place: `openStore` for a connection its caller owns, `openWithin` for the
 * library's own connection, `connection()` for the one shared lazily by the page's offline
 * features and by the service worker (reached through `withConnection`), and
 * `nonUpgradingConnection` for the search worker.
 */
import { openDB, unwrap, type IDBPDatabase } from 'idb';
import { DB_NAME } from '../core/names';
import { MIGRATIONS, runMigrations, type Migration } from './migrations';
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

/**
 * Transactions begun on a connection from `openStore` and not finished yet. WebKit (until its bug
 * 315804 was fixed upstream in June 2026) keeps the transactions of a page it suspends for the
 * back/forward cache open, since their commits wait for the suspended page's script: every later
 * transaction of other pages, workers and the service worker on the same stores waits behind them
 * until the cached page is dropped. `abortOpenTransactions` lets the page end them as it is cached.
 */
const unfinished = new Set<IDBTransaction>();

/** Notes each transaction the connection begins, until it completes or aborts. */
function tracked(db: DB): DB {
  const raw = unwrap(db);
  const begin = raw.transaction.bind(raw);
  raw.transaction = ((...args: Parameters<IDBDatabase['transaction']>) => {
    const tx = begin(...args);
    unfinished.add(tx);
    const end = () => unfinished.delete(tx);
    tx.addEventListener('complete', end);
    tx.addEventListener('abort', end);
    return tx;
  }) as IDBDatabase['transaction'];
  return db;
}

/**
 * Aborts every transaction of this context that has not finished: called as the page enters the
 * back/forward cache (`pagehide` with `persisted`), so none of them holds the database while the
 * page is suspended. Returns how many were aborted: work a page shown again must redo.
 */
export function abortOpenTransactions(): number {
  let aborted = 0;
  for (const tx of unfinished) {
    try {
      tx.abort();
      aborted++;
    } catch {
      // Finished in the meantime: nothing to end.
    }
  }
  unfinished.clear();
  return aborted;
}

export async function openStore(options: OpenOptions = {}): Promise<DB> {
  const migrations = options.migrations ?? MIGRATIONS;
  const db = await openDB<BroadsheetDB>(options.name ?? DB_NAME, migrations.length, {
    upgrade(database, oldVersion, _newVersion, tx) {
      runMigrations(database, tx, oldVersion, migrations);
    },
    blocking() {
      db.close();
      options.onVersionChange?.();
    },
    terminated() {
      options.onTerminated?.();
    },
  });
  return tracked(db);
}

/**
 * `openStore`, giving up after `ms`. Some browsers never answer `indexedDB.open` (an iOS bug, a
 * wedged profile): rather than wait on "Loading articles…" forever, the caller is told it failed
 * and can work from memory; a connection that opens after all is closed again.
 */
export function openWithin(ms: number, options: OpenOptions = {}): Promise<DB> {
  return new Promise<DB>((resolve, reject) => {
    const opened = openStore(options);
    const timer = setTimeout(() => {
      reject(new Error(`IndexedDB did not open within ${ms} ms`));
      opened.then((db) => db.close(), () => {});
    }, ms);
    opened.finally(() => clearTimeout(timer)).then(resolve, reject);
  });
}

let shared: Promise<DB> | undefined;

/**
 * The shared connection, opened on first use. It sits beside the library's own connection, which
 * IndexedDB handles fine; when another tab upgrades the schema it is closed, and the next call
 * opens a new one. A failed open is not remembered, so a later call tries again.
 */
function connection(): Promise<DB> {
  shared ??= openStore({ onVersionChange: () => (shared = undefined) }).catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}

/**
 * Runs a data-layer function on the shared connection: `withConnection(keptRecord, id)`. Views,
 * the offline features and the service worker go through here, so none of them holds a
 * connection or decides when one is opened.
 */
export async function withConnection<A extends unknown[], R>(run: (db: DB, ...args: A) => Promise<R> | R, ...args: A): Promise<R> {
  return run(await connection(), ...args);
}

/**
 * A connection for a context that must never upgrade the schema (the search worker): opened
 * without a version, so it never runs migrations (the page does), and closed when the page
 * upgrades, to be opened again on the next call. It may find a database older than the schema.
 */
export function nonUpgradingConnection(name: string): () => Promise<DB> {
  let db: Promise<DB> | undefined;
  return () =>
    (db ??= openDB<BroadsheetDB>(name, undefined, {
      blocking() {
        // The page is upgrading the schema: let it, and reopen on the next read.
        void db?.then((d) => d.close());
        db = undefined;
      },
    }));
}
