/** Dates and numbers through `Intl`, in the reader's locale. Formatters are built once. */

const locale = typeof navigator !== 'undefined' ? navigator.language : 'en';
const dateFmt = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const longDateFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
const numberFmt = new Intl.NumberFormat(locale);
const relativeFmt = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });

/**
 * Feed dates are shown in UTC: publishers often send dates without a zone, which we read as UTC,
 * and showing them in local time would move midnight-dated articles to the previous day.
 */
export const formatDate = (ms: number): string => dateFmt.format(ms);
export const formatLongDate = (ms: number): string => longDateFmt.format(ms);
export const formatNumber = (n: number): string => numberFmt.format(n);
export const isoDate = (ms: number): string => new Date(ms).toISOString();

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
