/**
 * The highlights store: the one door to stored highlights and notes. Every write also gives the
 * highlighted article's row a new change number, so the search index (which reads rows by change
 * number) re-indexes it with its notes: main search finds an article by the words of its notes.
 * Highlights are never removed by anything but the reader: not by syncs, clean-ups or updates.
 */
import type { Highlight } from '../core/highlights/highlight';
import type { IDBPTransaction } from 'idb';
import { withConnection, type DB } from './connection';
import type { ArticleRecord, BroadsheetDB } from './schema';

/** Every highlight, in no particular order. */
export async function allHighlights(db: DB): Promise<Highlight[]> {
  if (!db.objectStoreNames.contains('highlights')) return [];
  return db.getAll('highlights');
}

/** One article's highlights. */
export async function highlightsOf(db: DB, articleId: string): Promise<Highlight[]> {
  return db.getAllFromIndex('highlights', 'by-article', articleId);
}

/** How many highlights each highlighted article has (read from the index's keys, not the records). */
export async function highlightCounts(db: DB): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (!db.objectStoreNames.contains('highlights')) return counts;
  const index = db.transaction('highlights').store.index('by-article');
  for (let c = await index.openKeyCursor(); c; c = await c.continue()) counts.set(c.key, (counts.get(c.key) ?? 0) + 1);
  return counts;
}

/** `highlightCounts` on the shared connection: what the list's lazily loaded count reads. */
export const storedHighlightCounts = (): Promise<Map<string, number>> => withConnection(highlightCounts);

/** Writes highlights (made, edited or imported) and marks their articles changed for search. */
export async function putHighlights(db: DB, highlights: readonly Highlight[]): Promise<void> {
  if (highlights.length === 0) return;
  const tx = db.transaction(['highlights', 'articles'], 'readwrite');
  for (const h of highlights) void tx.objectStore('highlights').put(h);
  await touch(tx, new Set(highlights.map((h) => h.articleId)));
  await tx.done;
}

export async function putHighlight(db: DB, highlight: Highlight): Promise<void> {
  await putHighlights(db, [highlight]);
}

export async function deleteHighlight(db: DB, highlight: Pick<Highlight, 'id' | 'articleId'>): Promise<void> {
  const tx = db.transaction(['highlights', 'articles'], 'readwrite');
  void tx.objectStore('highlights').delete(highlight.id);
  await touch(tx, new Set([highlight.articleId]));
  await tx.done;
}

type Tx = IDBPTransaction<BroadsheetDB, ('highlights' | 'articles')[], 'readwrite'>;

/** Gives each stored article in `ids` a new change number, inside the writing transaction. */
async function touch(tx: Tx, ids: ReadonlySet<string>): Promise<void> {
  const articles = tx.objectStore('articles');
  const cursor = await articles.index('by-seq').openKeyCursor(null, 'prev');
  let seq = typeof cursor?.key === 'number' ? cursor.key : 0;
  for (const id of ids) {
    const row = await articles.get(id);
    if (row) await articles.put({ ...row, seq: ++seq });
  }
}

/**
 * Notes of the given articles, joined per article: what the search index adds to each one's text.
 * One key-only pass finds which of them have highlights; only those read their records. A
 * database older than the highlights store (the search worker never upgrades) has no notes.
 */
export async function notesOf(db: DB, ids: readonly string[]): Promise<Map<string, string>> {
  const notes = new Map<string, string>();
  if (!db.objectStoreNames.contains('highlights') || ids.length === 0) return notes;
  const index = db.transaction('highlights').store.index('by-article');
  const wanted = new Set(ids);
  const highlighted = new Set<string>();
  for (let c = await index.openKeyCursor(); c; c = await c.continue()) if (wanted.has(c.key)) highlighted.add(c.key);
  const found = await Promise.all([...highlighted].map((id) => index.getAll(id)));
  for (const list of found) {
    const text = list.map((h) => h.note).filter(Boolean).join('\n');
    if (text && list[0]) notes.set(list[0].articleId, text);
  }
  return notes;
}

/** Article ids that have at least one highlight: what a clean-up keeps unless asked. */
export async function highlightedIds(db: DB): Promise<Set<string>> {
  return new Set((await highlightCounts(db)).keys());
}

/** Every highlight, with the stored row (title, tags, date) of each highlighted article still stored. */
export async function highlightsWithRows(db: DB): Promise<{ highlights: Highlight[]; rows: Map<string, ArticleRecord> }> {
  const highlights = await allHighlights(db);
  const ids = [...new Set(highlights.map((h) => h.articleId))];
  const store = db.transaction('articles').store;
  const found = await Promise.all(ids.map((id) => store.get(id)));
  const rows = new Map<string, ArticleRecord>();
  for (const row of found) if (row) rows.set(row.id, row);
  return { highlights, rows };
}
