/**
 * Syncs between tabs: one tab syncs at a time, the others hear about it. Two "tabs" are two
 * connections to one fake-indexeddb database (the IndexedDB lease path; Web Locks and
 * BroadcastChannel between real tabs are tested in Chromium, tests/browser/tabs.test.mjs).
 */
import { afterEach, describe, expect, test, vi, type Mock } from 'vitest';
import { getSyncRecord, listArticles } from '../../../../src/data/articles';
import { openStore, type DB } from '../../../../src/data/connection';
import { hadStoredArticles } from '../../../../src/data/marker';
import { CHANNEL } from '../../../../src/core/names';
import { listen, type ChannelMessage } from '../../../../src/data/channel';
import { syncAcrossTabs } from '../../../../src/features/sync/tab-sync';
import { deferred, FEED_URL, feedText, item, mockFetch, watchLeaseReads } from '../../helpers';

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

/**
 * Fetches for several tabs that all wait for one answer, released by the test. `asked` resolves
 * with the tab that fetched first, `again` if a second fetch is made.
 */
function heldFetches(tabs: number, reply: () => Response | Promise<Response>) {
  const answer = deferred();
  const asked = deferred<number>();
  const again = deferred();
  let calls = 0;
  const fetches = Array.from({ length: tabs }, (_, tab) =>
    vi.fn<typeof fetch>(async () => {
      if (calls++ === 0) asked.resolve(tab);
      else again.resolve();
      await answer.promise;
      return reply();
    }),
  );
  return { fetches, asked: asked.promise, again: again.promise, answer: () => answer.resolve() };
}

describe('syncAcrossTabs', () => {
  test('two tabs starting at once: the index is fetched and written once; both show the result', async () => {
    const [a, b] = await twoTabs();
    const tabs = [watchLeaseReads(a), watchLeaseReads(b)] as const;
    const held = heldFetches(2, () => new Response(FEED, { status: 200, headers: { 'Content-Type': 'application/feed+json' } }));
    const [fetchA, fetchB] = held.fetches as [Mock<typeof fetch>, Mock<typeof fetch>];
    const quiet = { locks: undefined, pollMs: 5, announce: () => {} };
    const back = [false, false];
    const syncs = [
      syncAcrossTabs(tabs[0].db, FEED_URL, { ...quiet, fetchImpl: fetchA }).finally(() => (back[0] = true)),
      syncAcrossTabs(tabs[1].db, FEED_URL, { ...quiet, fetchImpl: fetchB }).finally(() => (back[1] = true)),
    ] as const;
    // One tab takes the lease and fetches; its fetch is held until the other tab has found the
    // lease taken and waits (or comes back, or fetches too: both wrong).
    const other = 1 - (await held.asked);
    await Promise.race([tabs[other]!.held(), syncs[other], held.again]);
    expect(fetchA.mock.calls.length + fetchB.mock.calls.length).toBe(1);
    expect(back).toEqual([false, false]);
    held.answer();
    const [ra, rb] = await Promise.all(syncs);
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
    const held = heldFetches(1, () => new Response('', { status: 503 }));
    const [failing] = held.fetches as [Mock<typeof fetch>];
    const first = syncAcrossTabs(a, FEED_URL, { ...quiet, fetchImpl: failing });
    // The first tab holds the lease and is fetching; then the second tab starts, and waits.
    await held.asked;
    const tab = watchLeaseReads(b);
    let back = false;
    const second = syncAcrossTabs(tab.db, FEED_URL, { ...quiet, fetchImpl: failing }).finally(() => (back = true));
    await Promise.race([tab.held(), second, held.again]);
    expect(back).toBe(false);
    held.answer();
    expect(await first).toMatchObject({ ok: false, failure: { kind: 'http', status: 503 } });
    expect(await second).toMatchObject({ ok: false, failure: { kind: 'http', status: 503 } });
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
