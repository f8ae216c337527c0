/**
 * Lenient date reading. JSON Feed asks for RFC 3339, but real publishers send
 * `2018-01-06T08:00` (no seconds, no zone), `2018-01-06`, space separators or RFC 2822.
 * A date with no zone is read as UTC so that every reader sorts the same feed the same way,
 * whatever its own time zone.
 */

const ISO_LIKE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/;

const MONTH = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b/i;

/** Years outside this range are almost certainly typos or placeholders. */
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

/** Returns epoch milliseconds, or `undefined` when the value is not a readable date. */
export function parseDate(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  if (s === '' || s.length > 64) return undefined;
  const m = ISO_LIKE.exec(s);
  if (m) return fromParts(m);
  // RFC 2822 and friends ("Sat, 06 Jan 2018 08:00:00 +0000"): only what names a month and a
  // year, so "Item 1234" is not a date. No zone means UTC here too, not the reader's zone.
  if (!/\d{4}/.test(s) || !MONTH.test(s)) return undefined;
  const hasZone = /(?:\b(?:Z|UTC?|GMT|[ECMP][SD]T)|[+-]\d{2}:?\d{2})\s*$/i.test(s);
  const ms = Date.parse(hasZone ? s : `${s} GMT`);
  return Number.isFinite(ms) && inRange(new Date(ms).getUTCFullYear()) ? ms : undefined;
}

function fromParts(m: RegExpExecArray): number | undefined {
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Math.round(Number(`0.${m[7]}`) * 1000);
  if (!inRange(year) || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
    return undefined;
  }
  if (hour > 24 || (hour === 24 && (minute > 0 || second > 0)) || minute > 59 || second > 60) return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), millis);
  return utc - offsetMinutes(m[8]) * 60_000;
}

function offsetMinutes(zone: string | undefined): number {
  if (!zone || /^(z|utc|gmt)$/i.test(zone)) return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 60 + minutes);
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function inRange(year: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}
