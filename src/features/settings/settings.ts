/**
 * Reader settings: theme, text size, line width, motion and UI language. Kept in localStorage
 * because they must apply before the first paint (no flash of the wrong theme), and validated
 * on read, since anything in storage may be stale or edited by hand.
 */
import { isLocale, type Locale } from '../../i18n';

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

const KEY = 'broadsheet:settings';

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

export function loadSettings(): Settings {
  try {
    return parseSettings(localStorage.getItem(KEY));
  } catch {
    return { ...DEFAULT_SETTINGS }; // storage blocked
  }
}

export function saveSettings(s: Settings): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(s));
  } catch {
    // Storage blocked or full: the settings still apply for this session.
  }
}

/** Applies settings to the document at once: CSS reads these attributes and properties. */
export function applySettings(s: Settings, root: HTMLElement = document.documentElement): void {
  root.dataset.theme = s.theme;
  root.dataset.width = s.lineWidth;
  root.dataset.motion = s.motion;
  root.style.setProperty('--font-scale', String(s.fontScale));
  const meta = document.querySelector('meta[name="theme-color"]');
  const dark = s.theme === 'dark' || (s.theme === 'system' && matchMedia?.('(prefers-color-scheme: dark)').matches);
  meta?.setAttribute('content', s.theme === 'sepia' ? '#5b3a1e' : dark ? '#161412' : '#7a1f1f');
}
