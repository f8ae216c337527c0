import { beforeEach, describe, expect, test } from 'vitest';
import type { Article } from '../../../../src/core/feed/types';
import { getArticle, getSyncRecord, listArticles } from '../../../../src/data/articles';
import type { DB } from '../../../../src/data/connection';
import type { SyncFailure, SyncRecord } from '../../../../src/core/sync-types';
import { syncIndex, type SyncOutcome } from '../../../../src/features/sync/sync';
import {
  FEED_URL,
  feedText,
  freshStore,
  hangingFetch,
  interceptTransactions,
  item,
  mockFetch,
  networkError,
  storedIds,
  type Reply,
} from '../../helpers';

let db: DB;
let clock: number;
const now = () => clock;

beforeEach(async () => {
  db = await freshStore();
  clock = Date.UTC(2024, 5, 1, 12);
  return () => db.close();
});

const FIRST_FEED = feedText(
  [
    item('one', { title: 'Council votes on budget', date_published: '2024-05-01T08:00:00Z', tags: ['Politics'] }),
    item('two', { title: 'Library opens', date_published: '2024-05-03T08:00:00Z' }),
    item('three', { title: 'Rain expected', date_published: '2024-05-02T08:00:00Z' }),
  ],
  { title: 'The Daily Test' },
);

function sync(...replies: Reply[]): Promise<SyncOutcome> {
  return syncIndex(db, FEED_URL, { fetchImpl: mockFetch(...replies), now, isOnline: () => true });
}

/** Runs a first, successful sync, and returns what it stored. */
async function seed(): Promise<{ articles: Article[]; record: SyncRecord }> {
  const outcome = await sync(FIRST_FEED);
  expect(outcome.ok).toBe(true);
  return { articles: await listArticles(db), record: await getSyncRecord(db) };
}

describe('syncIndex: first sync', () => {
  test('stores every article and writes the sync record', async () => {
    const outcome = await sync(FIRST_FEED);
    expect(outcome).toMatchObject({
      ok: true,
      write: { added: 3, updated: 0, unchanged: 0, written: 3 },
      report: { total: 3, kept: 3, notObject: 0, noId: 0, duplicates: 0 },
    });
    expect(await storedIds(db)).toEqual(['two', 'three', 'one']);
    const stored = await getArticle(db, 'one');
    expect(stored).toMatchObject({ id: 'one', title: 'Council votes on budget', tags: ['Politics'], baseUrl: FEED_URL });
    expect(stored?.published).toBe(Date.UTC(2024, 4, 1, 8));

    const record = await getSyncRecord(db);
    expect(record).toEqual({
      lastAttempt: clock,
      lastSuccess: clock,
      feedTitle: 'The Daily Test',
      indexUrl: FEED_URL,
      lastReport: { total: 3, kept: 3, notObject: 0, noId: 0, duplicates: 0, truncatedFields: 0, badDates: 0, futureDates: 0, cutTags: 0, cutAuthors: 0 },
    });
    if (outcome.ok) expect(outcome.record).toEqual(record);
  });

  test('a redirected index resolves relative links against the final URL and records it', async () => {
    await sync({ status: 200, body: feedText([item('rel', { url: undefined })]), url: 'https://cdn.example.org/v2/feed.json' });
    expect((await getArticle(db, 'rel'))?.baseUrl).toBe('https://cdn.example.org/v2/feed.json');
    expect((await getSyncRecord(db)).indexUrl).toBe('https://cdn.example.org/v2/feed.json');
  });

  test('a second identical sync changes nothing and counts every article unchanged', async () => {
    const { articles } = await seed();
    clock += 60_000;
    const outcome = await sync(FIRST_FEED);
    expect(outcome).toMatchObject({ ok: true, write: { added: 0, updated: 0, unchanged: 3, written: 3 } });
    expect(await listArticles(db)).toEqual(articles);
    expect((await getSyncRecord(db)).lastSuccess).toBe(clock);
  });
});

describe('syncIndex: a bad sync leaves the stored articles exactly as they were', () => {
  const truncated = FIRST_FEED.slice(0, Math.floor(FIRST_FEED.length / 2));
  const htmlPage = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';

  /** A server that never answers. */
  const HANG = Symbol('hang');
  const cases: { name: string; reply: Reply | typeof HANG; failure: SyncFailure | ((f: SyncFailure) => void) }[] = [
    {
      name: 'invalid JSON',
      // Complete (brackets balanced) but not JSON: a trailing comma and a bare word.
      reply: '{"version": "https://jsonfeed.org/version/1.1", "items": [], "title": oops,}',
      failure: (f) => expect(f).toMatchObject({ kind: 'feed', error: { code: 'not-json', detail: expect.stringMatching(/\S/) as unknown } }),
    },
    { name: 'truncated JSON', reply: truncated, failure: { kind: 'feed', error: { code: 'truncated', detail: `${truncated.length} bytes` } } },
    { name: 'an HTML error page served as 200', reply: htmlPage, failure: { kind: 'feed', error: { code: 'html' } } },
    { name: 'an empty file', reply: '', failure: { kind: 'feed', error: { code: 'empty' } } },
    { name: 'a JSON array', reply: '[]', failure: { kind: 'feed', error: { code: 'not-object', detail: 'array' } } },
    { name: 'a feed without items', reply: JSON.stringify({ version: 'https://jsonfeed.org/version/1' }), failure: { kind: 'feed', error: { code: 'no-items' } } },
    { name: 'a feed without a version', reply: JSON.stringify({ items: [] }), failure: { kind: 'feed', error: { code: 'no-version' } } },
    {
      name: 'a wrong version',
      reply: feedText([item('x')], { version: 'https://jsonfeed.org/version/2' }),
      failure: { kind: 'feed', error: { code: 'bad-version', detail: 'https://jsonfeed.org/version/2' } },
    },
    { name: 'HTTP 404', reply: { status: 404, statusText: 'Not Found' }, failure: { kind: 'http', status: 404, statusText: 'Not Found' } },
    {
      name: 'HTTP 500',
      reply: { status: 500, statusText: 'Internal Server Error', body: FIRST_FEED },
      failure: { kind: 'http', status: 500, statusText: 'Internal Server Error' },
    },
    { name: 'a network failure', reply: networkError(), failure: { kind: 'network' } },
    { name: 'a timeout (the server never answers)', reply: HANG, failure: { kind: 'timeout', seconds: 0 } },
    {
      name: 'a feed with no valid items',
      reply: feedText([{ title: 'no id' }, 42, null, { id: '   ' }, { id: { nested: true } }]),
      failure: {
        kind: 'no-articles',
        report: { total: 5, kept: 0, notObject: 2, noId: 3, duplicates: 0, truncatedFields: 0, badDates: 0, futureDates: 0, cutTags: 0, cutAuthors: 0 },
      },
    },
    {
      name: 'a feed with an empty items list',
      reply: feedText([]),
      failure: { kind: 'no-articles', report: { total: 0, kept: 0, notObject: 0, noId: 0, duplicates: 0, truncatedFields: 0, badDates: 0, futureDates: 0, cutTags: 0, cutAuthors: 0 } },
    },
  ];

  test.each(cases)('$name', async ({ reply, failure }) => {
    const before = await seed();
    clock += 3_600_000;

    const fetchImpl = reply === HANG ? hangingFetch : mockFetch(reply);
    const outcome = await syncIndex(db, FEED_URL, { fetchImpl, now, firstByteMs: 20, isOnline: () => true });

    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    if (typeof failure === 'function') failure(outcome.failure);
    else expect(outcome.failure).toEqual(failure);

    expect(await listArticles(db)).toEqual(before.articles);
    const record = await getSyncRecord(db);
    expect(record).toEqual({ ...before.record, lastAttempt: clock, lastFailure: outcome.failure });
    expect(record.lastSuccess).toBe(before.record.lastSuccess);
    expect(record.feedTitle).toBe('The Daily Test');
    expect(outcome.record).toEqual(record);
  });

  test('offline: the failure says so and nothing changes', async () => {
    const before = await seed();
    const outcome = await syncIndex(db, FEED_URL, { fetchImpl: mockFetch(networkError()), now, isOnline: () => false });
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'offline' } });
    expect(await listArticles(db)).toEqual(before.articles);
  });

  test('the next successful sync clears lastFailure', async () => {
    await seed();
    await sync({ status: 500 });
    expect((await getSyncRecord(db)).lastFailure).toEqual({ kind: 'http', status: 500, statusText: '' });
    clock += 1000;
    await sync(FIRST_FEED);
    const record = await getSyncRecord(db);
    expect('lastFailure' in record).toBe(false);
    expect(record.lastSuccess).toBe(clock);
  });

  test('a failure on a brand-new device stores nothing and records only the attempt', async () => {
    const outcome = await sync({ status: 404, statusText: 'Not Found' });
    expect(outcome.ok).toBe(false);
    expect(await listArticles(db)).toEqual([]);
    expect(await getSyncRecord(db)).toEqual({ lastAttempt: clock, lastFailure: { kind: 'http', status: 404, statusText: 'Not Found' } });
  });
});

describe('syncIndex: merging', () => {
  test('an article that drops out of the index stays stored', async () => {
    const { articles } = await seed();
    const outcome = await sync(feedText([item('two', { title: 'Library opens', date_published: '2024-05-03T08:00:00Z' })]));
    expect(outcome).toMatchObject({ ok: true, write: { added: 0, updated: 0, unchanged: 1, written: 1 } });
    expect(await listArticles(db)).toEqual(articles);
  });

  test('an updated article (newer date_modified) replaces the old copy; new ones are added', async () => {
    await seed();
    const outcome = await sync(
      feedText([
        item('one', {
          title: 'Council passes budget',
          content_text: 'Updated: the budget passed.',
          date_published: '2024-05-01T08:00:00Z',
          date_modified: '2024-05-04T09:30:00Z',
        }),
        item('four', { date_published: '2024-05-05T08:00:00Z' }),
      ]),
    );
    expect(outcome).toMatchObject({ ok: true, write: { added: 1, updated: 1, unchanged: 0, written: 2 } });
    const one = await getArticle(db, 'one');
    expect(one).toMatchObject({ title: 'Council passes budget', contentText: 'Updated: the budget passed.', modified: Date.UTC(2024, 4, 4, 9, 30) });
    expect(await storedIds(db)).toEqual(['four', 'two', 'three', 'one']);
  });

  test('an older copy from a stale mirror does not roll an edited article back', async () => {
    await sync(feedText([item('one', { title: 'Edited', date_modified: '2024-05-04T00:00:00Z' })]));
    const outcome = await sync(feedText([item('one', { title: 'Original', date_modified: '2024-05-02T00:00:00Z' })]));
    expect(outcome).toMatchObject({ ok: true, write: { unchanged: 1, updated: 0 } });
    expect((await getArticle(db, 'one'))?.title).toBe('Edited');
  });

  test('items the parser skips are reported, the rest stored', async () => {
    const outcome = await sync(feedText([item('ok'), { title: 'no id' }, 'not an object', item('ok', { date_modified: '2024-06-01T00:00:00Z', title: 'Newer copy' })]));
    expect(outcome).toMatchObject({ ok: true, report: { total: 4, kept: 1, noId: 1, notObject: 1, duplicates: 1 } });
    expect(await storedIds(db)).toEqual(['ok']);
    expect((await getArticle(db, 'ok'))?.title).toBe('Newer copy');
    expect((await getSyncRecord(db)).lastReport).toMatchObject({ noId: 1, notObject: 1, duplicates: 1 });
  });
});

describe('syncIndex: storage failures', () => {
  test('a quota failure part-way keeps the committed batches and reports a storage failure', async () => {
    const before = await seed();
    clock += 1000;
    // 300 items: batch 1 (250) commits, opening batch 2 fails as a full disk would.
    let articleTransactions = 0;
    const full = interceptTransactions(db, (_n, stores, mode) => {
      const names = Array.isArray(stores) ? stores : [stores];
      if (names.includes('articles') && mode === 'readwrite' && ++articleTransactions === 2) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
    });
    const items = Array.from({ length: 300 }, (_, i) => item(`bulk-${String(i).padStart(3, '0')}`));
    const outcome = await syncIndex(full, FEED_URL, { fetchImpl: mockFetch(feedText(items)), now });

    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'storage', name: 'QuotaExceededError', written: 250, total: 300 } });
    const ids = await storedIds(db);
    expect(ids.length).toBe(3 + 250);
    expect(ids.filter((id) => id.startsWith('bulk-')).sort()).toEqual(items.slice(0, 250).map((x) => x.id));
    for (const a of before.articles) expect(await getArticle(db, a.id)).toEqual(a);
    const record = await getSyncRecord(db);
    expect(record.lastSuccess).toBe(before.record.lastSuccess);
    expect(record.lastFailure).toEqual({ kind: 'storage', name: 'QuotaExceededError', written: 250, total: 300 });
  });

  test('when even the bookkeeping write fails, the failure is still returned, not thrown', async () => {
    const broken = interceptTransactions(db, () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const outcome = await syncIndex(broken, FEED_URL, { fetchImpl: mockFetch({ status: 503 }), now });
    expect(outcome).toEqual({
      ok: false,
      failure: { kind: 'http', status: 503, statusText: '' },
      record: { lastAttempt: clock, lastFailure: { kind: 'http', status: 503, statusText: '' } },
    });
  });
});
