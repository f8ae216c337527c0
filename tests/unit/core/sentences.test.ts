import { describe, expect, test } from 'vitest';
import { MAX_UTTERANCE, sentences } from '../../../src/core/sentences';

/** Both ways of finding boundaries must agree on these. */
const both = (text: string, lang: string) => {
  const withSegmenter = sentences(text, lang);
  const fallback = sentences(text, lang, { segmenter: false });
  expect(fallback).toEqual(withSegmenter);
  return withSegmenter;
};

describe('splitting sentences', () => {
  test('Intl.Segmenter is there in this runtime, so both paths are exercised', () => {
    expect(typeof Intl.Segmenter).toBe('function');
  });

  test('English: titles, decimals, quotes, numbers, initials, ellipses', () => {
    expect(both('Mr. Smith paid $3.50 for tea. He left at 5 p.m. and Dr. Jones stayed! Did she? Yes.', 'en')).toEqual([
      'Mr. Smith paid $3.50 for tea.',
      'He left at 5 p.m. and Dr. Jones stayed!',
      'Did she?',
      'Yes.',
    ]);
    expect(both('“Stop!” she said. “Why?” He ran. See No. 5 on p. 3 of the report.', 'en')).toEqual([
      '“Stop!” she said.',
      '“Why?”',
      'He ran.',
      'See No. 5 on p. 3 of the report.',
    ]);
    expect(both('It was written by J. R. R. Tolkien in the U.S. and printed. Fruit, e.g. apples, is fine... The end.', 'en')).toEqual([
      'It was written by J. R. R. Tolkien in the U.S. and printed.',
      'Fruit, e.g. apples, is fine...',
      'The end.',
    ]);
  });

  test('Spanish: Sra., Dr., inverted marks, «quotes», pág.', () => {
    expect(both('La Sra. García llegó a las 3.30. ¿Vino el Dr. Pérez? No. Dijo «¡Basta!» y se fue.', 'es')).toEqual([
      'La Sra. García llegó a las 3.30.',
      '¿Vino el Dr. Pérez?',
      'No.',
      'Dijo «¡Basta!» y se fue.',
    ]);
    expect(both('Véase la pág. 12 del informe. Hay frutas, p. ej. manzanas. Fin.', 'es-MX')).toEqual([
      'Véase la pág. 12 del informe.',
      'Hay frutas, p. ej. manzanas.',
      'Fin.',
    ]);
  });

  test('Portuguese: Sr., Dra., decimal commas, quotes, nº', () => {
    expect(both('O Sr. Silva chegou cedo. A Dra. Costa pagou R$ 2,50 pelo café. “Vamos!”, disse ela. Ver o nº 4 na pág. 7. Acabou.', 'pt-BR')).toEqual([
      'O Sr. Silva chegou cedo.',
      'A Dra. Costa pagou R$ 2,50 pelo café.',
      '“Vamos!”, disse ela.',
      'Ver o nº 4 na pág. 7.',
      'Acabou.',
    ]);
  });

  test('Ukrainian: д-р, м., ст., initials, «quotes» and dashes', () => {
    expect(both('Д-р Петренко прийшов о 9.15. У м. Київ тепло. Див. ст. 5 закону. «Ходімо!» — сказала вона. Т. Шевченко народився 1814 року. Це правда? Так.', 'uk')).toEqual([
      'Д-р Петренко прийшов о 9.15.',
      'У м. Київ тепло.',
      'Див. ст. 5 закону.',
      '«Ходімо!» — сказала вона.',
      'Т. Шевченко народився 1814 року.',
      'Це правда?',
      'Так.',
    ]);
  });

  test('offsets point into the text, blank and punctuation-only stretches are left out', () => {
    expect(sentences('   ', 'en')).toEqual([]);
    expect(sentences('One. … Two.', 'en', { segmenter: false })).toEqual(['One.', 'Two.']);
    expect(sentences('No full stop at the end', 'en')).toEqual(['No full stop at the end']);
  });

  test('a sentence too long for one utterance is cut at a comma', () => {
    const long = `${'word, '.repeat(80)}end.`;
    const parts = sentences(long, 'en');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(MAX_UTTERANCE);
    expect(parts.join(' ').replace(/\s+/g, ' ')).toBe(long.trim().replace(/\s+/g, ' '));
  });

  test('an unknown or malformed language tag still splits', () => {
    expect(sentences('First one. Second one.', 'not a tag!')).toEqual(['First one.', 'Second one.']);
  });
});
