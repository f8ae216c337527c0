/**
 * Reading time: from the word count made once per article when it is written to the store
 * (`words` on the stored row, `word-count.ts`) and a reading speed per language, so a row says
 * "6 min read" without reading the body at render. Pure, and small: the list's rows load it.
 */

/**
 * Silent reading speed, words per minute, by primary language subtag. From Trauzettel-Klosinski
 * et al., "Standardized assessment of reading performance" (IReST, 2012), which measured the same
 * texts in 17 languages; Ukrainian takes the Russian figure (closely related, same script).
 */
const WPM: Readonly<Record<string, number>> = {
  en: 228,
  es: 218,
  pt: 181,
  uk: 184,
  ru: 184,
  fr: 195,
  de: 179,
  it: 188,
  nl: 202,
  pl: 166,
  fi: 161,
  sv: 199,
  tr: 166,
  ar: 138,
  he: 187,
  zh: 158,
  ja: 193,
};
const DEFAULT_WPM = 200;

/** Words per minute for a BCP 47 tag ("pt-BR" reads as "pt"). */
export function wordsPerMinute(lang: string | undefined): number {
  const primary = lang?.toLowerCase().split(/[-_]/)[0] ?? '';
  return WPM[primary] ?? DEFAULT_WPM;
}

/** Whole minutes to read `words` in `lang`, at least 1; undefined when there is nothing to read. */
export function readingMinutes(words: number | undefined, lang: string | undefined): number | undefined {
  if (!words || !Number.isFinite(words) || words <= 0) return undefined;
  return Math.max(1, Math.round(words / wordsPerMinute(lang)));
}
