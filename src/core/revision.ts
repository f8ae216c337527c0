/**
 * Cheap, DOM-free facts about an article's offline needs, safe to run over every stored article
 * when the list loads (it is in the first-load bundle).
 */
import type { Article } from './feed/types';

/**
 * Identifies the version of an article a keep-offline record was made for: if the publisher
 * edits the article (new date, other body), its images may have changed and it must be kept again.
 */
export function revisionOf(a: Article): string {
  return `${a.modified ?? a.published ?? 0}:${a.contentHtml?.length ?? 0}`;
}

const IMG = /<img\b[^>]*>/gi;
const INLINE_SRC = /\ssrc\s*=\s*["']?\s*data:/i;

/**
 * Could the body ask for images from the network? False for text-only bodies and for bodies
 * whose images are all inline (data: URLs, as in hand-off files): those are readable offline as
 * soon as they are stored. True is only "maybe": the sanitizer's view (pixels dropped, srcset)
 * is what a keep-offline run records.
 */
export function mayNeedImages(a: Article): boolean {
  const html = a.contentHtml;
  if (!html || !/<(img|source)\b/i.test(html)) return false;
  if (/<source\b/i.test(html) || /\ssrcset\s*=/i.test(html)) return true;
  for (const tag of html.match(IMG) ?? []) if (!INLINE_SRC.test(tag)) return true;
  return false;
}
