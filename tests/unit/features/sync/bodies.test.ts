import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { getArticle } from '../../../../src/data/articles';
import { putArticles } from '../../../../src/data/write';
import { storeBody } from '../../../../src/data/bodies';
import type { DB } from '../../../../src/data/connection';
import { downloadBody } from '../../../../src/features/sync/fetch-body';
import { openLibrary } from '../../../../src/features/sync/library';
import { article, FEED_URL, feedText, freshStore, item, networkError, urlOf } from '../../helpers';

const BODY_URL = 'https://news.example.org/bodies/1.html';

function serve(body: string, type = 'text/html; charset=utf-8') {
  return vi.fn<typeof fetch>(async () => new Response(body, { status: 200, headers: { 'Content-Type': type } }));
}

describe('downloadBody', () => {
  test('fetches the body URL asking for a document, and reads HTML as HTML', async () => {
    const fetchImpl = serve('<p>Full <b>text</b></p>');
    expect(await downloadBody({ id: '1', bodyUrl: BODY_URL }, { fetchImpl })).toEqual({ ok: true, body: { id: '1', html: '<p>Full <b>text</b></p>' } });
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe(BODY_URL);
    expect((init?.headers as Record<string, string>).Accept).toMatch(/^text\/html/);
  });

  test('text/plain is read as text unless the feed said otherwise; body_type wins over Content-Type', async () => {
    expect(await downloadBody({ id: '1', bodyUrl: BODY_URL }, { fetchImpl: serve('Plain words', 'text/plain') })).toEqual({ ok: true, body: { id: '1', text: 'Plain words' } });
    expect(await downloadBody({ id: '1', bodyUrl: BODY_URL, bodyType: 'text' }, { fetchImpl: serve('<p>not markup</p>') })).toEqual({
      ok: true,
      body: { id: '1', text: '<p>not markup</p>' },
    });
    expect(await downloadBody({ id: '1', bodyUrl: BODY_URL, bodyType: 'html' }, { fetchImpl: serve('<p>x</p>', 'text/plain') })).toEqual({
      ok: true,
      body: { id: '1', html: '<p>x</p>' },
    });
  });

  test('a network failure or an HTTP error is a failure the view can explain', async () => {
    expect(await downloadBody({ id: '1', bodyUrl: BODY_URL }, { fetchImpl: vi.fn<typeof fetch>(async () => Promise.reject(networkError())), isOnline: () => false })).toEqual({
      ok: false,
      failure: { kind: 'offline' },
    });
    expect(await downloadBody({ id: '1', bodyUrl: BODY_URL }, { fetchImpl: vi.fn<typeof fetch>(async () => new Response('', { status: 404, statusText: 'Not Found' })) })).toEqual({
      ok: false,
      failure: { kind: 'http', status: 404, statusText: 'Not Found' },
    });
  });
});

describe('store: rows, bodies and hasBody', () => {
  let db: DB;
  beforeEach(async () => {
    db = await freshStore();
    return () => db.close();
  });

  const remote = (extra = {}) => article({ id: 'r', title: 'Remote', summary: 'Sum.', published: 1000, bodyUrl: BODY_URL, hasBody: false, ...extra });

  test('an inline body is stored apart from the row and joined back by getArticle', async () => {
    const a = article({ id: 'i', contentHtml: '<p>In</p>', contentText: 'In' });
    await putArticles(db, [a]);
    const row = await db.get('articles', 'i');
    expect(row).not.toHaveProperty('contentHtml');
    expect(row?.bodyHash).toBeTypeOf('number');
    expect(await db.get('bodies', 'i')).toEqual({ id: 'i', html: '<p>In</p>', text: 'In' });
    expect(unwords(await getArticle(db, 'i'))).toEqual(a);
  });

  test('a changed inline body at the same date is an update; the same body is not', async () => {
    await putArticles(db, [article({ id: 'i', published: 5, contentText: 'One' })]);
    expect(await putArticles(db, [article({ id: 'i', published: 5, contentText: 'One' })])).toMatchObject({ unchanged: 1 });
    expect(await putArticles(db, [article({ id: 'i', published: 5, contentText: 'Two' })])).toMatchObject({ updated: 1 });
    expect((await getArticle(db, 'i'))?.contentText).toBe('Two');
  });

  test('storing a fetched body marks the row hasBody and gives it a new change number', async () => {
    await putArticles(db, [remote()]);
    const before = (await db.get('articles', 'r'))!.seq;
    const stored = await storeBody(db, { id: 'r', html: '<p>Full</p>' });
    expect(stored).toMatchObject({ id: 'r', hasBody: true, contentHtml: '<p>Full</p>' });
    const row = await db.get('articles', 'r');
    expect(row?.hasBody).toBe(true);
    expect(row!.seq).toBeGreaterThan(before);
    expect(await storeBody(db, { id: 'missing', html: 'x' })).toBeUndefined();
    expect(await db.get('bodies', 'missing')).toBeUndefined();
  });

  test('the index listing the article again (same revision) keeps the fetched body', async () => {
    await putArticles(db, [remote()]);
    await storeBody(db, { id: 'r', html: '<p>Full</p>' });
    expect(await putArticles(db, [remote()])).toMatchObject({ unchanged: 1 });
    // A new summary at the same revision rewrites the row, and still keeps the body.
    expect(await putArticles(db, [remote({ summary: 'Better summary.' })])).toMatchObject({ updated: 1 });
    expect(await getArticle(db, 'r')).toMatchObject({ hasBody: true, contentHtml: '<p>Full</p>', summary: 'Better summary.' });
  });

  test('a newer revision means the stored body is out of date: hasBody goes false (the old text stays readable)', async () => {
    await putArticles(db, [remote()]);
    await storeBody(db, { id: 'r', html: '<p>Old</p>' });
    await putArticles(db, [remote({ modified: 2000 })]);
    expect(await getArticle(db, 'r')).toMatchObject({ hasBody: false, contentHtml: '<p>Old</p>' });
  });

  test('every write numbers its rows after the last change number', async () => {
    await putArticles(db, [article({ id: 'a' }), article({ id: 'b' })]);
    await putArticles(db, [article({ id: 'c' })]);
    const seqs = (await db.getAllFromIndex('articles', 'by-seq')).map((r) => [r.id, r.seq]);
    expect(seqs).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
  });
});

describe('library.open: bodies on demand, end to end over IndexedDB', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  test('the body is fetched on first opening, then read from the store, also offline', async () => {
    vi.stubGlobal('indexedDB', new IDBFactory());
    const index = feedText([item('one', { content_text: undefined, summary: 'Short', _broadsheet: { body_url: 'bodies/one.html' } })]);
    const fetchImpl = vi.fn<typeof fetch>(async (input) =>
      urlOf(input).endsWith('/bodies/one.html')
        ? new Response('<p>The whole story.</p>', { headers: { 'Content-Type': 'text/html' } })
        : new Response(index, { headers: { 'Content-Type': 'application/feed+json' } }),
    );
    vi.stubGlobal('fetch', fetchImpl);
    const library = await openLibrary(FEED_URL, undefined, { name: `test-${crypto.randomUUID()}` });
    await library.sync();
    expect(await library.get('one')).toMatchObject({ bodyUrl: 'https://news.example.org/bodies/one.html', hasBody: false });

    const opened = await library.open('one');
    expect(opened.failure).toBeUndefined();
    expect(opened.article).toMatchObject({ hasBody: true, contentHtml: '<p>The whole story.</p>' });
    expect(fetchImpl).toHaveBeenCalledTimes(2);

    // Offline now: opening again reads the stored body and fetches nothing.
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(networkError())));
    const again = await library.open('one');
    expect(again.article?.contentHtml).toBe('<p>The whole story.</p>');
  });

  test('offline on first opening: the article comes back without its body, with the reason', async () => {
    vi.stubGlobal('indexedDB', new IDBFactory());
    vi.stubGlobal('fetch', vi.fn(async () => new Response(feedText([item('one', { content_text: undefined, _broadsheet: { body_url: 'b.html' } })]))));
    const library = await openLibrary(FEED_URL, undefined, { name: `test-${crypto.randomUUID()}` });
    await library.sync();
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(networkError())));
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const opened = await library.open('one');
    expect(opened).toMatchObject({ article: { id: 'one', hasBody: false }, failure: { kind: 'offline' } });
  });
});

/** A stored article without the word count the store adds (`words`), to compare with what was written. */
function unwords<T extends { words?: number } | undefined>(a: T): T {
  if (!a) return a;
  const { words: _words, ...rest } = a;
  return rest as T;
}
