/**
 * The UI language. English ships in the first-load bundle; the other catalogues are separate
 * chunks (precached by the service worker, so they work offline too) loaded before the first
 * render when the reader's language needs one. `t` is a live binding: after `applyLocale` the next
 * render reads the new catalogue everywhere.
 */
import { setFormatLocale } from './format';
import { en, type Strings } from './en/main';
import type { OfflineStrings } from './en/lazy';

export const LOCALES = ['en', 'es', 'pt', 'uk'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language named in itself, as a language menu should. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  es: 'Español',
  pt: 'Português',
  uk: 'Українська',
};

const loaders: Record<Exclude<Locale, 'en'>, () => Promise<{ default: Strings; offline: OfflineStrings }>> = {
  es: () => import('./es'),
  pt: () => import('./pt'),
  uk: () => import('./uk'),
};

export let t: Strings = en;
/** The lazily shown views' strings for the current language; undefined means English (see strings-offline.ts). */
export let offlineStrings: OfflineStrings | undefined;
export let locale: Locale = 'en';

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

/** The first of the browser's languages that we have, else English. */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const l of preferred) {
    const base = l.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

let requested = 0;

/** Switches the UI language. When calls overlap, the last one asked for wins. */
export async function applyLocale(next: Locale): Promise<void> {
  const mine = ++requested;
  const m = next === 'en' ? undefined : await loaders[next]();
  if (mine !== requested) return;
  t = m ? m.default : en;
  offlineStrings = m?.offline;
  locale = next;
  setFormatLocale(next);
  if (typeof document !== 'undefined') document.documentElement.lang = next;
}
