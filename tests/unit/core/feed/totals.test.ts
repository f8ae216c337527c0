import { expect, test } from 'vitest';
import { parseFeed, totalsOf } from '../../../../src/core/feed/parse';

const feed = (ext: unknown) => ({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Harbour News',
  items: [{ id: '1', content_text: 'A short note.' }],
  _broadsheet: ext,
});

test('the head page’s totals become FeedInfo.totals', () => {
  const r = parseFeed(feed({ totals: { articles: 3120, index_bytes: 6_100_000, body_bytes: 40_000_000, images: 900_000_000 } }), 'https://example.org/feed.json');
  expect(r.ok && r.feed.totals).toEqual({ articles: 3120, indexBytes: 6_100_000, bodyBytes: 40_000_000, images: 900_000_000 });
});

test('absent or hostile totals are ignored, field by field, and never crash', () => {
  expect(totalsOf(undefined)).toBeUndefined();
  expect(totalsOf({})).toBeUndefined();
  expect(totalsOf({ totals: [] })).toBeUndefined();
  expect(totalsOf({ totals: null })).toBeUndefined();
  expect(totalsOf({ totals: 'lots' })).toBeUndefined();
  expect(totalsOf({ totals: { articles: -1, index_bytes: '6100000', body_bytes: Number.NaN, images: Infinity } })).toBeUndefined();
  expect(totalsOf({ totals: { articles: 1.5, index_bytes: 1e300, body_bytes: 12 } })).toEqual({ bodyBytes: 12 });
  expect(totalsOf({ totals: { articles: 2e9, index_bytes: 0 } })).toEqual({ indexBytes: 0 });
  const r = parseFeed(feed({ totals: { articles: { valueOf: 5 } } }), 'https://example.org/feed.json');
  expect(r.ok && r.feed.totals).toBeUndefined();
});
