/**
 * English strings of the highlights feature (the reader's toolbar, the Highlights view, the
 * Markdown export), loaded with that code only. Every other language's `highlights.ts` is typed
 * as a `HighlightStrings`, so a missing string fails the type check. Read through `th()`.
 */
import { num, pick } from '../format';

export const enHighlights = {
  toolbar: 'Selected text',
  highlight: 'Highlight',
  note: 'Note',
  copyQuote: 'Copy quote',
  actions: 'Highlight actions',
  editNote: 'Edit note',
  addNote: 'Add note',
  colour: 'Colour',
  colours: { yellow: 'Yellow', green: 'Green', blue: 'Blue', pink: 'Pink' },
  remove: 'Remove',
  close: 'Close',
  noteLabel: 'Your note',
  save: 'Save',
  cancel: 'Cancel',
  quoteCopied: 'Quote copied.',
  copyFailed: 'The quote could not be copied: select it and copy it by hand.',
  saved: 'Highlight saved.',
  removed: 'Highlight removed.',
  storeFailed: 'The highlight could not be stored on this device.',
  keyboardHint: 'With text selected: H highlights, N adds a note, T moves to the toolbar.',
  inThisArticle: 'Highlights in this article',
  notFound: 'Not found in the updated text',
  notFoundHelp: 'The article was updated and these passages are no longer in it. They are kept here with their notes.',
  showInArticle: 'Show in the article',
  // The Highlights view
  title: 'Highlights',
  intro: 'Every passage you highlighted, newest first. They stay on this device, also offline.',
  search: 'Search quotes and notes',
  tag: 'Tag',
  allTags: 'All tags',
  allColours: 'All colours',
  none: 'No highlights yet. Select text in an article, then choose Highlight.',
  noMatch: 'No highlight matches these filters.',
  count: (n: number) => `${num(n)} ${pick(n, { one: 'highlight', other: 'highlights' })}`,
  exportAll: 'Export highlights (all)',
  exportShown: 'Export highlights (shown)',
  exportTag: (tag: string) => `Export highlights tagged ${tag}`,
  exportArticle: 'Export highlights of this article',
  exported: (n: number) => `${num(n)} ${pick(n, { one: 'highlight', other: 'highlights' })} exported as Markdown.`,
  articleGone: 'Article no longer stored',
  markdownTitle: 'Highlights',
  markdownNote: 'Note',
  noteOn: 'Note',
  highlightedOn: 'Highlighted',
};

export type HighlightStrings = typeof enHighlights;
