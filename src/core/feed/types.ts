/**
 * The app's own article model. Everything the UI, the store and search see is an `Article`:
 * feeds are turned into this shape once, in `parse.ts`, so no other module ever has to care
 * about JSON Feed 1.0 vs 1.1 or about a publisher's quirks.
 */

export interface Author {
  name: string;
  /** Only http(s) and mailto URLs survive parsing. */
  url?: string;
}

export interface Article {
  /** Always a non-empty string: numeric ids from the feed are stringified. */
  id: string;
  /** Absolute http(s) permalink, if the item had a usable one. */
  url?: string;
  /** Absolute http(s) link to the page a link-blog item talks about. */
  externalUrl?: string;
  /**
   * Plain text, never HTML. Untitled items get the start of their text; only an item with no
   * text at all has an empty title (the UI then says "Untitled").
   */
  title: string;
  /** True when `title` was derived from the text because the item had none. */
  titleFromText: boolean;
  /** The item's own summary, plain text. */
  summary?: string;
  /** What a list row shows: the summary, or else the start of the text. Plain text. */
  excerpt: string;
  /**
   * The item's HTML exactly as the publisher sent it (size-capped). It is untrusted and is only
   * ever rendered through the sanitizer, which also resolves its relative URLs against `baseUrl`.
   */
  contentHtml?: string;
  /** Plain-text body, rendered as text. */
  contentText?: string;
  /** Epoch milliseconds. */
  published?: number;
  /** Epoch milliseconds. */
  modified?: number;
  /** What the list sorts by (newest first): `published`, else `modified`, else 0. */
  sortDate: number;
  tags: string[];
  authors: Author[];
  /** BCP 47 language tag from the item, else from the feed. */
  language?: string;
  /** Absolute http(s) URL of the item's main image. */
  image?: string;
  /**
   * Where relative links in the content point from: the item's `url` if it is absolute, else
   * the URL the feed was fetched from (not the feed's self-declared `feed_url`, which real
   * publishers get wrong).
   */
  baseUrl: string;
  /**
   * Where the full text is fetched from when the feed leaves the body out (the
   * `_broadsheet.body_url` extension), absolute. A 100,000-article index stays small by carrying
   * summaries only; the body is fetched when the article is first opened, then kept.
   */
  bodyUrl?: string;
  /** How to read the body at `bodyUrl`; when absent, the response's Content-Type decides. */
  bodyType?: BodyType;
  /**
   * Set by the store, only on articles with a `bodyUrl`: whether that body is stored on this
   * device. `false` means "not fetched yet" (or fetched for an older revision): what a later
   * "keep everything offline" pass looks for.
   */
  hasBody?: boolean;
  /**
   * Set on a copy that came from an imported file rather than from the publisher's index. Such a
   * copy never replaces the publisher's, and the publisher's replaces it at the next sync that
   * carries the id, whatever the dates (`incomingWins` in `core/article.ts`).
   */
  imported?: true;
  /**
   * Set by the store when the article is written: how many words it holds (its body, else its
   * summary), for the reading time. Absent on rows written before it existed: the next write of
   * the article adds it.
   */
  words?: number;
}

type BodyType = 'html' | 'text';

export interface FeedInfo {
  title: string;
  homePageUrl?: string;
  description?: string;
  language?: string;
  /** The `version` string as the feed declared it. */
  version: string;
  /** Absolute URL of the next page (JSON Feed `next_url`), resolved against this page's URL. */
  nextUrl?: string;
  /**
   * What the whole index holds, as the publisher states it on its first page
   * (`"_broadsheet": { "totals": { … } }`), so the app can say what a download costs before it
   * starts. Each figure is present only when it was a sane whole number.
   */
  totals?: FeedTotals;
}

export interface FeedTotals {
  /** Articles in the whole index, every page. */
  articles?: number;
  /** Bytes of every page of the index together. */
  indexBytes?: number;
  /** Bytes of every body fetched on demand (`body_url`) together. */
  bodyBytes?: number;
  /** How many distinct images the articles show (a count, not bytes). */
  images?: number;
}

/** What parsing skipped or repaired, so the UI can say so with counts. */
export interface ParseReport {
  /** Entries in `items`, whatever they were. */
  total: number;
  /** Articles produced (after de-duplication). */
  kept: number;
  /** `items` entries that were not objects. */
  notObject: number;
  /** Items dropped because they had no usable `id`. */
  noId: number;
  /** Extra copies of an id that lost to a newer copy. */
  duplicates: number;
  /** Fields cut because they were absurdly long. */
  truncatedFields: number;
  /** Date strings that could not be read at all. */
  badDates: number;
  /** Dates more than a day in the future, clamped (see `clampDate` in `core/article.ts`). */
  futureDates: number;
  /** Tags left out past the per-article cap, or shortened past the tag-length cap. */
  cutTags: number;
  /** Authors left out past the per-article cap. */
  cutAuthors: number;
}

export type FeedErrorCode =
  | 'empty'
  | 'html'
  | 'truncated'
  | 'not-json'
  | 'not-object'
  | 'no-version'
  | 'bad-version'
  | 'no-items';

/** Why a whole file was rejected. `detail` is a short technical hint (a position, a value). */
export interface FeedError {
  code: FeedErrorCode;
  detail?: string;
}

export type ParseResult =
  | { ok: true; feed: FeedInfo; articles: Article[]; report: ParseReport }
  | { ok: false; error: FeedError };
