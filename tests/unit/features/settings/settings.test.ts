import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { DEFAULT_SETTINGS, FONT_SCALES, parseSettings, type Settings } from '../../../../src/core/settings';
import { applySettings, loadSettings, saveSettings } from '../../../../src/features/settings/settings';

const DEFAULTS: Settings = { theme: 'system', fontScale: 1, lineWidth: 'medium', motion: 'system', locale: 'auto' };

describe('parseSettings', () => {
  test('the defaults are system theme, 100%, medium width, system motion, browser language', () => {
    expect(DEFAULT_SETTINGS).toEqual(DEFAULTS);
  });

  test.each([null, '', 'not json', '{"theme":', 'null', '42', '"dark"', 'true', '[]', '["dark", 1.5]', '[{"theme":"dark"}]'])(
    'parseSettings(%j) gives the defaults',
    (raw) => {
      expect(parseSettings(raw)).toEqual(DEFAULTS);
    },
  );

  test('returns a fresh object, not the shared defaults', () => {
    const s = parseSettings(null);
    expect(s).not.toBe(DEFAULT_SETTINGS);
    s.theme = 'dark';
    expect(DEFAULT_SETTINGS.theme).toBe('system');
  });

  test('a valid object round-trips through JSON', () => {
    const s: Settings = { theme: 'sepia', fontScale: 1.25, lineWidth: 'wide', motion: 'reduce', locale: 'uk' };
    expect(parseSettings(JSON.stringify(s))).toEqual(s);
  });

  test.each<Settings>([
    { theme: 'light', fontScale: 0.875, lineWidth: 'narrow', motion: 'system', locale: 'en' },
    { theme: 'dark', fontScale: 2, lineWidth: 'medium', motion: 'reduce', locale: 'es' },
    { theme: 'system', fontScale: 1.75, lineWidth: 'wide', motion: 'system', locale: 'pt' },
    { theme: 'sepia', fontScale: 1.5, lineWidth: 'narrow', motion: 'reduce', locale: 'auto' },
  ])('round-trips %o', (s) => {
    expect(parseSettings(JSON.stringify(s))).toEqual(s);
  });

  test('every offered font scale is accepted', () => {
    for (const fontScale of FONT_SCALES) expect(parseSettings(JSON.stringify({ fontScale })).fontScale).toBe(fontScale);
  });

  test.each<[string, unknown, keyof Settings]>([
    ['theme', 'neon', 'theme'],
    ['theme', 'DARK', 'theme'],
    ['theme', 1, 'theme'],
    ['theme', null, 'theme'],
    ['fontScale', 3, 'fontScale'],
    ['fontScale', 0, 'fontScale'],
    ['fontScale', -1, 'fontScale'],
    ['fontScale', 1.1, 'fontScale'],
    ['fontScale', 'big', 'fontScale'],
    ['fontScale', null, 'fontScale'],
    ['fontScale', [], 'fontScale'],
    ['lineWidth', 'huge', 'lineWidth'],
    ['lineWidth', {}, 'lineWidth'],
    ['motion', 'none', 'motion'],
    ['motion', false, 'motion'],
    ['locale', 'fr', 'locale'],
    ['locale', 'es-MX', 'locale'],
    ['locale', 'EN', 'locale'],
    ['locale', '', 'locale'],
    ['locale', 7, 'locale'],
  ])('an invalid %s (%j) falls back to its default while the other fields are kept', (field, value, key) => {
    const valid: Settings = { theme: 'dark', fontScale: 1.5, lineWidth: 'narrow', motion: 'reduce', locale: 'uk' };
    const parsed = parseSettings(JSON.stringify({ ...valid, [field]: value }));
    expect(parsed).toEqual({ ...valid, [key]: DEFAULTS[key] });
  });

  test('missing fields default; unknown fields are dropped', () => {
    expect(parseSettings('{"theme":"dark","extra":"x","__proto__":{"polluted":true}}')).toEqual({ ...DEFAULTS, theme: 'dark' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('loadSettings / saveSettings', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => localStorage.clear());

  test('nothing stored: defaults', () => {
    expect(loadSettings()).toEqual(DEFAULTS);
  });

  test('what is saved is loaded back', () => {
    const s: Settings = { theme: 'dark', fontScale: 1.125, lineWidth: 'wide', motion: 'reduce', locale: 'es' };
    saveSettings(s);
    expect(loadSettings()).toEqual(s);
  });

  test('storage that throws gives the defaults and saving does not throw', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(loadSettings()).toEqual(DEFAULTS);
    expect(() => saveSettings({ ...DEFAULTS, theme: 'dark' })).not.toThrow();
  });
});

describe('applySettings', () => {
  let meta: HTMLMetaElement;
  let root: HTMLElement;

  beforeEach(() => {
    meta = document.createElement('meta');
    meta.name = 'theme-color';
    meta.content = '#000000';
    document.head.append(meta);
    root = document.createElement('div');
  });

  afterEach(() => {
    meta.remove();
    vi.unstubAllGlobals();
  });

  const prefersDark = (dark: boolean) =>
    vi.stubGlobal(
      'matchMedia',
      vi.fn((q: string) => ({ matches: dark && q === '(prefers-color-scheme: dark)', media: q })),
    );

  test('sets data-theme, data-width, data-motion and --font-scale on the given element', () => {
    applySettings({ theme: 'sepia', fontScale: 1.25, lineWidth: 'wide', motion: 'reduce', locale: 'auto' }, root);
    expect(root.getAttribute('data-theme')).toBe('sepia');
    expect(root.getAttribute('data-width')).toBe('wide');
    expect(root.getAttribute('data-motion')).toBe('reduce');
    expect(root.style.getPropertyValue('--font-scale')).toBe('1.25');
    // Only the given element is touched.
    expect(document.documentElement.getAttribute('data-theme')).toBeNull();
  });

  test('applying again replaces the previous values', () => {
    applySettings({ theme: 'dark', fontScale: 2, lineWidth: 'narrow', motion: 'reduce', locale: 'uk' }, root);
    applySettings(DEFAULTS, root);
    expect(root.dataset).toMatchObject({ theme: 'system', width: 'medium', motion: 'system' });
    expect(root.style.getPropertyValue('--font-scale')).toBe('1');
  });

  test.each<[Settings['theme'], boolean, string]>([
    ['light', false, '#7a1f1f'],
    ['light', true, '#7a1f1f'],
    ['dark', false, '#161412'],
    ['dark', true, '#161412'],
    ['sepia', false, '#5b3a1e'],
    ['sepia', true, '#5b3a1e'],
    ['system', false, '#7a1f1f'],
    ['system', true, '#161412'],
  ])('theme %s with the device preferring dark=%s sets theme-color to %s', (theme, dark, color) => {
    prefersDark(dark);
    applySettings({ ...DEFAULTS, theme }, root);
    expect(meta.getAttribute('content')).toBe(color);
  });

  test('defaults to the document element', () => {
    const html = document.documentElement;
    try {
      applySettings({ ...DEFAULTS, theme: 'dark', fontScale: 1.5 });
      expect(html.dataset.theme).toBe('dark');
      expect(html.style.getPropertyValue('--font-scale')).toBe('1.5');
    } finally {
      delete html.dataset.theme;
      delete html.dataset.width;
      delete html.dataset.motion;
      html.style.removeProperty('--font-scale');
    }
  });

  test('without a theme-color meta it still applies the attributes', () => {
    meta.remove();
    expect(() => applySettings({ ...DEFAULTS, theme: 'dark' }, root)).not.toThrow();
    expect(root.dataset.theme).toBe('dark');
  });
});
