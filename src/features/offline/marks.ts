/**
 * The list's "readable offline" marks, computed from the articles (the rule is `offlineNeed` and
 * `isReadableOffline` in core/article.ts). Loaded with the first store read, not in the first
 * paint: the marks need the stored articles, which arrive after it anyway.
 */
import { isReadableOffline, offlineNeed, type OfflineNeed } from '../../core/article';
import type { Article } from '../../core/feed/types';
import type { Kept } from './status';

export type Needs = ReadonlyMap<string, OfflineNeed>;

export const needsOf = (articles: readonly Article[]): Needs => new Map(articles.map((a) => [a.id, offlineNeed(a)]));

/**
 * The marks decided without storage (no images needed, or a body still to download), and
 * whether some rows need the kept images to be decided.
 */
export function quickMarks(needs: Needs): { marks: Map<string, boolean>; pending: boolean } {
  const marks = new Map<string, boolean>();
  let pending = false;
  for (const [id, need] of needs) {
    if (need === null) marks.set(id, true);
    else if ('body' in need) marks.set(id, false);
    else pending = true;
  }
  return { marks, pending };
}

export function fullMarks(needs: Needs, kept: Kept): Map<string, boolean> {
  const marks = new Map<string, boolean>();
  for (const [id, need] of needs) marks.set(id, isReadableOffline(need, kept.records.get(id), kept.images));
  return marks;
}
