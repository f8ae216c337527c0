/**
 * Counting an article's words, once, when it is written to the store (`data/write.ts`,
 * `data/bodies.ts`). Kept apart from `reading-time.ts` so the first load does not carry it.
 */
import { htmlToText } from './feed/text';

/** Scripts written without spaces between words: each character counts as a word. */
const DENSE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const CHAR = /[\s\S]/gu;

/** How many words a plain text holds. */
export function countWords(text: string): number {
  let n = 0;
  for (const m of text.matchAll(WORD)) {
    const w = m[0];
    n += DENSE.test(w) ? Math.ceil((w.match(CHAR)?.length ?? 0) / 2) : 1;
  }
  return n;
}

/** The text an article is read for: its body (HTML or text), else its summary or excerpt. */
export function wordsOf(a: { contentHtml?: string | undefined; contentText?: string | undefined; summary?: string | undefined; excerpt?: string | undefined; title?: string }): number {
  if (a.contentText) return countWords(a.contentText);
  if (a.contentHtml) return countWords(htmlToText(a.contentHtml));
  return countWords(a.summary ?? a.excerpt ?? '');
}

