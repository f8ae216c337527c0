/**
 * Reading articles. An article is stored in two parts: its row in `articles` (what the list
 * shows) and its body in `bodies`. `getArticle` joins them back; the list reads rows only.
 * Writing them is in `write.ts`, which only the sync and imports load.
 */
import { unwrap, wrap } from 'idb';
import { newestFirst } from '../core/order';
import type { NeedKey } from '../core/article';
import type { Article } from '../core/feed/types';
import type { DB } from './connection';
import type { SyncRecord } from '../core/sync-types';
import type { ArticleRecord, BodyRecord } from './schema';

/** A list row: an article without its body. */
export type Row = Omit<Article, 'contentHtml' | 'contentText'>;

/** A stored row as the app sees it: the store's bookkeeping left out. */
export function toArticle(record: ArticleRecord, body?: BodyRecord): Article {
  const { seq: _seq, bodyHash: _hash, need: _need, ...article } = record;
  const out: Article = article;
  if (body?.html !== undefined) out.contentHtml = body.html;
  if (body?.text !== undefined) out.contentText = body.text;
  return out;
}

/** Every stored article with its body, newest first. For small stores and tests; the list reads rows. */
export async function listArticles(db: DB): Promise<Article[]> {
  const tx = db.transaction(['articles', 'bodies']);
  const [rows, bodies] = await Promise.all([tx.objectStore('articles').index('by-date').getAll(), tx.objectStore('bodies').getAll()]);
  const byId = new Map(bodies.map((b) => [b.id, b]));
  return rows.reverse().map((r) => toArticle(r, byId.get(r.id)));
}

/**
 * The stored articles among `ids`, with their bodies, newest first: two reads per id in one
 * transaction, so a selection of a few articles never reads the whole archive's bodies.
 */
export async function articlesFor(db: DB, ids: Iterable<string>): Promise<Article[]> {
  const tx = db.transaction(['articles', 'bodies']);
  const rows = tx.objectStore('articles');
  const bodies = tx.objectStore('bodies');
  const found = await Promise.all([...new Set(ids)].map(async (id) => {
    const [record, body] = await Promise.all([rows.get(id), bodies.get(id)]);
    return record && toArticle(record, body);
  }));
  return found.filter((a): a is Article => a !== undefined).sort(newestFirst);
}

/**
 * What reading offline needs, counted without reading a body or the archive's rows: how many
 * articles are stored, how many need nothing (the `by-need` index), and the stored need of each
 * of `ids` (the kept articles, whose images decide theirs), undefined where the row is gone.
 */
export async function offlineNeeds(db: DB, ids: readonly string[]): Promise<{ total: number; ready: number; needs: (NeedKey | undefined)[] }> {
  const store = db.transaction('articles').store;
  const [total, ready, needs] = await Promise.all([store.count(), store.index('by-need').count(0), Promise.all(ids.map((id) => store.get(id).then((row) => row?.need)))]);
  return { total, ready, needs };
}

export async function getArticle(db: DB, id: string): Promise<Article | undefined> {
  const tx = db.transaction(['articles', 'bodies']);
  const [record, body] = await Promise.all([tx.objectStore('articles').get(id), tx.objectStore('bodies').get(id)]);
  return record && toArticle(record, body);
}

export function countArticles(db: DB): Promise<number> {
  return db.count('articles');
}

/** The id of every stored article, without reading the rows: a sync's "already stored?" set. */
export function articleIds(db: DB): Promise<string[]> {
  return db.getAllKeys('articles');
}

/** The newest `limit` rows: a cold start paints without reading the archive. */
export async function newestRows(db: DB, limit: number): Promise<Row[]> {
  // One request where the engine has getAllRecords (newest first, with a count); else a cursor,
  // which is one round trip per row.
  const native = unwrap(db.transaction('articles').store.index('by-date')) as IDBIndex & {
    getAllRecords?: (options: { count: number; direction: 'prev' }) => IDBRequest<{ value: Row }[]>;
  };
  if (typeof native.getAllRecords === 'function') {
    try {
      const records = await wrap(native.getAllRecords({ count: limit, direction: 'prev' }));
      return records.map((r) => r.value);
    } catch {
      // An older shape of the API: the cursor below works everywhere.
    }
  }
  const out: Row[] = [];
  const tx = db.transaction('articles');
  for (let cursor = await tx.store.index('by-date').openCursor(null, 'prev'); cursor && out.length < limit; cursor = await cursor.continue()) {
    out.push(cursor.value);
  }
  return out;
}

/**
 * Every row, newest first. Read in chunks by key so the page can paint and handle input between
 * them (one getAll of 100,000 rows is one long task), then sorted as the `by-date` index would.
 */
export async function allRows(db: DB, chunk = 5000): Promise<Row[]> {
  const rows: ArticleRecord[] = [];
  let after: string | undefined;
  for (;;) {
    const part = await db.getAll('articles', after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), chunk);
    rows.push(...part);
    const tail = part[part.length - 1];
    if (part.length < chunk || !tail) break;
    after = tail.id;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return rows.sort(newestFirst);
}

export async function getSyncRecord(db: DB): Promise<SyncRecord> {
  return (await db.get('meta', 'sync')) ?? {};
}
