import { useEffect } from 'preact/hooks';
import { t } from '../i18n';
import type { Route } from '../core/routes';

/**
 * The feed's title, remembered synchronously so the first paint already shows it: waiting for
 * IndexedDB would swap the heading a moment later and shift the whole page.
 */
const TITLE_KEY = 'broadsheet:title';

function rememberedTitle(): string {
  try {
    return localStorage.getItem(TITLE_KEY) ?? '';
  } catch {
    return '';
  }
}

function rememberTitle(title: string | undefined): void {
  try {
    if (title) localStorage.setItem(TITLE_KEY, title);
  } catch {
    // storage blocked: the title just arrives a moment later
  }
}

/**
 * The name the app goes by: the feed's title (as the sync record has it, else as remembered),
 * else the app's. The list and the settings name the document after it; the reader names it
 * after the article.
 */
export function useFeedTitle(recorded: string | undefined, view: Route['view']): string {
  const title = recorded || rememberedTitle() || t.appName;
  useEffect(() => rememberTitle(recorded), [recorded]);
  useEffect(() => {
    if (view === 'list') document.title = title;
    if (view === 'settings') document.title = `${t.settings} · ${title}`;
    if (view === 'highlights') document.title = `${t.highlights} · ${title}`;
  }, [view, title]);
  return title;
}
