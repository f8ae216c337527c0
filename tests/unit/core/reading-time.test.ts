import { describe, expect, it } from 'vitest';
import { readingMinutes, wordsPerMinute } from '../../../src/core/reading-time';
import { countWords, wordsOf } from '../../../src/core/word-count';

describe('countWords', () => {
  it('counts words in several scripts, with apostrophes and hyphens inside words', () => {
    expect(countWords('The port’s workers voted on a well-known plan.')).toBe(8);
    expect(countWords('Los trabajadores votaron, ¿y ahora qué?')).toBe(6);
    expect(countWords('Працівники порту проголосували за страйк.')).toBe(5);
    expect(countWords('  \n ')).toBe(0);
    expect(countWords('— … 12 3,5')).toBe(3);
  });
  it('counts scripts without spaces by characters', () => {
    expect(countWords('港口工人投票罢工')).toBe(4);
  });
});

describe('wordsOf', () => {
  it('prefers the body (text, then HTML without its tags) over the summary', () => {
    expect(wordsOf({ contentText: 'one two three', summary: 'x' })).toBe(3);
    expect(wordsOf({ contentHtml: '<p>one <b>two</b></p><script>var a = 1</script>', summary: 'x' })).toBe(2);
    expect(wordsOf({ summary: 'only the summary' })).toBe(3);
    expect(wordsOf({ excerpt: 'an excerpt' })).toBe(2);
    expect(wordsOf({})).toBe(0);
  });
});

describe('readingMinutes', () => {
  it('reads each language at its own speed, falling back from a region to the language', () => {
    expect(wordsPerMinute('en')).toBe(228);
    expect(wordsPerMinute('pt-BR')).toBe(wordsPerMinute('pt'));
    expect(wordsPerMinute('uk')).toBeLessThan(wordsPerMinute('en'));
    expect(wordsPerMinute(undefined)).toBe(200);
    expect(wordsPerMinute('xx')).toBe(200);
    // The same 1,400 words take longer in Portuguese than in English.
    expect(readingMinutes(1400, 'en')).toBe(6);
    expect(readingMinutes(1400, 'pt')).toBe(8);
  });
  it('is at least one minute, and nothing for nothing', () => {
    expect(readingMinutes(3, 'en')).toBe(1);
    expect(readingMinutes(0, 'en')).toBeUndefined();
    expect(readingMinutes(undefined, 'en')).toBeUndefined();
    expect(readingMinutes(Number.NaN, 'en')).toBeUndefined();
  });
});
