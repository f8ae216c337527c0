import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { clearArticles, clearPlan, enforceBudget, idsFor, summary, tagCounts } from '../../../../src/features/offline/storage';
import { isReadableOffline, offlineNeed, revisionOf } from '../../../../src/core/article';
import { listArticles } from '../../../../src/data/articles';
import { storeBody } from '../../../../src/data/bodies';
import { putArticles } from '../../../../src/data/write';
import type { DB } from '../../../../src/data/connection';
import { article, day, freshStore } from '../../helpers';

const NOW = day(100);
const open: DB[] = [];
let deleted: string[] = [];
beforeEach(() => {
  deleted = [];
  // Cache Storage, as far as clearing needs it.
  vi.stubGlobal('caches', {
    open: async () => ({ delete: async (u: string) => deleted.push(u) }),
    delete: async () => true,
  });
});
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  vi.unstubAllGlobals();
});

async function fixture() {
  const db = await freshStore();
  open.push(db);
  await putArticles(db, [
    article({ id: 'old-read', tags: ['Port'], published: day(10), contentHtml: '<img src="https://cdn.example/a.png">' }),
    article({ id: 'old-saved', tags: ['port'], published: day(11) }),
    article({ id: 'old-unread', tags: ['Rail'], published: day(12) }),
    article({ id: 'new-read', tags: ['Rail'], published: day(99) }),
  ]);
  const st = (id: string, read: boolean, saved: boolean) => ({ id, read, saved, progress: 0, updatedAt: 1, ...(saved ? { savedAt: 1 } : {}) });
  for (const s of [st('old-read', true, false), st('old-saved', true, true), st('new-read', true, false)]) await db.put('state', s);
  await db.put('offline', { id: 'old-read', images: ['https://cdn.example/a.png'], rev: 'r' });
  await db.put('offline', { id: 'new-read', images: ['https://cdn.example/b.png'], rev: 'r' });
  for (const url of ['https://cdn.example/a.png', 'https://cdn.example/b.png']) await db.put('images', { url, bytes: 5_000_000, opaque: false, lastUsed: url.endsWith('a.png') ? 1 : 2, storedAt: 1, aliases: [] });
  return db;
}

describe('storage panel: what is stored', () => {
  test('counts articles, those readable offline, kept images and tags', async () => {
    const db = await fixture();
    const s = await summary(db);
    expect(s).toMatchObject({ articles: 4, images: 2, imageBytes: 10_000_000 });
    expect(s.readable).toBe(3); // old-read needs an image and has no matching record revision
    // Any case counts as one tag, shown as the newest article spells it.
    expect(await tagCounts(db)).toEqual([
      { tag: 'port', count: 2 },
      { tag: 'Rail', count: 2 },
    ]);
    expect(await idsFor(db, { tag: 'rail' })).toEqual(['new-read', 'old-unread']);
    expect(await idsFor(db, { newest: 2 })).toEqual(['new-read', 'old-unread']);
  });
});

describe('storage panel: readable offline, counted without reading bodies', () => {
  /** The rule itself, applied to every article with its body: what the index-based count must equal. */
  async function byTheRule(db: DB): Promise<number> {
    const [articles, records, images] = await Promise.all([listArticles(db), db.getAll('offline'), db.getAll('images')]);
    const byId = new Map(records.map((r) => [r.id, r]));
    const urls = new Set(images.map((i) => i.url));
    return articles.filter((a) => isReadableOffline(offlineNeed(a), byId.get(a.id), urls)).length;
  }

  test('equals the rule over the bodies: text only, inline images, network images kept or not, bodies to download', async () => {
    const db = await freshStore();
    open.push(db);
    const pictured = article({ id: 'pictured', published: day(5), contentHtml: '<p>x</p><img src="https://cdn.example/p.png">' });
    const stale = article({ id: 'stale', published: day(6), contentHtml: '<img src="https://cdn.example/s.png">' });
    const evicted = article({ id: 'evicted', published: day(7), contentHtml: '<picture><source srcset="https://cdn.example/e.avif"><img src="https://cdn.example/e.png"></picture>' });
    await putArticles(db, [
      article({ id: 'text', published: day(1), contentText: 'Plain.' }),
      article({ id: 'inline', published: day(2), contentHtml: '<img src="data:image/png;base64,AAAA">' }),
      article({ id: 'on-demand', published: day(3), bodyUrl: 'https://news.example/b/1.json' }),
      article({ id: 'fetched', published: day(4), bodyUrl: 'https://news.example/b/2.json' }),
      pictured,
      stale,
      evicted,
    ]);
    await storeBody(db, { id: 'fetched', html: '<img src="https://cdn.example/f.png">' });
    const fetched = (await listArticles(db)).find((a) => a.id === 'fetched')!;
    await db.put('offline', { id: 'pictured', images: ['https://cdn.example/p.png'], rev: revisionOf(pictured) });
    await db.put('offline', { id: 'fetched', images: ['https://cdn.example/f.png'], rev: revisionOf(fetched) });
    await db.put('offline', { id: 'stale', images: ['https://cdn.example/s.png'], rev: 'an older revision' });
    await db.put('offline', { id: 'evicted', images: ['https://cdn.example/e.png'], rev: revisionOf(evicted) });
    await db.put('offline', { id: 'gone', images: [], rev: 'r' });
    for (const url of ['https://cdn.example/p.png', 'https://cdn.example/f.png', 'https://cdn.example/s.png']) await db.put('images', { url, bytes: 10, opaque: false, lastUsed: 1, storedAt: 1, aliases: [] });
    const s = await summary(db);
    // text, inline, pictured, fetched: the body to download, the stale revision and the evicted image are not.
    expect(s).toMatchObject({ articles: 7, readable: 4 });
    expect(s.readable).toBe(await byTheRule(db));
    // A later sync brings the fetched article with a corrected title, same date and body URL (no
    // body): the fetched body stays, and so does the need made from it.
    await putArticles(db, [article({ id: 'fetched', title: 'Corrected title', published: day(4), bodyUrl: 'https://news.example/b/2.json' })]);
    expect((await listArticles(db)).find((a) => a.id === 'fetched')).toMatchObject({ title: 'Corrected title', hasBody: true });
    expect((await summary(db)).readable).toBe(4);
    // A body fetched for the one still waiting, with no network image: readable at once.
    await storeBody(db, { id: 'on-demand', text: 'Now stored.' });
    expect((await summary(db)).readable).toBe(5);
    expect((await summary(db)).readable).toBe(await byTheRule(db));
  });
});

describe('storage panel: clearing data', () => {
  test('saved articles are kept unless the reader asks', async () => {
    const db = await fixture();
    expect((await clearPlan(db, { kind: 'tag', tag: 'PORT' }, false, NOW)).sort()).toEqual(['old-read']);
    expect((await clearPlan(db, { kind: 'tag', tag: 'PORT' }, true, NOW)).sort()).toEqual(['old-read', 'old-saved']);
    expect((await clearPlan(db, { kind: 'all' }, false, NOW)).sort()).toEqual(['new-read', 'old-read', 'old-unread']);
  });

  test('read articles older than N days: only read ones, only old ones', async () => {
    const db = await fixture();
    expect(await clearPlan(db, { kind: 'read-older', days: 30 }, false, NOW)).toEqual(['old-read']);
    expect((await clearPlan(db, { kind: 'read-older', days: 30 }, true, NOW)).sort()).toEqual(['old-read', 'old-saved']);
    expect(await clearPlan(db, { kind: 'read-older', days: 500 }, true, NOW)).toEqual([]);
  });

  test('clearing removes the articles, their records and the images nobody needs any more; reading state stays', async () => {
    const db = await fixture();
    await clearArticles(db, ['old-read'], { kind: 'read-older', days: 30 });
    expect((await db.getAllKeys('articles')).sort()).toEqual(['new-read', 'old-saved', 'old-unread']);
    expect(await db.get('offline', 'old-read')).toBeUndefined();
    expect(await db.getAllKeys('images')).toEqual(['https://cdn.example/b.png']);
    expect(deleted).toEqual(['https://cdn.example/a.png']);
    expect(await db.get('state', 'old-read')).toBeDefined();
  });

  test('clearing everything also forgets the removed articles’ reading state', async () => {
    const db = await fixture();
    const ids = await clearPlan(db, { kind: 'all' }, false, NOW);
    await clearArticles(db, ids, { kind: 'all' });
    expect(await db.getAllKeys('articles')).toEqual(['old-saved']);
    expect(await db.getAllKeys('state')).toEqual(['old-saved']);
    expect(await db.count('images')).toBe(0);
  });

  test('clearing forgets the index pages’ validators and removes the bodies, so a later sync can bring articles back', async () => {
    const db = await fixture();
    await db.put('pages', { url: 'https://example.org/feed.json', etag: '"v1"', items: 4, fetchedAt: NOW });
    await db.put('bodies', { id: 'old-read', text: 'Body' });
    await clearArticles(db, ['old-read'], { kind: 'tag', tag: 'Port' });
    expect(await db.count('pages')).toBe(0);
    expect(await db.get('bodies', 'old-read')).toBeUndefined();
  });

  test('lowering the budget evicts the least recently used images', async () => {
    const db = await fixture();
    expect(await enforceBudget(db, 6_000_000)).toBe(1);
    expect(await db.getAllKeys('images')).toEqual(['https://cdn.example/b.png']);
  });
});
