import { describe, expect, test } from 'vitest';
import {
  authorCounts,
  dayStart,
  facetCount,
  applyFilter,
  facetTest,
  isFiltered,
  languageCounts,
  NO_FILTER,
  toEntry,
  type Filter,
  type ListEntry,
  type StateView,
} from '../../../../src/core/list-model';
import { docOf, SearchIndex } from '../../../../src/features/search/engine';
import type { Article } from '../../../../src/core/feed/types';
import { article } from '../../helpers';

const at = (iso: string) => Date.parse(iso);

/** Five articles; `entries` below are their rows, newest first as the store lists them. */
const ARTICLES: Article[] = [
  article({
    id: 'strike',
    title: 'Port workers strike',
    contentText: 'Dockers walked out on Monday.',
    tags: ['Labour', 'Local'],
    authors: [{ name: 'Ana Pérez' }, { name: 'Bo Li' }],
    language: 'en',
    published: at('2024-03-10T23:59:59Z'),
  }),
  article({
    id: 'huelga',
    title: 'Huelga en el puerto',
    contentText: 'Los estibadores dejaron de trabajar.',
    tags: ['labour'],
    authors: [{ name: 'ana pérez' }],
    language: 'es-MX',
    published: at('2024-03-10T00:00:00Z'),
  }),
  article({
    id: 'eesti',
    title: 'Sadamatöötajad streigivad',
    contentText: 'Strike in Tallinn.',
    tags: ['Labour'],
    authors: [{ name: 'Kadri Tamm' }],
    language: 'est',
    published: at('2024-03-09T12:00:00Z'),
  }),
  article({
    id: 'greve',
    title: 'Greve no porto',
    contentText: 'Os estivadores pararam.',
    tags: ['Trabalho'],
    authors: [{ name: 'João Silva' }],
    language: 'pt',
    published: at('2024-03-11T00:00:00Z'),
  }),
  article({
    id: 'weather',
    title: 'Rain expected',
    contentText: 'Strike of lightning possible.',
    tags: [],
    authors: [],
    published: at('2024-03-01T08:00:00Z'),
  }),
];
const entries: ListEntry[] = ARTICLES.map(toEntry).sort((a, b) => b.sortDate - a.sortDate);

/** The search index over the same articles, as the app's worker builds it. */
const index = new SearchIndex();
index.upsert(ARTICLES.map((a) => docOf(a, { ...(a.contentHtml ? { html: a.contentHtml } : {}), ...(a.contentText ? { text: a.contentText } : {}) })));
const position = new Map(entries.map((e, i) => [e.id, i]));

/** The list for a filter: the index's matches for the words (if any), narrowed by every facet, in list order. */
const filterEntries = (list: readonly ListEntry[], f: Filter, s: ReadonlyMap<string, StateView> = new Map()) =>
  applyFilter(list, f, f.q.trim() ? (index.search(f.q) ?? []) : undefined, undefined, s).sort(
    (a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0),
  );

const states = new Map<string, StateView>([
  ['strike', { read: true, saved: true }],
  ['huelga', { read: false, saved: true }],
  ['eesti', { read: true, saved: false }],
]);

const ids = (filter: Partial<Filter>, s: ReadonlyMap<string, StateView> = states) =>
  filterEntries(entries, { ...NO_FILTER, ...filter }, s).map((e) => e.id);

test('the fixture is newest first', () => {
  expect(entries.map((e) => e.id)).toEqual(['greve', 'strike', 'huelga', 'eesti', 'weather']);
});

describe('unread and saved', () => {
  test('unread keeps entries with no state or read: false', () => {
    expect(ids({ unread: true })).toEqual(['greve', 'huelga', 'weather']);
  });

  test('with no states at all, everything is unread and nothing is saved', () => {
    expect(ids({ unread: true }, new Map())).toEqual(['greve', 'strike', 'huelga', 'eesti', 'weather']);
    expect(ids({ saved: true }, new Map())).toEqual([]);
    expect(filterEntries(entries, { ...NO_FILTER, saved: true }).map((e) => e.id)).toEqual([]);
  });

  test('saved keeps only saved: true', () => {
    expect(ids({ saved: true })).toEqual(['strike', 'huelga']);
  });

  test('unread and saved together', () => {
    expect(ids({ unread: true, saved: true })).toEqual(['huelga']);
  });

  test('unread: false and saved: false are no filter', () => {
    expect(ids({ unread: false, saved: false })).toEqual(['greve', 'strike', 'huelga', 'eesti', 'weather']);
  });
});

describe('author', () => {
  test('matches a whole author name, case-insensitively, on any of the authors', () => {
    expect(ids({ author: 'Ana Pérez' })).toEqual(['strike', 'huelga']);
    expect(ids({ author: 'ANA PÉREZ' })).toEqual(['strike', 'huelga']);
    expect(ids({ author: '  bo li ' })).toEqual(['strike']);
  });

  test('is not a substring or word match', () => {
    expect(ids({ author: 'Ana' })).toEqual([]);
    expect(ids({ author: 'Pérez' })).toEqual([]);
  });

  test('blank author is no filter', () => {
    expect(ids({ author: '   ' })).toHaveLength(5);
    expect(ids({ author: '' })).toHaveLength(5);
  });
});

describe('lang', () => {
  test('"es" matches "es-MX" but not "est"', () => {
    expect(ids({ lang: 'es' })).toEqual(['huelga']);
  });

  test('exact tags and case-insensitive', () => {
    expect(ids({ lang: 'est' })).toEqual(['eesti']);
    expect(ids({ lang: 'ES-mx' })).toEqual(['huelga']);
    expect(ids({ lang: 'PT' })).toEqual(['greve']);
  });

  test('a region does not match the bare language, nor another region', () => {
    expect(ids({ lang: 'es-ES' })).toEqual([]);
    expect(ids({ lang: 'pt-BR' })).toEqual([]);
  });

  test('entries with no language never match a language', () => {
    expect(ids({ lang: 'en' })).toEqual(['strike']);
    expect(ids({ lang: 'e' })).toEqual([]);
  });
});

describe('date range (inclusive UTC days)', () => {
  test('dayStart parses YYYY-MM-DD as UTC midnight', () => {
    expect(dayStart('2024-03-10')).toBe(Date.UTC(2024, 2, 10));
    expect(dayStart('1999-12-31')).toBe(Date.UTC(1999, 11, 31));
  });

  test.each(['', '   ', '2024-3-10', '10/03/2024', '2024-03-10T00:00:00Z', ' 2024-03-10', 'yesterday', '20240310', undefined])(
    'dayStart(%j) is no bound',
    (v) => {
      expect(dayStart(v)).toBeUndefined();
    },
  );

  test('from a day includes that whole day', () => {
    expect(ids({ from: '2024-03-10' })).toEqual(['greve', 'strike', 'huelga']);
  });

  test('to a day includes 23:59:59Z of that day and excludes 00:00Z of the next', () => {
    // strike is 2024-03-10T23:59:59Z, greve is 2024-03-11T00:00:00Z.
    expect(ids({ to: '2024-03-10' })).toEqual(['strike', 'huelga', 'eesti', 'weather']);
  });

  test('a one-day range', () => {
    expect(ids({ from: '2024-03-10', to: '2024-03-10' })).toEqual(['strike', 'huelga']);
    expect(ids({ from: '2024-03-11', to: '2024-03-11' })).toEqual(['greve']);
  });

  test('a reversed range matches nothing', () => {
    expect(ids({ from: '2024-03-11', to: '2024-03-09' })).toEqual([]);
  });

  test('invalid dates are ignored: the other bound still applies', () => {
    expect(ids({ from: 'garbage' })).toHaveLength(5);
    expect(ids({ from: '2024/03/10', to: '2024-03-09' })).toEqual(['eesti', 'weather']);
    expect(ids({ from: '2024-03-10', to: 'tomorrow' })).toEqual(['greve', 'strike', 'huelga']);
  });

  // Regression: Date.UTC rolls impossible dates over, so "2024-02-30" once meant March 1 and
  // "2024-13-01" meant 2025-01-01 instead of "no bound".
  test('impossible calendar dates are no bound either', () => {
    expect(dayStart('2024-02-30')).toBeUndefined();
    expect(dayStart('2024-13-01')).toBeUndefined();
    expect(dayStart('2024-00-10')).toBeUndefined();
  });
});

describe('every facet combines with the search words and the tag', () => {
  // "strike" is a word in strike ("Port workers strike"), eesti ("Strike in Tallinn") and
  // weather ("Strike of lightning").
  test('the base query alone', () => {
    expect(ids({ q: 'strike' })).toEqual(['strike', 'eesti', 'weather']);
    expect(ids({ tag: 'LABOUR' })).toEqual(['strike', 'huelga', 'eesti']);
    expect(ids({ q: 'strike', tag: 'labour' })).toEqual(['strike', 'eesti']);
  });

  test.each<[string, Partial<Filter>, string[]]>([
    ['unread', { unread: true }, []],
    ['saved', { saved: true }, ['strike']],
    ['author', { author: 'kadri tamm' }, ['eesti']],
    ['lang', { lang: 'et' }, []],
    ['lang', { lang: 'est' }, ['eesti']],
    ['from', { from: '2024-03-10' }, ['strike']],
    ['to', { to: '2024-03-09' }, ['eesti']],
  ])('q + tag + %s', (_name, facet, expected) => {
    expect(ids({ q: 'strike', tag: 'labour', ...facet })).toEqual(expected);
  });

  test('q + tag + unread finds an unread match', () => {
    expect(ids({ q: 'puerto', tag: 'Labour', unread: true })).toEqual(['huelga']);
    expect(ids({ q: 'puerto', tag: 'Labour', unread: true, saved: true, author: 'Ana Pérez', lang: 'es', from: '2024-03-10', to: '2024-03-10' })).toEqual([
      'huelga',
    ]);
  });

  test('one failing facet among many excludes the entry', () => {
    const all: Partial<Filter> = { q: 'puerto', tag: 'Labour', unread: true, saved: true, author: 'Ana Pérez', lang: 'es', from: '2024-03-10', to: '2024-03-10' };
    expect(ids({ ...all, to: '2024-03-09' })).toEqual([]);
    expect(ids({ ...all, lang: 'pt' })).toEqual([]);
    expect(ids({ ...all, author: 'Bo Li' })).toEqual([]);
    expect(ids(all, new Map([['huelga', { read: true, saved: true }]]))).toEqual([]);
    expect(ids(all, new Map([['huelga', { read: false, saved: false }]]))).toEqual([]);
  });

  test('with no filter, applyFilter keeps the input order and returns a new array', () => {
    const out = applyFilter(entries, NO_FILTER);
    expect(out).toEqual(entries);
    expect(out).not.toBe(entries);
  });
});

describe('facetTest', () => {
  test('is undefined when no facet is set (search words are not facets)', () => {
    expect(facetTest(NO_FILTER, states)).toBeUndefined();
    expect(facetTest({ q: 'strike', tag: '  ', author: ' ', lang: '', from: 'nope', to: '', unread: false, saved: false }, states)).toBeUndefined();
  });

  test('is a predicate when one is set', () => {
    const test = facetTest({ ...NO_FILTER, saved: true }, states);
    expect(test).toBeTypeOf('function');
    expect(entries.filter(test!).map((e) => e.id)).toEqual(['strike', 'huelga']);
  });
});

describe('facetCount and isFiltered', () => {
  test('no filter', () => {
    expect(facetCount(NO_FILTER)).toBe(0);
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(isFiltered({ q: '   ', tag: '' })).toBe(false);
  });

  test('search words alone are filtered but not a facet', () => {
    expect(facetCount({ q: 'strike', tag: '' })).toBe(0);
    expect(isFiltered({ q: 'strike', tag: '' })).toBe(true);
  });

  test.each<[Partial<Filter>]>([[{ tag: 'x' }], [{ unread: true }], [{ saved: true }], [{ author: 'A' }], [{ lang: 'es' }], [{ from: '2024-03-01' }], [{ to: '2024-03-01' }]])(
    'one facet %o counts 1 and is filtered',
    (facet) => {
      const f = { ...NO_FILTER, ...facet };
      expect(facetCount(f)).toBe(1);
      expect(isFiltered(f)).toBe(true);
    },
  );

  test('all seven facets count 7; blank ones and false flags do not count', () => {
    expect(facetCount({ q: 'x', tag: 't', unread: true, saved: true, author: 'a', lang: 'es', from: '2024-01-01', to: '2024-02-01' })).toBe(7);
    expect(facetCount({ q: '', tag: '  ', unread: false, saved: false, author: '  ', lang: ' ', from: '', to: '' })).toBe(0);
  });
});

describe('authorCounts and languageCounts', () => {
  test('authors are merged case-insensitively under the first spelling seen, alphabetically', () => {
    expect(authorCounts(entries)).toEqual([
      { name: 'Ana Pérez', count: 2 },
      { name: 'Bo Li', count: 1 },
      { name: 'João Silva', count: 1 },
      { name: 'Kadri Tamm', count: 1 },
    ]);
  });

  test('authors are alphabetical, not by count', () => {
    const list = [
      article({ id: '1', authors: [{ name: 'Zoe' }] }),
      article({ id: '2', authors: [{ name: 'Zoe' }] }),
      article({ id: '3', authors: [{ name: 'Zoe' }, { name: 'adam' }] }),
    ].map(toEntry);
    expect(authorCounts(list)).toEqual([
      { name: 'adam', count: 1 },
      { name: 'Zoe', count: 3 },
    ]);
  });

  test('languages by primary subtag, most used first, then alphabetically', () => {
    expect(languageCounts(entries)).toEqual([
      { lang: 'en', count: 1 },
      { lang: 'es', count: 1 },
      { lang: 'est', count: 1 },
      { lang: 'pt', count: 1 },
    ]);
    const list = [
      article({ id: '1', language: 'pt-BR' }),
      article({ id: '2', language: 'PT' }),
      article({ id: '3', language: 'uk' }),
      article({ id: '4', language: 'de' }),
      article({ id: '5' }),
    ].map(toEntry);
    expect(languageCounts(list)).toEqual([
      { lang: 'pt', count: 2 },
      { lang: 'de', count: 1 },
      { lang: 'uk', count: 1 },
    ]);
  });

  test('empty input gives empty lists', () => {
    expect(authorCounts([])).toEqual([]);
    expect(languageCounts([])).toEqual([]);
  });
});
