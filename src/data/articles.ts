/**
 * Reading articles. An article is stored in two parts: its row in `articles` (what the list
 * shows) and its body in `bodies`. `getArticle` joins them back; the list reads rows only.
 * Writing them is in `write.ts`, which only the sync and imports load.
 */
import type { Article } from '../core/feed/types';
import type { DB } from './connection';
import type { SyncRecord } from '../core/sync-types';
import type { ArticleRecord, BodyRecord } from './schema';

/** A stored row as the app sees it: the store's bookkeeping left out. */
export function toArticle(record: ArticleRecord, body?: BodyRecord): Article {
  const { seq: _seq, bodyHash: _hash, ...article } = record;
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

export async function getArticle(db: DB, id: string): Promise<Article | undefined> {
  const tx = db.transaction(['articles', 'bodies']);
  const [record, body] = await Promise.all([tx.objectStore('articles').get(id), tx.objectStore('bodies').get(id)]);
  return record && toArticle(record, body);
}

export function countArticles(db: DB): Promise<number> {
  return db.count('articles');
}

export async function getSyncRecord(db: DB): Promise<SyncRecord> {
  return (await db.get('meta', 'sync')) ?? {};
}
