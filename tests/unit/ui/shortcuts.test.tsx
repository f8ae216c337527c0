import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { NO_FILTER, toEntry } from '../../../src/core/list-model';
import { navigate, useRoute } from '../../../src/ui/navigation';
import { ListView } from '../../../src/features/list/ListView';
import type { Route } from '../../../src/core/routes';
import { moveInList, useShortcuts } from '../../../src/ui/shortcuts';
import { article, day } from '../helpers';

const entries = [
  article({ id: 'a', title: 'Alpha', tags: ['One'], published: day(3) }),
  article({ id: 'b', title: 'Bravo', published: day(2) }),
  article({ id: 'c', title: 'Charlie', published: day(1) }),
].map(toEntry);

/** The list with shortcuts mounted for a fixed route. */
function ListWithShortcuts({ route }: { route: Route }) {
  useShortcuts(route);
  return <ListView entries={entries} visible={entries} filter={NO_FILTER} syncing={false} />;
}

/** The list or a stand-in article, following the URL, with shortcuts: a tiny App. */
function MiniApp() {
  const route = useRoute();
  useShortcuts(route);
  if (route.view === 'list') return <ListView entries={entries} visible={entries} filter={route.filter} syncing={false} />;
  return (
    <div>
      <h1>{route.view === 'article' ? `Article ${route.id}` : 'Settings'}</h1>
      <input aria-label="Note" />
    </div>
  );
}

const link = (title: string) => screen.getByRole('link', { name: title });
const searchbox = () => screen.getByRole('searchbox', { name: 'Search articles' });
const key = (k: string, target: Document | Element | Window = document.body, init: KeyboardEventInit = {}) =>
  fireEvent.keyDown(target, { key: k, bubbles: true, cancelable: true, ...init });

beforeEach(() => {
  history.replaceState(null, '', '/');
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  history.replaceState(null, '', '/');
});

describe('moveInList', () => {
  test('with nothing focused, +1 focuses the first row link, -1 the last', () => {
    render(<ListView entries={entries} visible={entries} filter={NO_FILTER} syncing={false} />);
    expect(moveInList(1)).toBe(true);
    expect(document.activeElement).toBe(link('Alpha'));
    (document.activeElement as HTMLElement).blur();
    expect(moveInList(-1)).toBe(true);
    expect(document.activeElement).toBe(link('Charlie'));
  });

  test('moves down and up through the rows, and stops at the ends', () => {
    render(<ListView entries={entries} visible={entries} filter={NO_FILTER} syncing={false} />);
    moveInList(1);
    expect(document.activeElement).toBe(link('Alpha'));
    moveInList(1);
    expect(document.activeElement).toBe(link('Bravo'));
    moveInList(-1);
    expect(document.activeElement).toBe(link('Alpha'));
    moveInList(-1);
    expect(document.activeElement).toBe(link('Alpha'));
    moveInList(1);
    moveInList(1);
    moveInList(1);
    expect(document.activeElement).toBe(link('Charlie'));
  });

  test('starts from the row holding focus (a tag link inside a row counts as that row)', () => {
    render(<ListView entries={entries} visible={entries} filter={NO_FILTER} syncing={false} />);
    screen.getByRole('link', { name: 'One' }).focus();
    moveInList(1);
    expect(document.activeElement).toBe(link('Bravo'));
  });

  test('only moves through row title links, never tag links', () => {
    render(<ListView entries={entries} visible={entries} filter={NO_FILTER} syncing={false} />);
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      moveInList(1);
      seen.push(document.activeElement?.textContent ?? '');
    }
    expect(seen).toEqual(['Alpha', 'Bravo', 'Charlie']);
  });

  test('an empty list: nothing to move to', () => {
    render(<ListView entries={[]} visible={[]} filter={NO_FILTER} syncing={false} />);
    expect(moveInList(1)).toBe(false);
    expect(moveInList(-1)).toBe(false);
    expect(document.activeElement).toBe(document.body);
  });
});

describe('useShortcuts on the list', () => {
  const listRoute: Route = { view: 'list', filter: NO_FILTER };

  test('"/" focuses the search box on the next frame, and is not typed', async () => {
    render(<ListWithShortcuts route={listRoute} />);
    link('Bravo').focus();
    const notPrevented = key('/');
    expect(notPrevented).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(searchbox()));
  });

  test('"/" with fake timers: focus happens in requestAnimationFrame', () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'setTimeout'] });
    render(<ListWithShortcuts route={listRoute} />);
    key('/');
    expect(document.activeElement).not.toBe(searchbox());
    vi.advanceTimersToNextFrame();
    expect(document.activeElement).toBe(searchbox());
  });

  test('j and k move through the rows', () => {
    render(<ListWithShortcuts route={listRoute} />);
    expect(key('j')).toBe(false);
    expect(document.activeElement).toBe(link('Alpha'));
    key('j', document.activeElement!);
    expect(document.activeElement).toBe(link('Bravo'));
    key('k', document.activeElement!);
    expect(document.activeElement).toBe(link('Alpha'));
  });

  test('keys are ignored while typing in the search box: "/" and "j" are typed, focus stays', async () => {
    render(<ListWithShortcuts route={listRoute} />);
    const box = searchbox();
    box.focus();
    expect(key('j', box)).toBe(true);
    expect(key('k', box)).toBe(true);
    expect(key('/', box)).toBe(true);
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
    expect(document.activeElement).toBe(box);
  });

  test('keys are ignored in other fields too (the tag select, a textarea)', () => {
    const { container } = render(
      <div>
        <ListWithShortcuts route={listRoute} />
        <textarea aria-label="Notes" />
      </div>,
    );
    const select = screen.getByRole('combobox', { name: 'Tag' });
    select.focus();
    expect(key('j', select)).toBe(true);
    expect(document.activeElement).toBe(select);
    const area = container.querySelector('textarea')!;
    area.focus();
    expect(key('j', area)).toBe(true);
    expect(document.activeElement).toBe(area);
  });

  test('with a modifier held, keys are left to the browser', () => {
    render(<ListWithShortcuts route={listRoute} />);
    expect(key('j', document.body, { ctrlKey: true })).toBe(true);
    expect(key('/', document.body, { metaKey: true })).toBe(true);
    expect(key('k', document.body, { altKey: true })).toBe(true);
    expect(document.activeElement).toBe(document.body);
  });

  test('Escape in the search box leaves it; Escape elsewhere on the list does nothing', () => {
    render(<ListWithShortcuts route={listRoute} />);
    const box = searchbox();
    box.focus();
    expect(key('Escape', box)).toBe(true);
    expect(document.activeElement).not.toBe(box);
    const push = vi.spyOn(history, 'pushState');
    const back = vi.spyOn(history, 'back');
    expect(key('Escape')).toBe(true);
    expect(push).not.toHaveBeenCalled();
    expect(back).not.toHaveBeenCalled();
    expect(location.pathname).toBe('/');
  });

  test('the listener is removed on unmount', () => {
    const { unmount } = render(<ListWithShortcuts route={listRoute} />);
    unmount();
    render(<ListView entries={entries} visible={entries} filter={NO_FILTER} syncing={false} />);
    expect(key('j')).toBe(true);
    expect(document.activeElement).toBe(document.body);
  });
});

describe('useShortcuts away from the list', () => {
  test('Escape on an article opened directly (no fromList) navigates to the list at BASE', async () => {
    history.replaceState(null, '', '/article/b');
    const back = vi.spyOn(history, 'back');
    render(<MiniApp />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Article b');
    expect(key('Escape')).toBe(false);
    expect(back).not.toHaveBeenCalled();
    expect(location.pathname + location.search).toBe('/');
    expect(await screen.findByRole('link', { name: 'Alpha' })).toBeTruthy();
  });

  test('Escape on an article opened from the list really goes back', () => {
    history.replaceState(null, '', '/?tag=One');
    navigate('/article/a', { state: { fromList: '/?tag=One' } });
    const back = vi.spyOn(history, 'back').mockImplementation(() => {});
    const push = vi.spyOn(history, 'pushState');
    render(<MiniApp />);
    expect(key('Escape')).toBe(false);
    expect(back).toHaveBeenCalledTimes(1);
    expect(push).not.toHaveBeenCalled();
  });

  test('Escape works even while typing in a field on an article', () => {
    history.replaceState(null, '', '/article/b');
    render(<MiniApp />);
    const input = screen.getByRole('textbox', { name: 'Note' });
    input.focus();
    expect(key('Escape', input)).toBe(false);
    expect(location.pathname).toBe('/');
  });

  test('Escape on settings goes to the list', () => {
    history.replaceState(null, '', '/settings');
    render(<MiniApp />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Settings');
    key('Escape');
    expect(location.pathname).toBe('/');
  });

  test('"/" on an article goes to the list and focuses its search box', async () => {
    history.replaceState(null, '', '/article/b');
    render(<MiniApp />);
    expect(key('/')).toBe(false);
    expect(location.pathname).toBe('/');
    await waitFor(() => expect(document.activeElement).toBe(searchbox()));
  });

  test('j and k do nothing on an article', () => {
    history.replaceState(null, '', '/article/b');
    render(<MiniApp />);
    expect(key('j')).toBe(true);
    expect(location.pathname).toBe('/article/b');
  });
});
