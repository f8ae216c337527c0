/**
 * The parse report: what a parse kept, skipped and repaired. Written once here, so adding a
 * counter (a new kind of repair) means one change that every sum, every empty report and every
 * test fixture picks up.
 */
import type { ParseReport } from './types';

/** A report with every count at zero (`total` items seen, when known). */
export function emptyReport(total = 0): ParseReport {
  return { total, kept: 0, notObject: 0, noId: 0, duplicates: 0, truncatedFields: 0, badDates: 0, futureDates: 0, cutTags: 0, cutAuthors: 0 };
}

/** Adds `r`'s counts to `sum`, in place: a walk over many pages reports their total. */
export function addReport(sum: ParseReport, r: ParseReport): void {
  for (const key of Object.keys(sum) as (keyof ParseReport)[]) sum[key] += r[key];
}
