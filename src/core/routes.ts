/**
 * URLs are the app's navigation state, so back/forward, reload, bookmarks and shared links all
 * work, online or off. Two shapes, both under the app's base path:
 *   {base}?q=words&tag=name            the list, filtered
 *   {base}article/{encoded id}         one article
 *   {base}settings                     the settings
 *   {base}highlights                   every highlight and note
 * List facets: unread=1, saved=1, author=, lang=, from=YYYY-MM-DD, to=YYYY-MM-DD.
 * Pure functions of (path, query, base), so they are tested without a browser. Moving between
 * them (the History API, the current route as a hook) is `ui/navigation.ts`.
 */
import type { Filter } from './list-model';

export type Route = { view: 'list'; filter: Filter } | { view: 'article'; id: string } | { view: 'settings' } | { view: 'highlights' };

const ARTICLE = 'article/';
const SETTINGS = 'settings';
const HIGHLIGHTS = 'highlights';
/**
 * Marks an id made only of dots. "." and ".." (even percent-encoded) are dot-segments that URL
 * parsing removes, so they get a prefix that encodeURIComponent never produces (it encodes "=").
 */
const DOTS = '=';

export function parseRoute(pathname: string, search: string, base: string): Route {
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, '');
  if (rest.startsWith(ARTICLE)) {
    const segment = rest.slice(ARTICLE.length);
    const id = segment.startsWith(DOTS) ? decodeSegment(segment.slice(DOTS.length)) : decodeSegment(segment);
    if (id) return { view: 'article', id };
  }
  if (rest === SETTINGS || rest === `${SETTINGS}/`) return { view: 'settings' };
  if (rest === HIGHLIGHTS || rest === `${HIGHLIGHTS}/`) return { view: 'highlights' };
  const params = new URLSearchParams(search);
  const filter: Filter = { q: params.get('q') ?? '', tag: params.get('tag') ?? '' };
  if (params.get('unread') === '1') filter.unread = true;
  if (params.get('saved') === '1') filter.saved = true;
  for (const key of ['author', 'lang', 'from', 'to'] as const) {
    const v = params.get(key);
    if (v) filter[key] = v;
  }
  return { view: 'list', filter };
}

export function settingsHref(base: string): string {
  return `${base}${SETTINGS}`;
}

export function highlightsHref(base: string): string {
  return `${base}${HIGHLIGHTS}`;
}

export function listHref(base: string, filter: Filter): string {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.tag) params.set('tag', filter.tag);
  if (filter.unread) params.set('unread', '1');
  if (filter.saved) params.set('saved', '1');
  if (filter.author) params.set('author', filter.author);
  if (filter.lang) params.set('lang', filter.lang);
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

/** Ids are often URLs themselves, so the whole id is encoded into a single path segment. */
export function articleHref(base: string, id: string): string {
  // A lone surrogate would make encodeURIComponent throw; the parser refuses such ids, but a
  // link must never be able to take the whole list down.
  const segment = encodeURIComponent(id.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
  return `${base}${ARTICLE}${/^\.+$/.test(id) ? DOTS : ''}${segment}`;
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment) || undefined;
  } catch {
    return undefined;
  }
}
