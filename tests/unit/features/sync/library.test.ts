import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { memoryLibrary, openLibrary } from '../../../../src/features/sync/library';
import { FEED_URL, feedText, item, mockFetch, networkError } from '../../helpers';

afterEach(() => {
  vi.unstubAllGlobals();
});

const FEED = feedText(
  [
    item('old', { title: 'Old news', date_published: '2024-01-01T00:00:00Z' }),
    item('new', { title: 'New news', date_published: '2024-02-01T00:00:00Z' }),
  ],
  { title: 'Memory Gazette' },
);

describe('memoryLibrary', () => {
  test('is not persistent and starts empty', async () => {
    const library = memoryLibrary(FEED_URL);
    expect(library.persistent).toBe(false);
    expect(await library.list()).toEqual([]);
    expect(await library.get('new')).toBeUndefined();
    expect(await library.record()).toEqual({});
  });

  test('sync fetches the index from the given URL; list is newest first and get finds by id', async () => {
    const fetchImpl = mockFetch(FEED);
    vi.stubGlobal('fetch', fetchImpl);
    const library = memoryLibrary(FEED_URL);

    const outcome = await library.sync();
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    expect(fetchImpl.mock.calls[0]![0]).toBe(FEED_URL);
    expect(outcome).toMatchObject({ ok: true, write: { added: 2, updated: 0, unchanged: 0, written: 2 }, report: { total: 2, kept: 2 } });
    expect((await library.list()).map((a) => a.id)).toEqual(['new', 'old']);
    expect(await library.get('old')).toMatchObject({ id: 'old', title: 'Old news', baseUrl: FEED_URL });
    expect(await library.get('nope')).toBeUndefined();

    const record = await library.record();
    expect(record).toMatchObject({ feedTitle: 'Memory Gazette', lastReport: { total: 2, kept: 2 } });
    expect(record.lastSuccess).toBeTypeOf('number');
    expect(record.lastAttempt).toBe(record.lastSuccess);
    if (outcome.ok) expect(outcome.record).toEqual(record);
  });

  test('a failed sync keeps the articles it had and records the failure', async () => {
    vi.stubGlobal('fetch', mockFetch(FEED, { status: 500, statusText: 'Internal Server Error' }, '<html>login</html>', networkError()));
    const library = memoryLibrary(FEED_URL);
    await library.sync();
    const articles = await library.list();
    const lastSuccess = (await library.record()).lastSuccess;

    const http = await library.sync();
    expect(http).toMatchObject({ ok: false, failure: { kind: 'http', status: 500, statusText: 'Internal Server Error' } });
    const html = await library.sync();
    expect(html).toMatchObject({ ok: false, failure: { kind: 'feed', error: { code: 'html' } } });
    const network = await library.sync();
    expect(network).toMatchObject({ ok: false, failure: { kind: 'network' } });

    expect(await library.list()).toEqual(articles);
    const record = await library.record();
    expect(record.lastSuccess).toBe(lastSuccess);
    expect(record.feedTitle).toBe('Memory Gazette');
    expect(record.lastFailure).toEqual({ kind: 'network' });
  });

  test('a feed with no readable items is a no-articles failure', async () => {
    vi.stubGlobal('fetch', mockFetch(feedText([{ title: 'no id' }])));
    const outcome = await memoryLibrary(FEED_URL).sync();
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'no-articles', report: { total: 1, kept: 0, noId: 1 } } });
  });
});

describe('openLibrary', () => {
  test('opens a persistent IndexedDB library that syncs, lists and gets', async () => {
    vi.stubGlobal('indexedDB', new IDBFactory());
    vi.stubGlobal('fetch', mockFetch(FEED));
    const library = await openLibrary(FEED_URL);
    expect(library.persistent).toBe(true);
    expect(await library.list()).toEqual([]);
    const outcome = await library.sync();
    expect(outcome).toMatchObject({ ok: true, write: { added: 2 } });
    expect((await library.list()).map((a) => a.id)).toEqual(['new', 'old']);
    expect((await library.get('new'))?.title).toBe('New news');
    expect(await library.record()).toMatchObject({ feedTitle: 'Memory Gazette', indexUrl: FEED_URL });
  });

  test('falls back to a memory library when IndexedDB refuses to open', async () => {
    vi.stubGlobal('indexedDB', {
      open() {
        throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
      },
    });
    vi.stubGlobal('fetch', mockFetch(FEED));
    const library = await openLibrary(FEED_URL);
    expect(library.persistent).toBe(false);
    expect(await library.sync()).toMatchObject({ ok: true });
    expect((await library.list()).map((a) => a.id)).toEqual(['new', 'old']);
  });
});

describe('openLibrary: IndexedDB that never answers', () => {
  test('goes on from memory after the timeout instead of loading forever', async () => {
    // An open request whose events never fire, as a wedged browser's.
    // (fake-indexeddb's request class can be made directly; nothing ever settles it.)
    vi.stubGlobal('indexedDB', { open: () => new (IDBOpenDBRequest as unknown as new () => IDBOpenDBRequest)() });
    vi.stubGlobal('fetch', mockFetch(FEED));
    // Fake timers: the timeout is what ends the wait, not the machine's speed.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let library: Awaited<ReturnType<typeof openLibrary>>;
    try {
      let settled = false;
      const opening = openLibrary(FEED_URL, undefined, { openTimeoutMs: 200 }).then((l) => {
        settled = true;
        return l;
      });
      await vi.advanceTimersByTimeAsync(199);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      library = await opening;
    } finally {
      vi.useRealTimers();
    }
    expect(library.persistent).toBe(false);
    expect(await library.sync()).toMatchObject({ ok: true });
  });
});

describe('openLibrary: a store the browser evicted', () => {
  afterEach(() => localStorage.clear());

  test('an empty store on a device that had stored articles is reported as lost', async () => {
    vi.stubGlobal('indexedDB', new IDBFactory());
    localStorage.setItem('broadsheet:stored-articles', '1700000000000');
    const library = await openLibrary(FEED_URL);
    expect(library.persistent).toBe(true);
    expect(library.lost).toBe(true);
  });

  test('a first visit (no note) is not lost, and neither is a store with articles', async () => {
    vi.stubGlobal('indexedDB', new IDBFactory());
    vi.stubGlobal('fetch', mockFetch(FEED));
    const first = await openLibrary(FEED_URL);
    expect(first.lost).toBe(false);
    expect(await first.sync()).toMatchObject({ ok: true });
    // The sync left the note; the store is full, so the next start is not "lost".
    expect(localStorage.getItem('broadsheet:stored-articles')).toMatch(/^\d+$/);
    expect((await openLibrary(FEED_URL)).lost).toBe(false);
  });

  test('the memory library is never lost and hears no other tab', async () => {
    const library = memoryLibrary(FEED_URL);
    expect(library.lost).toBe(false);
    expect(typeof library.onChange(() => {})).toBe('function');
  });
});
