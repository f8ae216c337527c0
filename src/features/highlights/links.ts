/**
 * Where a highlight links to: the article's own URL when it has one, else the app's page for it
 * (which opens offline). The app's own URLs come from `core/routes.ts`, passed in by the views.
 */
import type { Highlight } from '../../core/highlights/highlight';

/** `page`: the app's page for the article (`articleHref`). */
export function articleLink(page: string, h: Pick<Highlight, 'url'>): string {
  return h.url ?? new URL(page, location.origin).href;
}

/** The in-app link to an article (`page`), scrolled to one of its highlights. */
export function highlightHref(page: string, h: Pick<Highlight, 'id'>): string {
  return `${page}?highlight=${encodeURIComponent(h.id)}`;
}

/** The highlight the URL asks to scroll to, if any. */
export function wantedHighlight(): string | undefined {
  return new URLSearchParams(location.search).get('highlight') ?? undefined;
}
