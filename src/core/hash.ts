/**
 * FNV-1a over a body's HTML and text: lets a sync see that an inline body is unchanged without
 * reading the stored one back. Not cryptographic; a collision costs one missed update of an
 * article whose date did not change either.
 */
export function hashBody(html: string | undefined, text: string | undefined): number {
  let h = 0x811c9dc5;
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  };
  if (html !== undefined) feed(`h${html.length}:${html}`);
  if (text !== undefined) feed(`t${text.length}:${text}`);
  return h >>> 0;
}
