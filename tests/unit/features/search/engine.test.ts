import { describe, expect, test } from 'vitest';
import type { Article } from '../../../../src/core/feed/types';
import { docOf, queryTerms, SearchIndex } from '../../../../src/features/search/engine';
import { applyFilter, toEntry } from '../../../../src/core/list-model';
import { article, day } from '../../helpers';

const budget = article({
  id: 'budget',
  title: 'Council votes on budget',
  summary: 'Education spending rises.',
  contentText: 'The mayor called it a day of solidarity.',
  tags: ['Politics', 'Local'],
  authors: [{ name: 'Ana Pérez' }],
  published: day(3),
});
const school = article({
  id: 'school',
  title: 'Educación pública en São Paulo',
  contentHtml: '<p>Los <em>profesores</em> de la escuela &amp; el <a href="/x">sindicato</a>.</p><script>hiddenword()</script>',
  tags: ['education', 'BRASIL'],
  authors: [{ name: 'João Silva' }, { name: 'Maria Souza' }],
  language: 'pt',
  published: day(2),
});
const union = article({
  id: 'union',
  title: 'ПРОФСПІЛКА вчителів оголосила страйк',
  contentText: 'Київ. Вчителі вимагають підвищення зарплат.',
  tags: ['Освіта', 'politics'],
  authors: [],
  language: 'uk',
  published: day(1),
});

function indexOf(...articles: Article[]): SearchIndex {
  const index = new SearchIndex();
  index.upsert(articles.map((a) => docOf(a, { ...(a.contentHtml ? { html: a.contentHtml } : {}), ...(a.contentText ? { text: a.contentText } : {}) })));
  return index;
}

const index = indexOf(budget, school, union);
/** Matching ids, sorted: for tests about what matches, not in which order. */
const matches = (q: string) => [...(index.search(q) ?? [])].sort();

describe('SearchIndex: what matches', () => {
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
    expect(matches(q)).toEqual(expected);
  });

  test('prefixes match the start of words ("solid" finds "solidarity"); word middles do not', () => {
    expect(matches('solid')).toEqual(['budget']);
    expect(matches('solidarity')).toEqual(['budget']);
    expect(matches('olidarity')).toEqual([]);
    expect(matches('udget')).toEqual([]);
    expect(matches('profes')).toEqual(['school']);
    expect(matches('вчител')).toEqual(['union']);
  });

  test('a single letter matches only a one-letter word, not every word starting with it', () => {
    const withA = indexOf(article({ id: 'a', title: 'Plan A for the port' }), article({ id: 'b', title: 'Another plan' }));
    expect(withA.search('a')).toEqual(['a']);
    expect([...(withA.search('an') ?? [])]).toEqual(['b']);
  });

  test('is case- and diacritic-insensitive both ways, in Latin, Cyrillic and Greek', () => {
    expect(matches('EDUCACION')).toEqual(['school']);
    expect(matches('educación')).toEqual(['school']);
    expect(matches('sao paulo')).toEqual(['school']);
    expect(matches('JOÃO')).toEqual(['school']);
    expect(matches('профспілка')).toEqual(['union']);
    expect(matches('ПРОФСПІЛКА')).toEqual(['union']);
    expect(matches('Ana PÉREZ')).toEqual(['budget']);
    const greek = indexOf(article({ id: 'g', title: 'Ἀθῆναι: απεργία στο λιμάνι' }));
    expect(greek.search('ΑΘΗΝΑΙ')).toEqual(['g']);
    expect(greek.search('απεργ')).toEqual(['g']);
  });

  test('every word must match, in any field and any order', () => {
    expect(matches('politics budget')).toEqual(['budget']);
    expect(matches('budget politics')).toEqual(['budget']);
    expect(matches('budget profesores')).toEqual([]);
    expect(matches('politics')).toEqual(['budget', 'union']);
  });

  test('a word that is nowhere finds nothing', () => {
    expect(matches('zebra')).toEqual([]);
    expect(matches('budget zebra')).toEqual([]);
  });

  test('text inside <script> in the HTML is not searchable, nor markup', () => {
    expect(matches('hiddenword')).toEqual([]);
    expect(matches('href')).toEqual([]);
  });

  test("an apostrophe typed as ' finds the Ukrainian modifier-letter apostrophe ʼ, and the other way round", () => {
    const five = indexOf(article({ id: 'five', title: 'Пʼять років реформи' }), article({ id: 'health', title: "Здоров'я шахтарів" }));
    expect(five.search("п'ять")).toEqual(['five']);
    expect(five.search('пʼять')).toEqual(['five']);
    expect(five.search('здоровʼя')).toEqual(['health']);
  });

  test('a query with no words is no query: undefined, so the list is not narrowed', () => {
    expect(index.search('')).toBeUndefined();
    expect(index.search('   ')).toBeUndefined();
    expect(index.search('— !')).toBeUndefined();
    expect(queryTerms('  Ana — PÉREZ! ')).toEqual(['ana', 'perez']);
  });
});

describe('SearchIndex: ranking', () => {
  const ranked = indexOf(
    article({ id: 'body-only', title: 'Port news', summary: 'Dockers met.', contentText: 'Later the strike was called off.', published: day(9) }),
    article({ id: 'in-title', title: 'Strike at the port', summary: 'Dockers walk out.', published: day(1) }),
    article({ id: 'tagged', title: 'Harbour report', summary: 'Quiet week.', tags: ['strike'], published: day(5) }),
    article({ id: 'unrelated', title: 'Weather', summary: 'Rain.', published: day(10) }),
  );

  test('a title match ranks above a tag match, which ranks above a body match, whatever the dates', () => {
    expect(ranked.search('strike')).toEqual(['in-title', 'tagged', 'body-only']);
  });

  test('prefix matches are ranked too, and an exact word beats a longer word with that prefix', () => {
    const words = indexOf(article({ id: 'long', title: 'Solidarity fund' }), article({ id: 'exact', title: 'Solid fund' }));
    expect(words.search('solid')).toEqual(['exact', 'long']);
  });

  test('combined with the tag filter, relevance order is kept', () => {
    const rows = [budget, school, union].map(toEntry);
    const hits = index.search('politics');
    expect(hits).toHaveLength(2);
    expect(applyFilter(rows, { q: 'politics', tag: 'Освіта' }, hits).map((e) => e.id)).toEqual(['union']);
    expect(applyFilter(rows, { q: 'budget', tag: 'politics' }, index.search('budget')).map((e) => e.id)).toEqual(['budget']);
    expect(applyFilter(rows, { q: 'страйк', tag: 'politics' }, index.search('страйк')).map((e) => e.id)).toEqual(['union']);
    expect(applyFilter(rows, { q: 'profesores', tag: 'politics' }, index.search('profesores')).map((e) => e.id)).toEqual([]);
  });
});

describe('SearchIndex: keeping it current', () => {
  test('upsert replaces a document: its old words stop matching, its new ones match', () => {
    const live = indexOf(article({ id: 'a', title: 'Draft headline' }));
    live.upsert([docOf(article({ id: 'a', title: 'Final headline' }))]);
    expect(live.size).toBe(1);
    expect(live.search('draft')).toEqual([]);
    expect(live.search('final')).toEqual(['a']);
  });

  test('a body fetched later makes the body searchable', () => {
    const row = article({ id: 'remote', title: 'Summary only', summary: 'Short.' });
    const live = indexOf(row);
    expect(live.search('longform')).toEqual([]);
    live.upsert([docOf(row, { html: '<p>The longform text.</p>' })]);
    expect(live.search('longform')).toEqual(['remote']);
  });

  test('remove drops documents; unknown ids are ignored', () => {
    const live = indexOf(budget, school);
    live.remove(['budget', 'nope']);
    expect(live.size).toBe(1);
    expect(live.search('budget')).toEqual([]);
  });

  test('a serialized index loads with the same answers (what a cold start does)', () => {
    const json = index.toJSON();
    const loaded = new SearchIndex(json);
    expect(loaded.size).toBe(3);
    for (const q of ['solid', 'EDUCACION', 'ПРОФСПІЛКА', 'politics', 'zebra']) expect(loaded.search(q)).toEqual(index.search(q));
  });
});
