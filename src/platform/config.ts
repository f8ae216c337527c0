import { DEFAULT_INDEX_PATH } from '../core/names';

/**
 * Where the article index lives. Resolved against the app's base URL, never against the current
 * page: a deep link such as `/article/abc` must still fetch `/feed.json`, not `/article/feed.json`.
 */
export function indexUrl(
  configured: string | undefined = import.meta.env.VITE_INDEX_URL,
  base: string = import.meta.env.BASE_URL,
  origin: string = location.origin,
): string {
  const appBase = new URL(base, origin);
  return new URL(configured?.trim() || DEFAULT_INDEX_PATH, appBase).href;
}
