/**
 * Where a highlight links to: the article's own URL when it has one, else the app's page for it
 * (which opens offline). `inApp` opens the app's page scrolled to the highlight.
 */
import { articleHref } from '../../core/routes';
import type { Highlight } from '../../core/highlights/highlight';

export function articleLink(base: string, h: Pick<Highlight, 'articleId' | 'url'>): string {
  return h.url ?? new URL(articleHref(base, h.articleId), location.origin).href;
}

/** The in-app link to an article, scrolled to one of its highlights. */
export function highlightHref(base: string, h: Pick<Highlight, 'articleId' | 'id'>): string {
  return `${articleHref(base, h.articleId)}?highlight=${encodeURIComponent(h.id)}`;
}

/** The highlight the URL asks to scroll to, if any. */
export function wantedHighlight(): string | undefined {
  return new URLSearchParams(location.search).get('highlight') ?? undefined;
}
