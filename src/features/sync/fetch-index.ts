/**
 * Fetching the index over a bad network. Two timeouts, because a cheap phone on 2G can take a
 * minute to download a feed that is arriving steadily, while a dead connection should be given
 * up on quickly: `firstByteMs` for the server to answer, `stallMs` for any gap between chunks.
 */
import type { SyncFailure } from '../../core/sync-types';
import { countBytes } from '../../platform/data-used';
import { INDEX_ACCEPT, takeEarly } from './early';

export interface FetchOptions {
  fetchImpl?: typeof fetch;
  firstByteMs?: number;
  stallMs?: number;
  maxBytes?: number;
  signal?: AbortSignal;
  /** Whether the browser thinks it is online; decides between "offline" and "network". */
  isOnline?: () => boolean;
}

/** What the server said about a page last time, to ask "has it changed since?". */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type FetchResult =
  | ({ ok: true; notModified?: false; text: string; url: string } & Validators)
  | ({ ok: true; notModified: true; url: string } & Validators)
  | { ok: false; failure: SyncFailure };

export const DEFAULT_FETCH = {
  firstByteMs: 10_000,
  stallMs: 15_000,
  maxBytes: 64 * 1024 * 1024,
} as const;

/**
 * Fetches one page of the index. With `validators` from the last fetch of the same URL, an
 * unchanged page costs one 304 and comes back as `notModified`, without a body to parse.
 */
export async function fetchIndex(url: string, options: FetchOptions & { validators?: Validators } = {}): Promise<FetchResult> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const firstByteMs = options.firstByteMs ?? DEFAULT_FETCH.firstByteMs;
  const stallMs = options.stallMs ?? DEFAULT_FETCH.stallMs;
  const maxBytes = options.maxBytes ?? DEFAULT_FETCH.maxBytes;
  // Only a definite "offline" counts: a navigator without `onLine` (a stub) is taken as online.
  const isOnline = options.isOnline ?? (() => typeof navigator === 'undefined' || (navigator.onLine as boolean | undefined) !== false);

  const controller = new AbortController();
  const outer = options.signal;
  const onOuterAbort = () => controller.abort(outer?.reason);
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  let timedOut = 0;
  let answered = false;
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
    const headers: Record<string, string> = { Accept: INDEX_ACCEPT };
    const known = options.validators;
    // Our own conditional headers only on the app's origin: on another origin they would need a
    // CORS preflight the publisher may not allow. There, `no-cache` lets the browser's HTTP cache
    // revalidate, and an unchanged page is recognised by its validators below.
    const conditional = known && (known.etag || known.lastModified) && sameOrigin(url);
    if (conditional) {
      if (known.etag) headers['If-None-Match'] = known.etag;
      if (known.lastModified) headers['If-Modified-Since'] = known.lastModified;
    }
    // `no-cache` revalidates with the server (ETag / Last-Modified) instead of trusting a stale
    // HTTP cache entry: the index is data and must be fresh whenever the network allows. With our
    // own validators, `no-store` keeps the browser out of it, so a 304 reaches us as a 304.
    // Page 1 of a first visit may already be on its way (`early.ts`): the same request, made
    // before the database was even open. It is raced against this fetch's own abort and timeout.
    const early = !conditional && !options.fetchImpl ? takeEarly(url) : undefined;
    const response = early
      ? await Promise.race([
          early,
          new Promise<never>((_, reject) => {
            if (controller.signal.aborted) reject(new Error('aborted'));
            controller.signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
          }),
        ])
      : await fetchImpl(url, {
          cache: conditional ? 'no-store' : 'no-cache',
          signal: controller.signal,
          headers,
        });
    const seen = validatorsOf(response);
    if (response.status === 304 && conditional) {
      void response.body?.cancel().catch(() => {});
      return { ok: true, notModified: true, url, ...known, ...seen };
    }
    if (response.ok && known && sameValidators(known, seen)) {
      void response.body?.cancel().catch(() => {});
      return { ok: true, notModified: true, url: response.url || url, ...seen };
    }
    if (!response.ok) {
      void response.body?.cancel().catch(() => {});
      return { ok: false, failure: { kind: 'http', status: response.status, statusText: response.statusText } };
    }
    arm(stallMs);
    answered = true;
    let bytes = 0;
    const text = await readText(response, maxBytes, (n) => {
      bytes += n;
      arm(stallMs);
    });
    countBytes(bytes);
    if (text === undefined) return { ok: false, failure: { kind: 'too-large', bytes: maxBytes } };
    return { ok: true, text, url: response.url || url, ...seen };
  } catch (error) {
    if (timedOut) return { ok: false, failure: { kind: 'timeout', seconds: Math.round(timedOut / 1000) } };
    if (outer?.aborted) throw error;
    if (!isOnline()) return { ok: false, failure: { kind: 'offline' } };
    return { ok: false, failure: answered ? { kind: 'network', midway: true } : { kind: 'network' } };
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuterAbort);
  }
}

/** Reads the body as UTF-8, calling `onChunk` as bytes arrive. `undefined` when over `maxBytes`. */
async function readText(response: Response, maxBytes: number, onChunk: (bytes: number) => void): Promise<string | undefined> {
  if (!response.body) {
    const text = await response.text();
    onChunk(new TextEncoder().encode(text).byteLength);
    return text;
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder('utf-8');
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    onChunk(value.byteLength);
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

function validatorsOf(response: Response): Validators {
  const out: Validators = {};
  const etag = response.headers.get('ETag');
  const lastModified = response.headers.get('Last-Modified');
  if (etag) out.etag = etag;
  if (lastModified) out.lastModified = lastModified;
  return out;
}

/** The same strong ETag, or (without ETags) the same Last-Modified: the page has not changed. */
function sameValidators(a: Validators, b: Validators): boolean {
  if (a.etag && b.etag) return a.etag === b.etag;
  return !a.etag && !b.etag && !!a.lastModified && a.lastModified === b.lastModified;
}

function sameOrigin(url: string): boolean {
  try {
    return typeof location === 'undefined' || new URL(url, location.href).origin === location.origin;
  } catch {
    return false;
  }
}
