import { describe, expect, test } from 'vitest';
import { filterEntries, isFiltered, NO_FILTER, tagCounts, toEntry, type Filter, type ListEntry } from '../../../src/search/filter';
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
    contentHtml: '<p>Los <em>profesores</em> de la escuela &amp; el <a href="/x">sindicato</a>.</p><script>hiddenword()</script>',
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
const search = (q: string, tag = ''): string[] => ids(filterEntries(entries, { q, tag }));

describe('toEntry', () => {
  test('keeps what a row needs and prepares a folded haystack padded with spaces', () => {
    expect(budget).toEqual({
      id: 'budget',
      title: 'Council votes on budget',
      excerpt: 'Excerpt of budget',
      sortDate: day(3),
      published: day(3),
      tags: ['Politics', 'Local'],
      authors: ['Ana Pérez'],
      haystack: ' council votes on budget education spending rises the mayor called it a day of solidarity politics local ana perez ',
    });
  });

  test('HTML bodies are searched as text: tags stripped, entities decoded, scripts dropped', () => {
    expect(school.haystack).toContain(' profesores de la escuela el sindicato ');
    expect(school.haystack).not.toContain('hiddenword');
    expect(school.haystack).not.toContain('href');
    expect(school.language).toBe('pt');
  });

  test('an undated article has no published field, and no language means no language field', () => {
    const e = toEntry(article({ id: 'x', published: undefined }));
    expect('published' in e).toBe(false);
    expect('language' in e).toBe(false);
    expect(e.sortDate).toBe(0);
  });
});

describe('filterEntries', () => {
  test('no filter returns every entry, in order, as a new array', () => {
    const all = filterEntries(entries, NO_FILTER);
    expect(ids(all)).toEqual(['budget', 'school', 'union']);
    expect(all).not.toBe(entries);
    expect(search('   ')).toEqual(['budget', 'school', 'union']);
  });

  test.each([
    ['title', 'votes', ['budget']],
    ['summary', 'spending', ['budget']],
    ['plain-text body', 'mayor', ['budget']],
    ['HTML body', 'profesores', ['school']],
    ['HTML body, linked text', 'sindicato', ['school']],
    ['tags', 'local', ['budget']],
    ['authors', 'perez', ['budget']],
    ['second author', 'souza', ['school']],
    ['Cyrillic body', 'київ', ['union']],
  ] as const)('finds words in the %s (%s)', (_field, q, expected) => {
    expect(search(q)).toEqual(expected);
  });

  test('matches at word starts: a prefix finds the word, a word middle does not', () => {
    expect(search('solid')).toEqual(['budget']);
    expect(search('solidarity')).toEqual(['budget']);
    expect(search('olidarity')).toEqual([]);
    expect(search('udget')).toEqual([]);
  });

  test('is case- and diacritic-insensitive both ways', () => {
    expect(search('EDUCACION')).toEqual(['school']);
    expect(search('educación')).toEqual(['school']);
    expect(search('sao paulo')).toEqual(['school']);
    expect(search('JOÃO')).toEqual(['school']);
    expect(search('профспілка')).toEqual(['union']);
    expect(search('ПРОФСПІЛКА')).toEqual(['union']);
    expect(search('Ana PÉREZ')).toEqual(['budget']);
  });

  test('every word must match, in any field and any order', () => {
    expect(search('politics budget')).toEqual(['budget']);
    expect(search('budget profesores')).toEqual([]);
    expect(search('politics')).toEqual(['budget', 'union']);
  });

  test('a word that is nowhere finds nothing', () => {
    expect(search('zebra')).toEqual([]);
    expect(search('budget zebra')).toEqual([]);
  });

  test('text inside <script> in the HTML is not searchable', () => {
    expect(search('hiddenword')).toEqual([]);
  });

  test('the tag filter is case-insensitive and exact', () => {
    expect(search('', 'politics')).toEqual(['budget', 'union']);
    expect(search('', '  POLITICS ')).toEqual(['budget', 'union']);
    expect(search('', 'brasil')).toEqual(['school']);
    expect(search('', 'освіта')).toEqual(['union']);
    expect(search('', 'Pol')).toEqual([]);
    expect(search('', 'nothing')).toEqual([]);
  });

  test('the tag filter combines with the query', () => {
    expect(search('budget', 'politics')).toEqual(['budget']);
    expect(search('страйк', 'politics')).toEqual(['union']);
    expect(search('profesores', 'politics')).toEqual([]);
  });

  // Regression: Ukrainian text often writes the apostrophe as U+02BC (MODIFIER LETTER APOSTROPHE, the
  // character Unicode recommends for it), while readers type U+0027. `fold` strips ’ ' ` but
  // keeps ʼ (it is a letter, \p{Lm}), so "п'ять" never finds "пʼять".
  test("an apostrophe typed as ' finds the Ukrainian modifier-letter apostrophe ʼ", () => {
    const five = toEntry(article({ id: 'five', title: 'Пʼять років реформи' }));
    expect(ids(filterEntries([five], { q: "п'ять", tag: '' }))).toEqual(['five']);
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
