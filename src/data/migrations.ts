/**
 * Schema migrations as an ordered list: entry N upgrades a database from version N to N+1.
 * `openDB` runs every entry from the stored version up, so a database from any earlier release
 * reaches the current shape in one upgrade transaction. Never edit a shipped entry; add one.
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { ArticleRecord, BroadsheetDB } from './schema';
import { hashBody } from '../core/hash';
import { needKey } from '../core/article';
import type { Article } from '../core/feed/types';

type UpgradeTx = IDBPTransaction<BroadsheetDB, StoreNames<BroadsheetDB>[], 'versionchange'>;
/**
 * One step. A step that rewrites records returns the promise of that work: the next step starts
 * after it, so it reads what this one wrote (all within the one upgrade transaction).
 */
export type Migration = (db: IDBPDatabase<BroadsheetDB>, tx: UpgradeTx) => void | Promise<void>;

/**
 * Runs the steps from `oldVersion` up, each after the previous one's requests have finished. A
 * step that fails aborts the upgrade: the database stays as it was, at its old version.
 */
export function runMigrations(db: IDBPDatabase<BroadsheetDB>, tx: UpgradeTx, oldVersion: number, migrations: readonly Migration[] = MIGRATIONS): void {
  let chain: Promise<void> = Promise.resolve();
  for (let v = oldVersion; v < migrations.length; v++) chain = chain.then(() => migrations[v]?.(db, tx));
  chain.catch(() => {
    try {
      tx.abort();
    } catch {
      // The transaction has already ended (aborted by the failing request itself).
    }
  });
}

export const MIGRATIONS: readonly Migration[] = [
  // 0 → 1: articles keyed by id, sorted by date; a small key-value store for sync bookkeeping.
  (db) => {
    const articles = db.createObjectStore('articles', { keyPath: 'id' });
    articles.createIndex('by-date', 'sortDate');
    db.createObjectStore('meta');
  },
  // 1 → 2: reading state (read, saved, progress) per article id. Saved articles are indexed by
  // when they were saved; records without `savedAt` simply stay out of that index.
  (db) => {
    const state = db.createObjectStore('state', { keyPath: 'id' });
    state.createIndex('by-saved', 'savedAt');
  },
  // 2 → 3: keeping articles offline. `images` is the bookkeeping of the kept images
  // whose bytes live in Cache Storage (least recently used first, srcset candidates as aliases);
  // `offline` lists kept and imported articles with the images each needs; `queue` and `jobs`
  // persist a keep-offline run so it resumes after the tab is closed. Nothing existing changes.
  (db) => {
    const images = db.createObjectStore('images', { keyPath: 'url' });
    images.createIndex('by-used', 'lastUsed');
    images.createIndex('by-alias', 'aliases', { multiEntry: true });
    db.createObjectStore('offline', { keyPath: 'id' });
    db.createObjectStore('queue', { keyPath: 'id' }).createIndex('by-seq', 'seq');
    db.createObjectStore('jobs');
  },
  // 3 → 4, for archives of 100,000 articles: bodies move out of `articles` into `bodies`,
  // so the list reads light rows; every article gets a change number (`seq`, index `by-seq`) so
  // the persisted search index can catch up on what changed; `pages` keeps each index page's
  // validators and next_url (conditional requests, resuming); `search` holds the serialized index.
  // Self-contained: it only touches what it creates and the article records' own fields.
  (db, tx) => {
    db.createObjectStore('bodies', { keyPath: 'id' });
    db.createObjectStore('pages', { keyPath: 'url' });
    db.createObjectStore('search');
    const articles = tx.objectStore('articles');
    articles.createIndex('by-seq', 'seq');
    const bodies = tx.objectStore('bodies');
    // Only IndexedDB requests are awaited here, so the upgrade transaction stays open throughout.
    let seq = 0;
    return (async () => {
      for (let cursor = await articles.openCursor(); cursor; cursor = await cursor.continue()) {
        const { contentHtml, contentText, ...rest } = cursor.value as ArticleRecord & { contentHtml?: string; contentText?: string };
        // Its `need` is added by 5 → 6 (`rest` is typed as today's row, which has one).
        const record: ArticleRecord = { ...rest, seq: ++seq };
        if (contentHtml !== undefined || contentText !== undefined) {
          record.bodyHash = hashBody(contentHtml, contentText);
          void bodies.put({ id: record.id, ...(contentHtml !== undefined ? { html: contentHtml } : {}), ...(contentText !== undefined ? { text: contentText } : {}) });
        }
        void cursor.update(record);
      }
    })();
  },
  // 4 → 5: highlights and notes, one record each, apart from the articles so that syncs,
  // clean-ups and updates never touch them; found by article (`by-article`) and by last change
  // (`by-updated`). Nothing existing changes.
  (db) => {
    const highlights = db.createObjectStore('highlights', { keyPath: 'id' });
    highlights.createIndex('by-article', 'articleId');
    highlights.createIndex('by-updated', 'updatedAt');
  },
  // 5 → 6: each row notes what reading it offline needs (`need`: nothing, its body, or the images
  // of one revision), made from its body, and the `by-need` index counts them: the storage panel
  // states how many articles read fully offline at 100,000 articles without reading a body.
  (_db, tx) => {
    const articles = tx.objectStore('articles');
    articles.createIndex('by-need', 'need');
    const bodies = tx.objectStore('bodies');
    // In chunks of rows, with the bodies of the same id range (both stores are keyed by id): two
    // requests per chunk rather than two per row, so 100,000 rows upgrade in seconds.
    return (async () => {
      for (let after: string | undefined; ; ) {
        const rows = await articles.getAll(after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), 1000);
        const first = rows[0];
        const last = rows[rows.length - 1];
        if (!first || !last) return;
        const byId = new Map((await bodies.getAll(IDBKeyRange.bound(first.id, last.id))).map((b) => [b.id, b]));
        for (const row of rows) {
          const body = byId.get(row.id);
          const article: Article = { ...row, ...(body?.html !== undefined ? { contentHtml: body.html } : {}), ...(body?.text !== undefined ? { contentText: body.text } : {}) };
          void articles.put({ ...row, need: needKey(article) });
        }
        after = last.id;
      }
    })();
  },
];

export const DB_VERSION = MIGRATIONS.length;
