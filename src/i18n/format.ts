/**
 * Dates, numbers and plural choice through `Intl`, in the UI's locale. Formatters are rebuilt
 * only when the locale changes (`setFormatLocale`), never per call.
 */

let tag = 'en';
let dateFmt: Intl.DateTimeFormat;
let longDateFmt: Intl.DateTimeFormat;
let numberFmt: Intl.NumberFormat;
let relativeFmt: Intl.RelativeTimeFormat;
let plurals: Intl.PluralRules;

/**
 * Uses the browser's own regional variant when it speaks the chosen language (pt-BR vs pt-PT,
 * en-GB vs en-US), else the bare language. (`languages` is missing from some navigators: old
 * ones, test stubs.)
 */
export function setFormatLocale(language: string, preferred: readonly string[] = typeof navigator === 'undefined' ? [] : ((navigator as Partial<Navigator>).languages ?? [])): void {
  tag = preferred.find((l) => l.toLowerCase().split('-')[0] === language) ?? language;
  // Feed dates are shown in UTC: publishers often send dates without a zone, which we read as
  // UTC, and showing them in local time would move midnight-dated articles to the previous day.
  dateFmt = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  longDateFmt = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' });
  numberFmt = new Intl.NumberFormat(tag);
  relativeFmt = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });
  plurals = new Intl.PluralRules(tag);
}
setFormatLocale('en', []);

export const formatLocale = (): string => tag;
export const formatDate = (ms: number): string => dateFmt.format(ms);
export const formatLongDate = (ms: number): string => longDateFmt.format(ms);
export const num = (n: number): string => numberFmt.format(n);
export const isoDate = (ms: number): string => new Date(ms).toISOString();

/** Picks the plural form for `n` by the locale's rules (Ukrainian has one/few/many/other). */
export function pick(n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }): string {
  return forms[plurals.select(n)] ?? forms.other;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "5 minutes ago", "yesterday", "now". */
export function formatRelative(ms: number, now = Date.now()): string {
  const diff = ms - now;
  for (const [unit, size] of UNITS) {
    if (Math.abs(diff) >= size) return relativeFmt.format(Math.round(diff / size), unit);
  }
  return relativeFmt.format(0, 'second');
}

/**
 * Foreign text (a file name, a tag, a search, anything a stranger chose) inside one of the app's
 * sentences, isolated with FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE: a U+202E or a
 * right-to-left name then reorders itself only, never the sentence around it.
 */
export const isolate = (s: string): string => `\u2068${s}\u2069`;
