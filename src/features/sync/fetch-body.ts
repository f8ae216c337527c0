/**
 * Fetching one article's body on demand, from the `bodyUrl` its index entry gave
 * (`_broadsheet.body_url`). Same network rules as the index (first-byte and stall timeouts);
 * the body is untrusted like any content and is only ever rendered through the sanitizer.
 */
import { LIMITS } from '../../core/feed/parse';
import type { Article } from '../../core/feed/types';
import type { SyncFailure } from '../../core/sync-types';
import type { BodyRecord } from '../../data/schema';
import { fetchIndex, type FetchOptions } from './fetch-index';

export type BodyFetch = { ok: true; body: BodyRecord } | { ok: false; failure: SyncFailure };

/** Bodies larger than this are refused; up to it, they are cut to the parser's content cap. */
const MAX_BYTES = 8 * 1024 * 1024;

/**
 * Downloads an article's body from its `bodyUrl` and returns it, ready to store; stores nothing
 * itself (the library does, so a body fetched for the memory library is kept in memory).
 */
export async function downloadBody(article: Pick<Article, 'id' | 'bodyUrl' | 'bodyType'>, options: FetchOptions = {}): Promise<BodyFetch> {
  if (!article.bodyUrl) return { ok: false, failure: { kind: 'http', status: 404, statusText: 'No body URL' } };
  const base = options.fetchImpl ?? fetch;
  let contentType = '';
  // fetchIndex asks for a feed; a body is a document. Same timeouts, another Accept, and the
  // Content-Type kept to tell HTML from text when the feed did not say.
  const fetchImpl: typeof fetch = async (input, init) => {
    const response = await base(input, { ...init, headers: { Accept: 'text/html, text/plain;q=0.9, */*;q=0.1' } });
    contentType = response.headers.get('Content-Type') ?? '';
    return response;
  };
  const got = await fetchIndex(article.bodyUrl, { maxBytes: MAX_BYTES, ...options, fetchImpl });
  if (!got.ok) return got;
  if (got.notModified) return { ok: false, failure: { kind: 'http', status: 304, statusText: 'Not Modified' } };
  const type = article.bodyType ?? (/^text\/plain/i.test(contentType) ? 'text' : 'html');
  const text = got.text.length > LIMITS.content ? got.text.slice(0, LIMITS.content) : got.text;
  return { ok: true, body: type === 'text' ? { id: article.id, text } : { id: article.id, html: text } };
}
