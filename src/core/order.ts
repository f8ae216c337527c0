/**
 * The list's order, on its own so that the list (first load) does not carry the rest of the
 * article rules (`article.ts`).
 */
import type { Article } from './feed/types';

/** The list's order: newest first; equal dates by id, descending, as the reversed `by-date` index has them. */
export function newestFirst(a: Pick<Article, 'sortDate' | 'id'>, b: Pick<Article, 'sortDate' | 'id'>): number {
  return b.sortDate - a.sortDate || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}
