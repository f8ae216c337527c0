/**
 * The UI languages Broadsheet ships, and how one is picked from the browser's preferences. Pure:
 * settings, backups and the catalogue loader all validate a language against this one list.
 */
export const LOCALES = ['en', 'es', 'pt', 'uk'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language named in itself, as a language menu should. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  es: 'Español',
  pt: 'Português',
  uk: 'Українська',
};

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

/** The first of the browser's languages that we have, else the publisher's default, else English. */
export function pickLocale(preferred: readonly string[], fallback?: string): Locale {
  for (const l of preferred) {
    const base = l.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return isLocale(fallback) ? fallback : 'en';
}
