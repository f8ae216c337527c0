import { describe, expect, test } from 'vitest';
import {
  costOf,
  isPixelSize,
  isTrackingPixel,
  MAX_SHARE,
  MB,
  OPAQUE_COST,
  planEviction,
  planQuotaPurge,
  planShrink,
  totalCost,
  type Costed,
} from '../../../src/core/budget';

const img = (url: string, bytes: number, lastUsed: number, opaque = false): Costed => ({ url, bytes, lastUsed, opaque });

describe('image costs', () => {
  test('a CORS image costs its bytes; an opaque one the padding Chromium charges', () => {
    expect(costOf({ bytes: 12_345, opaque: false })).toBe(12_345);
    expect(costOf({ bytes: 0, opaque: true })).toBe(OPAQUE_COST);
    expect(OPAQUE_COST).toBe(7 * MB);
    expect(costOf({ bytes: -5, opaque: false })).toBe(0);
    expect(totalCost([img('a', 100, 1), img('b', 0, 2, true)])).toBe(100 + OPAQUE_COST);
  });
});

describe('planEviction: least recently used first', () => {
  const kept = [img('old', 4 * MB, 10), img('newest', 4 * MB, 30), img('middle', 4 * MB, 20)];

  test('nothing goes while the newcomer fits', () => {
    expect(planEviction(kept, 20 * MB, 4 * MB)).toEqual({ evict: [], fits: true });
  });

  test('the least recently used go first, only as many as needed', () => {
    expect(planEviction(kept, 14 * MB, 3 * MB)).toEqual({ evict: ['old'], fits: true });
    const four = [img('old', 1 * MB, 10), img('middle', 1 * MB, 20), img('newest', 1 * MB, 30), img('recent', 5 * MB, 40)];
    expect(planEviction(four, 8 * MB, 1.5 * MB)).toEqual({ evict: ['old', 'middle'], fits: true });
  });

  test('images of the article being kept are protected', () => {
    expect(planEviction(kept, 14 * MB, 3 * MB, new Set(['old'])).evict).toEqual(['middle']);
  });

  test('an image too big for its share of the budget evicts nothing and does not fit', () => {
    expect(planEviction(kept, 12 * MB, 12 * MB * MAX_SHARE + 1)).toEqual({ evict: [], fits: false });
  });

  test('when protected images leave no room, nothing is evicted for nothing', () => {
    expect(planEviction(kept, 12 * MB, 2 * MB, new Set(['old', 'middle', 'newest']))).toEqual({ evict: [], fits: false });
  });

  test('opaque images are evicted at their charged cost', () => {
    const mixed = [img('opaque', 0, 1, true), img('small', 1 * MB, 2)];
    expect(planEviction(mixed, 9 * MB, 2 * MB).evict).toEqual(['opaque']);
  });

  test('ties in age go costliest first, then by URL, so the plan is stable', () => {
    const same = [img('b', 1 * MB, 5), img('a', 1 * MB, 5), img('big', 3 * MB, 5), img('later', 10 * MB, 9)];
    expect(planEviction(same, 15 * MB, 1 * MB).evict).toEqual(['big']);
    expect(planEviction(same, 14 * MB, 3.5 * MB).evict).toEqual(['big', 'a', 'b']);
  });

  test('pixels (cost 0) are never evicted to make room', () => {
    const withPixel = [img('pixel', 0, 0), img('photo', 3.5 * MB, 5)];
    expect(planEviction(withPixel, 4 * MB, 0.5 * MB).evict).toEqual([]);
    expect(planEviction(withPixel, 4 * MB, 1 * MB)).toEqual({ evict: ['photo'], fits: true });
  });
});

describe('planShrink and planQuotaPurge', () => {
  const kept = [img('a', 2 * MB, 1), img('b', 2 * MB, 2), img('c', 2 * MB, 3), img('d', 2 * MB, 4)];

  test('lowering the budget evicts the oldest until the rest fit', () => {
    expect(planShrink(kept, 5 * MB)).toEqual(['a', 'b']);
    expect(planShrink(kept, 100 * MB)).toEqual([]);
  });

  test('a quota error frees the older half first, then everything unprotected', () => {
    expect(planQuotaPurge(kept, 1)).toEqual(['a', 'b']);
    expect(planQuotaPurge(kept, 2, new Set(['d']))).toEqual(['a', 'b', 'c']);
  });
});

describe('tracking pixels', () => {
  test.each([
    ['1', '1', true],
    ['0', '0', true],
    ['1', null, true],
    [null, '1px', true],
    ['0', '600', true],
    ['600', '0', true],
    ['1', '600', false],
    ['2', '2', false],
    [null, null, false],
    ['100%', '1', false],
    ['', '', false],
  ])('width=%s height=%s → %s', (w, h, pixel) => {
    expect(isTrackingPixel(w, h)).toBe(pixel);
  });

  test('a decoded 1×1 image is a pixel; 2×1 is not', () => {
    expect(isPixelSize(1, 1)).toBe(true);
    expect(isPixelSize(2, 1)).toBe(false);
  });
});
