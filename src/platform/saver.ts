/**
 * The data saver's preferences (core/saver.ts) kept in localStorage, and what the browser says
 * about the connection (`navigator.connection`, the Network Information API, where it exists).
 */
import { DEFAULT_SAVER, parseSaver, type ConnectionInfo, type SaverPrefs } from '../core/saver';

const KEY = 'broadsheet:saver';

export function loadSaver(): SaverPrefs {
  try {
    const raw = localStorage.getItem(KEY);
    return parseSaver(raw ? JSON.parse(raw) : undefined);
  } catch {
    return { ...DEFAULT_SAVER };
  }
}

export function storeSaver(prefs: SaverPrefs): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(prefs));
  } catch {
    // Storage blocked or full: the choice holds for this session only.
  }
}

/** The connection as the browser describes it; undefined where it does not. */
export function connectionInfo(): ConnectionInfo | undefined {
  const c = (typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { connection?: ConnectionInfo }).connection) ?? undefined;
  if (!c) return undefined;
  return { saveData: c.saveData, type: c.type, metered: c.metered };
}

/** Whether the browser says what kind of connection it is on (the "Only on Wi-Fi" choice needs it). */
export function knowsConnectionType(): boolean {
  return typeof connectionInfo()?.type === 'string';
}
