// Must come first: makes DOMPurify sanitize under happy-dom (see the file).
import '../platform/dompurify-happy-dom';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { openStore } from '../../../src/data/connection';
import { syncIndex } from '../../../src/features/sync/sync';
import { App } from '../../../src/app/App';
import { CHANNEL } from '../../../src/core/names';
import { feedText, item, mockFetch, networkError, urlOf } from '../helpers';

const FEED = feedText(
  [
    item('one', { title: 'Story one', date_published: '2024-05-01T08:00:00Z', content_html: '<p>First <b>HTML</b> body.</p>' }),
    item('two', { title: 'Story two', date_published: '2024-05-02T08:00:00Z', content_text: 'Second text body.' }),
  ],
  { title: 'The Daily Test' },
);

beforeEach(() => {
  vi.stubGlobal('indexedDB', new IDBFactory());
  // Each test is a new device: no remembered feed title, no note that articles were stored before.
  localStorage.clear();
  history.replaceState(null, '', '/');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  history.replaceState(null, '', '/');
});

const articleList = () => screen.getByRole('list', { name: 'Articles' });
const titles = () => within(articleList()).queryAllByRole('heading', { level: 2 }).map((h) => h.textContent);

describe('App', () => {
  test('the first sync fills the list from the feed and names the app after it', async () => {
    const fetchImpl = mockFetch(FEED);
    vi.stubGlobal('fetch', fetchImpl);
    render(<App />);

    expect(await screen.findByRole('link', { name: 'Story one' })).toBeTruthy();
    expect(titles()).toEqual(['Story two', 'Story one']);
    expect(screen.getByRole('status').textContent).toBe('2 articles');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('The Daily Test');
    await waitFor(() => expect(screen.getByText('Updated now')).toBeTruthy());
    expect(screen.getByRole('alert').textContent).toBe('');
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    expect(urlOf(fetchImpl.mock.calls[0]![0])).toBe(`${location.origin}/feed.json`);
    await waitFor(() => expect(document.title).toBe('The Daily Test'));
  });

  test('a later failing sync shows an alert while the stored articles stay listed', async () => {
    vi.stubGlobal('fetch', mockFetch(FEED, { status: 500, statusText: 'Internal Server Error' }));
    render(<App />);
    await screen.findByRole('link', { name: 'Story one' });
    const check = screen.getByRole('button', { name: 'Check for new articles' });
    await waitFor(() => expect((check as HTMLButtonElement).disabled).toBe(false));

    fireEvent.click(check);
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'The article index could not be loaded: the server answered 500. Your stored articles are unchanged.',
      ),
    );
    expect(titles()).toEqual(['Story two', 'Story one']);
    expect(screen.getByRole('status').textContent).toBe('2 articles');
  });

  test('offline with stored articles: they are listed, with a calm offline status line, not an alert', async () => {
    // A previous visit stored the feed.
    const db = await openStore();
    await syncIndex(db, `${location.origin}/feed.json`, { fetchImpl: mockFetch(FEED) });
    db.close();

    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    vi.stubGlobal('fetch', mockFetch(networkError()));
    render(<App />);

    expect(await screen.findByRole('link', { name: 'Story two' })).toBeTruthy();
    await waitFor(() => expect(screen.getByText('Offline · 2 articles on this phone')).toBeTruthy());
    expect(titles()).toEqual(['Story two', 'Story one']);
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('The Daily Test'));
    expect(screen.getByRole('alert').textContent).toBe('');
  });

  test('a first visit that fails says so and shows the empty state', async () => {
    vi.stubGlobal('fetch', mockFetch('<!doctype html><p>Please log in</p>'));
    render(<App />);
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'The server sent a web page instead of the article index (perhaps an error or login page). Your stored articles are unchanged.',
      ),
    );
    expect(screen.getByText('No articles are stored on this device yet. Connect to the internet once to download them.')).toBeTruthy();
    expect(screen.getByText('Not updated yet')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Broadsheet');
  });

  test('typing in the search box filters the list through the URL', async () => {
    vi.stubGlobal('fetch', mockFetch(FEED));
    render(<App />);
    await screen.findByRole('link', { name: 'Story one' });
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search articles' }), { target: { value: 'second' } });
    await waitFor(() => expect(titles()).toEqual(['Story two']));
    expect(location.search).toBe('?q=second');
    expect(screen.getByRole('status').textContent).toBe('1 article · filtered');
  });

  test('a deep link to an article opens it once the first sync has stored it', async () => {
    vi.stubGlobal('fetch', mockFetch(FEED));
    history.replaceState(null, '', '/article/one');
    const { container } = render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Story one' })).toBeTruthy();
    expect(container.querySelectorAll('h1')).toHaveLength(1);
    expect(container.querySelector('.prose')?.innerHTML).toBe('<p>First <b>HTML</b> body.</p>');
  });

  test('opening a row and going back returns to the list', async () => {
    vi.stubGlobal('fetch', mockFetch(FEED));
    render(<App />);
    fireEvent.click(await screen.findByRole('link', { name: 'Story two' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Story two' })).toBeTruthy();
    expect(screen.getByText('Second text body.')).toBeTruthy();
    expect(location.pathname).toBe('/article/two');

    history.replaceState(null, '', '/');
    dispatchEvent(new PopStateEvent('popstate', { state: null }));
    expect(await screen.findByRole('link', { name: 'Story one' })).toBeTruthy();
  });

  // Regression (see ArticleView.test.tsx): from an HTML article straight to a text-only one, as the
  // back button's history menu or history.go(-2) does, the old HTML body stays on screen.
  test('moving between two articles by history shows only the second article’s body', async () => {
    vi.stubGlobal('fetch', mockFetch(FEED));
    history.replaceState(null, '', '/article/one');
    const { container } = render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Story one' });
    history.replaceState(null, '', '/article/two');
    dispatchEvent(new PopStateEvent('popstate', { state: null }));
    await screen.findByRole('heading', { level: 1, name: 'Story two' });
    expect(container.querySelector('.prose')?.textContent).toBe('Second text body.');
  });

  test('a successful sync that skipped or repaired items says so, with counts, in the alert', async () => {
    vi.stubGlobal(
      'fetch',
      mockFetch(feedText([item('ok', { title: 'Fine story', date_modified: 'the day after tomorrow' }), { title: 'no id' }, 'junk', item('ok2')])),
    );
    render(<App />);
    await screen.findByRole('link', { name: 'Fine story' });
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        '2 items were skipped: 1 item without an id, 1 entry that is not an article. 1 date could not be read and was left out.',
      ),
    );
    expect(screen.getByRole('status').textContent).toBe('2 articles');
  });

  test('a store the browser evicted: the reader is told, and the articles are downloaded again', async () => {
    // The device had synced before (the note survives), but IndexedDB is empty.
    localStorage.setItem('broadsheet:stored-articles', String(Date.now() - 86_400_000));
    let answer!: () => void;
    const gate = new Promise<void>((r) => (answer = r));
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        await gate;
        return new Response(FEED, { status: 200 });
      }),
    );
    render(<App />);
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain(
        'The browser deleted the articles stored on this device, probably to free space. They are downloaded again as soon as the server can be reached.',
      ),
    );
    answer();
    expect(await screen.findByRole('link', { name: 'Story one' })).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent.trim()).toBe(
        'The browser had deleted the articles stored on this device, probably to free space. They have been downloaded again.',
      ),
    );
  });

  test('a sync in another tab updates this tab’s list without fetching here', async () => {
    const fetchImpl = mockFetch(FEED);
    vi.stubGlobal('fetch', fetchImpl);
    render(<App />);
    await screen.findByRole('link', { name: 'Story one' });
    await waitFor(() => expect(screen.getByText('Updated now')).toBeTruthy());

    // The other tab: its own connection writes a new article, then announces it.
    const other = await openStore();
    await syncIndex(other, `${location.origin}/feed.json`, {
      fetchImpl: mockFetch(feedText([item('three', { title: 'Story three', date_published: '2024-05-03T08:00:00Z' })])),
    });
    other.close();
    const channel = new BroadcastChannel(CHANNEL);
    channel.postMessage({ type: 'synced', ok: true });
    channel.close();

    expect(await screen.findByRole('link', { name: 'Story three' })).toBeTruthy();
    expect(titles()).toEqual(['Story three', 'Story two', 'Story one']);
    expect(screen.getByRole('status').textContent).toBe('3 articles');
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  test('a newer version opened in another tab: this tab lets go of the database and asks to be reloaded', async () => {
    vi.stubGlobal('fetch', mockFetch(FEED));
    render(<App />);
    await screen.findByRole('link', { name: 'Story one' });
    const version = await new Promise<number>((resolve) => {
      const probe = indexedDB.open('broadsheet');
      probe.onsuccess = () => {
        const v = probe.result.version;
        probe.result.close();
        resolve(v);
      };
    });
    const upgraded = await new Promise<string>((resolve) => {
      const request = indexedDB.open('broadsheet', version + 1);
      request.onsuccess = () => {
        request.result.close();
        resolve('upgraded');
      };
      request.onblocked = () => resolve('blocked');
    });
    expect(upgraded).toBe('upgraded');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Broadsheet was updated in another tab. Reload this tab to keep going.'));
    expect(titles()).toEqual(['Story two', 'Story one']);
  });

  test('a cold start paints the cached first screen before the database has answered', async () => {
    localStorage.setItem(
      'broadsheet:first-rows:/',
      JSON.stringify({ v: 1, total: 2, rows: [{ id: 'two', title: 'Story two', excerpt: '', sortDate: 2, tags: [], authors: [] }, { id: 'one', title: 'Story one', excerpt: '', sortDate: 1, tags: [], authors: [] }] }),
    );
    // Nothing has been read from a database yet on the first render: only the cached screen can be shown.
    vi.stubGlobal('indexedDB', {
      open() {
        throw new DOMException('refused', 'InvalidStateError');
      },
    });
    vi.stubGlobal('fetch', mockFetch(networkError()));
    render(<App />);
    expect(titles()).toEqual(['Story two', 'Story one']);
    expect(screen.getByRole('status').textContent).toBe('2 articles');
    // Let the app finish starting (memory-only here, and offline) before the stubs go.
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/reach the server/));
  });

  test('once the list is read from the store, its first screen is cached for the next cold start', async () => {
    vi.stubGlobal('fetch', mockFetch(FEED));
    render(<App />);
    await screen.findByRole('link', { name: 'Story one' });
    await waitFor(() => expect(localStorage.getItem('broadsheet:first-rows:/')).toBeTruthy(), { timeout: 3000 });
    const cached = JSON.parse(localStorage.getItem('broadsheet:first-rows:/')!) as { rows: { id: string }[] };
    expect(cached).toMatchObject({ v: 1, total: 2 });
    expect(cached.rows.map((r) => r.id)).toEqual(['two', 'one']);
  });
});

