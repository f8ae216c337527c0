import { describe, expect, test } from 'vitest';
import { RowHeights, RowLayout } from '../../../../src/features/list/heights';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `r${i}`);

describe('RowHeights', () => {
  test('the estimate is the fallback until rows are measured, then their average', () => {
    const h = new RowHeights(100);
    expect(h.estimate).toBe(100);
    expect(h.set('a', 80)).toBe(true);
    expect(h.set('b', 120)).toBe(true);
    expect(h.estimate).toBe(100);
    expect(h.set('b', 160)).toBe(true);
    expect(h.estimate).toBe(120);
  });

  test('a 0 px (not laid out) measurement is ignored', () => {
    const h = new RowHeights(100);
    expect(h.set('a', 0)).toBe(false);
    expect(h.get('a')).toBeUndefined();
    expect(h.estimate).toBe(100);
  });

  test('a re-measurement within half a pixel is no change', () => {
    const h = new RowHeights();
    h.set('a', 100);
    expect(h.set('a', 100.3)).toBe(false);
    expect(h.get('a')).toBe(100);
  });
});

describe('RowLayout', () => {
  test('offsets are prefix sums of measured heights, estimates for the rest', () => {
    const h = new RowHeights(50);
    h.set('r1', 200);
    const layout = new RowLayout(ids(4), h); // estimate is now 200 for unmeasured rows
    expect([...layout.offsets]).toEqual([0, 200, 400, 600, 800]);
    h.set('r0', 100); // estimate (100+200)/2 = 150
    const again = new RowLayout(ids(4), h);
    expect([...again.offsets]).toEqual([0, 100, 300, 450, 600]);
    expect(again.total).toBe(600);
  });

  test('indexAt finds the row under a height, clamped to the list', () => {
    const layout = new RowLayout(ids(5), new RowHeights(100));
    expect(layout.indexAt(-50)).toBe(0);
    expect(layout.indexAt(0)).toBe(0);
    expect(layout.indexAt(99.9)).toBe(0);
    expect(layout.indexAt(100)).toBe(1);
    expect(layout.indexAt(450)).toBe(4);
    expect(layout.indexAt(10_000)).toBe(4);
    expect(new RowLayout([], new RowHeights()).indexAt(10)).toBe(0);
  });

  test('range covers the viewport plus overscan, as a half-open range', () => {
    const layout = new RowLayout(ids(1000), new RowHeights(100));
    expect(layout.range(0, 800, 800, 100)).toEqual({ start: 0, end: 17 });
    expect(layout.range(50_000, 50_800, 800, 100)).toEqual({ start: 492, end: 517 });
    expect(layout.range(99_500, 100_300, 800, 100)).toEqual({ start: 987, end: 1000 });
  });

  test('never more than `max` rows, however short they are, centred on the viewport', () => {
    const layout = new RowLayout(ids(100_000), new RowHeights(2));
    const { start, end } = layout.range(100_000, 100_800, 800, 100);
    expect(end - start).toBe(100);
    expect(start).toBeLessThanOrEqual(50_000);
    expect(end).toBeGreaterThan(50_000);
    expect(layout.range(0, 800, 800, 100)).toEqual({ start: 0, end: 100 });
  });
});
