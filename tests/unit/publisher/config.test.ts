// @vitest-environment node
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateIcons } from '../../../publisher/brand';
import { loadBrandConfig, validateBrandConfig } from '../../../publisher/config';

const dir = mkdtempSync(join(tmpdir(), 'broadsheet-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const good = {
  name: 'Harbour Gazette — offline',
  short_name: 'Gazette',
  description: 'The harbour news, readable offline.',
  theme_color: '#0b4f6c',
  background_color: '#fff',
  icon: 'branding/icon.svg',
  index_url: 'feed.json',
  language: 'pt',
  base_path: '/news/',
};

describe('broadsheet.config.json', () => {
  it('the repository\'s own config is valid and keeps the demo\'s name', () => {
    const c = loadBrandConfig('broadsheet.config.json');
    expect(c.short_name).toBe('Broadsheet');
    expect(c.icon).toMatch(/branding[/\\]icon\.svg$/);
  });

  it('accepts a valid config and resolves the icon against the config file', () => {
    const c = validateBrandConfig(good, join(process.cwd(), 'broadsheet.config.json'));
    expect(c).toMatchObject({ ...good, icon: join(process.cwd(), 'branding/icon.svg') });
  });

  it('lists every bad value at once, with the key, the value and what is expected', () => {
    const bad = { ...good, theme_color: 'red', language: 'fr', base_path: 'news', icon: 'logo.gif', short_name: '', colour: '#fff' };
    let message = '';
    try {
      validateBrandConfig(bad, 'broadsheet.config.json');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/has 6 problems/);
    expect(message).toContain('"theme_color": a hex colour such as "#7a1f1f", not "red"');
    expect(message).toContain('"language": one of en, es, pt, uk, not "fr"');
    expect(message).toContain('"base_path": a path that starts and ends with "/"');
    expect(message).toContain('"icon": the path of an .svg or .png file');
    expect(message).toContain('"short_name": a non-empty text of at most 30 characters, not ""');
    expect(message).toContain('"colour": unknown key');
  });

  it('a missing key, a missing icon file, not JSON, and no file at all', () => {
    const { name: _name, ...noName } = good;
    expect(() => validateBrandConfig(noName, 'c.json')).toThrow(/"name": a non-empty text of at most 100 characters, not missing/);
    expect(() => validateBrandConfig({ ...good, icon: 'nope.png' }, join(dir, 'c.json'))).toThrow(/"icon": nope.png does not exist/);
    writeFileSync(join(dir, 'broken.json'), '{ "name": ');
    expect(() => loadBrandConfig(join(dir, 'broken.json'))).toThrow(/not valid JSON/);
    expect(() => loadBrandConfig(join(dir, 'absent.json'))).toThrow(/not found/);
  });

  it('generates every icon from the one source image, at the right sizes, the maskable one opaque', async () => {
    const sharp = (await import('sharp')).default;
    const files = await generateIcons(validateBrandConfig(good, join(process.cwd(), 'broadsheet.config.json')));
    expect([...files.keys()].sort()).toEqual(['favicon.ico', 'favicon.svg', 'icons/apple-touch-icon.png', 'icons/icon-192.png', 'icons/icon-512.png', 'icons/maskable-512.png']);
    const meta = async (name: string) => sharp(files.get(name)).metadata();
    expect((await meta('icons/icon-192.png')).width).toBe(192);
    expect((await meta('icons/icon-512.png')).height).toBe(512);
    expect((await meta('icons/apple-touch-icon.png')).width).toBe(180);
    const maskable = sharp(files.get('icons/maskable-512.png'));
    expect((await maskable.metadata()).width).toBe(512);
    // The safe zone: the corner is the theme colour, the image sits in the middle.
    const { data } = await maskable.clone().extract({ left: 0, top: 0, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
    expect([...data.subarray(0, 3)]).toEqual([0x0b, 0x4f, 0x6c]);
  });
});

describe('the default UI language', () => {
  it('is the publisher\'s when the browser asks for no language we have, and never overrides one we have', async () => {
    const { pickLocale } = await import('../../../src/core/locales');
    expect(pickLocale(['fr-FR', 'de'], 'pt')).toBe('pt');
    expect(pickLocale(['uk-UA'], 'pt')).toBe('uk');
    expect(pickLocale(['fr'], 'xx')).toBe('en');
    expect(pickLocale(['fr'])).toBe('en');
  });
});
