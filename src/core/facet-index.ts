/**
 * Counting tags (and authors, languages) without letting a file's 100,000 distinct values slow
 * every keystroke. Counts are kept incrementally: `update` compares the new list of entries
 * with the one it counted last, by object identity per id, and only adds or removes what
 * changed (a sync that merges 200 rows costs those 200 rows, plus one identity check per entry).
 * A picker then offers only the `PICKER_LIMIT` most frequent values (`top`), and the rest are
 * found by prefix (`find`): a binary search in a sorted key list, so its cost grows with the
 * answer, not with the number of distinct values. Pure, no DOM.
 */

/** The most values a picker (a `<select>`) offers; the rest are found by typing. */
export const PICKER_LIMIT = 200;
/** The most suggestions a prefix search returns. */
const FIND_LIMIT = 50;

export interface Counted {
  value: string;
  count: number;
}

interface Slot {
  /** The first spelling seen. */
  value: string;
  count: number;
}

export class FacetIndex<E extends { id: string }> {
  /** Lower-cased key → spelling and count. */
  private readonly counts = new Map<string, Slot>();
  /** The entry counted last for each id, and the keys it contributed. */
  private readonly seen = new Map<string, { entry: E; keys: string[] }>();
  private sortedKeys: string[] | undefined;
  private topList: Counted[] | undefined;

  constructor(private readonly valuesOf: (e: E) => readonly string[]) {}

  /** Brings the counts up to date with `entries`; returns whether any count changed. */
  update(entries: readonly E[]): boolean {
    let changed = false;
    const present = new Set<string>();
    for (const e of entries) {
      present.add(e.id);
      const before = this.seen.get(e.id);
      if (before?.entry === e) continue;
      if (before) this.remove(before.keys);
      const keys = this.add(this.valuesOf(e));
      this.seen.set(e.id, { entry: e, keys });
      changed = true;
    }
    if (present.size !== this.seen.size) {
      for (const [id, { keys }] of this.seen) {
        if (present.has(id)) continue;
        this.remove(keys);
        this.seen.delete(id);
        changed = true;
      }
    }
    if (changed) {
      this.sortedKeys = undefined;
      this.topList = undefined;
    }
    return changed;
  }

  /** How many distinct values are counted. */
  get size(): number {
    return this.counts.size;
  }

  /** The count of one value (any case), 0 when absent. */
  count(value: string): number {
    return this.counts.get(value.trim().toLowerCase())?.count ?? 0;
  }

  /** The listed spelling of a value typed in any case, if it is counted. */
  spelling(value: string): string | undefined {
    return this.counts.get(value.trim().toLowerCase())?.value;
  }

  /** The `limit` most frequent values, most frequent first, then alphabetically. Cached until the next change. */
  top(limit = PICKER_LIMIT): Counted[] {
    if (!this.topList || this.topList.length < Math.min(limit, this.counts.size)) {
      // A bounded selection: one pass, keeping the best `limit` in a small sorted array.
      const best: Counted[] = [];
      for (const { value, count } of this.counts.values()) {
        const item = { value, count };
        const last = best[best.length - 1];
        if (best.length === limit && last && !better(item, last)) continue;
        let i = best.length;
        for (let prev = best[i - 1]; prev && better(item, prev); prev = best[i - 1]) i--;
        best.splice(i, 0, item);
        if (best.length > limit) best.pop();
      }
      this.topList = best;
    }
    return this.topList.slice(0, limit);
  }

  /** Values starting with `prefix` (any case), alphabetically, at most `limit`. */
  find(prefix: string, limit = FIND_LIMIT): Counted[] {
    const p = prefix.trim().toLowerCase();
    if (!p) return [];
    this.sortedKeys ??= [...this.counts.keys()].sort();
    const keys = this.sortedKeys;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((keys[mid] ?? '') < p) lo = mid + 1;
      else hi = mid;
    }
    const out: Counted[] = [];
    for (let i = lo; out.length < limit; i++) {
      const key = keys[i];
      const slot = key?.startsWith(p) ? this.counts.get(key) : undefined;
      if (!slot) break;
      out.push({ value: slot.value, count: slot.count });
    }
    return out;
  }

  private add(values: readonly string[]): string[] {
    const keys: string[] = [];
    for (const v of values) {
      const key = v.toLowerCase();
      if (keys.includes(key)) continue;
      keys.push(key);
      const slot = this.counts.get(key);
      if (slot) slot.count++;
      else this.counts.set(key, { value: v, count: 1 });
    }
    return keys;
  }

  private remove(keys: readonly string[]): void {
    for (const key of keys) {
      const slot = this.counts.get(key);
      if (!slot) continue;
      if (--slot.count <= 0) this.counts.delete(key);
    }
  }
}

function better(a: Counted, b: Counted): boolean {
  // Plain code-unit order on ties: `localeCompare` over 100,000 values would cost a second.
  return a.count > b.count || (a.count === b.count && a.value < b.value);
}
