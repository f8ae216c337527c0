/**
 * The full-text search core: MiniSearch over title, text (summary and body) and meta (tags and
 * authors), with the app's own folding. Pure: no DOM, no IndexedDB, so the same code runs in the
 * search worker, inline as a fallback, and in unit tests.
 *
 * Matching is what the list has always done: every query word must match (AND), as a word or
 * the start of one ("solid" finds "solidarity"), ignoring case and diacritics in any script.
 * A one-letter word matches only itself: expanding "s" to every word that starts with it touches
 * most of the index on every first keystroke and ranks nothing usefully.
 * Results are ranked by BM25 relevance, with title matches weighing most.
 */
import MiniSearch, { type Options } from 'minisearch';
import { htmlToText } from '../../core/feed/text';
import { fold } from './normalize';

/**
 * The index's format. A persisted snapshot of another format is thrown away and rebuilt, so
 * changing fields, boosts' meaning or the tokenizer means bumping this.
 */
export const FORMAT = 1;

/** What is indexed of one article. */
export interface SearchDoc {
  id: string;
  title: string;
  /** Summary and body text. */
  text: string;
  /** Tags and authors. */
  meta: string;
}

/** What `docOf` needs: a stored row (or a full article) and, if stored, its body. */
export interface DocSource {
  id: string;
  title: string;
  summary?: string;
  tags: readonly string[];
  authors: readonly { name: string }[];
}

/** `notes`: the reader's notes on the article's highlights, searched as part of its text. */
export function docOf(a: DocSource, body?: { html?: string; text?: string }, notes?: string): SearchDoc {
  const bodyText = body?.text ?? (body?.html ? htmlToText(body.html) : '');
  const text = a.summary && bodyText ? `${a.summary}\n${bodyText}` : (a.summary ?? bodyText);
  return {
    id: a.id,
    title: a.title,
    text: notes ? `${text}\n${notes}` : text,
    meta: [...a.tags, ...a.authors.map((x) => x.name)].join('\n'),
  };
}

// Letters, digits and combining marks make words; apostrophes stay inside them (fold drops them,
// so "workers'" and "workers" meet, and Ukrainian "здоров'я" is one word).
const SPLIT = /[^\p{L}\p{N}\p{M}’'`ʼ]+/u;
const PLAIN = /^[a-z0-9]+$/;

function tokenize(text: string): string[] {
  return text.split(SPLIT);
}

function processTerm(term: string): string | string[] | null {
  // Most words in most feeds are plain lower-case ASCII already: skip the Unicode work.
  if (PLAIN.test(term)) return term;
  const folded = fold(term);
  if (!folded) return null;
  return folded.includes(' ') ? folded.split(' ') : folded;
}

const OPTIONS: Options<SearchDoc> = {
  fields: ['title', 'text', 'meta'],
  storeFields: [],
  tokenize,
  processTerm,
  searchOptions: {
    combineWith: 'AND',
    prefix: (term: string) => term.length > 1,
    boost: { title: 3, meta: 2 },
  },
  // Replaced documents are discarded lazily; vacuuming then runs in the background in batches.
  autoVacuum: { minDirtCount: 1000, minDirtFactor: 0.1, batchSize: 2000, batchWait: 10 },
};

/** Query words after folding, as the index will see them; none for a query of only punctuation. */
export function queryTerms(q: string): string[] {
  const out: string[] = [];
  for (const token of tokenize(q)) {
    if (!token) continue;
    const t = processTerm(token);
    if (t) out.push(...(Array.isArray(t) ? t : [t]));
  }
  return out;
}

export class SearchIndex {
  private mini: MiniSearch<SearchDoc>;

  /** A new, empty index, or one loaded from `toJSON()`'s output. */
  constructor(json?: string) {
    this.mini = json ? MiniSearch.loadJSON<SearchDoc>(json, OPTIONS) : new MiniSearch<SearchDoc>(OPTIONS);
  }

  /** Documents in the index. */
  get size(): number {
    return this.mini.documentCount;
  }

  has(id: string): boolean {
    return this.mini.has(id);
  }

  /** Adds documents, replacing any already indexed under the same id. */
  upsert(docs: readonly SearchDoc[]): void {
    for (const doc of docs) {
      if (this.mini.has(doc.id)) this.mini.discard(doc.id);
      this.mini.add(doc);
    }
  }

  remove(ids: readonly string[]): void {
    for (const id of ids) if (this.mini.has(id)) this.mini.discard(id);
  }

  /**
   * Ids of the documents matching every word of `q`, most relevant first; `undefined` when `q`
   * holds no word at all (then there is nothing to search for, and the list is not narrowed).
   */
  search(q: string): string[] | undefined {
    const terms = queryTerms(q);
    if (terms.length === 0) return undefined;
    // Terms are passed already processed: MiniSearch would otherwise tokenize the joined string again.
    return this.mini.search({ queries: terms, combineWith: 'AND' }).map((r) => r.id as string);
  }

  toJSON(): string {
    return JSON.stringify(this.mini);
  }
}
