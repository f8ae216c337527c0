/**
 * Which images an article needs to be read offline, seen exactly as the reading view will ask for
 * them: through the same sanitizer, so URLs are resolved the same way, tracking pixels are
 * already gone, and nothing the reading view would drop is ever fetched.
 */
import type { Article } from '../../core/feed/types';
import { sanitizeArticle } from '../../platform/sanitize';

export interface WantedImage {
  /** The URL to download and keep: the <img>'s `src`, else its first srcset candidate. */
  url: string;
  /** The other candidates (srcset, <picture> sources); offline, each is answered with `url`. */
  aliases: string[];
}

function candidates(srcset: string | null): string[] {
  if (!srcset) return [];
  return srcset
    .split(',')
    .map((c) => c.trim().split(/\s+/)[0] ?? '')
    .filter((u) => /^https?:/i.test(u));
}

export function imagesOf(article: Article): WantedImage[] {
  if (!article.contentHtml) return [];
  const fragment = sanitizeArticle(article.contentHtml, article.baseUrl);
  const byUrl = new Map<string, Set<string>>();
  for (const img of Array.from(fragment.querySelectorAll('img'))) {
    const src = img.getAttribute('src');
    const set = candidates(img.getAttribute('srcset'));
    const picture = img.parentElement?.tagName === 'PICTURE' ? img.parentElement : null;
    if (picture) for (const source of Array.from(picture.querySelectorAll('source'))) set.push(...candidates(source.getAttribute('srcset')));
    const url = src && /^https?:/i.test(src) ? src : set[0];
    if (!url) continue; // inline (data:) images need nothing
    const aliases = byUrl.get(url) ?? new Set<string>();
    for (const c of set) if (c !== url) aliases.add(c);
    byUrl.set(url, aliases);
  }
  return [...byUrl].map(([url, aliases]) => ({ url, aliases: [...aliases] }));
}
