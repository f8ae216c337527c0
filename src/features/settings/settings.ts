/**
 * Reader settings (see core/settings.ts), kept in localStorage because they must apply before the
 * first paint (no flash of the wrong theme), and validated on read, since anything in storage may
 * be stale or edited by hand.
 */
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../../core/settings';

const KEY = 'broadsheet:settings';

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
  // A window without matchMedia (a test stub) is taken as light.
  const dark = s.theme === 'dark' || (s.theme === 'system' && (matchMedia as typeof matchMedia | undefined)?.('(prefers-color-scheme: dark)').matches);
  // Light: the publisher's theme_color (broadsheet.config.json).
  meta?.setAttribute('content', s.theme === 'sepia' ? '#5b3a1e' : dark ? '#161412' : (import.meta.env.VITE_THEME_COLOR ?? '#7a1f1f'));
}
