/**
 * Shared helpers for the feed-layer tests. Not a test file itself (vitest only collects
 * `*.test.ts`), but type-checked with the rest of tests/unit.
 */
import { expect } from 'vitest';
import { parseFeed, parseFeedText } from '../../../../src/core/feed/parse';
import type { Article, ParseResult } from '../../../../src/core/feed/types';

export const FEED_URL = 'https://news.example/feeds/main.json';
export const V1 = 'https://jsonfeed.org/version/1';
export const V11 = 'https://jsonfeed.org/version/1.1';

/** A JSON Feed 1.1 object with the given items; `extra` adds or overrides top-level keys. */
export function feed(items: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { version: V11, title: 'Test Feed', items, ...extra };
}

export type OkResult = Extract<ParseResult, { ok: true }>;

/** Asserts the result is a success and narrows it. */
export function expectOk(r: ParseResult): OkResult {
  if (!r.ok) throw new Error(`expected ok, got error ${JSON.stringify(r.error)}`);
  return r;
}

/** Asserts the result is a failure with `code` and returns the error. */
export function expectError(r: ParseResult, code: string): { code: string; detail?: string } {
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('unreachable');
  expect(r.error.code).toBe(code);
  return r.error;
}

/** Parses a feed object built with `feed()` and returns the successful result. */
export function parseOk(json: unknown, feedUrl = FEED_URL): OkResult {
  return expectOk(parseFeed(json, feedUrl));
}

/** Parses a single item and returns its article. */
export function one(item: Record<string, unknown>, extra: Record<string, unknown> = {}, feedUrl = FEED_URL): Article {
  const r = parseOk(feed([{ id: 'only', ...item }], extra), feedUrl);
  expect(r.articles).toHaveLength(1);
  return r.articles[0]!;
}

/** Parses raw text and returns the successful result. */
export function parseTextOk(text: string, feedUrl = FEED_URL): OkResult {
  return expectOk(parseFeedText(text, feedUrl));
}

/** Finds an article by id or fails the test. */
export function byId(articles: Article[], id: string): Article {
  const a = articles.find((x) => x.id === id);
  if (!a) throw new Error(`no article with id ${JSON.stringify(id)}; have ${articles.map((x) => x.id).join(', ')}`);
  return a;
}

/** Deterministic PRNG (mulberry32) for the property-style tests. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
