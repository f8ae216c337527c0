/**
 * Where the search index gets its documents and keeps its snapshot. The IndexedDB corpus reads
 * rows by change number (`by-seq`), so after loading a snapshot the index only reads what was
 * written since; it opens the database without a version, so it never runs migrations (the page
 * does) and steps aside when the page upgrades the schema.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { BroadsheetDB, SearchSnapshot } from '../../data/schema';
import { docOf, type DocSource, type SearchDoc } from './engine';

export interface Changes {
  docs: SearchDoc[];
  /** The highest change number among `docs`' rows; the next read starts after it. */
  seq: number;
}

export interface Corpus {
  loadSnapshot(): Promise<SearchSnapshot | undefined>;
  saveSnapshot(snapshot: SearchSnapshot): Promise<void>;
  /** Up to `limit` documents whose rows changed after `since`, oldest change first. */
  changes(since: number, limit: number): Promise<Changes>;
  /** Rows in the store, to check that the index holds them all. */
  count(): Promise<number>;
}

export function idbCorpus(name: string): Corpus {
  let db: Promise<IDBPDatabase<BroadsheetDB>> | undefined;
  const open = () =>
    (db ??= openDB<BroadsheetDB>(name, undefined, {
      blocking() {
        // The page is upgrading the schema: let it, and reopen on the next read.
        void db?.then((d) => d.close());
        db = undefined;
      },
    }));
  return {
    async loadSnapshot() {
      const d = await open();
      if (!d.objectStoreNames.contains('search')) return undefined;
      return d.get('search', 'index');
    },
    async saveSnapshot(snapshot) {
      await (await open()).put('search', snapshot, 'index');
    },
    async changes(since, limit) {
      const d = await open();
      const tx = d.transaction(['articles', 'bodies']);
      const rows = await tx.objectStore('articles').index('by-seq').getAll(IDBKeyRange.lowerBound(since, true), limit);
      const bodies = tx.objectStore('bodies');
      // Only rows that have a body stored ask for it: an archive of summaries reads no bodies.
      const withBody = await Promise.all(rows.map((r) => (r.bodyHash !== undefined || r.hasBody ? bodies.get(r.id) : undefined)));
      const docs = rows.map((r, i) => docOf(r, withBody[i]));
      return { docs, seq: rows.length ? rows[rows.length - 1]!.seq : since };
    },
    async count() {
      return (await open()).count('articles');
    },
  };
}

/**
 * A corpus over articles held in memory (the library used when IndexedDB is refused). Small by
 * nature, so every change re-reads everything: `version` goes up whenever the articles change.
 */
export function memoryCorpus(articles: () => readonly (DocSource & { contentHtml?: string; contentText?: string })[], version: () => number): Corpus {
  let snapshot: SearchSnapshot | undefined;
  return {
    loadSnapshot: async () => snapshot,
    saveSnapshot: async (s) => {
      snapshot = s;
    },
    async changes(since) {
      const v = version();
      if (v <= since) return { docs: [], seq: since };
      const docs = articles().map((a) => docOf(a, { ...(a.contentHtml !== undefined ? { html: a.contentHtml } : {}), ...(a.contentText !== undefined ? { text: a.contentText } : {}) }));
      return { docs, seq: v };
    },
    count: async () => articles().length,
  };
}
