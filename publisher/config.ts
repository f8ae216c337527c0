/**
 * `broadsheet.config.json`: a publisher's name, colours, icon, index URL, default language and
 * base path, in one file. Read by vite.config.ts at build time; every bad value is reported at
 * once, with the key, what was found and what is expected.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { LOCALES } from '../src/core/locales.ts';

export interface BrandConfig {
  name: string;
  short_name: string;
  description: string;
  theme_color: string;
  background_color: string;
  /** Absolute path of the source icon (SVG or PNG). */
  icon: string;
  index_url: string;
  language: (typeof LOCALES)[number];
  base_path: string;
}

class ConfigError extends Error {
  override name = 'ConfigError';
}

const KEYS = ['name', 'short_name', 'description', 'theme_color', 'background_color', 'icon', 'index_url', 'language', 'base_path'] as const;
const HEX = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

/** Reads and validates the file; throws ConfigError listing every problem. */
export function loadBrandConfig(file: string): BrandConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(`${file}: not found. Copy broadsheet.config.json from the repository and edit it.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${file}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  return validateBrandConfig(json, file);
}

export function validateBrandConfig(json: unknown, file: string): BrandConfig {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new ConfigError(`${file}: must be a JSON object ({ "name": …, … })`);
  const v = json as Record<string, unknown>;
  const errors: string[] = [];
  const bad = (key: string, want: string) => errors.push(`"${key}": ${want}, not ${key in v ? JSON.stringify(v[key]) : 'missing'}`);
  for (const key of Object.keys(v)) {
    if (key !== '$schema' && !(KEYS as readonly string[]).includes(key)) errors.push(`"${key}": unknown key (the keys are ${KEYS.join(', ')})`);
  }
  const text = (key: string, max: number) => {
    const s = v[key];
    if (typeof s !== 'string' || !s.trim() || s.length > max) bad(key, `a non-empty text of at most ${max} characters`);
  };
  text('name', 100);
  text('short_name', 30);
  text('description', 300);
  for (const key of ['theme_color', 'background_color']) {
    if (typeof v[key] !== 'string' || !HEX.test(v[key])) bad(key, 'a hex colour such as "#7a1f1f"');
  }
  let icon = '';
  if (typeof v.icon !== 'string' || !['.svg', '.png'].includes(extname(v.icon).toLowerCase())) bad('icon', 'the path of an .svg or .png file, relative to the config file');
  else {
    icon = resolve(dirname(file), v.icon);
    if (!existsSync(icon)) errors.push(`"icon": ${v.icon} does not exist (looked for ${icon})`);
  }
  if (typeof v.index_url !== 'string' || !v.index_url.trim() || /^(?!https?:)[a-z][a-z0-9+.-]*:/i.test(v.index_url)) bad('index_url', 'a path such as "feed.json" (relative to the app) or an http(s) URL');
  if (typeof v.language !== 'string' || !(LOCALES as readonly string[]).includes(v.language)) bad('language', `one of ${LOCALES.join(', ')}`);
  if (typeof v.base_path !== 'string' || !/^\/(?:[^\s?#]*\/)?$/.test(v.base_path)) bad('base_path', 'a path that starts and ends with "/", such as "/" or "/news/"');
  if (errors.length) throw new ConfigError(`${file} has ${errors.length} problem${errors.length > 1 ? 's' : ''}:\n  ${errors.join('\n  ')}`);
  return { ...(v as unknown as BrandConfig), icon };
}
