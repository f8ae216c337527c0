/**
 * The seam between "keep offline" and bodies on demand (the archive-scale issue). Today every
 * stored article carries its body, so nothing needs fetching; when an index may leave bodies out,
 * the lead wires that body fetcher here with `setBodySource`, and both the list's
 * "readable offline" marks and the keep-offline runs treat a missing body as "not stored yet".
 */
import type { Article } from '../../core/feed/types';

export interface BodySource {
  /** True when the article's body is not stored yet and must be fetched to read it offline. */
  needsBody(article: Article): boolean;
  /** Fetches the body, stores it, and returns the article with it. */
  fetchBody(article: Article, signal: AbortSignal): Promise<Article>;
}

const storedBodies: BodySource = {
  needsBody: () => false,
  fetchBody: async (article) => article,
};

let source: BodySource = storedBodies;

export function setBodySource(next: BodySource): void {
  source = next;
}

export const needsBody = (article: Article): boolean => source.needsBody(article);
export const fetchBody = (article: Article, signal: AbortSignal): Promise<Article> => source.fetchBody(article, signal);
