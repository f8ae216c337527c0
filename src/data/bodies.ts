/**
 * Bodies fetched on demand. Storing one marks its row `hasBody` and gives the row a new change
 * number in the same transaction, so the search index picks the full text up on its next pass.
 */
import { needKey } from '../core/article';
import type { Article } from '../core/feed/types';
import { wordsOf } from '../core/word-count';
import { toArticle } from './articles';
import type { DB } from './connection';
import type { BodyRecord } from './schema';

/** Stores the body fetched from an article's `bodyUrl`; returns the article with it, or undefined if the row is gone. */
export async function storeBody(db: DB, body: BodyRecord): Promise<Article | undefined> {
  const tx = db.transaction(['articles', 'bodies'], 'readwrite');
  const articles = tx.objectStore('articles');
  const [record, top] = await Promise.all([articles.get(body.id), articles.index('by-seq').openKeyCursor(null, 'prev')]);
  if (!record) {
    await tx.done;
    return undefined;
  }
  record.hasBody = true;
  const words = wordsOf({ contentHtml: body.html, contentText: body.text });
  if (words > 0) record.words = words;
  record.seq = (typeof top?.key === 'number' ? top.key : 0) + 1;
  const article = toArticle(record, body);
  record.need = needKey(article);
  await Promise.all([articles.put(record), tx.objectStore('bodies').put(body), tx.done]);
  return article;
}
