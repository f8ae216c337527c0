/**
 * The IndexedDB schema, written once and checked on every call through idb's `DBSchema`.
 * Changing it means adding a migration to `migrations.ts`, never editing an old one.
 */
import type { DBSchema } from 'idb';
import type { Article } from '../feed/types';
import type { ImageRecord, JobRecord, OfflineRecord, QueueEntry } from '../offline/types';
import type { ReadingState } from '../state/reading';
import type { SyncRecord } from './meta';

export const DB_NAME = 'broadsheet';

export interface BroadsheetDB extends DBSchema {
  articles: {
    key: string;
    value: Article;
    indexes: { 'by-date': number };
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
  /** The current keep-offline run's progress. */
  jobs: {
    key: 'current';
    value: JobRecord;
  };
}
