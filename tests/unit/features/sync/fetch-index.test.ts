import { describe, expect, test, vi } from 'vitest';
import { DEFAULT_FETCH, fetchIndex } from '../../../../src/features/sync/fetch-index';
import { chunkedFetch, FEED_URL, feedText, hangingFetch, item, mockFetch, networkError, stallingFetch } from '../../helpers';

const online = () => true;

describe('fetchIndex', () => {
  test('returns the body text and the requested URL', async () => {
    const body = feedText([item('1')]);
    const fetchImpl = mockFetch(body);
    expect(await fetchIndex(FEED_URL, { fetchImpl })).toEqual({ ok: true, text: body, url: FEED_URL });
  });

  test('asks for a revalidated copy of the feed, with an abort signal and a feed Accept header', async () => {
    const fetchImpl = mockFetch('{}');
    await fetchIndex(FEED_URL, { fetchImpl });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe(FEED_URL);
    expect(init?.cache).toBe('no-cache');
    expect(init?.signal).toBeInstanceOf(AbortSignal);
    expect((init?.headers as Record<string, string>).Accept).toMatch(/^application\/feed\+json/);
  });

  test('reports the final URL after a redirect', async () => {
    const fetchImpl = mockFetch({ status: 200, body: 'x', url: 'https://cdn.example.org/feed.json' });
    expect(await fetchIndex(FEED_URL, { fetchImpl })).toEqual({ ok: true, text: 'x', url: 'https://cdn.example.org/feed.json' });
  });

  test('decodes UTF-8 split across chunks, including a multi-byte character cut in half', async () => {
    const bytes = new TextEncoder().encode('«Educación» — профспілка');
    const fetchImpl: typeof fetch = async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(c) {
            for (let i = 0; i < bytes.length; i += 3) c.enqueue(bytes.slice(i, i + 3));
            c.close();
          },
        }),
      );
    expect(await fetchIndex(FEED_URL, { fetchImpl })).toMatchObject({ ok: true, text: '«Educación» — профспілка' });
  });

  test.each([
    [404, 'Not Found'],
    [500, 'Internal Server Error'],
    [503, 'Service Unavailable'],
  ])('HTTP %i is an http failure with its status', async (status, statusText) => {
    const fetchImpl = mockFetch({ status, statusText, body: '<h1>Error</h1>' });
    expect(await fetchIndex(FEED_URL, { fetchImpl })).toEqual({ ok: false, failure: { kind: 'http', status, statusText } });
  });

  test('a rejected fetch while the browser says it is online is a network failure', async () => {
    const fetchImpl = mockFetch(networkError());
    expect(await fetchIndex(FEED_URL, { fetchImpl, isOnline: () => true })).toEqual({ ok: false, failure: { kind: 'network' } });
  });

  test('a rejected fetch while the browser says it is offline is an offline failure', async () => {
    const fetchImpl = mockFetch(networkError());
    expect(await fetchIndex(FEED_URL, { fetchImpl, isOnline: () => false })).toEqual({ ok: false, failure: { kind: 'offline' } });
  });

  test('without isOnline, navigator.onLine decides', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    expect(await fetchIndex(FEED_URL, { fetchImpl: mockFetch(networkError()) })).toEqual({ ok: false, failure: { kind: 'offline' } });
    onLine.mockReturnValue(true);
    expect(await fetchIndex(FEED_URL, { fetchImpl: mockFetch(networkError()) })).toEqual({ ok: false, failure: { kind: 'network' } });
  });

  test('a server that never answers times out after firstByteMs, not before', async () => {
    vi.useFakeTimers();
    try {
      let settled = false;
      const pending = fetchIndex(FEED_URL, { fetchImpl: hangingFetch, firstByteMs: 20, isOnline: online }).finally(() => (settled = true));
      await vi.advanceTimersByTimeAsync(19);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await pending).toEqual({ ok: false, failure: { kind: 'timeout', seconds: 0 } });
    } finally {
      vi.useRealTimers();
    }
  });

  test('the timeout is reported in whole seconds', async () => {
    vi.useFakeTimers();
    try {
      const pending = fetchIndex(FEED_URL, { fetchImpl: hangingFetch, isOnline: online });
      await vi.advanceTimersByTimeAsync(DEFAULT_FETCH.firstByteMs);
      expect(await pending).toEqual({ ok: false, failure: { kind: 'timeout', seconds: 10 } });
    } finally {
      vi.useRealTimers();
    }
  });

  test('a body that stalls after its first chunk times out after stallMs', async () => {
    const result = await fetchIndex(FEED_URL, {
      fetchImpl: stallingFetch('{"version": "https://jsonfeed.org/version/1.1", "items": ['),
      firstByteMs: 5_000,
      stallMs: 20,
      isOnline: online,
    });
    expect(result).toEqual({ ok: false, failure: { kind: 'timeout', seconds: 0 } });
  });

  test('a slow body that keeps arriving is not timed out by the first-byte timer', async () => {
    vi.useFakeTimers();
    try {
      // The server answers at once; the test then feeds the body a chunk every 199 ms: each gap
      // (the first one too) under stallMs, all together far past firstByteMs. Like a real fetch,
      // aborting the request errors the body.
      let feed!: ReadableStreamDefaultController<Uint8Array>;
      const body = new ReadableStream<Uint8Array>({ start: (c) => void (feed = c) });
      const fetchImpl: typeof fetch = async (_input, init) => {
        init?.signal?.addEventListener('abort', () => feed.error(new DOMException('The operation was aborted.', 'AbortError')), { once: true });
        return new Response(body);
      };
      let settled = false;
      const pending = fetchIndex(FEED_URL, { fetchImpl, firstByteMs: 30, stallMs: 200 }).finally(() => (settled = true));
      for (const part of ['ab', 'cd', 'ef', 'gh']) {
        await vi.advanceTimersByTimeAsync(199);
        expect(settled).toBe(false);
        feed.enqueue(new TextEncoder().encode(part));
      }
      await vi.advanceTimersByTimeAsync(199);
      expect(settled).toBe(false);
      feed.close();
      expect(await pending).toEqual({ ok: true, text: 'abcdefgh', url: FEED_URL });
    } finally {
      vi.useRealTimers();
    }
  });

  test('a body larger than maxBytes is too-large', async () => {
    const result = await fetchIndex(FEED_URL, { fetchImpl: chunkedFetch('12345', '67890', 'x'), maxBytes: 10 });
    expect(result).toEqual({ ok: false, failure: { kind: 'too-large', bytes: 10 } });
  });

  test('a body of exactly maxBytes is accepted', async () => {
    expect(await fetchIndex(FEED_URL, { fetchImpl: chunkedFetch('12345', '67890'), maxBytes: 10 })).toEqual({
      ok: true,
      text: '1234567890',
      url: FEED_URL,
    });
  });

  test('maxBytes counts bytes, not characters', async () => {
    // 6 characters, 12 bytes in UTF-8.
    expect(await fetchIndex(FEED_URL, { fetchImpl: chunkedFetch('привет'), maxBytes: 11 })).toEqual({
      ok: false,
      failure: { kind: 'too-large', bytes: 11 },
    });
  });

  test('an abort from the caller is rethrown, not reported as a failure', async () => {
    const outer = new AbortController();
    const pending = fetchIndex(FEED_URL, { fetchImpl: hangingFetch, signal: outer.signal, firstByteMs: 5_000 });
    outer.abort(new DOMException('Navigated away', 'AbortError'));
    await expect(pending).rejects.toMatchObject({ name: 'AbortError', message: 'Navigated away' });
  });
});
