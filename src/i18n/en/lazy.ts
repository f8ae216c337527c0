/**
 * English strings of the lazily loaded views (reader tools, storage, backup and hand-off), kept
 * out of the first-load catalogue (`main.ts`). Every other language's `lazy.ts` is typed as a
 * `LazyStrings`, so a missing string fails the type check. Views read them through `tl()` from
 * `i18n/lazy.ts`, in the UI's current language.
 */
import type { ImportOutcome, ImportPlan, RejectReason } from '../../core/transfer/format';
import type { FeedError, ParseReport } from '../../core/feed/types';
import type { SyncFailure } from '../../core/sync-types';
import { ARTICLE_CAPS } from '../../core/feed/caps';

const LIMITS_TAGS = ARTICLE_CAPS.tagsPerItem;
const LIMITS_AUTHORS = ARTICLE_CAPS.authorsPerItem;
import { num, pick, isolate } from '../format';

const plural = (n: number, one: string, other: string) => `${num(n)} ${pick(n, { one, other })}`;

export const enLazy = {
  webkitStorageNote:
    'The browser on this device (Safari, or any browser on iPhone and iPad) deletes the stored articles when Broadsheet is not opened for 7 days. Add it to the Home Screen to keep them.',
  webkitStorageDismiss: 'Got it',
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

  // Read aloud
  listen: 'Listen',
  pauseListening: 'Pause',
  resumeListening: 'Resume',
  stopListening: 'Stop',
  previousSentence: 'Previous sentence',
  nextSentence: 'Next sentence',
  sentenceOf: (i: number, n: number) => `Sentence ${num(i)} of ${num(n)}`,
  speed: 'Speed',
  voice: 'Voice',
  continueNext: 'Continue with the next article',
  noOfflineVoice: (language: string) =>
    `No offline voice is installed for ${language}, so this article cannot be read aloud. To add one, open your device’s text-to-speech settings (Android: Settings › Accessibility › Text-to-speech; iPhone and iPad: Settings › Accessibility › Spoken Content › Voices; Windows: Settings › Time & language › Speech; Mac: System Settings › Accessibility › Spoken Content), download a ${language} voice, then reload this page.`,
  noSpeech: 'This browser cannot read aloud.',
  listenFailed: 'Reading aloud stopped: the voice reported an error. Press Resume to try again.',
  shortcutListen: 'Listen / pause (in an article)',

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
  clearIncludeHighlighted: 'Also remove articles with highlights (the highlights and notes stay)',
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
  exportTag: (tag: string) => `Articles tagged “${isolate(tag)}”, for another phone`,
  exportButton: 'Export',
  importButton: 'Import',
  working: 'Working…',
  exported: (n: number, name: string) => `${plural(n, 'article', 'articles')} written to ${isolate(name)}.`,
  exportNothing: 'There is no article to export in this choice.',
  importNothing: 'Nothing was shared to import.',
  imported: (o: ImportOutcome, p: ImportPlan) => importedSentence(o, p),
  consentTitle: 'Import this file?',
  consentKind: 'Kind',
  consentBackup: 'A backup: articles, reading state and settings',
  consentHandoff: 'Articles shared from another phone',
  consentFile: 'File',
  consentArticles: 'Articles',
  consentArticleCounts: (fresh: number, stored: number) => `${plural(fresh, 'new', 'new')}, ${num(stored)} already stored`,
  consentStates: 'Reading states',
  consentHighlights: 'Highlights',
  consentSettings: 'Settings',
  consentSettingsYes: 'Yes: theme, text size, line width and image budget',
  consentSettingsNo: 'None',
  consentApplySettings: 'Also apply the settings in this file',
  consentPublisher: 'Articles the publisher’s index carries keep the publisher’s text: a file never replaces it.',
  consentForeign: 'This file was sent by another website, not shared by you. Import it only if you expected it.',
  consentImport: 'Import',
  consentCancel: 'Cancel',
  importCancelled: 'Nothing was imported.',
  importRejected: (name: string, r: RejectReason | { code: 'unreadable' }) => `“${isolate(name)}” was not imported: ${rejectSentence(r)} Nothing stored changed.`,
  // Data saver (issue 12)
  downloadTitle: 'Download all the articles now?',
  downloadWhy: 'This is a large download. On mobile data it can cost you.',
  downloadCost: (articles: number | undefined, size: string | undefined) =>
    [articles !== undefined ? plural(articles, 'article', 'articles') : '', size ?? 'size unknown'].filter(Boolean).join(' · '),
  downloadAll: 'Download all',
  downloadNewest: (n: number) => `Only the newest ${num(n)}`,
  notNow: 'Not now',
  keepTitle: 'Keep these articles offline?',
  dataSaver: 'Data saver',
  saveData: 'Save data',
  saveDataHint: 'Images in articles load only when tapped, and nothing is refreshed in the background on mobile data.',
  browserSavesData: 'Your browser asks to save data, so the data saver is on.',
  imagesLabel: 'Images in articles',
  imagesAlways: 'Always',
  imagesWifi: 'Only on Wi-Fi',
  imagesNever: 'Never',
  askAbove: 'Ask before downloading more than',
  dataUsed: 'Data used',
  dataUsedFigures: (month: string, total: string) => `This month: ${month} · In total: ${total}`,
  dataUsedSince: (date: string) => `Downloaded by updates and Keep offline since ${date}.`,
  resetDataUsed: 'Reset the count',
  showImage: (alt: string) => (alt ? `Show image: ${alt}` : 'Show image'),

  // The reading view (moved from main.ts: not needed for the first paint)
  backToList: 'All articles',
  openOriginal: 'Read on the publisher’s site',
  linkedArticle: 'Linked article',
  by: 'By',
  updatedOn: 'updated',
  articleMissing: 'This article is not stored on this device.',
  articleMissingHint: 'It may not have been downloaded yet. Connect to the internet and open the list to fetch it.',
  noBody: 'This article has no text beyond its summary.',
  save: 'Save',
  markUnread: 'Mark as unread',
  markRead: 'Mark as read',
  markedUnread: 'Marked as unread.',
  resumed: (percent: number) => `Resumed at ${num(percent)}%.`,
  readingProgress: 'Reading progress',
  bodyLoading: 'Downloading the full text…',
  bodyUnavailable: 'The full text of this article has not been downloaded yet. Connect to the internet to read it; the summary is below.',
  bodyFailed: (f: SyncFailure) => `The full text could not be downloaded: ${bodyFailureReason(f)}. The summary is shown instead.`,

  // Settings (moved from main.ts: not needed for the first paint)
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
  fullResync: 'Full re-sync',

  // More filters (moved from main.ts: loaded when the panel opens)
  findAuthor: 'Find an author',
  unreadOnly: 'Unread only',
  savedOnly: 'Saved only',
  authorLabel: 'Author',
  anyAuthor: 'Any author',
  languageLabel: 'Language',
  anyLanguage: 'Any language',
  fromDate: 'From',
  toDate: 'To',

  // Mark all as read (moved from main.ts: its button loads after the first paint)
  markAllRead: (n: number) => `Mark ${num(n)} as read`,
  undo: 'Undo',
  markedAllRead: (n: number) => `${plural(n, 'article', 'articles')} marked as read.`,
  undone: 'Back as it was.',

  // The alert's sentences (moved from main.ts: loaded when there is something to say)
  dbUnavailable:
    'This browser does not let Broadsheet store data (private browsing can do this), so articles are read online only and will not be available offline.',
  dbUpgrade: 'Broadsheet was updated in another tab. Reload this tab to keep going.',
  failure: (f: SyncFailure) => failureSentence(f),
  skipped: (r: ParseReport) => skippedSentence(r),
  storedKept: 'Your stored articles are unchanged.',
  /** What a successful sync repaired rather than skipped: unreadable dates, over-long fields. */
  repaired: (r: ParseReport) => repairedSentence(r),
  /** Everything the alert says about a successful sync's parse: skipped items, then repairs. */
  parseNotes: (r: ParseReport) => [skippedSentence(r), repairedSentence(r)].filter(Boolean).join(' '),
  evicted:
    'The browser deleted the articles stored on this device, probably to free space. They are downloaded again as soon as the server can be reached.',
  /** Added to the eviction alert in WebKit outside the installed app. */
  webkitEvicted:
    'On iPhone and iPad, articles stay only if Broadsheet is added to the Home Screen: tap the Share button, then “Add to Home Screen”.',
  evictedRestored: 'The browser had deleted the articles stored on this device, probably to free space. They have been downloaded again.',
  dbClosed: 'The browser closed Broadsheet’s storage on this device (its data was cleared, or space ran out). Reload this tab to keep going.',
  partialSaved: (pages: number, articles: number) =>
    `${plural(articles, 'article', 'articles')} from ${plural(pages, 'page', 'pages')} were saved; the rest will be fetched next time.`,
  stoppedAtLoop: 'The article index links back to a page already read, so the download stopped there.',
  stoppedAtLimit: (pages: number) => `The download stopped after ${num(pages)} pages, the most one update fetches.`,

  // The update prompt (moved from main.ts: it loads right after the first paint)
  updateReady: 'A new version of Broadsheet is ready.',
  reload: 'Reload',
  offlineReady: 'Broadsheet is ready to work offline.',

  // The sync bar's progress (moved from main.ts: it loads with the first sync of several pages)
  syncProgressLabel: 'Download progress',
  syncProgress: (pages: number, articles: number) => `Fetched ${plural(pages, 'page', 'pages')} · ${plural(articles, 'article', 'articles')}`,
};

export type LazyStrings = typeof enLazy;


function importedSentence(o: ImportOutcome, p: ImportPlan): string {
  const parts = [`${plural(o.added, 'new article', 'new articles')}, ${num(o.updated)} updated, ${num(o.unchanged)} already here`];
  if (p.kind === 'backup') parts.push(`${plural(o.states, 'reading state', 'reading states')} merged`);
  if (o.settingsApplied) parts.push('settings applied');
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

function bodyFailureReason(f: SyncFailure): string {
  switch (f.kind) {
    case 'offline':
      return 'you are offline';
    case 'timeout':
      return `the server did not answer within ${num(f.seconds)} seconds`;
    case 'http':
      return `the server answered ${f.status}`;
    case 'too-large':
      return `it is larger than ${num(Math.round(f.bytes / 1048576))} MB`;
    default:
      return 'the server could not be reached';
  }
}

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

function feedSentence(e: FeedError): string {
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
      return `The article index could not be loaded: the server answered ${f.status}. ${enLazy.storedKept}`;
    case 'too-large':
      return `The article index is larger than ${num(Math.round(f.bytes / 1048576))} MB, so it was not loaded. ${enLazy.storedKept}`;
    case 'feed':
      return `${feedSentence(f.error)} ${enLazy.storedKept}`;
    case 'no-articles': {
      const skipped = skippedSentence(f.report);
      return `The article index holds no readable articles${f.report.total ? ` (${plural(f.report.total, 'item', 'items')})` : ''}. ${skipped ? `${skipped} ` : ''}${enLazy.storedKept}`;
    }
    case 'storage':
      return `The device's storage is full: ${num(f.written)} of ${num(f.total)} articles were saved. Free some space, then check for new articles again.`;
  }
}
