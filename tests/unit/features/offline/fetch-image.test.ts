/**
 * `fetchImage` when its CORS request fails: a no-cors request tells a CORS refusal from a network
 * that is down, except while the page is being left, when the failure is the navigation's doing
 * and `pagehide` (which aborts the run) is waited for instead of sending a probe.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fetchImage, NetworkDown } from '../../../../src/features/offline/fetch-image';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const URL_ = 'https://images.example.org/dock.jpg';

describe('fetchImage after a failed CORS request', () => {
  test('probes with no-cors: an opaque answer is kept as an opaque image', async () => {
    const fetchImpl = vi.fn((_url: string, init?: RequestInit) =>
      init?.mode === 'cors' ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve(Object.assign(new Response(null, { status: 200 }), { type: 'opaque' })),
    );
    vi.stubGlobal('fetch', fetchImpl);
    const got = await fetchImage(URL_, new AbortController().signal);
    expect(got).toMatchObject({ kind: 'image', opaque: true });
    expect(fetchImpl.mock.calls.map(([, init]) => init?.mode)).toEqual(['cors', 'no-cors']);
  });

  test('both failing: the network is down', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(fetchImage(URL_, new AbortController().signal)).rejects.toBeInstanceOf(NetworkDown);
  });

  test('just after beforeunload: no probe; the run stopped by pagehide meanwhile ends there', async () => {
    vi.useFakeTimers();
    const fetchImpl = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    vi.stubGlobal('fetch', fetchImpl);
    const run = new AbortController();
    dispatchEvent(new Event('beforeunload'));
    const got = fetchImage(URL_, run.signal);
    const settled = got.then(
      () => 'resolved',
      (error: unknown) => (error instanceof NetworkDown ? 'network' : 'cancelled'),
    );
    await vi.advanceTimersByTimeAsync(100);
    run.abort(); // pagehide
    await vi.advanceTimersByTimeAsync(2000);
    expect(await settled).toBe('cancelled');
    expect(fetchImpl).toHaveBeenCalledOnce();
  });
});
