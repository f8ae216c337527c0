import { afterEach, describe, expect, test } from 'vitest';
import * as i18n from '../../../src/i18n';
import { applyLocale } from '../../../src/i18n';
import { isLocale, LOCALE_NAMES, LOCALES, pickLocale, type Locale } from '../../../src/core/locales';
import es from '../../../src/i18n/es/main';
import pt from '../../../src/i18n/pt/main';
import uk from '../../../src/i18n/uk/main';
import { en, type Strings } from '../../../src/i18n/en/main';

afterEach(async () => {
  await applyLocale('en');
});

/** Representative arguments for every function in a catalogue. A new function must be added here. */
const ARGS: Record<string, unknown[][]> = {
  articleCount: [[0], [1], [2], [5], [21], [2500]],
  noMatch: [[''], ['budget']],
  updatedAgo: [['5 minutes ago'], ['now']],
  activeFilters: [[1], [2], [5], [7]],
  highlightCount: [[1], [2], [5], [21]],
  minRead: [[1], [2], [5], [21]],
  offlineCalm: [[1], [2], [5], [46]],
};

const CATALOGUES: [Locale, Strings][] = [
  ['en', en],
  ['es', es],
  ['pt', pt],
  ['uk', uk],
];
const TRANSLATIONS = CATALOGUES.filter(([l]) => l !== 'en');

const call = (fn: unknown, args: unknown[]): unknown => (fn as (...a: unknown[]) => unknown)(...args);

describe('pickLocale', () => {
  test.each<[string[], Locale]>([
    [['uk-UA'], 'uk'],
    [['pt-BR', 'en'], 'pt'],
    [['fr', 'es-419'], 'es'],
    [['fr'], 'en'],
    [[], 'en'],
    [['EN-gb', 'uk'], 'en'],
    [['ES'], 'es'],
    [['de-DE', 'fr-CH', 'pt-PT'], 'pt'],
    [['ukr', 'u'], 'en'],
  ])('%j → %s', (preferred, expected) => {
    expect(pickLocale(preferred)).toBe(expected);
  });
});

describe('LOCALES', () => {
  test('are en, es, pt, uk, each named in itself', () => {
    expect([...LOCALES]).toEqual(['en', 'es', 'pt', 'uk']);
    expect(LOCALE_NAMES).toEqual({ en: 'English', es: 'Español', pt: 'Português', uk: 'Українська' });
  });

  test('isLocale', () => {
    expect(LOCALES.every((l) => isLocale(l))).toBe(true);
    expect(isLocale('fr')).toBe(false);
    expect(isLocale('EN')).toBe(false);
    expect(isLocale('es-MX')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });

  test('every function in the English catalogue has representative arguments here', () => {
    const fnKeys = Object.keys(en).filter((k) => typeof en[k as keyof Strings] === 'function');
    expect(fnKeys.sort()).toEqual(Object.keys(ARGS).sort());
  });
});

describe.each(CATALOGUES)('the %s catalogue', (locale, strings) => {
  test('has exactly the keys of en, each of the same kind', () => {
    expect(Object.keys(strings).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof Strings)[]) expect([key, typeof strings[key]]).toEqual([key, typeof en[key]]);
  });

  test('every string is non-empty', () => {
    for (const [key, value] of Object.entries(strings)) {
      if (typeof value === 'string') expect([key, value.trim().length > 0]).toEqual([key, true]);
    }
  });

  test('every function returns a non-empty, fully interpolated string', async () => {
    await applyLocale(locale);
    for (const [key, value] of Object.entries(strings)) {
      if (typeof value !== 'function') continue;
      for (const args of ARGS[key] ?? []) {
        const out = call(value, args);
        const label = `${locale}.${key}(${JSON.stringify(args)})`;
        expect([label, typeof out]).toEqual([label, 'string']);
        expect([label, (out as string).trim().length > 0]).toEqual([label, true]);
        expect([label, /undefined|NaN|\[object |null/.test(out as string)]).toEqual([label, false]);
      }
    }
  });

  test('the query in a no-match sentence survives', async () => {
    await applyLocale(locale);
    expect(strings.noMatch('budget')).toContain('budget');
  });
});

describe.each(TRANSLATIONS)('the %s translation', (locale, strings) => {
  test('is not English: its counts are not left in English', async () => {
    await applyLocale(locale);
    expect(strings.articleCount(2)).not.toBe(en.articleCount(2));
  });
});

describe('applyLocale', () => {
  test('starts in English', () => {
    expect(i18n.locale).toBe('en');
    expect(i18n.t).toBe(en);
    expect(i18n.t.articleCount(2)).toBe('2 articles');
  });

  test('uk: t is live, uses one/few/many plural forms, and sets <html lang>', async () => {
    await applyLocale('uk');
    expect(i18n.locale).toBe('uk');
    expect(i18n.t).toBe(uk);
    expect(document.documentElement.lang).toBe('uk');
    expect(i18n.t.articleCount(1)).toBe('1 стаття');
    expect(i18n.t.articleCount(2)).toBe('2 статті');
    expect(i18n.t.articleCount(3)).toBe('3 статті');
    expect(i18n.t.articleCount(4)).toBe('4 статті');
    expect(i18n.t.articleCount(5)).toBe('5 статей');
    expect(i18n.t.articleCount(11)).toBe('11 статей');
    expect(i18n.t.articleCount(12)).toBe('12 статей');
    expect(i18n.t.articleCount(21)).toBe('21 стаття');
    expect(i18n.t.articleCount(22)).toBe('22 статті');
    expect(i18n.t.articleCount(0)).toBe('0 статей');
  });

  test('es: 1 artículo / 2 artículos, <html lang="es">', async () => {
    await applyLocale('es');
    expect(i18n.locale).toBe('es');
    expect(document.documentElement.lang).toBe('es');
    expect(i18n.t.articleCount(1)).toBe('1 artículo');
    expect(i18n.t.articleCount(2)).toBe('2 artículos');
    expect(i18n.t.articleCount(0)).toBe('0 artículos');
  });

  test('pt: 1 artigo / 2 artigos', async () => {
    await applyLocale('pt');
    expect(document.documentElement.lang).toBe('pt');
    expect(i18n.t.articleCount(1)).toBe('1 artigo');
    expect(i18n.t.articleCount(2)).toBe('2 artigos');
  });

  test('back to en restores English', async () => {
    await applyLocale('uk');
    await applyLocale('en');
    expect(i18n.t).toBe(en);
    expect(document.documentElement.lang).toBe('en');
    expect(i18n.t.articleCount(1)).toBe('1 article');
    expect(i18n.t.articleCount(5)).toBe('5 articles');
  });

  // Regression: without a "latest call wins" guard, a language whose catalogue was still loading
  // finished after a later call for another language and overwrote it (choosing Español, then
  // quickly English, in Settings left the UI in Spanish while the settings said English).
  test('the last call wins when an earlier one is still loading its catalogue', async () => {
    const slow = applyLocale('es');
    const fast = applyLocale('en');
    await Promise.all([slow, fast]);
    expect(i18n.locale).toBe('en');
    expect(i18n.t).toBe(en);
    expect(document.documentElement.lang).toBe('en');
  });
});
