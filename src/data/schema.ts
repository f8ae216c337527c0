/**
 * The IndexedDB schema, written once and checked on every call through idb's `DBSchema`.
 * Changing it means adding a migration to `migrations.ts`, never editing an old one.
 */
import type { DBSchema } from 'idb';
import type { NeedKey } from '../core/article';
import type { Article } from '../core/feed/types';
import type { Highlight } from '../core/highlights/highlight';
import type { ImageRecord, JobRecord, OfflineRecord, QueueEntry } from '../core/offline-records';
import type { ReadingState } from '../core/reading';
import type { SyncRecord } from '../core/sync-types';

/**
 * What the `articles` store holds: an article without its body, so that listing 100,000 of them
 * reads kilobytes per row, not the full text. Bodies live in `bodies`, joined back by `getArticle`.
 */
export interface ArticleRecord extends Omit<Article, 'contentHtml' | 'contentText'> {
  /**
   * Change number, increasing with every write of this store. The search index remembers the
   * last one it has seen, so after a cold start it only reads what changed since (`by-seq`).
   */
  seq: number;
  /** Hash of the body stored with the article (inline bodies), to see an unchanged body without reading it. */
  bodyHash?: number;
  /**
   * What reading it offline needs (`needKey` in core/article.ts), made from the body when it is
   * written: the storage panel counts readable articles from the `by-need` index, reading no body.
   */
  need: NeedKey;
}

/** The full text of one article: from the feed itself, or fetched from its `bodyUrl`. */
export interface BodyRecord {
  id: string;
  html?: string;
  text?: string;
}

/** What was learned about one page of the index the last time it was fetched. */
export interface PageRecord {
  /** The page's URL (the key). */
  url: string;
  etag?: string;
  lastModified?: string;
  /** Its `next_url`, absolute: after a 304 the walk goes on without the page's body. */
  nextUrl?: string;
  /** Articles the page held. */
  items: number;
  fetchedAt: number;
}

/** The search index, serialized, so a cold start loads it instead of rebuilding it. */
export interface SearchSnapshot {
  /** The index's format (fields, tokenizer); a snapshot of another format is rebuilt. */
  format: number;
  /** The highest article `seq` the snapshot includes. */
  seq: number;
  /** Documents in the snapshot. */
  count: number;
  /** MiniSearch's own JSON. */
  json: string;
}

export interface BroadsheetDB extends DBSchema {
  articles: {
    key: string;
    value: ArticleRecord;
    indexes: { 'by-date': number; 'by-seq': number; 'by-need': NeedKey };
  };
  bodies: {
    key: string;
    value: BodyRecord;
  };
  pages: {
    key: string;
    value: PageRecord;
  };
  search: {
    key: 'index';
    value: SearchSnapshot;
  };
  meta: {
    key: 'sync';
    value: SyncRecord;
  };
  /** Reading state, kept apart from articles so that syncs never overwrite it. */
  state: {
    key: string;
    value: ReadingState;
    indexes: { 'by-saved': number };
  };
  /** Kept images (bytes in Cache Storage): budget, LRU order, srcset aliases. */
  images: {
    key: string;
    value: ImageRecord;
    indexes: { 'by-used': number; 'by-alias': string };
  };
  /** Articles kept offline or imported, with the images each needs. */
  offline: {
    key: string;
    value: OfflineRecord;
  };
  /** The keep-offline queue, persisted so a download resumes after an interruption. */
  queue: {
    key: string;
    value: QueueEntry;
    indexes: { 'by-seq': number };
  };
  /** Highlights and notes, kept apart from articles so that syncs and clean-ups never touch them. */
  highlights: {
    key: string;
    value: Highlight;
    indexes: { 'by-article': string; 'by-updated': number };
  };
  /** The current keep-offline run's progress. */
  jobs: {
    key: 'current';
    value: JobRecord;
  };
}
