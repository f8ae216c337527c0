/**
 * Issue 14: tag (author, language) counts are kept incrementally, a picker offers only the most
 * frequent values, and the rest are found by prefix, so 100,000 distinct tags cost nothing per
 * keystroke.
 */
import { describe, expect, test } from 'vitest';
import { FacetIndex, PICKER_LIMIT } from '../../../src/core/facet-index';

type E = { id: string; tags: string[] };
const tagsOf = (e: E) => e.tags;

describe('FacetIndex', () => {
  test('counts values case-insensitively, first spelling kept, most frequent first', () => {
    const index = new FacetIndex(tagsOf);
    index.update([
      { id: 'a', tags: ['Port', 'rain'] },
      { id: 'b', tags: ['port'] },
      { id: 'c', tags: ['Strikes', 'PORT'] },
    ]);
    expect(index.top()).toEqual([
      { value: 'Port', count: 3 },
      { value: 'Strikes', count: 1 },
      { value: 'rain', count: 1 },
    ]);
    expect(index.spelling(' port ')).toBe('Port');
    expect(index.count('RAIN')).toBe(1);
  });

  test('an update counts only what changed: same objects are skipped, changed and removed ones are recounted', () => {
    const a = { id: 'a', tags: ['x'] };
    const b = { id: 'b', tags: ['x', 'y'] };
    const index = new FacetIndex(tagsOf);
    expect(index.update([a, b])).toBe(true);
    expect(index.update([a, b])).toBe(false);
    const b2 = { id: 'b', tags: ['z'] };
    expect(index.update([a, b2])).toBe(true);
    expect(index.top()).toEqual([
      { value: 'x', count: 1 },
      { value: 'z', count: 1 },
    ]);
    index.update([b2]);
    expect(index.count('x')).toBe(0);
    expect(index.size).toBe(1);
  });

  test(`with 100,000 distinct tags the picker gets ${PICKER_LIMIT} and the rest are found by prefix`, () => {
    const entries: E[] = Array.from({ length: 25_000 }, (_, i) => ({
      id: String(i),
      tags: [0, 1, 2, 3].map((k) => `tag-${String(i * 4 + k).padStart(6, '0')}`).concat(i % 2 ? ['common'] : []),
    }));
    const index = new FacetIndex(tagsOf);
    index.update(entries);
    expect(index.size).toBe(100_001);
    const top = index.top();
    expect(top).toHaveLength(PICKER_LIMIT);
    expect(top[0]).toEqual({ value: 'common', count: 12_500 });
    expect(index.find('TAG-09999').map((f) => f.value)).toEqual(Array.from({ length: 10 }, (_, k) => `tag-09999${k}`));
    expect(index.find('tag-', 5)).toHaveLength(5);
    expect(index.find('nothing')).toEqual([]);
    expect(index.find('')).toEqual([]);
  });
});
