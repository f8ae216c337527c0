/**
 * Sentence boundaries for reading aloud, pure. `Intl.Segmenter` proposes the boundaries where the
 * engine has it; otherwise a small scanner does (a terminator `.`, `!`, `?`, `…`, then closing
 * quotes or brackets, then a space). Either way the same rules then take back the false breaks
 * that sentence segmenters make in these languages: after an abbreviation such as "Dr." or
 * "Sra.", after an initial, before a lowercase word ("“Stop!” she said"), and before a number
 * after "No.". Over-long sentences are cut at a comma so no one utterance runs past the ~15 s
 * some engines cut off at.
 */

export interface Span {
  start: number;
  end: number;
}

/** Abbreviations after which a name follows: never the end of a sentence. */
const TITLES: Record<string, readonly string[]> = {
  en: ['mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'rev', 'gen', 'col', 'capt', 'lt', 'sgt', 'gov', 'sen', 'rep', 'hon', 'vs', 'e.g', 'i.e', 'cf', 'approx'],
  es: ['sr', 'sra', 'srta', 'sres', 'dr', 'dra', 'd', 'dña', 'ud', 'uds', 'lic', 'ing', 'prof', 'profa', 'av', 'avda', 'gral', 'p. ej', 'ej', 'aprox', 'cía'],
  pt: ['sr', 'sra', 'srta', 'dr', 'dra', 'prof', 'profa', 'eng', 'av', 'ex', 'exa', 'v. exa', 'sto', 'sta', 'aprox', 'cia', 'ltda'],
  uk: ['д-р', 'проф', 'акад', 'доц', 'ім', 'вул', 'просп', 'пл', 'м', 'с', 'смт', 'обл', 'напр', 'див', 'пор', 'св', 'т. зв', 'т.зв'],
};

/** Abbreviations that come before a number ("No. 5", "pág. 3", "ст. 12"). */
const BEFORE_NUMBERS: Record<string, readonly string[]> = {
  en: ['no', 'nos', 'p', 'pp', 'vol', 'fig', 'ch', 'art', 'sec', 'ed', 'op'],
  es: ['n', 'no', 'núm', 'nº', 'n.º', 'p', 'pp', 'pág', 'págs', 'vol', 'cap', 'art', 'fig'],
  pt: ['n', 'no', 'nº', 'n.º', 'núm', 'p', 'pp', 'pág', 'págs', 'vol', 'cap', 'art', 'fig'],
  uk: ['№', 'ст', 'с', 'т', 'р', 'рр', 'ч', 'п', 'гл', 'рис', 'табл', 'вип'],
};

const baseLang = (lang: string): string => lang.toLowerCase().split(/[-_]/)[0] ?? '';

/** The word just before a final period, without that period: "Dr." → "Dr", "p. ej." → "p. ej". */
function lastWord(before: string): string {
  const m = /([\p{L}\p{N}№ºª.-]+(?:\s\p{L}{1,3}\.?)?)\.\s*$/u.exec(before);
  return m?.[1] ?? '';
}

/**
 * Whether a boundary proposed between `before` and `after` is a false one: the rules above.
 * `before` ends with the terminator (and closers, maybe spaces); `after` is what follows.
 */
function isFalseBreak(before: string, after: string, lang: string): boolean {
  // A dash that goes on after a quote ("«Ходімо!» — сказала вона") continues the sentence.
  const next = after.trimStart().replace(/^[—–]\s*/u, '');
  if (!next) return false;
  const first = next[0] ?? '';
  // A sentence does not start with a lowercase letter or closing punctuation.
  if (/[\p{Ll},;:)\]}»”’]/u.test(first)) return true;
  const head = before.trimEnd();
  if (!head.endsWith('.') || head.endsWith('..')) return false;
  const original = lastWord(head);
  if (!original) return false;
  const last = original.split(/\s/).pop() ?? original;
  const word = original.toLowerCase();
  const tail = last.toLowerCase();
  const base = baseLang(lang);
  const titles = TITLES[base] ?? TITLES.en ?? [];
  if (titles.includes(word) || titles.includes(tail)) return true;
  const numeric = BEFORE_NUMBERS[base] ?? BEFORE_NUMBERS.en ?? [];
  if (/\p{N}/u.test(first) && (numeric.includes(word) || numeric.includes(tail))) return true;
  // An initial ("J. R. Tolkien", "Т. Шевченко") or a dotted abbreviation ("U.S.", "т.д.").
  if (/^\p{Lu}$/u.test(last)) return true;
  if (/^(\p{L}\.)+\p{L}$/u.test(tail)) return true;
  return false;
}

const TERMINATOR = /[.!?…]+[”"’'»)\]]*(?=\s|$)/gu;

/** Candidate boundaries (offsets where a new sentence may start) without `Intl.Segmenter`. */
function scanBoundaries(text: string): number[] {
  const cuts: number[] = [];
  for (const m of text.matchAll(TERMINATOR)) {
    const end = m.index + m[0].length;
    // A decimal or a version number is not followed by a space, so never matches; "3." is a
    // list number or a year at the end of a sentence, which is a boundary either way.
    let next = end;
    while (next < text.length && /\s/u.test(text[next] ?? '')) next++;
    if (next < text.length) cuts.push(next);
  }
  // Paragraph-like line breaks inside one block (a poem, an address) also end a sentence.
  for (const m of text.matchAll(/\n\s*\n\s*/gu)) cuts.push(m.index + m[0].length);
  return [...new Set(cuts)].sort((a, b) => a - b);
}

/** Candidate boundaries from `Intl.Segmenter`, when the engine has it. */
function segmenterBoundaries(text: string, lang: string): number[] | undefined {
  const Segmenter = (Intl as Partial<typeof Intl>).Segmenter;
  if (!Segmenter) return undefined;
  let segmenter: Intl.Segmenter;
  try {
    segmenter = new Segmenter(lang || undefined, { granularity: 'sentence' });
  } catch {
    segmenter = new Segmenter(undefined, { granularity: 'sentence' });
  }
  const cuts: number[] = [];
  for (const s of segmenter.segment(text)) if (s.index > 0) cuts.push(s.index);
  return cuts;
}

/** Longest stretch spoken as one utterance; longer sentences are cut at a comma or a space. */
export const MAX_UTTERANCE = 280;

function cutLong(text: string, span: Span, out: Span[]): void {
  let { start } = span;
  while (span.end - start > MAX_UTTERANCE) {
    const window = text.slice(start, start + MAX_UTTERANCE);
    let at = Math.max(window.lastIndexOf(', '), window.lastIndexOf('; '), window.lastIndexOf(': '), window.lastIndexOf(' — '));
    if (at < MAX_UTTERANCE / 3) at = window.lastIndexOf(' ');
    if (at <= 0) at = MAX_UTTERANCE - 1;
    const cut = start + at + 1;
    out.push(trim(text, { start, end: cut }));
    start = cut;
    while (start < span.end && /\s/u.test(text[start] ?? '')) start++;
  }
  if (span.end > start) out.push(trim(text, { start, end: span.end }));
}

function trim(text: string, { start, end }: Span): Span {
  while (start < end && /\s/u.test(text[start] ?? '')) start++;
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

export interface SplitOptions {
  /** Use `Intl.Segmenter` when present (default); false forces the fallback scanner. */
  segmenter?: boolean;
}

/** The sentences of `text` in language `lang`, as offsets into it; blank stretches are left out. */
export function splitSentences(text: string, lang: string, options: SplitOptions = {}): Span[] {
  const cuts = (options.segmenter !== false && segmenterBoundaries(text, lang)) || scanBoundaries(text);
  const spans: Span[] = [];
  let start = 0;
  for (const cut of cuts) {
    if (cut <= start || cut >= text.length) continue;
    if (isFalseBreak(text.slice(start, cut), text.slice(cut, cut + 40), lang)) continue;
    spans.push({ start, end: cut });
    start = cut;
  }
  spans.push({ start, end: text.length });
  const out: Span[] = [];
  for (const s of spans) {
    const trimmed = trim(text, s);
    if (trimmed.end > trimmed.start && /[\p{L}\p{N}]/u.test(text.slice(trimmed.start, trimmed.end))) cutLong(text, trimmed, out);
  }
  return out.filter((s) => s.end > s.start);
}

/** The sentences of `text` as strings (for tests and simple callers). */
export const sentences = (text: string, lang: string, options?: SplitOptions): string[] =>
  splitSentences(text, lang, options).map((s) => text.slice(s.start, s.end));
