/**
 * The list's rows and filters. Pure, so the same code runs in tests and in the page. The words
 * of a query are matched by the search index (`engine.ts`, in a worker); what is left here is
 * cheap enough for the main thread at 100,000 rows: the tag, the order, merging synced rows in.
 */
import { newestFirst } from './order';
import type { Article } from './feed/types';

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
  /** Words in the article (counted when it was stored), for the reading time. */
  words?: number;
}

export interface Filter {
  q: string;
  tag: string;
  /** Only articles not read yet. */
  unread?: boolean;
  /** Only saved articles. */
  saved?: boolean;
  /** An author's name, compared case-insensitively. */
  author?: string;
  /** A language: "es" also matches "es-MX". */
  lang?: string;
  /** Inclusive date range on the article's date, as YYYY-MM-DD (UTC days). */
  from?: string;
  to?: string;
}

/** What the list needs to know about an article's reading state to filter and mark it. */
export interface StateView {
  read: boolean;
  saved: boolean;
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
  if (a.words) entry.words = a.words;
  return entry;
}

/**
 * The rows to show. Without a query (`ranked` undefined) every entry, in list order; with one,
 * the index's matches in its order (most relevant first), ids the list does not hold yet left
 * out. Either way narrowed by every facet (tag, unread, saved, author, language, date range).
 */
export function applyFilter(
  entries: readonly ListEntry[],
  filter: Filter,
  ranked?: readonly string[],
  byId?: ReadonlyMap<string, ListEntry>,
  states: ReadonlyMap<string, StateView> = new Map(),
): ListEntry[] {
  const facet = facetTest(filter, states);
  if (!ranked) return facet ? entries.filter(facet) : entries.slice();
  const index = byId ?? indexById(entries);
  const out: ListEntry[] = [];
  for (const id of ranked) {
    const e = index.get(id);
    if (e && (!facet || facet(e))) out.push(e);
  }
  return out;
}

export function indexById(entries: readonly ListEntry[]): Map<string, ListEntry> {
  return new Map(entries.map((e) => [e.id, e]));
}


/**
 * `entries` (in list order) with `incoming` added or replacing the entries of the same id, in
 * list order. A new array. A first sync appends pages of older articles, which costs one copy.
 */
export function mergeEntries(entries: readonly ListEntry[], incoming: readonly ListEntry[]): ListEntry[] {
  if (incoming.length === 0) return entries.slice();
  const fresh = new Map(incoming.map((e) => [e.id, e]));
  const kept = entries.length && entries.some((e) => fresh.has(e.id)) ? entries.filter((e) => !fresh.has(e.id)) : entries.slice();
  const add = [...fresh.values()].sort(newestFirst);
  const last = kept[kept.length - 1];
  const first = add[0];
  if (!last || !first || newestFirst(last, first) <= 0) return kept.concat(add);
  // Interleave: both lists are sorted, so one pass merges them (a kept entry goes first on a tie).
  const out: ListEntry[] = [];
  let j = 0;
  for (const e of kept) {
    for (let next = add[j]; next && newestFirst(e, next) > 0; next = add[++j]) out.push(next);
    out.push(e);
  }
  return j < add.length ? out.concat(add.slice(j)) : out;
}

const DAY = 86_400_000;

/** Parses YYYY-MM-DD as a UTC day; anything else is no bound. */
export function dayStart(v: string | undefined): number | undefined {
  const m = v ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null;
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  date.setUTCFullYear(y); // Date.UTC maps years 0–99 to the 1900s
  // Refuse impossible days (2024-02-30) instead of letting them roll into the next month.
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date.getTime() : undefined;
}

/** One predicate for every facet that is set, or undefined when none is. */
export function facetTest(filter: Filter, states: ReadonlyMap<string, StateView>): ((e: ListEntry) => boolean) | undefined {
  const tests: ((e: ListEntry) => boolean)[] = [];
  const tag = filter.tag.trim().toLowerCase();
  if (tag) tests.push((e) => e.tags.some((t) => t.toLowerCase() === tag));
  if (filter.unread) tests.push((e) => !states.get(e.id)?.read);
  if (filter.saved) tests.push((e) => states.get(e.id)?.saved === true);
  const author = filter.author?.trim().toLowerCase();
  if (author) tests.push((e) => e.authors.some((a) => a.toLowerCase() === author));
  const lang = filter.lang?.trim().toLowerCase();
  if (lang) tests.push((e) => !!e.language && (e.language.toLowerCase() === lang || e.language.toLowerCase().startsWith(`${lang}-`)));
  const from = dayStart(filter.from);
  if (from !== undefined) tests.push((e) => e.sortDate >= from);
  const to = dayStart(filter.to);
  if (to !== undefined) tests.push((e) => e.sortDate < to + DAY);
  if (!tests.length) return undefined;
  return (e) => tests.every((t) => t(e));
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

/** Every author with how many entries name them, alphabetically. */
export function authorCounts(entries: readonly ListEntry[]): { name: string; count: number }[] {
  const counts = new Map<string, { name: string; count: number }>();
  for (const e of entries) {
    for (const name of e.authors) {
      const c = counts.get(name.toLowerCase());
      if (c) c.count++;
      else counts.set(name.toLowerCase(), { name, count: 1 });
    }
  }
  return [...counts.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Every language (primary subtag) with how many entries are in it, most used first. */
export function languageCounts(entries: readonly ListEntry[]): { lang: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const e of entries) {
    const lang = e.language?.toLowerCase().split('-')[0];
    if (lang) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  return [...counts].map(([lang, count]) => ({ lang, count })).sort((a, b) => b.count - a.count || a.lang.localeCompare(b.lang));
}

/** How many facets beyond the search words are set. */
export function facetCount(filter: Filter): number {
  return [
    filter.tag.trim(),
    filter.unread,
    filter.saved,
    filter.author?.trim(),
    filter.lang?.trim(),
    dayStart(filter.from) !== undefined,
    dayStart(filter.to) !== undefined,
  ].filter(Boolean).length;
}

export function isFiltered(filter: Filter): boolean {
  return filter.q.trim() !== '' || facetCount(filter) > 0;
}
