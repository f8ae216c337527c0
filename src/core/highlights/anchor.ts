/**
 * Anchoring a highlight on an article's text, after the W3C Web Annotation model: a
 * `TextQuoteSelector` (the quoted text with some context before and after it) and a
 * `TextPositionSelector` (where it was, as a hint). Never a DOM path: the text is the article's
 * plain text as the reader shows it, so a highlight survives markup changes, and a sync that
 * edits the article re-anchors it on the new text. Pure: no DOM.
 *
 * Finding a quote, in order:
 *  1. every exact occurrence, the best one chosen by how much of its context still matches,
 *     then by closeness to the position hint (a phrase repeated in the article goes to the right
 *     place);
 *  2. the same on folded text: case, diacritics, apostrophe and dash forms and runs of
 *     whitespace ignored (an edit that only re-typed accents or re-wrapped lines);
 *  3. a bounded approximate match: at most a fifth of the quote's characters edited.
 * A quote found by none of them is "not found": the highlight is kept, never dropped.
 */

/** W3C `TextQuoteSelector`. */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C `TextPositionSelector`: offsets into the plain text, in UTF-16 code units. */
export interface TextPosition {
  start: number;
  end: number;
}

/** Context kept on each side of a quote. */
export const CONTEXT = 32;

export interface Range {
  start: number;
  end: number;
}

/** How a quote was found: `exact` as stored, `fuzzy` after the text changed under it. */
export interface Anchored extends Range {
  how: 'exact' | 'fuzzy';
}

/** The selectors that describe `text[start, end)`. */
export function describe(text: string, start: number, end: number): { quote: TextQuote; position: TextPosition } {
  const s = Math.max(0, Math.min(start, end, text.length));
  const e = Math.min(text.length, Math.max(start, end));
  return {
    quote: { exact: text.slice(s, e), prefix: text.slice(Math.max(0, s - CONTEXT), s), suffix: text.slice(e, e + CONTEXT) },
    position: { start: s, end: e },
  };
}

/** Finds the quote in `text`, or `null` when it is no longer there. */
export function anchor(text: string, quote: TextQuote, hint?: TextPosition): Anchored | null {
  if (!quote.exact.trim()) return null;
  // The position hint still holds: the cheapest and commonest case.
  if (hint && text.slice(hint.start, hint.end) === quote.exact) return { start: hint.start, end: hint.end, how: 'exact' };

  const exact = best(text, occurrences(text, quote.exact).map((start) => ({ start, end: start + quote.exact.length, cost: 0 })), quote, hint);
  if (exact) return { ...exact, how: 'exact' };

  const folded = foldWithMap(text);
  const needle = foldWithMap(quote.exact).text.trim();
  if (!needle) return null;
  const loose = occurrences(folded.text, needle).map((s) => ({ ...folded.back(s, s + needle.length), cost: 0 }));
  const found = best(text, loose, quote, hint) ?? best(text, approximate(folded, needle), quote, hint);
  return found ? { ...found, how: 'fuzzy' } : null;
}

function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

interface Candidate extends Range {
  /** Edits needed (0 for an exact match). */
  cost: number;
}

/** Fewest edits first; then the most context still around it; then the nearest to the hint. */
function best(text: string, candidates: Candidate[], quote: TextQuote, hint: TextPosition | undefined): Range | null {
  if (candidates.length === 0) return null;
  let winner: Candidate | undefined;
  let winnerScore = -Infinity;
  for (const c of candidates) {
    const context = commonSuffix(text.slice(Math.max(0, c.start - quote.prefix.length), c.start), quote.prefix) + commonPrefix(text.slice(c.end, c.end + quote.suffix.length), quote.suffix);
    // Context weighs per character; the hint only separates otherwise equal candidates.
    const distance = hint ? Math.abs(c.start - hint.start) / Math.max(1, text.length) : 0;
    const score = -c.cost * 4 + context - distance;
    if (score > winnerScore) {
      winner = c;
      winnerScore = score;
    }
  }
  return winner ? { start: winner.start, end: winner.end } : null;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

interface Folded {
  text: string;
  /** The original range a folded range came from. */
  back(start: number, end: number): Range;
}

const DASHES = /[\u2010-\u2015\u2212]/g;
const QUOTES = /[\u2018\u2019\u201A\u201B\u02BC`]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u00AB\u00BB]/g;

function foldChar(c: string): string {
  return c.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(DASHES, '-').replace(QUOTES, "'").replace(DOUBLE_QUOTES, '"');
}

/**
 * Folded text (lower case, no diacritics, one space for any run of whitespace), with, for each
 * folded character, the original offsets it came from.
 */
function foldWithMap(text: string): Folded {
  let out = '';
  const from: number[] = [];
  const to: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; ) {
    const len = (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    const c = text.slice(i, i + len);
    if (/\s/u.test(c)) {
      if (!space) {
        out += ' ';
        from.push(i);
        to.push(i + len);
        space = true;
      } else to[to.length - 1] = i + len;
    } else {
      space = false;
      for (const f of foldChar(c)) {
        out += f;
        from.push(i);
        to.push(i + len);
      }
    }
    i += len;
  }
  return {
    text: out,
    back: (start, end) => ({ start: from[start] ?? text.length, end: end > start ? (to[end - 1] ?? text.length) : (from[start] ?? text.length) }),
  };
}

/** Quotes longer than this are matched by their two ends (each this long), not as a whole. */
const WHOLE = 96;

/** The quote may differ by this share of its characters and still be found. */
const TOLERANCE = 0.2;

/**
 * Approximate matches of `needle` in the folded text: edit distance at most a fifth of its
 * length (Sellers' algorithm, O(text × needle)). A long quote is found by its head and its tail,
 * each matched the same way, in order and about as far apart as in the quote.
 */
function approximate(folded: Folded, needle: string): Candidate[] {
  const hay = folded.text;
  if (needle.length <= WHOLE) {
    return sellers(hay, needle, Math.floor(needle.length * TOLERANCE)).map((m) => ({ ...folded.back(m.start, m.end), cost: m.cost }));
  }
  const head = needle.slice(0, WHOLE / 2);
  const tail = needle.slice(-WHOLE / 2);
  const k = Math.floor((WHOLE / 2) * TOLERANCE);
  const heads = sellers(hay, head, k);
  const tails = sellers(hay, tail, k);
  const found: Candidate[] = [];
  for (const h of heads) {
    for (const t of tails) {
      const span = t.end - h.start;
      if (t.start >= h.end - k && Math.abs(span - needle.length) <= needle.length * TOLERANCE) {
        found.push({ ...folded.back(h.start, t.end), cost: h.cost + t.cost });
      }
    }
  }
  return found;
}

/** Past this many cells the approximate search gives up: a highlight is never worth freezing the page. */
const MAX_CELLS = 40_000_000;

/**
 * Every end position in `hay` where `needle` matches with at most `k` edits, each with its best
 * start; overlapping matches are reduced to their cheapest.
 */
function sellers(hay: string, needle: string, k: number): (Range & { cost: number })[] {
  const m = needle.length;
  if (m === 0 || hay.length * m > MAX_CELLS) return [];
  let cost = new Int32Array(m + 1);
  let start = new Int32Array(m + 1);
  let nextCost = new Int32Array(m + 1);
  let nextStart = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) cost[i] = i;
  const raw: (Range & { cost: number })[] = [];
  for (let j = 1; j <= hay.length; j++) {
    nextCost[0] = 0;
    nextStart[0] = j;
    const c = hay[j - 1];
    for (let i = 1; i <= m; i++) {
      const sub = (cost[i - 1] ?? 0) + (needle[i - 1] === c ? 0 : 1);
      const del = (cost[i] ?? 0) + 1; // a character of the text not in the quote
      const ins = (nextCost[i - 1] ?? 0) + 1; // a character of the quote not in the text
      if (sub <= del && sub <= ins) {
        nextCost[i] = sub;
        nextStart[i] = start[i - 1] ?? 0;
      } else if (del <= ins) {
        nextCost[i] = del;
        nextStart[i] = start[i] ?? 0;
      } else {
        nextCost[i] = ins;
        nextStart[i] = nextStart[i - 1] ?? 0;
      }
    }
    const last = nextCost[m] ?? Infinity;
    if (last <= k) raw.push({ start: nextStart[m] ?? 0, end: j, cost: last });
    [cost, nextCost] = [nextCost, cost];
    [start, nextStart] = [nextStart, start];
  }
  // Neighbouring end positions describe the same place: keep the cheapest of each run.
  const kept: (Range & { cost: number })[] = [];
  for (const r of raw) {
    const last = kept[kept.length - 1];
    if (last && r.start < last.end) {
      if (r.cost < last.cost) kept[kept.length - 1] = r;
    } else kept.push(r);
  }
  return kept;
}
