/**
 * Highlights and notes: what one is, the rules for changing it, and the merge of highlights from
 * a file. Each highlight is its own record, kept apart from the article it marks, so syncs,
 * clean-ups and app updates never touch it. Pure.
 */
import type { TextPosition, TextQuote } from './anchor';

/** Four colours, each readable with the text on it in the light, dark and sepia themes. */
export const COLOURS = ['yellow', 'green', 'blue', 'pink'] as const;
export type Colour = (typeof COLOURS)[number];

export interface Highlight {
  /** Random, made on the phone where the highlight was made: the key merges are made by. */
  id: string;
  articleId: string;
  /** The article's title and link when the highlight was made, for exports and for an article that is gone. */
  title: string;
  url?: string;
  /** Where it is: W3C `TextQuoteSelector` and `TextPositionSelector`, and the article revision they were taken on. */
  quote: TextQuote;
  position: TextPosition;
  rev: string;
  colour: Colour;
  /** The reader's note; '' for none. */
  note: string;
  createdAt: number;
  /** When anything above last changed: the newest copy wins a merge. */
  updatedAt: number;
}

/** Highlights by id, newest first (what the Highlights view and the exports list). */
export function newestFirst(a: Highlight, b: Highlight): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

export function withNote(h: Highlight, note: string, now: number): Highlight {
  return { ...h, note: note.trim(), updatedAt: now };
}

export function withColour(h: Highlight, colour: Colour, now: number): Highlight {
  return { ...h, colour, updatedAt: now };
}

/** Moved to where the quote is in the current revision of the article. */
export function reanchored(h: Highlight, position: TextPosition, rev: string, quote: TextQuote): Highlight {
  return { ...h, position, rev, quote };
}

/**
 * Highlights from a file merged into the stored ones: by id, so never duplicated; a copy changed
 * more recently than the stored one wins. Returns the records to write.
 */
export function mergeHighlights(existing: ReadonlyMap<string, Highlight>, incoming: readonly Highlight[]): Highlight[] {
  const winners = new Map<string, Highlight>();
  for (const h of incoming) {
    const current = winners.get(h.id) ?? existing.get(h.id);
    if (!current || h.updatedAt > current.updatedAt) winners.set(h.id, h);
  }
  return [...winners.values()];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown, max: number): string | undefined => (typeof v === 'string' && v.length <= max ? v : undefined);
const offset = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 100_000_000 ? v : undefined);

/** Longest quote or note taken from a file. */
const MAX_TEXT = 20_000;
const FUTURE_SLACK = 86_400_000;

/** One highlight from an untrusted file, or undefined if any field is wrong. */
export function readHighlight(v: unknown, now: number): Highlight | undefined {
  if (!isObject(v) || !isObject(v.quote) || !isObject(v.position)) return undefined;
  const id = text(v.id, 200);
  const articleId = text(v.articleId, 2048);
  const exact = text(v.quote.exact, MAX_TEXT);
  const prefix = text(v.quote.prefix ?? '', 200);
  const suffix = text(v.quote.suffix ?? '', 200);
  const start = offset(v.position.start);
  const end = offset(v.position.end);
  const note = text(v.note ?? '', MAX_TEXT);
  const time = (t: unknown) => (typeof t === 'number' && Number.isFinite(t) && t >= 0 && t <= now + FUTURE_SLACK ? t : undefined);
  const createdAt = time(v.createdAt);
  const updatedAt = time(v.updatedAt);
  if (!id?.trim() || !articleId?.trim() || !exact?.trim() || prefix === undefined || suffix === undefined) return undefined;
  if (start === undefined || end === undefined || end < start || note === undefined || createdAt === undefined || updatedAt === undefined) return undefined;
  const colour = COLOURS.find((c) => c === v.colour) ?? 'yellow';
  const h: Highlight = {
    id,
    articleId,
    title: text(v.title, 2000) ?? '',
    quote: { exact, prefix, suffix },
    position: { start, end },
    rev: text(v.rev, 200) ?? '',
    colour,
    note,
    createdAt,
    updatedAt,
  };
  const url = text(v.url, 4096);
  if (url && /^https?:\/\//i.test(url)) h.url = url;
  return h;
}
