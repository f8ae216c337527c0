/**
 * The publisher's article model: what every source is turned into, and what the archive stores.
 * It maps one-to-one onto a JSON Feed 1.1 item; the body (`html` or `text`) goes into its own file.
 */
import type { Author } from '../src/core/feed/types';

export interface Entry {
  id: string;
  url?: string;
  externalUrl?: string;
  /** Plain text. Empty only when the source had no title. */
  title: string;
  /** Plain text. */
  summary?: string;
  html?: string;
  text?: string;
  /** Epoch milliseconds. */
  published?: number;
  modified?: number;
  tags: string[];
  authors: Author[];
  language?: string;
  image?: string;
}

/** What the archive is called and where it lives (the head page's top-level fields). */
export interface FeedMeta {
  title?: string;
  homePageUrl?: string;
  description?: string;
  language?: string;
}

/** One source's entries, plus what was repaired or skipped in it. */
export interface SourceResult {
  source: string;
  kind: 'rss' | 'atom' | 'rdf' | 'json-feed' | 'wordpress' | 'markdown';
  meta: FeedMeta;
  entries: Entry[];
  notes: string[];
}

/** A whole source refused: the message says why, for a person. */
export class InputError extends Error {
  override name = 'InputError';
}

/** The date a revision is judged by: modified, else published. */
export function versionDate(e: Pick<Entry, 'published' | 'modified'>): number {
  return e.modified ?? e.published ?? 0;
}

/** Of two copies of one id, the one to keep: the newer revision, else the longer body. */
export function better(a: Entry, b: Entry): Entry {
  const d = versionDate(b) - versionDate(a);
  if (d !== 0) return d > 0 ? b : a;
  return bodyLength(b) > bodyLength(a) ? b : a;
}

function bodyLength(e: Entry): number {
  return (e.html ?? e.text ?? e.summary ?? '').length;
}

/**
 * Removes duplicate ids within one source, keeping `better` copies, and says how many were
 * dropped.
 */
export function dedupe(entries: Entry[], notes: string[]): Entry[] {
  const byId = new Map<string, Entry>();
  const dups: string[] = [];
  for (const e of entries) {
    const seen = byId.get(e.id);
    if (seen) {
      dups.push(e.id);
      byId.set(e.id, better(seen, e));
    } else byId.set(e.id, e);
  }
  if (dups.length) notes.push(`${dups.length} duplicate id${dups.length > 1 ? 's' : ''} (${[...new Set(dups)].slice(0, 3).map((d) => JSON.stringify(d)).join(', ')}): kept the newest copy`);
  return [...byId.values()];
}
