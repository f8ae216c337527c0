import { expect, test } from 'vitest';
import type { Article } from '../../../../src/core/feed/types';
import { indexCost, mustAsk } from '../../../../src/core/download-cost';
import { walkFeed, type PageStore } from '../../../../src/features/sync/walk';
import type { PageRecord } from '../../../../src/data/schema';

const BASE = 'https://example.org/';
/** Three pages of 300 articles, the first stating the totals. */
function page(n: number): string {
  const items = Array.from({ length: 300 }, (_, i) => ({ id: `p${n}-${i}`, title: `Item ${i} of page ${n}`, content_text: 'Some words here.' }));
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Harbour News',
    items,
    ...(n < 3 ? { next_url: `${BASE}page${n + 1}.json` } : {}),
    ...(n === 1 ? { _broadsheet: { totals: { articles: 900, index_bytes: 9_000_000 } } } : {}),
  });
}
const fetchImpl = ((url: string) => {
  const n = Number(/page(\d)/.exec(url)?.[1] ?? 1);
  return Promise.resolve(new Response(page(n), { headers: { 'content-type': 'application/json' } }));
}) as typeof fetch;

function memoryStore() {
  const stored: Article[] = [];
  let resume: string | undefined = 'unset';
  const store: PageStore = {
    page: () => Promise.resolve(undefined as PageRecord | undefined),
    write(articles, _page, cursor) {
      stored.push(...articles);
      resume = cursor(true);
      return Promise.resolve({ added: articles.length, updated: 0, unchanged: 0, written: articles.length });
    },
    setResume: (url) => {
      resume = url;
      return Promise.resolve();
    },
  };
  return { store, stored, resume: () => resume };
}

test('the question gets the stated totals and the first page’s size, before anything is stored', async () => {
  const m = memoryStore();
  let asked: { articles?: number; bytes?: number } | undefined;
  await walkFeed(m.store, `${BASE}feed.json`, {
    fetchImpl,
    ask: ({ feed, bytes }) => {
      expect(m.stored).toHaveLength(0);
      asked = indexCost(feed.totals, bytes, undefined);
      expect(bytes).toBeGreaterThan(10_000);
      return Promise.resolve('all');
    },
  });
  expect(asked).toEqual({ articles: 900, bytes: 9_000_000 });
  expect(m.stored).toHaveLength(900);
});

test('"Only the newest 500" stores exactly the newest 500 and leaves no cursor to walk on', async () => {
  const m = memoryStore();
  const walked = await walkFeed(m.store, `${BASE}feed.json`, { fetchImpl, ask: () => Promise.resolve('newest') });
  expect(walked.ok && walked.stop).toBe('newest');
  expect(m.stored).toHaveLength(500);
  expect(m.stored[0]?.id).toBe('p1-0');
  expect(m.resume()).toBeUndefined();
});

test('"Not now" stores nothing', async () => {
  const m = memoryStore();
  const walked = await walkFeed(m.store, `${BASE}feed.json`, { fetchImpl, ask: () => Promise.resolve('cancel') });
  expect(walked.ok && walked.stop).toBe('declined');
  expect(m.stored).toHaveLength(0);
});

test('the cost: stated totals, else first page × pages, else unknown; asks only above the threshold', () => {
  expect(indexCost(undefined, 100_000, 40)).toEqual({ bytes: 4_000_000 });
  expect(indexCost({ articles: 12 }, 100_000, undefined)).toEqual({ articles: 12 });
  expect(mustAsk({ bytes: 6_000_000 }, 5)).toBe(true);
  expect(mustAsk({ bytes: 4_000_000 }, 5)).toBe(false);
  expect(mustAsk({ articles: 100_000 }, 5)).toBe(false);
});
