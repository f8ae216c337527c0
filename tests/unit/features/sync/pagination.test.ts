import { beforeEach, describe, expect, test } from 'vitest';
import { countArticles, getArticle, getSyncRecord } from '../../../../src/data/articles';
import type { DB } from '../../../../src/data/connection';
import { syncIndex, type SyncOptions, type SyncPageProgress } from '../../../../src/features/sync/sync';
import { feedText, freshStore, item, networkError, storedIds, urlOf, type FeedItem } from '../../helpers';

/**
 * A fake publisher on the app's own origin (so the app sends its own validators): pages by path,
 * each with an ETag derived from its content, answering If-None-Match with 304 as a real server
 * does. `fail` makes chosen paths fail like a dropped connection.
 */
class Publisher {
  readonly origin = location.origin;
  pages = new Map<string, string>();
  requests: { path: string; ifNoneMatch: string | null; cache: string | undefined }[] = [];
  fail = new Set<string>();

  url(path: string): string {
    return `${this.origin}${path}`;
  }

  /** Pages of `perPage` items; page 1 is /feed.json, page n is /pages/n.json, linked with relative next_urls. */
  publish(items: FeedItem[], perPage: number, extra: (page: number) => Record<string, unknown> = () => ({})): void {
    this.pages.clear();
    const count = Math.max(1, Math.ceil(items.length / perPage));
    for (let n = 1; n <= count; n++) {
      const next = n === count ? {} : { next_url: n === 1 ? 'pages/2.json' : `${n + 1}.json` };
      this.pages.set(n === 1 ? '/feed.json' : `/pages/${n}.json`, feedText(items.slice((n - 1) * perPage, n * perPage), { ...next, ...extra(n) }));
    }
  }

  fetch: typeof fetch = async (input, init) => {
    const path = new URL(urlOf(input)).pathname;
    const headers = new Headers(init?.headers);
    this.requests.push({ path, ifNoneMatch: headers.get('If-None-Match'), cache: init?.cache });
    if (this.fail.has(path)) throw networkError();
    const body = this.pages.get(path);
    if (body === undefined) return new Response('Not found', { status: 404, statusText: 'Not Found' });
    const etag = `"${hash(body)}"`;
    if (headers.get('If-None-Match') === etag) return new Response(null, { status: 304, headers: { ETag: etag } });
    return new Response(body, { status: 200, headers: { ETag: etag, 'Content-Type': 'application/feed+json' } });
  };

  paths(): string[] {
    return this.requests.map((r) => r.path);
  }
}

function hash(s: string): string {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return (h >>> 0).toString(16);
}

/** `n` items, newest first, ids `a-<n-1>`…`a-0`. */
function items(n: number, from = 0): FeedItem[] {
  return Array.from({ length: n }, (_, i) => {
    const k = from + n - 1 - i;
    return item(`a-${k}`, { title: `Story ${k}`, date_published: new Date(Date.UTC(2024, 0, 1) + k * 3_600_000).toISOString() });
  });
}

let db: DB;
let server: Publisher;
beforeEach(async () => {
  db = await freshStore();
  server = new Publisher();
  return () => db.close();
});

const sync = (options: SyncOptions = {}) => syncIndex(db, server.url('/feed.json'), { fetchImpl: server.fetch, isOnline: () => true, ...options });

describe('pagination: following next_url', () => {
  test('relative next_url is resolved against the page that holds it, and every page is stored', async () => {
    server.publish(items(10), 4);
    const outcome = await sync();
    expect(server.paths()).toEqual(['/feed.json', '/pages/2.json', '/pages/3.json']);
    expect(outcome).toMatchObject({ ok: true, pages: 3, notModified: 0, stop: 'end', write: { added: 10, written: 10 } });
    expect(await countArticles(db)).toBe(10);
    expect(await storedIds(db)).toEqual(items(10).map((i) => i.id));
    const record = await getSyncRecord(db);
    expect(record.resume).toBeUndefined();
    expect(record.pagesTotal).toBe(3);
  });

  test('each page is written as it arrives: the first progress report holds page 1’s rows only', async () => {
    server.publish(items(6), 2);
    const reports: SyncPageProgress[] = [];
    const storedAtReport: number[] = [];
    await sync({
      onProgress: (p) => {
        reports.push({ ...p, records: [...p.records] });
        void countArticles(db).then((n) => storedAtReport.push(n));
      },
    });
    expect(reports.map((r) => [r.pages, r.articles, r.records.map((x) => x.id), r.more])).toEqual([
      [1, 2, ['a-5', 'a-4'], true],
      [2, 4, ['a-3', 'a-2'], true],
      [3, 6, ['a-1', 'a-0'], false],
    ]);
    expect(reports[0]!.feedTitle).toBe('The Daily Test');
    // When page 1 was reported, it was already stored (and the rest not yet).
    expect(storedAtReport[0]).toBeGreaterThanOrEqual(2);
  });

  test('bodies on demand: body_url is resolved against the page that holds the item', async () => {
    server.publish(
      [
        item('p1', { content_text: undefined, summary: 'One', _broadsheet: { body_url: 'bodies/p1.html' } }),
        item('p2', { content_text: undefined, summary: 'Two', _broadsheet: { body_url: '../bodies/p2.txt', body_type: 'text' } }),
      ],
      1,
    );
    await sync();
    expect(await getArticle(db, 'p1')).toMatchObject({ bodyUrl: server.url('/bodies/p1.html'), hasBody: false });
    expect(await getArticle(db, 'p2')).toMatchObject({ bodyUrl: server.url('/bodies/p2.txt'), bodyType: 'text', hasBody: false });
  });

  test('the loop guard stops at a URL already seen in this walk', async () => {
    server.publish(items(6), 2);
    // Page 3 links back to page 2: a publisher's bug that would otherwise never end.
    server.pages.set('/pages/3.json', feedText(items(2), { next_url: '2.json' }));
    const outcome = await sync();
    expect(server.paths()).toEqual(['/feed.json', '/pages/2.json', '/pages/3.json']);
    expect(outcome).toMatchObject({ ok: true, stop: 'loop', pages: 3 });
    expect((await getSyncRecord(db)).resume).toBeUndefined();
  });

  test('a next_url pointing at the page itself is a loop too', async () => {
    server.pages.set('/feed.json', feedText(items(2), { next_url: 'feed.json' }));
    const outcome = await sync();
    expect(server.paths()).toEqual(['/feed.json']);
    expect(outcome).toMatchObject({ ok: true, stop: 'loop', pages: 1 });
  });

  test('the page limit stops the walk, and the pages before it are stored', async () => {
    server.publish(items(10), 2);
    const outcome = await sync({ maxPages: 3 });
    expect(server.paths()).toEqual(['/feed.json', '/pages/2.json', '/pages/3.json']);
    expect(outcome).toMatchObject({ ok: true, stop: 'limit', pages: 3, write: { added: 6 } });
    expect(await countArticles(db)).toBe(6);
  });

  test('next_url that is not http(s) ends the walk as the last page', async () => {
    server.pages.set('/feed.json', feedText(items(2), { next_url: 'javascript:alert(1)' }));
    expect(await sync()).toMatchObject({ ok: true, stop: 'end', pages: 1 });
  });
});

describe('pagination: incremental sync', () => {
  test('an unchanged index costs a single 304, and nothing is rewritten', async () => {
    server.publish(items(10), 4);
    await sync();
    const before = await db.getAll('articles');
    server.requests = [];
    const outcome = await sync();
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ path: '/feed.json', cache: 'no-store' });
    expect(server.requests[0]!.ifNoneMatch).toMatch(/^"/);
    expect(outcome).toMatchObject({ ok: true, pages: 1, notModified: 1, stop: 'unchanged', write: { added: 0, updated: 0, written: 0 } });
    expect(await db.getAll('articles')).toEqual(before);
    // Nothing was parsed: the report is still the previous walk's.
    if (outcome.ok) expect(outcome.report.total).toBe(10);
  });

  test('new articles on page 1 are fetched; the walk stops at the first page that brings nothing new', async () => {
    server.publish(items(12), 4);
    await sync();
    // Two new stories: page 1 changes, pages 2 and 3 are as before.
    const page1 = feedText([...items(2, 100), ...items(4, 8)], { next_url: 'pages/2.json' });
    server.pages.set('/feed.json', page1);
    server.requests = [];
    const outcome = await sync();
    expect(server.paths()).toEqual(['/feed.json', '/pages/2.json']);
    expect(server.requests[1]!.ifNoneMatch).not.toBeNull();
    expect(outcome).toMatchObject({ ok: true, stop: 'unchanged', notModified: 1, write: { added: 2 } });
    expect(await countArticles(db)).toBe(14);
  });

  test('a page that changed but brings nothing new (same articles) also stops the walk', async () => {
    server.publish(items(8), 4);
    await sync();
    // Same items, different bytes (a new feed-level field): 200, but every article unchanged.
    server.publish(items(8), 4, () => ({ description: 'now with a description' }));
    server.requests = [];
    const outcome = await sync();
    expect(server.paths()).toEqual(['/feed.json']);
    expect(outcome).toMatchObject({ ok: true, stop: 'unchanged', write: { added: 0, updated: 0, unchanged: 4 } });
  });

  test('a full re-sync asks for every page without validators, to the end', async () => {
    server.publish(items(9), 3);
    await sync();
    server.requests = [];
    const outcome = await sync({ full: true });
    expect(server.paths()).toEqual(['/feed.json', '/pages/2.json', '/pages/3.json']);
    expect(server.requests.every((r) => r.ifNoneMatch === null)).toBe(true);
    expect(outcome).toMatchObject({ ok: true, stop: 'end', write: { unchanged: 9 } });
  });
});

describe('pagination: resuming after a failure at page k', () => {
  test('pages 1..k stay stored; the next sync checks page 1, then completes the rest without duplicates', async () => {
    server.publish(items(10), 2); // 5 pages
    server.fail.add('/pages/4.json');
    const failed = await sync();
    expect(failed).toMatchObject({ ok: false, failure: { kind: 'network' }, partial: { pages: 3, articles: 6 } });
    expect(await countArticles(db)).toBe(6);
    expect(await storedIds(db)).toEqual(items(10).slice(0, 6).map((i) => i.id));
    expect((await getSyncRecord(db)).resume).toBe(server.url('/pages/4.json'));

    server.fail.clear();
    server.requests = [];
    const resumed = await sync();
    // Page 1 is unchanged (304); pages 2 and 3 are not fetched again; 4 and 5 are.
    expect(server.paths()).toEqual(['/feed.json', '/pages/4.json', '/pages/5.json']);
    expect(resumed).toMatchObject({ ok: true, stop: 'end', notModified: 1, write: { added: 4 } });
    const ids = await storedIds(db);
    expect(ids).toEqual(items(10).map((i) => i.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect((await getSyncRecord(db)).resume).toBeUndefined();
  });

  test('a failure on the very first page keeps an earlier cursor', async () => {
    server.publish(items(6), 2);
    server.fail.add('/pages/3.json');
    await sync();
    server.fail.add('/feed.json');
    expect(await sync()).toMatchObject({ ok: false, failure: { kind: 'network' } });
    expect((await getSyncRecord(db)).resume).toBe(server.url('/pages/3.json'));
    server.fail.clear();
    await sync();
    expect(await countArticles(db)).toBe(6);
  });

  test('news published while a walk was cut off are fetched too, and the cut-off walk still completes', async () => {
    server.publish(items(8), 2); // 4 pages
    server.fail.add('/pages/3.json');
    await sync();
    expect(await countArticles(db)).toBe(4);
    // Meanwhile the publisher adds a story at the top of page 1.
    server.pages.set('/feed.json', feedText([...items(1, 100), ...items(2, 6)], { next_url: 'pages/2.json' }));
    server.fail.clear();
    server.requests = [];
    const outcome = await sync();
    expect(server.paths()).toEqual(['/feed.json', '/pages/2.json', '/pages/3.json', '/pages/4.json']);
    expect(outcome).toMatchObject({ ok: true, stop: 'end', write: { added: 5 } });
    expect(await countArticles(db)).toBe(9);
  });

  test('a bad page in the middle (an HTML error page) fails with a clear reason and keeps the pages before it', async () => {
    server.publish(items(6), 2);
    server.pages.set('/pages/2.json', '<!doctype html><title>502</title>');
    const outcome = await sync();
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'feed', error: { code: 'html' } }, partial: { pages: 1, articles: 2 } });
    expect(await countArticles(db)).toBe(2);
    expect((await getSyncRecord(db)).resume).toBe(server.url('/pages/2.json'));
  });
});
