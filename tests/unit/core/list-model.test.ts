import { describe, expect, test } from 'vitest';
import { newestFirst } from '../../../src/core/order';
import { applyFilter, indexById, isFiltered, mergeEntries, NO_FILTER, tagCounts, toEntry, type Filter, type ListEntry } from '../../../src/core/list-model';
import { article, day } from '../helpers';

const budget = toEntry(
  article({
    id: 'budget',
    title: 'Council votes on budget',
    summary: 'Education spending rises.',
    contentText: 'The mayor called it a day of solidarity.',
    tags: ['Politics', 'Local'],
    authors: [{ name: 'Ana Pérez' }],
    published: day(3),
  }),
);
const school = toEntry(
  article({
    id: 'school',
    title: 'Educación pública en São Paulo',
    contentHtml: '<p>Los <em>profesores</em>.</p>',
    tags: ['education', 'BRASIL'],
    authors: [{ name: 'João Silva' }, { name: 'Maria Souza' }],
    language: 'pt',
    published: day(2),
  }),
);
const union = toEntry(
  article({
    id: 'union',
    title: 'ПРОФСПІЛКА вчителів оголосила страйк',
    contentText: 'Київ. Вчителі вимагають підвищення зарплат.',
    tags: ['Освіта', 'politics'],
    authors: [],
    language: 'uk',
    published: day(1),
  }),
);
const entries: ListEntry[] = [budget, school, union];

const ids = (list: ListEntry[]) => list.map((e) => e.id);

describe('toEntry', () => {
  test('keeps what a row needs, and nothing of the body', () => {
    expect(budget).toEqual({
      id: 'budget',
      title: 'Council votes on budget',
      excerpt: 'Excerpt of budget',
      sortDate: day(3),
      published: day(3),
      tags: ['Politics', 'Local'],
      authors: ['Ana Pérez'],
    });
    expect(school.language).toBe('pt');
  });

  test('an undated article has no published field, and no language means no language field', () => {
    const e = toEntry(article({ id: 'x', published: undefined }));
    expect('published' in e).toBe(false);
    expect('language' in e).toBe(false);
    expect(e.sortDate).toBe(0);
  });
});

describe('applyFilter', () => {
  test('without a query: every entry, in list order, as a new array', () => {
    const all = applyFilter(entries, NO_FILTER);
    expect(ids(all)).toEqual(['budget', 'school', 'union']);
    expect(all).not.toBe(entries);
  });

  test('the tag filter is case-insensitive and exact', () => {
    const byTag = (tag: string) => ids(applyFilter(entries, { q: '', tag }));
    expect(byTag('politics')).toEqual(['budget', 'union']);
    expect(byTag('  POLITICS ')).toEqual(['budget', 'union']);
    expect(byTag('brasil')).toEqual(['school']);
    expect(byTag('освіта')).toEqual(['union']);
    expect(byTag('Pol')).toEqual([]);
    expect(byTag('nothing')).toEqual([]);
  });

  test('with a query: the index’s matches in the index’s order (relevance), not the list’s', () => {
    expect(ids(applyFilter(entries, { q: 'x', tag: '' }, ['union', 'budget']))).toEqual(['union', 'budget']);
    expect(ids(applyFilter(entries, { q: 'x', tag: '' }, []))).toEqual([]);
  });

  test('ids the list does not hold (yet) are left out', () => {
    expect(ids(applyFilter(entries, { q: 'x', tag: '' }, ['ghost', 'school']))).toEqual(['school']);
  });

  test('the tag narrows the matches too, keeping their order', () => {
    expect(ids(applyFilter(entries, { q: 'x', tag: 'POLITICS' }, ['union', 'school', 'budget']))).toEqual(['union', 'budget']);
    expect(ids(applyFilter(entries, { q: 'x', tag: 'brasil' }, ['union', 'budget']))).toEqual([]);
  });

  test('a prepared id map gives the same answer', () => {
    const map = indexById(entries);
    expect(applyFilter(entries, { q: 'x', tag: '' }, ['school', 'budget'], map)).toEqual([school, budget]);
  });
});

describe('mergeEntries', () => {
  const e = (id: string, d: number) => toEntry(article({ id, published: day(d) }));

  test('older rows from the next page are appended', () => {
    const merged = mergeEntries([e('c', 9), e('b', 8)], [e('a', 1), e('z', 2)]);
    expect(ids(merged)).toEqual(['c', 'b', 'z', 'a']);
  });

  test('newer rows go first, and rows in between are interleaved by date', () => {
    const merged = mergeEntries([e('c', 9), e('b', 5), e('a', 1)], [e('new', 10), e('mid', 6), e('old', 0)]);
    expect(ids(merged)).toEqual(['new', 'c', 'mid', 'b', 'a', 'old']);
  });

  test('a row with a known id replaces the old one (no duplicates), at its new date', () => {
    const merged = mergeEntries([e('c', 9), e('b', 5), e('a', 1)], [{ ...e('a', 1), title: 'Edited', sortDate: day(7) }]);
    expect(ids(merged)).toEqual(['c', 'a', 'b']);
    expect(merged.filter((x) => x.id === 'a')).toHaveLength(1);
    expect(merged[1]!.title).toBe('Edited');
  });

  test('equal dates keep the store’s order: id descending', () => {
    expect(ids(mergeEntries([e('b', 3)], [e('a', 3), e('c', 3)]))).toEqual(['c', 'b', 'a']);
    expect([e('a', 3), e('c', 3), e('b', 3)].sort(newestFirst).map((x) => x.id)).toEqual(['c', 'b', 'a']);
  });

  test('nothing incoming: a copy of the same rows', () => {
    const list = [e('a', 1)];
    const merged = mergeEntries(list, []);
    expect(merged).toEqual(list);
    expect(merged).not.toBe(list);
  });
});

describe('tagCounts', () => {
  test('counts tags case-insensitively, most used first, then alphabetically, keeping the first spelling', () => {
    expect(tagCounts(entries)).toEqual([
      { tag: 'Politics', count: 2 },
      { tag: 'BRASIL', count: 1 },
      { tag: 'education', count: 1 },
      { tag: 'Local', count: 1 },
      { tag: 'Освіта', count: 1 },
    ]);
  });

  test('no entries, no tags', () => {
    expect(tagCounts([])).toEqual([]);
  });
});

describe('isFiltered', () => {
  test.each<[Filter, boolean]>([
    [{ q: '', tag: '' }, false],
    [{ q: '   ', tag: ' ' }, false],
    [{ q: 'x', tag: '' }, true],
    [{ q: '', tag: 'Politics' }, true],
  ])('%o → %s', (filter, expected) => {
    expect(isFiltered(filter)).toBe(expected);
  });
});
