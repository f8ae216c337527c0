/**
 * The highlights feature's strings in the UI's current language, loaded with that feature's
 * code (the reader's toolbar, the Highlights view), never in the first load. Works as `lazy.ts`:
 * a view awaits `loadHighlightStrings()` before its first render, and a change of UI language
 * loads the new catalogue before the switch.
 */
import type { Locale } from '../core/locales';
import { beforeLocaleChange, locale } from '.';
import { enHighlights, type HighlightStrings } from './en/highlights';

const loaders: Record<Exclude<Locale, 'en'>, () => Promise<{ default: HighlightStrings }>> = {
  es: () => import('./es/highlights'),
  pt: () => import('./pt/highlights'),
  uk: () => import('./uk/highlights'),
};

let current: HighlightStrings = enHighlights;

async function load(next: Locale): Promise<HighlightStrings> {
  return next === 'en' ? enHighlights : (await loaders[next]()).default;
}

export async function loadHighlightStrings(): Promise<void> {
  const wanted = locale;
  const strings = await load(wanted);
  if (locale === wanted) current = strings;
}

beforeLocaleChange(async (next) => {
  const strings = await load(next);
  return () => {
    current = strings;
  };
});

/** The highlights feature's strings, in the UI's current language. */
export const th = (): HighlightStrings => current;
