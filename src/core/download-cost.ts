/**
 * What a download will cost, said before it starts: "3,120 articles · 6.1 MB". From the totals
 * the index states (`_broadsheet.totals`), else the first page's size times the number of pages
 * when that is known, else unknown. Pure.
 */
import type { FeedTotals } from './feed/types';

export interface DownloadCost {
  articles?: number;
  /** Bytes; absent when unknown. */
  bytes?: number;
}

/** The reader's answer to "download all this?". */
export type DownloadChoice = 'all' | 'newest' | 'cancel';

/** "Only the newest 500". */
export const NEWEST_COUNT = 500;

/** The default size above which a download asks first: 5 MB. */

/** What downloading the whole index costs. */
export function indexCost(totals: FeedTotals | undefined, firstPageBytes: number | undefined, pages: number | undefined): DownloadCost {
  const out: DownloadCost = {};
  if (totals?.articles !== undefined) out.articles = totals.articles;
  if (totals?.indexBytes !== undefined) out.bytes = totals.indexBytes;
  else if (firstPageBytes !== undefined && pages !== undefined && pages > 0) out.bytes = firstPageBytes * pages;
  return out;
}

/** Whether a download must ask first: its size is known and over the threshold (MB of 2^20 bytes, as the storage panel counts). */
export function mustAsk(cost: DownloadCost, thresholdMB: number): boolean {
  return cost.bytes !== undefined && cost.bytes > thresholdMB * 1_048_576;
}

/** Keeping at least this many articles offline asks first when its size is unknown. */
const MANY_TO_KEEP = 200;

/**
 * What keeping `count` articles offline costs: their share of the body bytes the index states
 * (`totals.bodyBytes`). `totals.images` is a count of images, not bytes (their sizes are not
 * known before they are fetched), so it adds nothing to the figure; the question then also asks
 * when many articles are kept (`mustAskKeep`).
 */
export function keepCost(totals: FeedTotals | undefined, count: number): DownloadCost {
  const out: DownloadCost = { articles: count };
  const all = totals?.articles;
  if (all && totals.bodyBytes !== undefined) {
    out.bytes = Math.round((totals.bodyBytes * Math.min(count, all)) / all);
  }
  return out;
}

/** Whether keeping these articles asks first: known and over the threshold, or unknown and many. */
export function mustAskKeep(cost: DownloadCost, thresholdMB: number): boolean {
  return cost.bytes === undefined ? (cost.articles ?? 0) >= MANY_TO_KEEP : mustAsk(cost, thresholdMB);
}
