/**
 * Text folding for search: case-insensitive and diacritic-insensitive, in any script.
 * "Educación" and "EDUCACION" fold to the same thing, and so do "Їжак" and "їжак".
 * Both the haystack and the query go through the same function, so folding a letter "too far"
 * (Ukrainian й → и) costs a little precision and never a miss. Apostrophes are dropped, whichever
 * one was typed: Ukrainian uses ʼ (U+02BC), keyboards give ' or ’.
 */
export function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[’'`ʼ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Splits a query into folded words; an empty query gives no words. */
export function queryWords(q: string): string[] {
  const folded = fold(q);
  return folded ? [...new Set(folded.split(' '))] : [];
}
