/**
 * What one article may bring, whoever sends it (a feed or a file): the parser keeps at most this
 * much and counts the rest in its report. Apart from `parse.ts` so the first-load strings that
 * name these numbers do not carry the parser.
 */
export const ARTICLE_CAPS = {
  /** Characters in one tag. */
  tag: 64,
  tagsPerItem: 32,
  authorsPerItem: 16,
} as const;
