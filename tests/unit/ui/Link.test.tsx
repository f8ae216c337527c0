import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { Link } from '../../../src/ui/Link';
import { onNavigate } from '../../../src/ui/navigation';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

/** Clicks `link` with `init`, then stops happy-dom from following it; says whether the page had handled it. */
function click(link: Element, init: MouseEventInit): boolean {
  let prevented = false;
  const after = (e: Event) => {
    prevented = e.defaultPrevented;
    e.preventDefault();
  };
  window.addEventListener('click', after);
  try {
    link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ...init }));
  } finally {
    window.removeEventListener('click', after);
  }
  return prevented;
}

describe('Link', () => {
  test('renders an anchor with the given href, children, class and aria attributes', () => {
    render(
      <Link href="/article/a%2Fb?x=1" class="back" aria-current="page" data-id="a/b">
        <span aria-hidden="true">←</span>
        All articles
      </Link>,
    );
    const link = screen.getByRole('link', { name: 'All articles' });
    expect(link.tagName).toBe('A');
    expect(link.getAttribute('href')).toBe('/article/a%2Fb?x=1');
    expect(link.className).toBe('back');
    expect(link.getAttribute('aria-current')).toBe('page');
    expect(link.getAttribute('data-id')).toBe('a/b');
    expect(link.innerHTML).toBe('<span aria-hidden="true">←</span>All articles');
  });

  test('a plain click navigates in the page: a new history entry, and navigation listeners told', () => {
    const heard = vi.fn();
    const stop = onNavigate(heard);
    render(<Link href="/settings">Settings</Link>);
    const length = history.length;
    expect(click(screen.getByRole('link', { name: 'Settings' }), {})).toBe(true);
    stop();
    expect(location.pathname).toBe('/settings');
    expect(history.length).toBe(length + 1);
    expect(history.state).toEqual({});
    expect(heard).toHaveBeenCalledTimes(1);
  });

  test('replace and state are passed to the navigation', () => {
    render(
      <>
        <Link href="/?q=rain" replace>
          Replace
        </Link>
        <Link href="/article/42" state={{ fromList: '/?q=rain' }}>
          Push
        </Link>
      </>,
    );
    const length = history.length;
    fireEvent.click(screen.getByRole('link', { name: 'Replace' }));
    expect(location.pathname + location.search).toBe('/?q=rain');
    expect(history.length).toBe(length);
    fireEvent.click(screen.getByRole('link', { name: 'Push' }));
    expect(location.pathname).toBe('/article/42');
    expect(history.state).toEqual({ fromList: '/?q=rain' });
    expect(history.length).toBe(length + 1);
  });

  test.each([
    ['ctrl', { ctrlKey: true }],
    ['meta', { metaKey: true }],
    ['shift', { shiftKey: true }],
    ['alt', { altKey: true }],
    ['middle', { button: 1 }],
  ] as const)('a %s click is left to the browser, extra work included', (_, init) => {
    const onClick = vi.fn();
    const heard = vi.fn();
    const stop = onNavigate(heard);
    render(
      <Link href="/article/42" onClick={onClick}>
        Rain expected
      </Link>,
    );
    expect(click(screen.getByRole('link', { name: 'Rain expected' }), init)).toBe(false);
    stop();
    expect(location.pathname).toBe('/');
    expect(history.state).toBeNull();
    expect(onClick).not.toHaveBeenCalled();
    expect(heard).not.toHaveBeenCalled();
  });

  test('a click something else already handled is left alone', () => {
    const onClick = vi.fn();
    render(
      <Link href="/settings" onClick={onClick}>
        Settings
      </Link>,
    );
    const handled = (e: Event) => e.preventDefault();
    document.addEventListener('click', handled, { capture: true });
    try {
      fireEvent.click(screen.getByRole('link', { name: 'Settings' }));
    } finally {
      document.removeEventListener('click', handled, { capture: true });
    }
    expect(location.pathname).toBe('/');
    expect(onClick).not.toHaveBeenCalled();
  });

  test('onClick does its extra work before the navigation', () => {
    const seen: string[] = [];
    render(
      <Link href="/article/42" onClick={() => seen.push(location.pathname)}>
        Rain expected
      </Link>,
    );
    fireEvent.click(screen.getByRole('link', { name: 'Rain expected' }));
    expect(seen).toEqual(['/']);
    expect(location.pathname).toBe('/article/42');
  });

  test('onClick can take the click over by preventing its default', () => {
    const back = vi.spyOn(history, 'back').mockImplementation(() => {});
    render(
      <Link
        href="/"
        onClick={(e) => {
          e.preventDefault();
          history.back();
        }}
      >
        All articles
      </Link>,
    );
    history.pushState(null, '', '/article/42');
    fireEvent.click(screen.getByRole('link', { name: 'All articles' }));
    expect(back).toHaveBeenCalledTimes(1);
    expect(location.pathname).toBe('/article/42');
  });
});
