/**
 * Page 1 of the index, requested as the app starts on a first visit, in parallel with loading
 * the app's code, opening the database and taking the tab lock, rather than after all of them.
 * The sync's first fetch of that URL takes this response instead of asking again.
 *
 * Only when nothing is stored yet (no first screen of rows kept): a returning reader's page 1 is
 * asked conditionally (a 304 when unchanged), which a blind early request would defeat.
 */
/** What the index is asked for: a JSON Feed, else any JSON. */
export const INDEX_ACCEPT = 'application/feed+json, application/json;q=0.9, */*;q=0.1';

let early: { url: string; response: Promise<Response> } | undefined;

export function prefetchFirstPage(url: string): void {
  if (early || typeof fetch !== 'function') return;
  const response = fetch(url, { cache: 'no-cache', headers: { Accept: INDEX_ACCEPT } });
  // Never an unhandled rejection: the sync's own fetch reports the failure if it is taken.
  response.catch(() => {});
  early = { url, response };
}

/** The early response for `url`, once; `undefined` when there is none. */
export function takeEarly(url: string): Promise<Response> | undefined {
  if (early?.url !== url) return undefined;
  const { response } = early;
  early = undefined;
  return response;
}
