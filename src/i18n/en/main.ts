/**
 * Every sentence the first screen shows, in one typed catalogue (the lazily loaded views' strings,
 * and the alert's sentences, which only a sync's result or a storage notice needs, are in
 * `lazy.ts`). A translation is another object of type `Strings` (`i18n/<locale>/main.ts`),
 * so a missing string is a type error, not a blank in the UI.
 * Functions take raw numbers and format them with the current locale (`num`).
 */
import { num, pick, isolate } from '../format';

const plural = (n: number, one: string, other: string) => `${num(n)} ${pick(n, { one, other })}`;

export const en = {
  appName: 'Broadsheet',
  searchLabel: 'Search articles',
  searchPlaceholder: 'Words in titles, text, tags, authors',
  tagLabel: 'Tag',
  allTags: 'All tags',
  findTag: 'Find a tag',
  clearFilters: 'Clear filters',
  articleCount: (n: number) => plural(n, 'article', 'articles'),
  filtered: 'filtered',
  listLabel: 'Articles',
  loading: 'Loading articles…',
  firstSync: 'Downloading articles for offline reading…',
  noArticlesYet: 'No articles are stored on this device yet. Connect to the internet once to download them.',
  noMatch: (q: string) => (q ? `No stored article matches “${isolate(q)}”.` : 'No stored article matches this filter.'),
  untitled: 'Untitled',
  tags: 'Tags',
  articleLoading: 'Opening article…',
  checkNow: 'Check for new articles',
  checking: 'Checking for new articles…',
  updatedAgo: (when: string) => `Updated ${when}`,
  neverUpdated: 'Not updated yet',
  offlineBadge: 'Offline',
  wentOffline: 'You are offline. Everything stored on this device can still be read.',
  backOnline: 'Back online.',

  // Reading state
  savedBadge: 'Saved',
  unreadBadge: 'Unread',

  // Filters
  moreFilters: 'More filters',
  activeFilters: (n: number) => plural(n, 'filter on', 'filters on'),

  // Masthead links, highlight counts in rows
  settings: 'Settings',
  highlights: 'Highlights',
  highlightCount: (n: number) => plural(n, 'highlight', 'highlights'),

  // List rows (the rest of the offline strings load with the lazy views: lazy.ts)
  rowOffline: 'Readable offline',
  rowNotOffline: 'Not fully offline yet',
  minRead: (n: number) => `${num(n)} min read`,
  offlineCalm: (n: number) => `Offline · ${plural(n, 'article', 'articles')} on this phone`,

  // Archive sync and search (issue 3)
  searching: 'Searching…',
  indexing: 'The search index is still being built on this device: more matches may appear.',
};

export type Strings = typeof en;
