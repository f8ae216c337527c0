/**
 * Row geometry for the windowed list. Rows have different heights (one-line or three-line
 * titles, with or without tags), so each row's height is measured once it has been rendered and
 * remembered by id; rows never rendered are assumed to be as tall as the average measured row.
 * Pure (no DOM), so the arithmetic is unit-tested.
 */

/** Measured heights by article id. One per page: it survives going to an article and back. */
export class RowHeights {
  private readonly byId = new Map<string, number>();
  private sum = 0;

  constructor(private readonly fallback = 150) {}

  /** What an unmeasured row is assumed to take. */
  get estimate(): number {
    return this.byId.size ? this.sum / this.byId.size : this.fallback;
  }

  get(id: string): number | undefined {
    return this.byId.get(id);
  }

  /**
   * Records a measured height; true when it differs from what was known. A row measured 0 px
   * tall is not laid out (a hidden page, a test DOM): that says nothing about its height.
   */
  set(id: string, height: number): boolean {
    if (!(height > 0)) return false;
    const old = this.byId.get(id);
    if (old !== undefined && Math.abs(old - height) < 0.5) return false;
    this.sum += height - (old ?? 0);
    this.byId.set(id, height);
    return true;
  }
}

/** Where each row of one list starts: prefix sums of its rows' heights. */
export class RowLayout {
  /** `offsets[i]` is the top of row i; `offsets[n]` the list's full height. */
  readonly offsets: Float64Array;
  /** The list's full height. */
  readonly total: number;

  constructor(ids: readonly string[], heights: RowHeights) {
    const n = ids.length;
    const estimate = heights.estimate;
    this.offsets = new Float64Array(n + 1);
    let y = 0;
    let i = 0;
    for (const id of ids) {
      this.offsets[i++] = y;
      y += heights.get(id) ?? estimate;
    }
    this.offsets[n] = y;
    this.total = y;
  }

  get count(): number {
    return this.offsets.length - 1;
  }

  /** The top of row `i` (clamped to the list: `count` is its bottom). */
  top(i: number): number {
    return this.offsets[Math.max(0, Math.min(i, this.count))] ?? 0;
  }

  /** The row at height `y` (clamped to the list): the last row whose top is at or above it. */
  indexAt(y: number): number {
    const n = this.count;
    if (n === 0 || y <= 0) return 0;
    if (y >= this.total) return n - 1;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.top(mid) <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * The rows to render for a viewport from `top` to `bottom` (list coordinates): those it
   * shows plus `overscan` pixels each side, at most `max` rows, as a half-open range.
   */
  range(top: number, bottom: number, overscan: number, max: number): { start: number; end: number } {
    const n = this.count;
    if (n === 0) return { start: 0, end: 0 };
    let start = this.indexAt(top - overscan);
    let end = Math.min(n, this.indexAt(bottom + overscan) + 1);
    if (end - start > max) {
      // Too many short rows: keep the ones around the viewport, centred on it.
      const first = this.indexAt(top);
      const shown = this.indexAt(bottom) - first + 1;
      start = Math.max(0, Math.min(first - Math.max(0, Math.floor((max - shown) / 2)), n - max));
      end = Math.min(n, start + max);
    }
    return { start, end };
  }
}
