/**
 * The history side of navigation: `navigate` and `patchState` over the History API, and the
 * `useRoute` hook that re-renders on every in-app navigation and on Back/Forward. How a URL
 * and a route map onto each other (the URL codec) is `core/routes.ts`; links are `Link.tsx`.
 * `history.state` carries what the list needs to come back exactly as it was (scroll position,
 * which row had focus), so it survives reloads.
 */
import { useEffect, useState } from 'preact/hooks';
import { parseRoute, type Route } from '../core/routes';

export const BASE = import.meta.env.BASE_URL;

export interface HistoryState {
  /** The list's scroll position when the reader left it. */
  scrollY?: number;
  /** The article row that was opened, to give focus back to it. */
  focusId?: string;
  /** Set on an article entry pushed from the list: "back" can then really go back. */
  fromList?: string;
  /**
   * The row at the top of the screen and how far above the viewport's top it started: in a
   * windowed list, a pixel offset alone lands elsewhere once row heights are re-estimated.
   */
  anchorId?: string;
  anchorDy?: number;
}

export function currentRoute(): Route {
  return parseRoute(location.pathname, location.search, BASE);
}

export function historyState(): HistoryState {
  const s: unknown = history.state;
  return typeof s === 'object' && s !== null ? s : {};
}

const listeners = new Set<() => void>();

export function navigate(href: string, options: { replace?: boolean; state?: HistoryState } = {}): void {
  if (options.replace) history.replaceState(options.state ?? {}, '', href);
  else history.pushState(options.state ?? {}, '', href);
  for (const l of listeners) l();
}

/** Records state on the current entry without navigating. */
export function patchState(patch: HistoryState): void {
  history.replaceState({ ...historyState(), ...patch }, '');
}

/** Calls `listener` after every in-app navigation (not Back/Forward); returns how to stop. */
export function onNavigate(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const update = () => setRoute(currentRoute());
    listeners.add(update);
    addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      removeEventListener('popstate', update);
    };
  }, []);
  return route;
}
