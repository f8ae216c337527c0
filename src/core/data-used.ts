/**
 * "Data used": bytes downloaded by syncs and by Keep offline, this month and in total, counted
 * from the responses actually received. Pure: the record is kept by `platform/data-used.ts`.
 */

export interface DataUsed {
  /** The month the `month` figure is for, as YYYY-MM (local time). */
  monthKey: string;
  month: number;
  total: number;
  /** When the count started (epoch ms): first use, or the last reset. */
  since: number;
}

function monthKeyOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

export function emptyUsage(now: number): DataUsed {
  return { monthKey: monthKeyOf(now), month: 0, total: 0, since: now };
}

/** The record as of `now`: a new month starts its count at zero. */
function currentUsage(u: DataUsed, now: number): DataUsed {
  const key = monthKeyOf(now);
  return u.monthKey === key ? u : { ...u, monthKey: key, month: 0 };
}

/** `u` with `bytes` more, as of `now`. Nonsense (negative, NaN) adds nothing. */
export function addUsage(u: DataUsed, bytes: number, now: number): DataUsed {
  const cur = currentUsage(u, now);
  if (!Number.isFinite(bytes) || bytes <= 0) return cur;
  return { ...cur, month: cur.month + bytes, total: cur.total + bytes };
}

/** Reads a stored record, or starts one. */
export function parseUsage(v: unknown, now: number): DataUsed {
  const o = v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  const n = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : undefined);
  const month = n(o.month);
  const total = n(o.total);
  const since = n(o.since);
  if (typeof o.monthKey !== 'string' || month === undefined || total === undefined || since === undefined) return emptyUsage(now);
  return currentUsage({ monthKey: o.monthKey, month, total: Math.max(total, month), since }, now);
}
