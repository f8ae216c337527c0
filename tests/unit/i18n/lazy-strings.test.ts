import { afterEach, describe, expect, test } from 'vitest';
import type { ParseReport } from '../../../src/core/feed/types';
import type { SyncFailure } from '../../../src/core/sync-types';
import { emptyReport } from '../../../src/core/feed/report';
import { applyLocale } from '../../../src/i18n';
import type { Locale } from '../../../src/core/locales';
import { enLazy, type LazyStrings } from '../../../src/i18n/en/lazy';
import es from '../../../src/i18n/es/lazy';
import pt from '../../../src/i18n/pt/lazy';
import uk from '../../../src/i18n/uk/lazy';

afterEach(async () => {
  await applyLocale('en');
});

// The same fixtures as strings.test.ts.
const report = (r: Partial<ParseReport>): ParseReport => ({ ...emptyReport(), ...r });

const FAILURES: SyncFailure[] = [
  { kind: 'offline' },
  { kind: 'network' },
  { kind: 'timeout', seconds: 10 },
  { kind: 'http', status: 404, statusText: 'Not Found' },
  { kind: 'http', status: 500, statusText: '' },
  { kind: 'too-large', bytes: 64 * 1048576 },
  { kind: 'feed', error: { code: 'empty' } },
  { kind: 'feed', error: { code: 'html' } },
  { kind: 'feed', error: { code: 'truncated' } },
  { kind: 'feed', error: { code: 'not-json', detail: 'Unexpected token' } },
  { kind: 'feed', error: { code: 'not-json' } },
  { kind: 'feed', error: { code: 'not-object' } },
  { kind: 'feed', error: { code: 'no-version' } },
  { kind: 'feed', error: { code: 'bad-version', detail: 'https://jsonfeed.org/version/2' } },
  { kind: 'feed', error: { code: 'no-items' } },
  { kind: 'no-articles', report: report({}) },
  { kind: 'no-articles', report: report({ total: 3, noId: 2, notObject: 1 }) },
  { kind: 'storage', name: 'QuotaExceededError', written: 250, total: 300 },
];

const REPORTS: ParseReport[] = [
  report({ noId: 1 }),
  report({ notObject: 2, duplicates: 1 }),
  report({ duplicates: 2 }),
  report({ total: 30, noId: 5, notObject: 21, duplicates: 11 }),
];

/** Arguments for the functions that moved here from the first-load catalogue (`main.ts`). */
const ARGS: Partial<Record<keyof LazyStrings, unknown[][]>> = {
  resumed: [[3], [42], [96]],
  version: [['0.1.0'], ['dev']],
  bodyFailed: FAILURES.map((f) => [f]),
  markAllRead: [[1], [2], [37], [100_000]],
  markedAllRead: [[1], [2], [5], [21]],
  skipped: REPORTS.map((r) => [r]),
  failure: FAILURES.map((f) => [f]),
  repaired: [[report({ badDates: 1 })], [report({ truncatedFields: 3 })], [report({ badDates: 2, truncatedFields: 5 })]],
  parseNotes: [...REPORTS.map((r) => [r]), [report({ noId: 1, badDates: 21 })]],
  partialSaved: [[1, 1], [3, 250], [22, 5]],
  stoppedAtLimit: [[1], [10_000]],
  syncProgress: [[1, 1], [2, 250], [5, 21], [120, 100_000]],
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

  test('the numbers in a failure sentence survive', async () => {
    await applyLocale(locale);
    // The code only: a server's status text is never quoted (issue 14).
    const http = strings.failure({ kind: 'http', status: 404, statusText: 'Not \u202eFound' });
    expect(http).toContain('404');
    expect(http).not.toContain('Found');
    expect(strings.failure({ kind: 'timeout', seconds: 10 })).toContain('10');
    expect(strings.failure({ kind: 'too-large', bytes: 64 * 1048576 })).toContain('64');
    expect(strings.failure({ kind: 'storage', name: 'QuotaExceededError', written: 250, total: 300 })).toMatch(/250.*300/);
    // A value read from a rejected file or feed is never echoed (issue 14).
    expect(strings.failure({ kind: 'feed', error: { code: 'bad-version', detail: 'https://evil.example/\u202e' } })).not.toContain('evil.example');
  });

  test('skipped is empty when nothing was skipped', async () => {
    await applyLocale(locale);
    expect(strings.skipped(report({ total: 5, kept: 5, truncatedFields: 2, badDates: 1 }))).toBe('');
  });
});

test('the translations are not English', () => {
  for (const [, strings] of CATALOGUES.slice(1)) {
    expect(strings.bodyFailed({ kind: 'offline' })).not.toBe(enLazy.bodyFailed({ kind: 'offline' }));
    expect(strings.markAllRead(2)).not.toBe(enLazy.markAllRead(2));
    for (const f of FAILURES) expect(strings.failure(f)).not.toBe(enLazy.failure(f));
    for (const r of REPORTS) expect(strings.skipped(r)).not.toBe(enLazy.skipped(r));
  }
});
