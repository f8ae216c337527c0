/**
 * Every sentence the first screen shows, in one typed catalogue (the lazily loaded views' strings
 * are in `lazy.ts`). A translation is another object of type `Strings` (`i18n/<locale>/main.ts`),
 * so a missing string is a type error, not a blank in the UI.
 * Functions take raw numbers and format them with the current locale (`num`).
 */
import type { FeedError, ParseReport } from '../../core/feed/types';
import type { SyncFailure } from '../../core/sync-types';
import { ARTICLE_CAPS } from '../../core/feed/caps';

const LIMITS_TAGS = ARTICLE_CAPS.tagsPerItem;
const LIMITS_AUTHORS = ARTICLE_CAPS.authorsPerItem;
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
  skipped: (r: ParseReport) => skippedSentence(r),
  storedKept: 'Your stored articles are unchanged.',
  updateReady: 'A new version of Broadsheet is ready.',
  reload: 'Reload',
  offlineReady: 'Broadsheet is ready to work offline.',
  dbUnavailable:
    'This browser does not let Broadsheet store data (private browsing can do this), so articles are read online only and will not be available offline.',
  dbUpgrade: 'Broadsheet was updated in another tab. Reload this tab to keep going.',
  failure: (f: SyncFailure) => failureSentence(f),

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

  // Reliability (issue 6)
  /** What a successful sync repaired rather than skipped: unreadable dates, over-long fields. */
  repaired: (r: ParseReport) => repairedSentence(r),
  /** Everything the alert says about a successful sync's parse: skipped items, then repairs. */
  parseNotes: (r: ParseReport) => [skippedSentence(r), repairedSentence(r)].filter(Boolean).join(' '),
  evicted:
    'The browser deleted the articles stored on this device, probably to free space. They are downloaded again as soon as the server can be reached.',
  evictedRestored: 'The browser had deleted the articles stored on this device, probably to free space. They have been downloaded again.',
  dbClosed: 'The browser closed Broadsheet’s storage on this device (its data was cleared, or space ran out). Reload this tab to keep going.',

  // Archive sync and search (issue 3)
  searching: 'Searching…',
  indexing: 'The search index is still being built on this device: more matches may appear.',
  syncProgressLabel: 'Download progress',
  syncProgress: (pages: number, articles: number) => `Fetched ${plural(pages, 'page', 'pages')} · ${plural(articles, 'article', 'articles')}`,
  partialSaved: (pages: number, articles: number) =>
    `${plural(articles, 'article', 'articles')} from ${plural(pages, 'page', 'pages')} were saved; the rest will be fetched next time.`,
  stoppedAtLoop: 'The article index links back to a page already read, so the download stopped there.',
  stoppedAtLimit: (pages: number) => `The download stopped after ${num(pages)} pages, the most one update fetches.`,
};

export type Strings = typeof en;

function skippedSentence(r: ParseReport): string {
  const parts: string[] = [];
  if (r.noId) parts.push(`${plural(r.noId, 'item', 'items')} without an id`);
  if (r.notObject) parts.push(`${plural(r.notObject, 'entry', 'entries')} that ${r.notObject === 1 ? 'is' : 'are'} not an article`);
  if (r.duplicates) parts.push(plural(r.duplicates, 'duplicate copy', 'duplicate copies'));
  const skipped = r.noId + r.notObject + r.duplicates;
  if (!skipped) return '';
  return `${plural(skipped, 'item was', 'items were')} skipped: ${parts.join(', ')}.`;
}

function repairedSentence(r: ParseReport): string {
  const parts: string[] = [];
  if (r.badDates) parts.push(`${plural(r.badDates, 'date', 'dates')} could not be read and ${r.badDates === 1 ? 'was' : 'were'} left out`);
  if (r.truncatedFields) parts.push(`${plural(r.truncatedFields, 'over-long field was', 'over-long fields were')} shortened`);
  if (r.futureDates) parts.push(`${plural(r.futureDates, 'date more than a day ahead was', 'dates more than a day ahead were')} set back`);
  if (r.cutTags) parts.push(`${plural(r.cutTags, 'tag', 'tags')} past ${num(LIMITS_TAGS)} per article ${r.cutTags === 1 ? 'was' : 'were'} left out`);
  if (r.cutAuthors) parts.push(`${plural(r.cutAuthors, 'author', 'authors')} past ${num(LIMITS_AUTHORS)} per article ${r.cutAuthors === 1 ? 'was' : 'were'} left out`);
  if (!parts.length) return '';
  const sentence = parts.join('; ');
  return `${sentence.replace(/^./, (c) => c.toUpperCase())}.`;
}

export function feedSentence(e: FeedError): string {
  switch (e.code) {
    case 'empty':
      return 'The article index is an empty file.';
    case 'html':
      return 'The server sent a web page instead of the article index (perhaps an error or login page).';
    case 'truncated':
      return 'The article index is incomplete: the download was cut off before the end.';
    case 'not-json':
      return `The article index is not valid JSON.`;
    case 'not-object':
      return 'The article index is not a JSON Feed: it is not a JSON object.';
    case 'no-version':
      return 'The article index is not a JSON Feed: it has no "version".';
    case 'bad-version':
      return `The article index is not a JSON Feed this app can read (its “version” is not one of JSON Feed’s).`;
    case 'no-items':
      return 'The article index is not a JSON Feed: it has no "items" list.';
  }
}

function failureSentence(f: SyncFailure): string {
  switch (f.kind) {
    case 'offline':
      return 'You are offline. Showing the articles stored on this device.';
    case 'network':
      return 'Could not reach the server. Showing the articles stored on this device.';
    case 'timeout':
      return `The server did not answer within ${num(f.seconds)} seconds. Showing the articles stored on this device.`;
    case 'http':
      return `The article index could not be loaded: the server answered ${f.status}. ${en.storedKept}`;
    case 'too-large':
      return `The article index is larger than ${num(Math.round(f.bytes / 1048576))} MB, so it was not loaded. ${en.storedKept}`;
    case 'feed':
      return `${feedSentence(f.error)} ${en.storedKept}`;
    case 'no-articles': {
      const skipped = skippedSentence(f.report);
      return `The article index holds no readable articles${f.report.total ? ` (${plural(f.report.total, 'item', 'items')})` : ''}. ${skipped ? `${skipped} ` : ''}${en.storedKept}`;
    }
    case 'storage':
      return `The device's storage is full: ${num(f.written)} of ${num(f.total)} articles were saved. Free some space, then check for new articles again.`;
  }
}
