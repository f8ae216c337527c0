import { afterEach, describe, expect, test } from 'vitest';
import type { SyncFailure } from '../../../src/core/sync-types';
import { applyLocale } from '../../../src/i18n';
import type { Locale } from '../../../src/core/locales';
import { enLazy, type LazyStrings } from '../../../src/i18n/en/lazy';
import es from '../../../src/i18n/es/lazy';
import pt from '../../../src/i18n/pt/lazy';
import uk from '../../../src/i18n/uk/lazy';

afterEach(async () => {
  await applyLocale('en');
});

const FAILURES: SyncFailure[] = [
  { kind: 'offline' },
  { kind: 'network' },
  { kind: 'timeout', seconds: 10 },
  { kind: 'http', status: 404, statusText: 'Not Found' },
  { kind: 'too-large', bytes: 64 * 1048576 },
  { kind: 'feed', error: { code: 'truncated' } },
];

/** Arguments for the functions that moved here from the first-load catalogue (`main.ts`). */
const ARGS: Partial<Record<keyof LazyStrings, unknown[][]>> = {
  resumed: [[3], [42], [96]],
  version: [['0.1.0'], ['dev']],
  bodyFailed: FAILURES.map((f) => [f]),
  markAllRead: [[1], [2], [37], [100_000]],
  markedAllRead: [[1], [2], [5], [21]],
};

const CATALOGUES: [Locale, LazyStrings][] = [
  ['en', enLazy],
  ['es', es],
  ['pt', pt],
  ['uk', uk],
];

const call = (fn: unknown, args: unknown[]): unknown => (fn as (...a: unknown[]) => unknown)(...args);

describe.each(CATALOGUES)('the %s lazy catalogue', (locale, strings) => {
  test('has exactly the keys of en, each of the same kind', () => {
    expect(Object.keys(strings).sort()).toEqual(Object.keys(enLazy).sort());
    for (const key of Object.keys(enLazy) as (keyof LazyStrings)[]) expect([key, typeof strings[key]]).toEqual([key, typeof enLazy[key]]);
  });

  test('every string is non-empty', () => {
    for (const [key, value] of Object.entries(strings)) {
      if (typeof value === 'string') expect([key, value.trim().length > 0]).toEqual([key, true]);
    }
  });

  test('the moved functions return non-empty, fully interpolated strings', async () => {
    await applyLocale(locale);
    for (const [key, argsList] of Object.entries(ARGS)) {
      for (const args of argsList) {
        const out = call(strings[key as keyof LazyStrings], args);
        const label = `${locale}.${key}(${JSON.stringify(args)})`;
        expect([label, typeof out]).toEqual([label, 'string']);
        expect([label, (out as string).trim().length > 0]).toEqual([label, true]);
        expect([label, /undefined|NaN|\[object |null/.test(out as string)]).toEqual([label, false]);
      }
    }
    expect(strings.version('1.2.3')).toContain('1.2.3');
    expect(strings.markAllRead(37)).toContain('37');
  });
});

test('the translations are not English', () => {
  for (const [, strings] of CATALOGUES.slice(1)) {
    expect(strings.bodyFailed({ kind: 'offline' })).not.toBe(enLazy.bodyFailed({ kind: 'offline' }));
    expect(strings.markAllRead(2)).not.toBe(enLazy.markAllRead(2));
  }
});
