/**
 * Search snippets: a short stretch of a row's text around the first word that matches the query,
 * cut into plain and matched parts. The view turns the parts into text nodes and `<mark>`
 * elements, never into an HTML string. Matching follows the search index's rules as far as a
 * row can see them: any case, accents ignored, a query word matches the start of a word.
 * Pure, and cheap: it runs for the rows on screen only, over a few hundred characters each.
 */

export interface SnippetPart {
  text: string;
  mark: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’ʼ`][\p{L}\p{N}]+)*/gu;

function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[’'`ʼ]/g, '');
}

/** The query's words, folded. */
export function snippetTerms(q: string): string[] {
  const out = new Set<string>();
  for (const m of q.matchAll(WORD)) {
    const w = fold(m[0]);
    if (w) out.add(w);
  }
  return [...out];
}

/**
 * The parts of `text` to show for `terms`, at most about `max` characters, starting a little
 * before the first match; `undefined` when no word of `text` matches.
 */
export function snippet(text: string, terms: readonly string[], max = 160): SnippetPart[] | undefined {
  if (!terms.length || !text) return undefined;
  const hits: [number, number][] = [];
  for (const m of text.matchAll(WORD)) {
    const w = fold(m[0]);
    if (terms.some((t) => w.startsWith(t))) hits.push([m.index, m.index + m[0].length]);
  }
  const first = hits[0];
  if (!first) return undefined;
  // Start about a third of the way back, at a word boundary, so the match has its context.
  let start = Math.max(0, first[0] - Math.floor(max / 3));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < first[0] ? space + 1 : first[0];
  }
  let end = Math.min(text.length, start + max);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    end = space > first[1] ? space : Math.max(end, first[1]);
  }
  const parts: SnippetPart[] = [];
  const push = (s: string, mark: boolean) => {
    if (s) parts.push({ text: s, mark });
  };
  if (start > 0) push('…', false);
  let at = start;
  for (const [a, b] of hits) {
    if (b <= start) continue;
    if (a >= end) break;
    push(text.slice(at, a), false);
    push(text.slice(a, b), true);
    at = b;
  }
  push(text.slice(at, end), false);
  if (end < text.length) push('…', false);
  return parts;
}
