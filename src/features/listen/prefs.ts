/**
 * The read-aloud preferences (speed, the voice chosen per language, continue with the next
 * article), in localStorage beside the other preferences, validated on read by `core/voices.ts`.
 */
import { parseListenPrefs, type ListenPrefs } from '../../core/voices';

const KEY = 'broadsheet:listen';

export function loadListenPrefs(): ListenPrefs {
  try {
    return parseListenPrefs(JSON.parse(localStorage.getItem(KEY) ?? '{}'));
  } catch {
    return parseListenPrefs(undefined);
  }
}

export function saveListenPrefs(p: ListenPrefs): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(p));
  } catch {
    // storage blocked: applies for this session only
  }
}
