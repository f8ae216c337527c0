/**
 * Reader settings as data: theme, text size, line width, motion and UI language, with their
 * defaults and a parser that keeps each valid field of untrusted input (localStorage, a backup
 * file) and defaults the rest. Applying and storing them is `features/settings/settings.ts`.
 */
import { isLocale, type Locale } from './locales';

export const THEMES = ['system', 'light', 'dark', 'sepia'] as const;
export const WIDTHS = ['narrow', 'medium', 'wide'] as const;
export const MOTIONS = ['system', 'reduce'] as const;
export const FONT_SCALES = [0.875, 1, 1.125, 1.25, 1.5, 1.75, 2] as const;

export interface Settings {
  theme: (typeof THEMES)[number];
  fontScale: number;
  lineWidth: (typeof WIDTHS)[number];
  motion: (typeof MOTIONS)[number];
  /** 'auto' follows the browser's languages. */
  locale: 'auto' | Locale;
}

export const DEFAULT_SETTINGS: Settings = { theme: 'system', fontScale: 1, lineWidth: 'medium', motion: 'system', locale: 'auto' };

const oneOf = <T extends string>(list: readonly T[], v: unknown, fallback: T): T => (list.includes(v as T) ? (v as T) : fallback);

/** Parses stored settings, keeping each valid field and defaulting the rest. */
export function parseSettings(raw: string | null): Settings {
  let v: Record<string, unknown> = {};
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) v = parsed as Record<string, unknown>;
  } catch {
    // corrupt: defaults
  }
  const scale = Number(v.fontScale);
  return {
    theme: oneOf(THEMES, v.theme, DEFAULT_SETTINGS.theme),
    fontScale: (FONT_SCALES as readonly number[]).includes(scale) ? scale : DEFAULT_SETTINGS.fontScale,
    lineWidth: oneOf(WIDTHS, v.lineWidth, DEFAULT_SETTINGS.lineWidth),
    motion: oneOf(MOTIONS, v.motion, DEFAULT_SETTINGS.motion),
    locale: v.locale === 'auto' || isLocale(v.locale) ? v.locale : DEFAULT_SETTINGS.locale,
  };
}
