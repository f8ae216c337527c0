/**
 * Fetching the index over a bad network. Two timeouts, because a cheap phone on 2G can take a
 * minute to download a feed that is arriving steadily, while a dead connection should be given
 * up on quickly: `firstByteMs` for the server to answer, `stallMs` for any gap between chunks.
 */
import type { SyncFailure } from '../store/meta';

export interface FetchOptions {
  fetchImpl?: typeof fetch;
  firstByteMs?: number;
  stallMs?: number;
  maxBytes?: number;
  signal?: AbortSignal;
  /** Whether the browser thinks it is online; decides between "offline" and "network". */
  isOnline?: () => boolean;
}

export type FetchResult = { ok: true; text: string; url: string } | { ok: false; failure: SyncFailure };

export const DEFAULT_FETCH = {
  firstByteMs: 10_000,
  stallMs: 15_000,
  maxBytes: 64 * 1024 * 1024,
} as const;

export async function fetchIndex(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const firstByteMs = options.firstByteMs ?? DEFAULT_FETCH.firstByteMs;
  const stallMs = options.stallMs ?? DEFAULT_FETCH.stallMs;
  const maxBytes = options.maxBytes ?? DEFAULT_FETCH.maxBytes;
  const isOnline = options.isOnline ?? (() => typeof navigator === 'undefined' || navigator.onLine !== false);

  const controller = new AbortController();
  const outer = options.signal;
  const onOuterAbort = () => controller.abort(outer?.reason);
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  let timedOut = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = ms;
      controller.abort();
    }, ms);
  };

  try {
    arm(firstByteMs);
    // `no-cache` revalidates with the server (ETag / Last-Modified) instead of trusting a stale
    // HTTP cache entry: the index is data and must be fresh whenever the network allows.
    const response = await fetchImpl(url, {
      cache: 'no-cache',
      signal: controller.signal,
      headers: { Accept: 'application/feed+json, application/json;q=0.9, */*;q=0.1' },
    });
    if (!response.ok) {
      void response.body?.cancel().catch(() => {});
      return { ok: false, failure: { kind: 'http', status: response.status, statusText: response.statusText } };
    }
    arm(stallMs);
    const text = await readText(response, maxBytes, () => arm(stallMs));
    if (text === undefined) return { ok: false, failure: { kind: 'too-large', bytes: maxBytes } };
    return { ok: true, text, url: response.url || url };
  } catch (error) {
    if (timedOut) return { ok: false, failure: { kind: 'timeout', seconds: Math.round(timedOut / 1000) } };
    if (outer?.aborted) throw error;
    return { ok: false, failure: { kind: isOnline() ? 'network' : 'offline' } };
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuterAbort);
  }
}

/** Reads the body as UTF-8, calling `onChunk` as bytes arrive. `undefined` when over `maxBytes`. */
async function readText(response: Response, maxBytes: number, onChunk: () => void): Promise<string | undefined> {
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder('utf-8');
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    onChunk();
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
