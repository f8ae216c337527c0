/**
 * The list's rows and filters. Pure, so the same code runs in tests and in the page. The words
 * of a query are matched by the search index (`engine.ts`, in a worker); what is left here is
 * cheap enough for the main thread at 100,000 rows: the tag, the order, merging synced rows in.
 */
import type { Article } from '../feed/types';

/** What a list row needs: the article minus its body. */
export interface ListEntry {
  id: string;
  title: string;
  excerpt: string;
  sortDate: number;
  published?: number;
  tags: string[];
  authors: string[];
  language?: string;
}

export interface Filter {
  q: string;
  tag: string;
}

export const NO_FILTER: Filter = { q: '', tag: '' };

export function toEntry(a: Omit<Article, 'contentHtml' | 'contentText'>): ListEntry {
  const entry: ListEntry = {
    id: a.id,
    title: a.title,
    excerpt: a.excerpt,
    sortDate: a.sortDate,
    tags: a.tags,
    authors: a.authors.map((x) => x.name),
  };
  if (a.published !== undefined) entry.published = a.published;
  if (a.language) entry.language = a.language;
  return entry;
}

/**
 * The rows to show. Without a query (`ranked` undefined) every entry, in list order; with one,
 * the index's matches in its order (most relevant first), ids the list does not hold yet left
 * out. Either way narrowed to the tag, compared case-insensitively.
 */
export function applyFilter(entries: readonly ListEntry[], filter: Filter, ranked?: readonly string[], byId?: ReadonlyMap<string, ListEntry>): ListEntry[] {
  const tag = filter.tag.trim().toLowerCase();
  const hasTag = (e: ListEntry) => !tag || e.tags.some((t) => t.toLowerCase() === tag);
  if (!ranked) return tag ? entries.filter(hasTag) : entries.slice();
  const index = byId ?? indexById(entries);
  const out: ListEntry[] = [];
  for (const id of ranked) {
    const e = index.get(id);
    if (e && hasTag(e)) out.push(e);
  }
  return out;
}

export function indexById(entries: readonly ListEntry[]): Map<string, ListEntry> {
  return new Map(entries.map((e) => [e.id, e]));
}

/** Newest first; equal dates by id, descending (the reversed `by-date` index's order). */
export function byDate(a: ListEntry, b: ListEntry): number {
  return b.sortDate - a.sortDate || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * `entries` (in list order) with `incoming` added or replacing the entries of the same id, in
 * list order. A new array. A first sync appends pages of older articles, which costs one copy.
 */
export function mergeEntries(entries: readonly ListEntry[], incoming: readonly ListEntry[]): ListEntry[] {
  if (incoming.length === 0) return entries.slice();
  const fresh = new Map(incoming.map((e) => [e.id, e]));
  const kept = entries.length && entries.some((e) => fresh.has(e.id)) ? entries.filter((e) => !fresh.has(e.id)) : entries.slice();
  const add = [...fresh.values()].sort(byDate);
  const last = kept[kept.length - 1];
  if (!last || byDate(last, add[0]!) <= 0) return kept.concat(add);
  // Interleave: both lists are sorted, so one pass merges them.
  const out: ListEntry[] = new Array(kept.length + add.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < kept.length && j < add.length) out[k++] = byDate(kept[i]!, add[j]!) <= 0 ? kept[i++]! : add[j++]!;
  while (i < kept.length) out[k++] = kept[i++]!;
  while (j < add.length) out[k++] = add[j++]!;
  return out;
}

/** Every tag with how many entries carry it, most used first, then alphabetically. */
export function tagCounts(entries: readonly ListEntry[]): { tag: string; count: number }[] {
  const counts = new Map<string, { tag: string; count: number }>();
  for (const e of entries) {
    for (const t of e.tags) {
      const key = t.toLowerCase();
      const c = counts.get(key);
      if (c) c.count++;
      else counts.set(key, { tag: t, count: 1 });
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

export function isFiltered(filter: Filter): boolean {
  return filter.q.trim() !== '' || filter.tag.trim() !== '';
}
