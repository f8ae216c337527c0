/**
 * Small typed builders shared by the unit tests: articles, feed files, fake `fetch`
 * implementations and a fresh database per test.
 */
import { vi, type Mock } from 'vitest';
import type { Article } from '../../src/core/feed/types';
import type { SyncRecord } from '../../src/core/sync-types';
import { listArticles } from '../../src/data/articles';
import { openStore, type DB } from '../../src/data/connection';

export const FEED_URL = 'https://news.example.org/feed.json';
export const JSON_FEED_1_1 = 'https://jsonfeed.org/version/1.1';

/** 2024-03-01T00:00:00Z plus `days`. */
export const day = (days: number): number => Date.UTC(2024, 2, 1) + days * 86_400_000;

let seq = 0;

/**
 * An `Article` as `parseFeedText` would produce it. `sortDate` follows `published`, then
 * `modified`, unless given.
 */
export function article(partial: Partial<Article> = {}): Article {
  const n = ++seq;
  const id = partial.id ?? `article-${n}`;
  const published = 'published' in partial ? partial.published : day(n);
  const base: Article = {
    id,
    title: `Title of ${id}`,
    titleFromText: false,
    excerpt: `Excerpt of ${id}`,
    sortDate: published ?? partial.modified ?? 0,
    tags: [],
    authors: [],
    baseUrl: FEED_URL,
  };
  if (published !== undefined) base.published = published;
  const result: Article = { ...base, ...partial };
  if (result.published === undefined) delete result.published;
  return result;
}

/** A JSON Feed item, as it appears in the file. */
export interface FeedItem {
  id?: unknown;
  title?: string;
  url?: string;
  summary?: string;
  content_html?: string;
  content_text?: string;
  date_published?: string;
  date_modified?: string;
  tags?: string[];
  authors?: { name: string; url?: string }[];
  language?: string;
  [key: string]: unknown;
}

/** A valid item with a date and some text. */
export function item(id: string, extra: Partial<FeedItem> = {}): FeedItem {
  return {
    id,
    title: `Story ${id}`,
    content_text: `Body of story ${id}.`,
    date_published: '2024-03-01T10:00:00Z',
    ...extra,
  };
}

/** The text of a JSON Feed file holding `items`. */
export function feedText(items: readonly unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ version: JSON_FEED_1_1, title: 'The Daily Test', home_page_url: 'https://news.example.org/', ...extra, items });
}

/** One scripted answer of a fake `fetch`. */
export type Reply =
  | string
  | { status: number; body?: string; statusText?: string; url?: string }
  | Error
  | (() => Response | Promise<Response>);

function toResponse(reply: Exclude<Reply, Error | (() => unknown)>): Response {
  if (typeof reply === 'string') return new Response(reply, { status: 200, headers: { 'Content-Type': 'application/feed+json' } });
  const response = new Response(reply.body ?? '', { status: reply.status, statusText: reply.statusText ?? '' });
  if (reply.url) Object.defineProperty(response, 'url', { value: reply.url });
  return response;
}

/**
 * A fake `fetch` answering each call with the next reply; the last reply is repeated for any
 * further call. Strings are 200 responses with that body; Errors reject (as `fetch` does on a
 * network failure).
 */
export function mockFetch(...replies: Reply[]): Mock<typeof fetch> {
  if (replies.length === 0) throw new Error('mockFetch needs at least one reply');
  let next = 0;
  return vi.fn<typeof fetch>(async () => {
    const reply = replies[Math.min(next++, replies.length - 1)]!;
    if (reply instanceof Error) throw reply;
    if (typeof reply === 'function') return reply();
    return toResponse(reply);
  });
}

/** What a browser's `fetch` rejects with when the network is down. */
export const networkError = (): TypeError => new TypeError('Failed to fetch');

/** The URL a fake `fetch` was asked for. */
export const urlOf = (input: RequestInfo | URL): string => (input instanceof Request ? input.url : String(input));

function abortReason(signal: AbortSignal | null | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new DOMException('The operation was aborted.', 'AbortError');
}

/** A server that never answers: the promise only settles (rejects) when the request is aborted. */
export const hangingFetch: typeof fetch = (_input, init) =>
  new Promise<Response>((_resolve, reject) => {
    const signal = init?.signal;
    if (signal?.aborted) reject(abortReason(signal));
    signal?.addEventListener('abort', () => reject(abortReason(signal)), { once: true });
  });

/**
 * A server that answers 200, sends `chunks`, then goes silent. Like a real `fetch`, aborting the
 * request errors the body stream.
 */
export function stallingFetch(...chunks: string[]): typeof fetch {
  return async (_input, init) => {
    const signal = init?.signal;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
        signal?.addEventListener('abort', () => controller.error(abortReason(signal)), { once: true });
      },
    });
    return new Response(body, { status: 200 });
  };
}

/** A 200 response whose body arrives in the given chunks, then ends. */
export function chunkedFetch(...chunks: string[]): typeof fetch {
  return async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
        controller.close();
      },
    });
    return new Response(body, { status: 200 });
  };
}

/** A fresh, empty database with a unique name. */
export function freshStore(): Promise<DB> {
  return openStore({ name: `test-${crypto.randomUUID()}` });
}

/** Ids of the stored articles, newest first. */
export async function storedIds(db: DB): Promise<string[]> {
  return (await listArticles(db)).map((a) => a.id);
}

/**
 * Wraps `db` so that every `db.transaction(...)` call goes through `hook` first (which may throw
 * to simulate a failure). Everything else is passed through to the real connection.
 */
export function interceptTransactions(db: DB, hook: (call: number, storeNames: unknown, mode: unknown) => void): DB {
  let calls = 0;
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'transaction') {
        return (storeNames: never, mode?: never, options?: never) => {
          hook(++calls, storeNames, mode);
          return target.transaction(storeNames, mode, options);
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * Wraps `db` as a device with `budget` bytes of free space for articles, as a full phone is:
 * each article put counts its JSON size, and the put that would go over the budget fails with a
 * QuotaExceededError and aborts its transaction, so that batch is rolled back (what browsers do
 * when a transaction cannot commit for lack of space). `budget.bytes` can be raised between
 * syncs, like space the reader freed. Space used by committed batches stays used.
 */
export function quotaLimitedStore(db: DB, budget: { bytes: number }): DB {
  const wrapStore = (store: object, onPut: (value: unknown) => boolean, abort: () => void) =>
    new Proxy(store, {
      get(target, prop) {
        if (prop === 'put') {
          return (value: unknown, key?: never) => {
            if (!onPut(value)) {
              try {
                abort();
              } catch {
                // already aborted by an earlier put
              }
              return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
            }
            return (target as { put: (v: unknown, k?: never) => Promise<unknown> }).put(value, key);
          };
        }
        const v: unknown = Reflect.get(target, prop, target);
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'transaction') {
        return (storeNames: never, mode?: never, options?: never) => {
          const tx = target.transaction(storeNames, mode, options);
          const names: unknown[] = Array.isArray(storeNames) ? storeNames : [storeNames];
          const modeName: unknown = mode;
          // Article writes (with their bodies, pages and bookkeeping, in one transaction) count.
          if (!names.includes('articles') || modeName !== 'readwrite') return tx;
          let pending = 0;
          // Once over, every later put of this (aborted) transaction fails the same way.
          const onPut = (value: unknown) => {
            pending += JSON.stringify(value).length;
            return pending <= budget.bytes;
          };
          tx.done.then(
            () => {
              budget.bytes -= pending;
            },
            () => {},
          );
          const wrapped = new Map<string, object>();
          const storeOf = (name: string) => {
            if (!wrapped.has(name)) wrapped.set(name, wrapStore(tx.objectStore(name as never), onPut, () => tx.abort()));
            return wrapped.get(name)!;
          };
          return new Proxy(tx, {
            get(t, p) {
              if (p === 'store') return storeOf('articles');
              if (p === 'objectStore') return (name: string) => storeOf(name);
              const v: unknown = Reflect.get(t, p, t);
              return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
            },
          });
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** A promise the test settles when it wants: `resolve` / `reject` let the awaited event happen. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (reason: unknown) => void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * Wraps a tab's connection to see it wait for another tab's sync (the lease fallback of
 * `sync/lock.ts`): each read of the sync record through `db.get` that finds a lease held is
 * counted, which is what a waiting tab's poll does (`readLease`). `held(n)` resolves once the tab
 * has found the lease held `n` times. (A tab's own sync reads the record too, with its own lease:
 * watch the tab that does not sync.)
 */
export function watchLeaseReads(db: DB): { db: DB; held: (times?: number) => Promise<void> } {
  let seen = 0;
  const waiters: { times: number; resolve: () => void }[] = [];
  const wrapped = new Proxy(db, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      const bound = (value as (...args: unknown[]) => unknown).bind(target);
      if (prop !== 'get') return bound;
      return async (...args: unknown[]) => {
        const result = await bound(...args);
        if (args[0] === 'meta' && args[1] === 'sync' && (result as SyncRecord | undefined)?.lease) {
          seen++;
          for (const waiter of waiters) if (seen >= waiter.times) waiter.resolve();
        }
        return result;
      };
    },
  });
  const held = (times = 1) =>
    new Promise<void>((resolve) => {
      if (seen >= times) resolve();
      else waiters.push({ times, resolve });
    });
  return { db: wrapped, held };
}
