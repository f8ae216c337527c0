/**
 * The UI language. English ships in the first-load bundle; the other catalogues are separate
 * chunks (precached by the service worker, so they work offline too) loaded before the first
 * render when the reader's language needs one. `t` is a live binding: after `applyLocale` the next
 * render reads the new catalogue everywhere.
 */
import { type Locale } from '../core/locales';
import { setFormatLocale } from './format';
import { en, type Strings } from './en/main';

/** Each language's first-screen strings; the lazily loaded views' strings are in `lazy.ts`. */
const loaders: Record<Exclude<Locale, 'en'>, () => Promise<{ default: Strings }>> = {
  es: () => import('./es/main'),
  pt: () => import('./pt/main'),
  uk: () => import('./uk/main'),
};

export let t: Strings = en;
export let locale: Locale = 'en';

/** Loads another catalogue's part of a language and returns how to switch to it. */
type Preload = (next: Locale) => Promise<() => void>;
const preloads = new Set<Preload>();

/**
 * Lets a lazily loaded catalogue (`lazy.ts`) load its part of every language the UI switches
 * to before the switch happens, so that the next render reads one language throughout.
 */
export function beforeLocaleChange(preload: Preload): void {
  preloads.add(preload);
}

let requested = 0;

/** Switches the UI language. When calls overlap, the last one asked for wins. */
export async function applyLocale(next: Locale): Promise<void> {
  const mine = ++requested;
  const [m, switches] = await Promise.all([next === 'en' ? undefined : loaders[next](), Promise.all([...preloads].map((p) => p(next)))]);
  if (mine !== requested) return;
  t = m ? m.default : en;
  for (const apply of switches) apply();
  locale = next;
  setFormatLocale(next);
  if (typeof document !== 'undefined') document.documentElement.lang = next;
}
