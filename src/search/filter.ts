/**
 * The list's filters: a word search plus a tag. Pure, so the same code runs in tests and in the
 * page. Entries are prepared once per load (`toEntry`), so typing only scans prepared strings.
 */
import { htmlToText } from '../feed/text';
import type { Article } from '../feed/types';
import { fold, queryWords } from './normalize';

/** What a list row and the search need: the article minus its heavy body. */
export interface ListEntry {
  id: string;
  title: string;
  excerpt: string;
  sortDate: number;
  published?: number;
  tags: string[];
  authors: string[];
  language?: string;
  /** Folded title, summary, body text, tags and authors, padded with spaces for word starts. */
  haystack: string;
}

export interface Filter {
  q: string;
  tag: string;
}

export const NO_FILTER: Filter = { q: '', tag: '' };

export function toEntry(a: Article): ListEntry {
  const body = a.contentText ?? (a.contentHtml ? htmlToText(a.contentHtml) : '');
  const authors = a.authors.map((x) => x.name);
  const entry: ListEntry = {
    id: a.id,
    title: a.title,
    excerpt: a.excerpt,
    sortDate: a.sortDate,
    tags: a.tags,
    authors,
    haystack: ` ${fold([a.title, a.summary ?? '', body, a.tags.join(' '), authors.join(' ')].join(' '))} `,
  };
  if (a.published !== undefined) entry.published = a.published;
  if (a.language) entry.language = a.language;
  return entry;
}

/**
 * Entries matching every query word (as the start of a word, so "solid" finds "solidarity")
 * and the tag (compared case-insensitively). Keeps the input order.
 */
export function filterEntries(entries: readonly ListEntry[], filter: Filter): ListEntry[] {
  const words = queryWords(filter.q).map((w) => ` ${w}`);
  const tag = filter.tag.trim().toLowerCase();
  if (!words.length && !tag) return entries.slice();
  return entries.filter(
    (e) => (!tag || e.tags.some((t) => t.toLowerCase() === tag)) && words.every((w) => e.haystack.includes(w)),
  );
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
