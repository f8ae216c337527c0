/**
 * The image budget: how much kept images may cost, and which go when they would cost more.
 * Pure (no Cache Storage, no IndexedDB), so the rules are unit-tested without a browser.
 *
 * Costs. A CORS response's size is known, so it costs its bytes. An opaque (no-cors) response's
 * size cannot be read, and Chromium pads every opaque response in its quota accounting (by about
 * 7 MB, so that quota cannot be used to measure cross-origin files); we charge our budget the same
 * `OPAQUE_COST`, so the budget tracks what the images really take from the origin's quota.
 */
export const MB = 1024 * 1024;

/** What one opaque response is charged: Chromium's padding, not its unknowable real size. */
export const OPAQUE_COST = 7 * MB;

/** Budgets the reader can choose, in MB. */
export const BUDGETS_MB = [25, 50, 100, 200, 500, 1000] as const;
export const DEFAULT_BUDGET_MB = 100;

/** One image is never allowed more than this share of the budget: one huge file must not evict everything. */
export const MAX_SHARE = 0.25;

export interface Costed {
  url: string;
  bytes: number;
  opaque: boolean;
  lastUsed: number;
}

/** What an image costs against the budget. */
export function costOf(r: { bytes: number; opaque: boolean }): number {
  return r.opaque ? Math.max(r.bytes, OPAQUE_COST) : Math.max(0, r.bytes);
}

export function totalCost(entries: readonly Costed[]): number {
  return entries.reduce((n, e) => n + costOf(e), 0);
}

/** Least recently used first; among equals the costlier first (frees more), then by URL (stable). */
function lruOrder(a: Costed, b: Costed): number {
  return a.lastUsed - b.lastUsed || costOf(b) - costOf(a) || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
}

export interface EvictionPlan {
  /** URLs to delete, least recently used first. */
  evict: string[];
  /** False when even evicting every unprotected image leaves no room: do not store the newcomer. */
  fits: boolean;
}

/**
 * Makes room for an image costing `incoming` within `budget`: the least recently used images go
 * first. `protect` holds images that must stay (the article being kept right now), so keeping
 * one article never evicts its own first images. An image too large for its share of the budget
 * does not fit at all, and evicts nothing.
 */
export function planEviction(entries: readonly Costed[], budget: number, incoming: number, protect: ReadonlySet<string> = new Set()): EvictionPlan {
  if (incoming > budget * MAX_SHARE) return { evict: [], fits: false };
  let excess = totalCost(entries) + incoming - budget;
  if (excess <= 0) return { evict: [], fits: true };
  const evict: string[] = [];
  for (const e of [...entries].sort(lruOrder)) {
    if (excess <= 0) break;
    if (protect.has(e.url) || costOf(e) === 0) continue;
    evict.push(e.url);
    excess -= costOf(e);
  }
  return excess <= 0 ? { evict, fits: true } : { evict: [], fits: false };
}

/** After the budget shrank: what to evict so the kept images fit again. */
export function planShrink(entries: readonly Costed[], budget: number): string[] {
  let excess = totalCost(entries) - budget;
  const evict: string[] = [];
  for (const e of [...entries].sort(lruOrder)) {
    if (excess <= 0) break;
    if (costOf(e) === 0) continue;
    evict.push(e.url);
    excess -= costOf(e);
  }
  return evict;
}

/**
 * The browser said the disk (or the origin's quota) is full. `round` 1 frees the least recently
 * used half of the image bytes; round 2 frees every unprotected image. Images are the one thing
 * we can always drop: articles and reading state are never touched.
 */
export function planQuotaPurge(entries: readonly Costed[], round: 1 | 2, protect: ReadonlySet<string> = new Set()): string[] {
  const candidates = [...entries].sort(lruOrder).filter((e) => !protect.has(e.url) && costOf(e) > 0);
  if (round === 2) return candidates.map((e) => e.url);
  let toFree = totalCost(candidates) / 2;
  const evict: string[] = [];
  for (const e of candidates) {
    if (toFree <= 0) break;
    evict.push(e.url);
    toFree -= costOf(e);
  }
  return evict;
}

/**
 * A tracking pixel, judged from the <img>'s own width/height attributes before anything is
 * fetched: 0 in either dimension (invisible), or 1×1 (a single declared 1 with the other missing
 * counts too, as web beacons often declare only one).
 */
export function isTrackingPixel(width: string | null | undefined, height: string | null | undefined): boolean {
  const w = dimension(width);
  const h = dimension(height);
  if (w === 0 || h === 0) return true;
  if (w !== undefined && h !== undefined) return w <= 1 && h <= 1;
  // Only one declared: a pixel when it is ≤ 1 and the other is absent (not merely "100%").
  if (w !== undefined && (height === null || height === undefined)) return w <= 1;
  if (h !== undefined && (width === null || width === undefined)) return h <= 1;
  return false;
}

function dimension(v: string | null | undefined): number | undefined {
  if (v === null || v === undefined) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(px)?\s*$/i.exec(v);
  return m ? Number(m[1]) : undefined;
}

/** A decoded image that is a tracking pixel. */
export function isPixelSize(width: number, height: number): boolean {
  return width <= 1 && height <= 1;
}
