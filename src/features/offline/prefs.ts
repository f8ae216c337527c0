/**
 * The reader's offline preferences (the image budget), in localStorage beside the other settings
 * and validated on read like them. Included in backups.
 */
import { BUDGETS_MB, DEFAULT_BUDGET_MB, MB } from '../../core/budget';

const KEY = 'broadsheet:offline';

export interface OfflinePrefs {
  /** The image budget, in MB: one of `BUDGETS_MB`. */
  imageBudgetMB: number;
}

export const DEFAULT_PREFS: OfflinePrefs = { imageBudgetMB: DEFAULT_BUDGET_MB };

export function parsePrefs(v: unknown): OfflinePrefs {
  const budget = v && typeof v === 'object' ? Number((v as Record<string, unknown>).imageBudgetMB) : NaN;
  return { imageBudgetMB: (BUDGETS_MB as readonly number[]).includes(budget) ? budget : DEFAULT_BUDGET_MB };
}

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
