/**
 * What each page of the index was like when it was last fetched (validators, next_url), so the
 * next walk can ask with `If-None-Match` and go on past a 304 without the page's body. Pages are
 * written with their articles, in the same transaction (`write.ts`).
 */
import type { DB } from './connection';
import type { PageRecord } from './schema';

export function getPage(db: DB, url: string): Promise<PageRecord | undefined> {
  return db.get('pages', url);
}
