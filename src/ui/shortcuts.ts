/**
 * Keyboard shortcuts, as in mail and feed readers: `/` focuses the search box, `j`/`k` move
 * through the list, Enter opens the focused article (links do that natively), Escape goes back,
 * `l` in an article presses its Listen / Pause / Resume button (read aloud).
 * Letters are ignored while typing in a field, and when a modifier key is held.
 */
import { useEffect } from 'preact/hooks';
import { BASE, historyState, navigate } from './navigation';
import type { Route } from '../core/routes';

const ROW_LINKS = 'ul[aria-label] > li .row-title a';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

/** Moves focus to the next (+1) or previous (-1) row link, from the focused one or the top. */
export function moveInList(step: 1 | -1, doc: Document = document): boolean {
  const links = Array.from(doc.querySelectorAll<HTMLAnchorElement>(ROW_LINKS));
  if (!links.length) return false;
  const current = links.findIndex((a) => a === doc.activeElement || a.closest('li')?.contains(doc.activeElement));
  const next = current < 0 ? (step > 0 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, current + step));
  const link = links[next];
  if (!link) return false;
  link.focus({ preventScroll: true });
  link.closest('li')?.scrollIntoView({ block: 'nearest' });
  return true;
}

/** Leaves an article or the settings: really back when we came from the list, else to the list. */
export function goBack(): void {
  if (historyState().fromList) history.back();
  else navigate(BASE);
}

export function useShortcuts(route: Route): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'Escape') {
        if (route.view !== 'list') {
          e.preventDefault();
          goBack();
        } else if (isTyping(e.target) && (e.target as HTMLInputElement).type === 'search') {
          (e.target as HTMLElement).blur();
        }
        return;
      }
      if (isTyping(e.target)) return;
      if (e.key === '/') {
        e.preventDefault();
        if (route.view !== 'list') navigate(BASE);
        // After a navigation the list renders first; wait a frame for the box to exist.
        requestAnimationFrame(() => document.querySelector<HTMLInputElement>('input[type=search]')?.focus());
      } else if (route.view === 'list' && (e.key === 'j' || e.key === 'k')) {
        if (moveInList(e.key === 'j' ? 1 : -1)) e.preventDefault();
      } else if (route.view === 'article' && e.key === 'l') {
        const listen = document.querySelector<HTMLButtonElement>('button[data-shortcut="listen"]');
        if (listen) {
          e.preventDefault();
          listen.click();
        }
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [route]);
}

/** The shortcuts as a component: the app loads it after the first paint (`useLazy`). */
export function Shortcuts({ route }: { route: Route }) {
  useShortcuts(route);
  return null;
}
