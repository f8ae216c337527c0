import { describe, expect, test } from 'vitest';
import { enHighlights, type HighlightStrings } from '../../../src/i18n/en/highlights';
import es from '../../../src/i18n/es/highlights';
import pt from '../../../src/i18n/pt/highlights';
import uk from '../../../src/i18n/uk/highlights';

const ARGS: Record<string, unknown[][]> = {
  count: [[1], [2], [5], [21]],
  exportTag: [['transport'], ['Порти']],
  exported: [[1], [3], [22]],
};

const call = (fn: unknown, args: unknown[]): unknown => (fn as (...a: unknown[]) => unknown)(...args);
const shape = (s: HighlightStrings) => Object.keys(s).sort();

describe.each<[string, HighlightStrings]>([
  ['en', enHighlights],
  ['es', es],
  ['pt', pt],
  ['uk', uk],
])('the %s highlights catalogue', (_locale, strings) => {
  test('has the keys of en; every string is non-empty; every function fully interpolated', () => {
    expect(shape(strings)).toEqual(shape(enHighlights));
    for (const [key, value] of Object.entries(strings)) {
      if (typeof value === 'string') expect([key, value.trim().length > 0]).toEqual([key, true]);
      if (typeof value === 'function') {
        expect(ARGS[key], key).toBeDefined();
        for (const args of ARGS[key] ?? []) expect(call(value, args)).toMatch(/^(?!.*(undefined|NaN|\[object )).+$/);
      }
    }
    expect(Object.keys(strings.colours).sort()).toEqual(['blue', 'green', 'pink', 'yellow']);
  });
});
