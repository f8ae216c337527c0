/**
 * The article rules that the store, the sync, imports, the list and the reader share. Each is
 * written once in core/article.ts; these tests pin what each one decides.
 */
import { describe, expect, test } from 'vitest';
import {
  incomingWins,
  isReadableOffline,
  needsBody,
  offlineNeed,
  offlineState,
  revisionOf,
  sameArticle,
  versionDate,
} from '../../../src/core/article';
import { newestFirst } from '../../../src/core/order';
import type { Article } from '../../../src/core/feed/types';

const article = (patch: Partial<Article> = {}): Article => ({
  id: 'a',
  title: 'A title',
  titleFromText: false,
  excerpt: 'An excerpt',
  sortDate: 1_000,
  published: 1_000,
  tags: ['news'],
  authors: [{ name: 'Ana' }],
  baseUrl: 'https://example.org/a',
  ...patch,
});

describe('versionDate: which version a copy is', () => {
  test('the modification date, else the publication date, else the oldest possible', () => {
    expect(versionDate({ published: 5, modified: 9 })).toBe(9);
    expect(versionDate({ published: 5 })).toBe(5);
    expect(versionDate({})).toBe(Number.NEGATIVE_INFINITY);
  });
});

describe('sameArticle: equality of records', () => {
  test('key order at any depth does not matter', () => {
    const a = { id: 'x', title: 'T', authors: [{ name: 'N', url: 'https://n.example' }] };
    const b = { authors: [{ url: 'https://n.example', name: 'N' }], title: 'T', id: 'x' };
    expect(sameArticle(a, b)).toBe(true);
  });

  test("the store's bookkeeping (change number, body fetched) is left out, and nothing else is", () => {
    expect(sameArticle({ ...article(), seq: 1, hasBody: false }, { ...article(), seq: 7, hasBody: true })).toBe(true);
    expect(sameArticle(article(), article({ title: 'Another title' }))).toBe(false);
    expect(sameArticle(article({ contentHtml: '<p>a</p>' }), article({ contentHtml: '<p>b</p>' }))).toBe(false);
    expect(sameArticle(article({ tags: ['a', 'b'] }), article({ tags: ['b', 'a'] })), 'array order is content').toBe(false);
  });

  test('a nested field called like a bookkeeping field still counts', () => {
    expect(sameArticle({ id: 'x', extra: { seq: 1 } }, { id: 'x', extra: { seq: 2 } })).toBe(false);
  });
});

describe('incomingWins: which copy of an article is kept', () => {
  test('anything beats nothing stored', () => {
    expect(incomingWins(undefined, article())).toBe(true);
  });

  test('a newer version replaces the stored one; an older one never does', () => {
    expect(incomingWins(article({ modified: 2_000 }), article({ modified: 3_000, title: 'Edited' }))).toBe(true);
    expect(incomingWins(article({ modified: 3_000, title: 'Edited' }), article({ modified: 2_000 }))).toBe(false);
  });

  test('the same version: replaced when the content differs, kept when it is the same', () => {
    expect(incomingWins(article(), article({ title: 'Corrected in place' }))).toBe(true);
    expect(incomingWins({ ...article(), seq: 4 }, { ...article(), seq: 0 })).toBe(false);
  });

  test('an undated stored copy gives way to a dated one, and not the other way round', () => {
    const undated = article({ published: undefined });
    expect(incomingWins(undated, article())).toBe(true);
    expect(incomingWins(article(), undated)).toBe(false);
  });
});

describe('newestFirst: the list order', () => {
  test('newest date first; equal dates by id, descending', () => {
    const rows = [
      { id: 'a', sortDate: 1 },
      { id: 'b', sortDate: 3 },
      { id: 'c', sortDate: 3 },
      { id: 'd', sortDate: 2 },
    ];
    expect(rows.sort(newestFirst).map((r) => r.id)).toEqual(['c', 'b', 'd', 'a']);
  });
});

describe('needsBody: a body announced but not stored yet', () => {
  test('only an announced body that was not fetched yet', () => {
    expect(needsBody({ bodyUrl: 'https://example.org/a.html' })).toBe(true);
    expect(needsBody({ bodyUrl: 'https://example.org/a.html', hasBody: true })).toBe(false);
    expect(needsBody({})).toBe(false);
  });
});

describe('readable offline: one rule for the list mark and the reader label', () => {
  const remote = article({ contentHtml: '<p><img src="https://cdn.example/a.png" alt=""></p>' });
  const record = { rev: revisionOf(remote), images: ['https://cdn.example/a.png'] };

  test('text only, or inline images: ready as soon as stored', () => {
    expect(offlineNeed(article({ contentHtml: '<p>words</p>' }))).toBeNull();
    expect(offlineNeed(article({ contentHtml: '<img src="data:image/png;base64,AAAA">' }))).toBeNull();
    expect(offlineState(null, undefined, new Set())).toBe('ready');
  });

  test('an announced body not fetched yet: the body is missing, whatever is kept', () => {
    const need = offlineNeed(article({ bodyUrl: 'https://example.org/a.html' }));
    expect(need).toEqual({ body: true });
    expect(offlineState(need, record, new Set(record.images))).toBe('body');
    expect(isReadableOffline(need, record, new Set(record.images))).toBe(false);
  });

  test('network images: ready only with a record of this revision whose images are all kept', () => {
    const need = offlineNeed(remote);
    expect(need).toEqual({ rev: revisionOf(remote) });
    expect(offlineState(need, undefined, new Set(record.images)), 'never kept').toBe('images');
    expect(offlineState(need, record, new Set()), 'an evicted image').toBe('images');
    expect(offlineState(need, { ...record, rev: 'older' }, new Set(record.images)), 'an edited article').toBe('images');
    expect(offlineState(need, record, new Set(record.images))).toBe('ready');
    expect(isReadableOffline(need, record, new Set(record.images))).toBe(true);
  });
});
