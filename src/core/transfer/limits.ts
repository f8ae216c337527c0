/**
 * Limits and names shared by the hand-off/backup code, the page and the service worker. An
 * imported file is untrusted input: these bound what it can cost the device.
 */

/** A file larger than this is refused before it is read. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
/** Items taken from one file; the rest are refused (counted). */
export const MAX_IMPORT_ITEMS = 5000;
/** Reading-state records taken from one backup. */
export const MAX_IMPORT_STATES = 100_000;
/** Highlight records taken from one file. */
export const MAX_IMPORT_HIGHLIGHTS = 100_000;

/** Inlining images into a hand-off file: one image, one article, and the whole file. */
export const INLINE_IMAGE_MAX = 512 * 1024;
/** Below the parser's 2,000,000-character cap on `content_html`, so an inlined body is never cut. */
export const INLINE_ARTICLE_MAX_CHARS = 1_800_000;
export const INLINE_FILE_MAX = 24 * 1024 * 1024;

/** The JSON Feed extension key this app writes and reads (JSON Feed: keys starting with `_`). */
export const EXTENSION = '_broadsheet';
