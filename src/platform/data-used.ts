/**
 * The "Data used" count (core/data-used.ts), kept in localStorage: no database migration, and
 * cheap to add to after every response. Where localStorage is missing (a worker), nothing is counted.
 */
import { addUsage, emptyUsage, parseUsage, type DataUsed } from '../core/data-used';

const KEY = 'broadsheet:data-used';

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export function readUsage(now = Date.now()): DataUsed {
  try {
    const raw = storage()?.getItem(KEY);
    return parseUsage(raw ? JSON.parse(raw) : undefined, now);
  } catch {
    return emptyUsage(now);
  }
}

/** Counts `bytes` received. */
export function countBytes(bytes: number, now = Date.now()): void {
  const s = storage();
  if (!s || !(bytes > 0)) return;
  try {
    s.setItem(KEY, JSON.stringify(addUsage(readUsage(now), bytes, now)));
  } catch {
    // Full or blocked: the count is a courtesy, never worth an error.
  }
}

export function resetUsage(now = Date.now()): void {
  try {
    storage()?.setItem(KEY, JSON.stringify(emptyUsage(now)));
  } catch {
    // as above
  }
}
