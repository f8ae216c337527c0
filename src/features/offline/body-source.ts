/**
 * How a keep-offline run gets a body that the index announced but left out (bodies on demand).
 * Downloading and storing a body is the library's (`open`), and the run must not load or open a
 * second one, so the page hands it over with `setBodyFetcher`. Whether an article needs a body
 * is the domain rule `needsBody` (core/article.ts), the same for every view.
 */
import { needsBody } from '../../core/article';
import type { Article } from '../../core/feed/types';

/** Downloads and stores the article's body; resolves to the article with it. */
export type BodyFetcher = (article: Article, signal: AbortSignal) => Promise<Article>;

let fetcher: BodyFetcher | undefined;

export function setBodyFetcher(next: BodyFetcher): void {
  fetcher = next;
}

/** The article with its body: as it is when its body is stored, else fetched (and stored) first. */
export async function withBody(article: Article, signal: AbortSignal): Promise<Article> {
  if (!needsBody(article)) return article;
  if (!fetcher) throw new Error(`Nothing in this page can download the body of ${article.id}`);
  return fetcher(article, signal);
}
