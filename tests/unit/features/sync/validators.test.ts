import { describe, expect, test, vi } from 'vitest';
import { fetchIndex } from '../../../../src/features/sync/fetch-index';
import { FEED_URL } from '../../helpers';

const SAME_ORIGIN = `${location.origin}/feed.json`;

function reply(status: number, body: string | null, headers: Record<string, string> = {}) {
  return vi.fn<typeof fetch>(async () => new Response(body, { status, headers }));
}

describe('fetchIndex: conditional requests', () => {
  test('returns the page’s validators with its text', async () => {
    const fetchImpl = reply(200, 'body', { ETag: '"v1"', 'Last-Modified': 'Wed, 01 May 2024 08:00:00 GMT' });
    expect(await fetchIndex(SAME_ORIGIN, { fetchImpl })).toEqual({
      ok: true,
      text: 'body',
      url: SAME_ORIGIN,
      etag: '"v1"',
      lastModified: 'Wed, 01 May 2024 08:00:00 GMT',
    });
  });

  test('on the app’s origin, sends If-None-Match and If-Modified-Since with no-store, and a 304 is "not modified"', async () => {
    const fetchImpl = reply(304, null, { ETag: '"v1"' });
    const result = await fetchIndex(SAME_ORIGIN, { fetchImpl, validators: { etag: '"v1"', lastModified: 'Wed, 01 May 2024 08:00:00 GMT' } });
    expect(result).toEqual({ ok: true, notModified: true, url: SAME_ORIGIN, etag: '"v1"', lastModified: 'Wed, 01 May 2024 08:00:00 GMT' });
    const init = fetchImpl.mock.calls[0]![1]!;
    expect(init.cache).toBe('no-store');
    expect(init.headers).toMatchObject({ 'If-None-Match': '"v1"', 'If-Modified-Since': 'Wed, 01 May 2024 08:00:00 GMT' });
  });

  test('a changed page comes back as text with its new validators', async () => {
    const fetchImpl = reply(200, 'new body', { ETag: '"v2"' });
    expect(await fetchIndex(SAME_ORIGIN, { fetchImpl, validators: { etag: '"v1"' } })).toEqual({ ok: true, text: 'new body', url: SAME_ORIGIN, etag: '"v2"' });
  });

  test('on another origin, no conditional headers (they would need a CORS preflight): no-cache, and the same ETag means not modified', async () => {
    const fetchImpl = reply(200, 'body', { ETag: '"v1"' });
    const result = await fetchIndex(FEED_URL, { fetchImpl, validators: { etag: '"v1"' } });
    expect(result).toMatchObject({ ok: true, notModified: true });
    const init = fetchImpl.mock.calls[0]![1]!;
    expect(init.cache).toBe('no-cache');
    expect(init.headers).not.toHaveProperty('If-None-Match');
  });

  test('without an ETag, the same Last-Modified means not modified; a different one does not', async () => {
    const when = 'Wed, 01 May 2024 08:00:00 GMT';
    expect(await fetchIndex(FEED_URL, { fetchImpl: reply(200, 'b', { 'Last-Modified': when }), validators: { lastModified: when } })).toMatchObject({
      notModified: true,
    });
    expect(
      await fetchIndex(FEED_URL, { fetchImpl: reply(200, 'b', { 'Last-Modified': 'Thu, 02 May 2024 08:00:00 GMT' }), validators: { lastModified: when } }),
    ).toMatchObject({ ok: true, text: 'b' });
  });

  test('a 304 we did not ask for is an HTTP failure, not an empty page', async () => {
    expect(await fetchIndex(SAME_ORIGIN, { fetchImpl: reply(304, null) })).toEqual({ ok: false, failure: { kind: 'http', status: 304, statusText: '' } });
  });
});
