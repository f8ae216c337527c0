/**
 * The reader's offline preferences (the image budget) as data, validated like the settings:
 * from localStorage and from backup files alike. Stored by `features/offline/prefs.ts`.
 */
import { BUDGETS_MB, DEFAULT_BUDGET_MB } from './budget';

export interface OfflinePrefs {
  /** The image budget, in MB: one of `BUDGETS_MB`. */
  imageBudgetMB: number;
}

export const DEFAULT_PREFS: OfflinePrefs = { imageBudgetMB: DEFAULT_BUDGET_MB };

export function parsePrefs(v: unknown): OfflinePrefs {
  const budget = v && typeof v === 'object' ? Number((v as Record<string, unknown>).imageBudgetMB) : NaN;
  return { imageBudgetMB: (BUDGETS_MB as readonly number[]).includes(budget) ? budget : DEFAULT_BUDGET_MB };
}
