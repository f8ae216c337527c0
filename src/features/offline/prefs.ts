/**
 * The reader's offline preferences (the image budget), in localStorage beside the other settings
 * and validated on read like them. Included in backups.
 */
import { MB } from '../../core/budget';
import { DEFAULT_PREFS, parsePrefs, type OfflinePrefs } from '../../core/prefs';

const KEY = 'broadsheet:offline';

export function loadPrefs(): OfflinePrefs {
  try {
    return parsePrefs(JSON.parse(localStorage.getItem(KEY) ?? '{}'));
  } catch {
    return { ...DEFAULT_PREFS };
  }
}

export function savePrefs(p: OfflinePrefs): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(p));
  } catch {
    // storage blocked: applies for this session only
  }
}

/** The image budget in bytes. */
export const imageBudget = (): number => loadPrefs().imageBudgetMB * MB;
