/**
 * The sync hook's own rules, over a fake library (no IndexedDB, no network): when it syncs by
 * itself (the `online` event; back to the foreground after more than ten minutes, not before) and
 * up to how many stored articles it computes the "readable offline" marks.
 */
import { cleanup, renderHook, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Article } from '../../../src/core/feed/types';
import type { SyncHooks } from '../../../src/app/sync-run';
import { useSync, type SyncInputs } from '../../../src/app/useSync';
import type { Library } from '../../../src/features/sync/library';
import { article } from '../helpers';

const lib = vi.hoisted((): { current: unknown } => ({ current: undefined }));
const runOnce = vi.hoisted(() => vi.fn<(l: unknown, full: boolean, h: SyncHooks) => Promise<void>>());

vi.mock('../../../src/features/sync/library', () => ({ openLibrary: () => Promise.resolve(lib.current) }));
vi.mock('../../../src/app/sync-run', () => ({ runOnce }));

/** A library holding `stored` articles, of which `list()` returns a few. */
function fakeLibrary(stored: number) {
  const articles: Article[] = [article({ id: 'a' }), article({ id: 'b' })];
  return {
    persistent: true,
    lost: false,
    count: vi.fn(async () => stored),
    list: vi.fn(async () => articles),
    rows: vi.fn(async () => []),
    record: vi.fn(async () => ({})),
    states: vi.fn(async () => []),
    onChange: () => () => {},
    articles,
  } satisfies Partial<Library> & { articles: Article[] };
}

function inputs() {
  return {
    list: { load: vi.fn(async () => {}), merge: vi.fn() },
    onStates: vi.fn(),
    trackOffline: vi.fn<(a: readonly Article[]) => void>(),
  } satisfies SyncInputs;
}

const T0 = Date.UTC(2024, 4, 1, 8);
const MINUTE = 60_000;

beforeEach(() => {
  // Only the clock is faked: the hook's own waits are promises, and Date.now() is what it reads.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  // What a sync leaves: the time of this attempt in the sync record.
  runOnce.mockImplementation(async (_lib, _full, h) => h.setState((s) => ({ ...s, running: false, record: { lastAttempt: Date.now() } })));
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  runOnce.mockReset();
});

/** Renders the hook and waits for the first start's sync to have ended; counts the renders. */
async function started(stored = 10) {
  const fake = fakeLibrary(stored);
  lib.current = fake;
  const given = inputs();
  let renders = 0;
  const hook = renderHook(() => {
    renders++;
    return useSync(given);
  });
  await waitFor(() => expect(runOnce).toHaveBeenCalledTimes(1));
  await waitFor(() => expect(hook.result.current.state.record.lastAttempt).toBe(T0));
  return { fake, given, hook, renders: () => renders };
}

/** Fires `visibilitychange` with the page visible, and waits for the hook to have handled it (it re-renders). */
async function backToForeground(renders: () => number) {
  vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('visible');
  const before = renders();
  document.dispatchEvent(new Event('visibilitychange'));
  await waitFor(() => expect(renders()).toBeGreaterThan(before));
}

describe('useSync: syncs nobody asked for', () => {
  test('back to the foreground after exactly ten minutes: no sync; a moment later: a sync', async () => {
    const { renders, hook } = await started();

    vi.setSystemTime(T0 + 10 * MINUTE);
    await backToForeground(renders);
    // A sync started by the event would show in that render (running), or would have run since.
    expect(hook.result.current.state.running).toBe(false);
    expect(runOnce).toHaveBeenCalledTimes(1);

    vi.setSystemTime(T0 + 10 * MINUTE + 1);
    await backToForeground(renders);
    await waitFor(() => expect(runOnce).toHaveBeenCalledTimes(2));
  });

  test('back to the foreground after a short while: no sync', async () => {
    const { renders, hook } = await started();
    vi.setSystemTime(T0 + 9 * MINUTE);
    await backToForeground(renders);
    expect(hook.result.current.state.running).toBe(false);
    expect(runOnce).toHaveBeenCalledTimes(1);
  });

  test('the network coming back (the online event) syncs at once', async () => {
    await started();
    dispatchEvent(new Event('online'));
    await waitFor(() => expect(runOnce).toHaveBeenCalledTimes(2));
  });
});

describe('useSync: "readable offline" marks only up to 5,000 stored articles', () => {
  test('5,000 stored: every article is handed on for the marks', async () => {
    const { fake, given } = await started(5000);
    // Read by the first start's reload, before its sync began (the point the 5,001 case checks).
    expect(fake.list).toHaveBeenCalled();
    await waitFor(() => expect(given.trackOffline).toHaveBeenCalledWith(fake.articles));
  });

  test('5,001 stored: the marks are left out, and the articles are not even read', async () => {
    const { fake, given } = await started(5001);
    // The first start's reload counted the articles before the sync began.
    expect(fake.count).toHaveBeenCalled();
    // At this point the 5,000 case had already read them (the test above).
    expect(fake.list).not.toHaveBeenCalled();
    expect(given.trackOffline).not.toHaveBeenCalled();
  });
});
