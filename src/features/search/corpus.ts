/**
 * Where the search index gets its documents and keeps its snapshot. The IndexedDB corpus reads
 * rows by change number (`data/search-snapshot.ts`), so after loading a snapshot the index only
 * reads what was written since; its connection never runs migrations (the page does) and steps
 * aside when the page upgrades the schema.
 */
import { countArticles } from '../../data/articles';
import { nonUpgradingConnection } from '../../data/connection';
import type { SearchSnapshot } from '../../data/schema';
import { changedSince, loadSnapshot, saveSnapshot } from '../../data/search-snapshot';
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
  const open = nonUpgradingConnection(name);
  return {
    loadSnapshot: async () => loadSnapshot(await open()),
    saveSnapshot: async (snapshot) => saveSnapshot(await open(), snapshot),
    async changes(since, limit) {
      const { rows, seq } = await changedSince(await open(), since, limit);
      return { docs: rows.map(({ row, body, notes }) => docOf(row, body, notes)), seq };
    },
    count: async () => countArticles(await open()),
  };
}

/**
 * A corpus over articles held in memory (the library used when IndexedDB is refused). Small by
 * nature, so every change re-reads everything: `version` goes up whenever the articles change.
 */
export function memoryCorpus(articles: () => readonly (DocSource & { contentHtml?: string; contentText?: string })[], version: () => number): Corpus {
  let snapshot: SearchSnapshot | undefined;
  return {
    loadSnapshot: () => Promise.resolve(snapshot),
    saveSnapshot: (s) => {
      snapshot = s;
      return Promise.resolve();
    },
    changes(since) {
      const v = version();
      if (v <= since) return Promise.resolve({ docs: [], seq: since });
      const docs = articles().map((a) => docOf(a, { ...(a.contentHtml !== undefined ? { html: a.contentHtml } : {}), ...(a.contentText !== undefined ? { text: a.contentText } : {}) }));
      return Promise.resolve({ docs, seq: v });
    },
    count: () => Promise.resolve(articles().length),
  };
}
