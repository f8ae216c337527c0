/**
 * The IndexedDB schema, written once and checked on every call through idb's `DBSchema`.
 * Changing it means adding a migration to `migrations.ts`, never editing an old one.
 */
import type { DBSchema } from 'idb';
import type { Article } from '../feed/types';
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
}
