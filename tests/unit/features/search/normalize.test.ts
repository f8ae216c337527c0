import { describe, expect, test } from 'vitest';
import { fold, queryWords } from '../../../../src/features/search/normalize';

describe('fold', () => {
  test.each([
    ['Educación', 'EDUCACION', 'educacion'],
    ['São Paulo', 'SAO PAULO', 'sao paulo'],
    ['ПРОФСПІЛКА', 'профспілка', 'профспілка'],
    ['Їжак', 'їжак', 'іжак'],
    ['Ἀθῆναι', 'ΑΘΗΝΑΙ', 'αθηναι'],
    ['Straße', 'STRASSE', 'strasse'],
    ['Ärger über Öl', 'arger uber ol', 'arger uber ol'],
    ['İstanbul', 'istanbul', 'istanbul'],
    ['Crème brûlée', 'creme brulee', 'creme brulee'],
  ])('%s and %s both fold to %s', (a, b, folded) => {
    expect(fold(a)).toBe(folded);
    expect(fold(b)).toBe(folded);
  });

  test('folds compatibility forms: ligatures and full-width letters', () => {
    expect(fold('ﬁnance')).toBe('finance');
    expect(fold('ＡＢＣ１２３')).toBe('abc123');
  });

  test('drops apostrophes inside words, so “don’t” and "dont" match', () => {
    expect(fold('Don’t')).toBe('dont');
    expect(fold("don't")).toBe('dont');
    expect(fold('L’Hospitalet')).toBe('lhospitalet');
  });

  test('turns punctuation and runs of white space into single spaces, trimmed', () => {
    expect(fold('  Hello,   world!\n\t(again) — 2024/05 ')).toBe('hello world again 2024 05');
    expect(fold('COVID-19')).toBe('covid 19');
  });

  test('keeps letters of scripts without case', () => {
    expect(fold('東京 ニュース')).toBe('東京 ニュース');
    expect(fold('مرحبا بالعالم')).toBe('مرحبا بالعالم');
  });

  test('an empty or punctuation-only string folds to ""', () => {
    expect(fold('')).toBe('');
    expect(fold(' ... !!! ')).toBe('');
  });
});

describe('queryWords', () => {
  test('splits a query into folded words', () => {
    expect(queryWords('  Educación   pública ')).toEqual(['educacion', 'publica']);
    expect(queryWords('São-Paulo, BRASIL')).toEqual(['sao', 'paulo', 'brasil']);
  });

  test('drops repeated words', () => {
    expect(queryWords('the The THE thé')).toEqual(['the']);
  });

  test('an empty, blank or punctuation-only query has no words', () => {
    expect(queryWords('')).toEqual([]);
    expect(queryWords('   ')).toEqual([]);
    expect(queryWords('?!')).toEqual([]);
  });
});
