/**
 * Syncs between tabs: one tab syncs at a time, the others hear about it. Two "tabs" are two
 * connections to one fake-indexeddb database (the IndexedDB lease path; Web Locks and
 * BroadcastChannel between real tabs are tested in Chromium, tests/browser/tabs.test.mjs).
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { getSyncRecord, listArticles } from '../../../../src/data/articles';
import { openStore, type DB } from '../../../../src/data/connection';
import { hadStoredArticles } from '../../../../src/data/marker';
import { CHANNEL } from '../../../../src/core/names';
import { listen, type ChannelMessage } from '../../../../src/data/channel';
import { syncAcrossTabs } from '../../../../src/features/sync/tab-sync';
import { FEED_URL, feedText, item, mockFetch } from '../../helpers';

const open: DB[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  localStorage.clear();
});

async function twoTabs(): Promise<[DB, DB]> {
  const name = `tabs-${crypto.randomUUID()}`;
  const a = await openStore({ name });
  const b = await openStore({ name });
  open.push(a, b);
  return [a, b];
}

const FEED = feedText([item('one'), item('two', { date_published: '2024-03-02T10:00:00Z' })], { title: 'Two Tabs Times' });

/** A fetch that answers after `ms`, so two syncs surely overlap. */
function slowFetch(ms: number, body: string) {
  const inner = mockFetch(body);
  return vi.fn<typeof fetch>(async (...args) => {
    await new Promise((r) => setTimeout(r, ms));
    return inner(...args);
  });
}

describe('syncAcrossTabs', () => {
  test('two tabs starting at once: the index is fetched and written once; both show the result', async () => {
    const [a, b] = await twoTabs();
    const fetchA = slowFetch(40, FEED);
    const fetchB = slowFetch(40, FEED);
    const quiet = { locks: undefined, pollMs: 5, announce: () => {} };
    const [ra, rb] = await Promise.all([
      syncAcrossTabs(a, FEED_URL, { ...quiet, fetchImpl: fetchA }),
      syncAcrossTabs(b, FEED_URL, { ...quiet, fetchImpl: fetchB }),
    ]);
    expect(fetchA.mock.calls.length + fetchB.mock.calls.length).toBe(1);
    expect(ra.ok && rb.ok).toBe(true);
    const writer = fetchA.mock.calls.length ? ra : rb;
    const waiter = fetchA.mock.calls.length ? rb : ra;
    expect(writer).toMatchObject({ write: { added: 2 } });
    // The waiting tab answers with what the writer recorded, having written nothing itself.
    expect(waiter).toMatchObject({ write: { added: 0, updated: 0, unchanged: 0, written: 0 }, report: { total: 2, kept: 2 } });
    expect(waiter.record).toEqual(writer.record);
    expect(waiter.record).not.toHaveProperty('lease');
    expect((await listArticles(b)).map((x) => x.id)).toEqual(['two', 'one']);
    expect(await getSyncRecord(a)).not.toHaveProperty('lease');
  });

  test('the waiting tab reports the other tab’s failure', async () => {
    const [a, b] = await twoTabs();
    const quiet = { locks: undefined, pollMs: 5, announce: () => {} };
    const failing = vi.fn<typeof fetch>(async () => {
      await new Promise((r) => setTimeout(r, 40));
      return new Response('', { status: 503 });
    });
    const first = syncAcrossTabs(a, FEED_URL, { ...quiet, fetchImpl: failing });
    await new Promise((r) => setTimeout(r, 5));
    const second = await syncAcrossTabs(b, FEED_URL, { ...quiet, fetchImpl: failing });
    expect(await first).toMatchObject({ ok: false, failure: { kind: 'http', status: 503 } });
    expect(second).toMatchObject({ ok: false, failure: { kind: 'http', status: 503 } });
    expect(failing).toHaveBeenCalledTimes(1);
  });

  test('a sync that stored articles is announced to the other tabs over BroadcastChannel', async () => {
    const [a] = await twoTabs();
    // Another tab's channel: a separate BroadcastChannel object with the same name.
    const other = new BroadcastChannel(CHANNEL);
    const heard = new Promise<unknown>((resolve) => other.addEventListener('message', (e) => resolve(e.data), { once: true }));
    await syncAcrossTabs(a, FEED_URL, { locks: undefined, fetchImpl: mockFetch(FEED) });
    expect(await heard).toEqual({ type: 'synced', ok: true });
    other.close();
  });

  test('listen hears other tabs, not its own tab', async () => {
    const got: ChannelMessage[] = [];
    const stop = listen((m) => got.push(m));
    const other = new BroadcastChannel(CHANNEL);
    other.postMessage({ type: 'synced', ok: true });
    other.postMessage({ type: 'something else' });
    other.postMessage('junk');
    await vi.waitFor(() => expect(got).toEqual([{ type: 'synced', ok: true }]));
    stop();
    other.close();
  });

  test('a failed sync that stored nothing tells nobody and leaves no note', async () => {
    const [a] = await twoTabs();
    const told: unknown[] = [];
    await syncAcrossTabs(a, FEED_URL, { locks: undefined, fetchImpl: mockFetch({ status: 500 }), announce: (m) => told.push(m) });
    expect(told).toEqual([]);
    expect(await hadStoredArticles()).toBe(false);
  });

  test('a sync that stored articles leaves the note that this device has articles', async () => {
    const [a] = await twoTabs();
    expect(await hadStoredArticles()).toBe(false);
    await syncAcrossTabs(a, FEED_URL, { locks: undefined, fetchImpl: mockFetch(FEED), announce: () => {} });
    expect(await hadStoredArticles()).toBe(true);
  });
});
