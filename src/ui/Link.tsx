/**
 * An in-app link: a real `<a href>`, so it can be opened in a new tab, copied or bookmarked,
 * whose plain click is handled in the page (`navigate`) instead of loading the document again.
 * A click with a modifier (ctrl, meta, shift, alt) or another button is the browser's: a new tab
 * or window, a download, the context menu.
 */
import type { PartialAnchorHTMLAttributes } from 'preact';
import { navigate, type HistoryState } from './navigation';

/** An anchor's attributes (a link keeps the link role, so `role` is not one of them), plus: */
export type LinkProps = Omit<PartialAnchorHTMLAttributes<HTMLAnchorElement>, 'href' | 'onClick' | 'role'> & {
  href: string;
  /** Replace the current history entry instead of adding one (Back then skips it). */
  replace?: boolean;
  /** History state of the entry the link leads to. */
  state?: HistoryState;
  /**
   * Extra work for a plain click, done before the navigation (recording where the reader was,
   * say). Calling `preventDefault()` takes the click over, and Link does not navigate: for a
   * "back" link that goes back in history instead. Clicks left to the browser never call it.
   */
  onClick?: (e: MouseEvent) => void;
};

/** A plain primary-button click, not yet handled: the page follows it; anything else is the browser's. */
function isPlainClick(e: MouseEvent): boolean {
  return e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey && !e.defaultPrevented;
}

export function Link({ href, replace, state, onClick, ...rest }: LinkProps) {
  const follow = (e: MouseEvent) => {
    if (!isPlainClick(e)) return;
    onClick?.(e);
    if (e.defaultPrevented) return;
    e.preventDefault();
    navigate(href, { replace, state });
  };
  return <a {...rest} href={href} onClick={follow} />;
}
