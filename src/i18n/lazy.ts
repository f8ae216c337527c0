/**
 * The lazily loaded views' strings in the UI's current language. This module is imported only by
 * those views, so neither English nor any other language's lazy catalogue is in the first load:
 * a lazy view's loader awaits `loadLazyStrings()` before its first render, and from then on every
 * change of UI language loads the new lazy catalogue before the switch (`beforeLocaleChange`),
 * so no view ever renders half in one language and half in another.
 */
import type { Locale } from '../core/locales';
import { beforeLocaleChange, locale } from '.';
import { enLazy, type LazyStrings } from './en/lazy';

const loaders: Record<Exclude<Locale, 'en'>, () => Promise<{ default: LazyStrings }>> = {
  es: () => import('./es/lazy'),
  pt: () => import('./pt/lazy'),
  uk: () => import('./uk/lazy'),
};

let current: LazyStrings = enLazy;

async function load(next: Locale): Promise<LazyStrings> {
  return next === 'en' ? enLazy : (await loaders[next]()).default;
}

/** Loads the lazy strings of the current UI language; lazy views await it before they render. */
export async function loadLazyStrings(): Promise<void> {
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

/** The lazy views' strings, in the UI's current language. */
export const tl = (): LazyStrings => current;
