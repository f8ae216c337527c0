/**
 * Every sentence the UI shows, in one typed catalogue. A translation is another object of type
 * `Strings`, so a missing string is a type error, not a blank in the UI.
 */
import type { FeedError, ParseReport } from '../feed/types';
import type { SyncFailure } from '../store/meta';

export const en = {
  appName: 'Broadsheet',
  searchLabel: 'Search articles',
  searchPlaceholder: 'Words in titles, text, tags, authors',
  tagLabel: 'Tag',
  allTags: 'All tags',
  clearFilters: 'Clear filters',
  articleCount: (n: number, fmt: (n: number) => string) => `${fmt(n)} ${n === 1 ? 'article' : 'articles'}`,
  filtered: 'filtered',
  listLabel: 'Articles',
  loading: 'Loading articles…',
  firstSync: 'Downloading articles for offline reading…',
  noArticlesYet: 'No articles are stored on this device yet. Connect to the internet once to download them.',
  noMatch: (q: string) => (q ? `No stored article matches “${q}”.` : 'No stored article matches this filter.'),
  untitled: 'Untitled',
  backToList: 'All articles',
  openOriginal: 'Read on the publisher’s site',
  linkedArticle: 'Linked article',
  by: 'By',
  tags: 'Tags',
  published: 'Published',
  updatedOn: 'updated',
  articleMissing: 'This article is not stored on this device.',
  articleMissingHint: 'It may not have been downloaded yet. Connect to the internet and open the list to fetch it.',
  articleLoading: 'Opening article…',
  noBody: 'This article has no text beyond its summary.',
  checkNow: 'Check for new articles',
  checking: 'Checking for new articles…',
  updatedAgo: (when: string) => `Updated ${when}`,
  neverUpdated: 'Not updated yet',
  offlineBadge: 'Offline',
  backOnline: 'Back online.',
  skipped: (r: ParseReport) => skippedSentence(r),
  storedKept: 'Your stored articles are unchanged.',
  updateReady: 'A new version of Broadsheet is ready.',
  reload: 'Reload',
  offlineReady: 'Broadsheet is ready to work offline.',
  dismiss: 'Dismiss',
  dbUnavailable:
    'This browser does not let Broadsheet store data (private browsing can do this), so articles are read online only and will not be available offline.',
  dbUpgrade: 'Broadsheet was updated in another tab. Reload this tab to keep going.',
  failure: (f: SyncFailure) => failureSentence(f),

  // Archive sync and search (issue 3)
  searching: 'Searching…',
  indexing: 'The search index is still being built on this device: more matches may appear.',
  fullResync: 'Full re-sync',
  syncProgressLabel: 'Download progress',
  syncProgress: (pages: number, articles: number, fmt: (n: number) => string) =>
    `Fetched ${fmt(pages)} ${pages === 1 ? 'page' : 'pages'} · ${fmt(articles)} ${articles === 1 ? 'article' : 'articles'}`,
  partialSaved: (pages: number, articles: number) =>
    `${plural(articles, 'article', 'articles')} from ${plural(pages, 'page', 'pages')} were saved; the rest will be fetched next time.`,
  stoppedAtLoop: 'The article index links back to a page already read, so the download stopped there.',
  stoppedAtLimit: (pages: number) => `The download stopped after ${pages} pages, the most one update fetches.`,
  bodyLoading: 'Downloading the full text…',
  bodyUnavailable: 'The full text of this article has not been downloaded yet. Connect to the internet to read it; the summary is below.',
  bodyFailed: (f: SyncFailure) => `The full text could not be downloaded: ${bodyFailureReason(f)}. The summary is shown instead.`,
} as const;

export type Strings = typeof en;

function bodyFailureReason(f: SyncFailure): string {
  switch (f.kind) {
    case 'offline':
      return 'you are offline';
    case 'timeout':
      return `the server did not answer within ${f.seconds} seconds`;
    case 'http':
      return `the server answered ${f.status}${f.statusText ? ` ${f.statusText}` : ''}`;
    case 'too-large':
      return `it is larger than ${Math.round(f.bytes / 1048576)} MB`;
    default:
      return 'the server could not be reached';
  }
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function skippedSentence(r: ParseReport): string {
  const parts: string[] = [];
  if (r.noId) parts.push(`${plural(r.noId, 'item', 'items')} without an id`);
  if (r.notObject) parts.push(`${plural(r.notObject, 'entry', 'entries')} that ${r.notObject === 1 ? 'is' : 'are'} not an article`);
  if (r.duplicates) parts.push(`${plural(r.duplicates, 'duplicate copy', 'duplicate copies')}`);
  const skipped = r.noId + r.notObject + r.duplicates;
  if (!skipped) return '';
  return `${plural(skipped, 'item was', 'items were')} skipped: ${parts.join(', ')}.`;
}

function feedSentence(e: FeedError): string {
  switch (e.code) {
    case 'empty':
      return 'The article index is an empty file.';
    case 'html':
      return 'The server sent a web page instead of the article index (perhaps an error or login page).';
    case 'truncated':
      return 'The article index is incomplete: the download was cut off before the end.';
    case 'not-json':
      return `The article index is not valid JSON${e.detail ? ` (${e.detail})` : ''}.`;
    case 'not-object':
      return 'The article index is not a JSON Feed: it is not a JSON object.';
    case 'no-version':
      return 'The article index is not a JSON Feed: it has no "version".';
    case 'bad-version':
      return `The article index is not a JSON Feed this app can read (version “${e.detail ?? ''}”).`;
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
      return `The server did not answer within ${f.seconds} seconds. Showing the articles stored on this device.`;
    case 'http':
      return `The article index could not be loaded: the server answered ${f.status}${f.statusText ? ` ${f.statusText}` : ''}. ${en.storedKept}`;
    case 'too-large':
      return `The article index is larger than ${Math.round(f.bytes / 1048576)} MB, so it was not loaded. ${en.storedKept}`;
    case 'feed':
      return `${feedSentence(f.error)} ${en.storedKept}`;
    case 'no-articles': {
      const skipped = skippedSentence(f.report);
      return `The article index holds no readable articles${f.report.total ? ` (${plural(f.report.total, 'item', 'items')})` : ''}. ${skipped ? `${skipped} ` : ''}${en.storedKept}`;
    }
    case 'storage':
      return `The device's storage is full: ${f.written} of ${f.total} articles were saved. Free some space, then check for new articles again.`;
  }
}
