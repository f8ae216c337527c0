/**
 * Schema migrations as an ordered list: entry N upgrades a database from version N to N+1.
 * `openDB` runs every entry from the stored version up, so a database from any earlier release
 * reaches the current shape in one upgrade transaction. Never edit a shipped entry; add one.
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { ArticleRecord, BroadsheetDB } from './schema';
import { hashBody } from '../core/hash';

type UpgradeTx = IDBPTransaction<BroadsheetDB, StoreNames<BroadsheetDB>[], 'versionchange'>;
export type Migration = (db: IDBPDatabase<BroadsheetDB>, tx: UpgradeTx) => void;

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
    void (async () => {
      for (let cursor = await articles.openCursor(); cursor; cursor = await cursor.continue()) {
        const { contentHtml, contentText, ...rest } = cursor.value as ArticleRecord & { contentHtml?: string; contentText?: string };
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
];

export const DB_VERSION = MIGRATIONS.length;
