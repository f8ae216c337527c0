/**
 * Every sentence the UI shows, in one typed catalogue. A translation is another object of type
 * `Strings` (src/ui/locales/*.ts), so a missing string is a type error, not a blank in the UI.
 * Functions take raw numbers and format them with the current locale (`num`).
 */
import type { FeedError, ParseReport } from '../feed/types';
import type { SyncFailure } from '../store/meta';
import type { ImportOutcome } from '../transfer/apply';
import type { ImportPlan, RejectReason } from '../transfer/format';
import { num, pick } from './format';

const plural = (n: number, one: string, other: string) => `${num(n)} ${pick(n, { one, other })}`;

export const en = {
  appName: 'Broadsheet',
  searchLabel: 'Search articles',
  searchPlaceholder: 'Words in titles, text, tags, authors',
  tagLabel: 'Tag',
  allTags: 'All tags',
  clearFilters: 'Clear filters',
  articleCount: (n: number) => plural(n, 'article', 'articles'),
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
  save: 'Save',
  savedBadge: 'Saved',
  unreadBadge: 'Unread',
  markUnread: 'Mark as unread',
  markRead: 'Mark as read',
  markedUnread: 'Marked as unread.',
  resumed: (percent: number) => `Resumed at ${num(percent)}%.`,
  readingProgress: 'Reading progress',

  // Filters
  moreFilters: 'More filters',
  unreadOnly: 'Unread only',
  savedOnly: 'Saved only',
  authorLabel: 'Author',
  anyAuthor: 'Any author',
  languageLabel: 'Language',
  anyLanguage: 'Any language',
  fromDate: 'From',
  toDate: 'To',
  activeFilters: (n: number) => plural(n, 'filter on', 'filters on'),

  // Settings
  settings: 'Settings',
  appearance: 'Appearance',
  theme: 'Theme',
  themeSystem: 'Same as the device',
  themeLight: 'Light',
  themeDark: 'Dark',
  themeSepia: 'Sepia',
  textSize: 'Text size',
  lineWidth: 'Line width',
  widthNarrow: 'Narrow',
  widthMedium: 'Medium',
  widthWide: 'Wide',
  motion: 'Motion',
  motionSystem: 'Same as the device',
  motionReduce: 'Reduce motion',
  uiLanguage: 'Language of the app',
  languageAuto: 'Same as the browser',
  sample: 'Sample text: workers at the port voted to strike on Monday.',
  installApp: 'Install app',
  installHelp: 'Install Broadsheet to open it from your home screen, like any other app, even with no network.',
  iosInstall: 'To install on iPhone or iPad: tap the Share button, then “Add to Home Screen”.',
  installed: 'Broadsheet is installed on this device.',
  shortcuts: 'Keyboard shortcuts',
  shortcutSearch: 'Search',
  shortcutNext: 'Next / previous article',
  shortcutOpen: 'Open the article',
  shortcutBack: 'Back to the list',
  sync: 'Articles',
  lastUpdate: 'Last update',
  backgroundRefresh: 'New articles are also fetched in the background while the app is installed.',
  version: (v: string) => `Version ${v}`,

  // Keeping articles offline
  rowOffline: 'Readable offline',
  rowNotOffline: 'Not fully offline yet',
  keepOffline: 'Keep offline',
  articleOffline: 'Readable offline',
  articleImagesMissing: 'Images not stored yet',
  articleBodyMissing: 'Text not stored yet',
  importedOn: (date: string) => `Imported from a file on ${date}.`,
  keepProgressLabel: 'Download for offline reading',
  keepProgress: (done: number, total: number) => `Keeping articles offline: ${num(done)} of ${num(total)} done.`,
  keepWaiting: (left: number) => `Waiting for the network: ${plural(left, 'article', 'articles')} left to keep.`,
  keepPaused: (left: number) => `Download cancelled: ${plural(left, 'article', 'articles')} left. Resume to finish it.`,
  keepStorageFull: 'The device’s storage is full: older images were removed and the download stopped.',
  keepDone: (kept: number, failed: number) =>
    `${plural(kept, 'article', 'articles')} kept offline.${failed ? ` ${plural(failed, 'article', 'articles')} could not be fully kept (an image failed).` : ''}`,
  keepNothing: 'No article matches, so there is nothing to keep.',
  cancel: 'Cancel',
  resume: 'Resume',
  discard: 'Discard',
  share: 'Share',
  linkCopied: 'Link copied.',
  copyThisLink: 'Copy this link',

  // Storage panel
  storage: 'Storage',
  storageMeasuring: 'Measuring the space used…',
  storageUsed: (used: string, available: string) => `${used} used of ${available} available`,
  storageUnknown: 'This browser does not say how much space is used.',
  storageUnavailable: 'This browser does not let Broadsheet store data, so nothing can be kept offline.',
  articlesStored: (n: number, readable: number) => `${plural(n, 'article', 'articles')} stored, ${num(readable)} readable fully offline.`,
  imagesKept: (n: number, size: string, budget: string) => `${plural(n, 'image', 'images')} kept for offline reading: ${size} of ${budget}.`,
  imageBudget: 'Space for images',
  imageBudgetHelp:
    'When it is full, the images used least recently are removed first. Images from sites that do not allow sharing them count about 7 MB each, as that is what the browser charges.',
  persistAsk: 'Ask to keep data permanently',
  persistAsking: 'Asking the browser…',
  persistGranted: 'Permanent storage granted: the browser will not clear Broadsheet’s data without asking you.',
  persistDenied:
    'Permanent storage not granted: the browser may clear stored articles when the device runs low on space. Installing the app makes it more likely to be granted.',
  persistNotYet: 'The browser may clear stored articles when the device runs low on space, unless you ask to keep them.',
  persistUnsupported: 'This browser cannot be asked to keep data permanently.',
  keepSection: 'Keep articles offline',
  keepHelp: 'Downloads the images of the chosen articles, so that they can be read with no network at all.',
  keepTag: 'Keep this tag offline',
  keepNewestLabel: 'How many of the newest articles',
  keepNewest: 'Keep the newest offline',
  keepAll: 'Keep everything offline',
  clearSection: 'Clear data',
  clearWhat: 'What to clear',
  clearTag: 'Articles with a tag',
  clearReadOlder: 'Read articles older than a number of days',
  clearDays: 'Days',
  clearAll: 'Everything',
  clearIncludeSaved: 'Also remove saved articles',
  clearButton: 'Clear…',
  clearConfirm: (n: number, saved: boolean) =>
    `Remove ${plural(n, 'article', 'articles')} from this device${saved ? ', saved ones included' : ''}? Articles still in the feed come back, as text only, at the next check.`,
  clearConfirmYes: 'Remove',
  clearNothing: 'No article matches, so there is nothing to clear.',
  cleared: (n: number) => `${plural(n, 'article', 'articles')} removed.`,

  // Backup and hand-off
  transferSection: 'Backup and hand-off',
  transferHelp:
    'A backup holds your saved articles, reading state and settings. A hand-off file carries articles with their images to another phone: send it by Bluetooth, cable or a messenger and import it there, with no network needed.',
  exportWhat: 'What to export',
  exportBackup: 'Backup: saved articles, reading state and settings',
  exportSaved: 'Saved articles, for another phone',
  exportKept: 'Articles kept offline, for another phone',
  exportTag: (tag: string) => `Articles tagged “${tag}”, for another phone`,
  exportButton: 'Export',
  importButton: 'Import',
  working: 'Working…',
  exported: (n: number, name: string) => `${plural(n, 'article', 'articles')} written to ${name}.`,
  exportNothing: 'There is no article to export in this choice.',
  importNothing: 'Nothing was shared to import.',
  imported: (o: ImportOutcome, p: ImportPlan) => importedSentence(o, p),
  importRejected: (name: string, r: RejectReason | { code: 'unreadable' }) => `“${name}” was not imported: ${rejectSentence(r)} Nothing stored changed.`,
};

function importedSentence(o: ImportOutcome, p: ImportPlan): string {
  const parts = [`${plural(o.added, 'new article', 'new articles')}, ${num(o.updated)} updated, ${num(o.unchanged)} already here`];
  if (p.kind === 'backup') parts.push(`${plural(o.states, 'reading state', 'reading states')} merged`);
  if (p.settings) parts.push('settings applied');
  let s = `Imported: ${parts.join('; ')}.`;
  const skipped = p.report.noId + p.report.notObject + p.tooMany + p.badStates;
  if (skipped) s += ` ${plural(skipped, 'entry was', 'entries were')} skipped as invalid.`;
  if (p.report.truncatedFields) s += ` ${plural(p.report.truncatedFields, 'field was', 'fields were')} too long and cut.`;
  return s;
}

function rejectSentence(r: RejectReason | { code: 'unreadable' }): string {
  switch (r.code) {
    case 'too-large':
      return `it is larger than ${num(Math.round(r.bytes / 1048576))} MB.`;
    case 'unreadable':
      return 'the file could not be read.';
    case 'empty':
      return 'it holds no article, reading state or settings.';
    case 'feed':
      return feedSentence(r.error).replace('The article index', 'The file').replace('the article index', 'the file');
  }
}

export type Strings = typeof en;

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
      return `The server did not answer within ${num(f.seconds)} seconds. Showing the articles stored on this device.`;
    case 'http':
      return `The article index could not be loaded: the server answered ${f.status}${f.statusText ? ` ${f.statusText}` : ''}. ${en.storedKept}`;
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
