import { render } from 'preact';
import { App } from './app/App';
import { applyLocale } from './i18n';
import { captureInstallPrompt } from './platform/install-capture';
import './platform/interaction';
import { pickLocale } from './core/locales';
import type { Settings } from './core/settings';
import { applySettings, loadSettings, saveSettings } from './features/settings/settings';
import { loadLibrary } from './app/useSync';
import { hasFirstRows } from './features/list/useList';
import { indexUrl } from './platform/config';
import './app/styles.css';

// Which build is running, for support and for the update test: a page never mixes two.
document.documentElement.dataset.build = __BUILD_ID__;

// Scroll positions are restored by the app itself, once the list has been read from the store.
if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
captureInstallPrompt();

// A page that navigates away cancels the imports it was still loading, and Firefox reports each
// as an unhandled rejection (docs/engines.md). A code chunk that fails to load is not an
// uncaught error; the view that needed it is simply not shown, and the next visit loads it again.
addEventListener('unhandledrejection', (e) => {
  // Firefox: "error loading dynamically imported module"; Safari: "Importing a module script
  // failed"; Chromium: "Failed to fetch dynamically imported module".
  if (/dynamically imported|module script failed/i.test(String(e.reason))) e.preventDefault();
});

// `languages` is missing from some navigators (old ones, test stubs); `language` is not.
// When none of them is one we have, the publisher's default (broadsheet.config.json `language`).
const localeFor = (s: Settings) =>
  s.locale === 'auto' ? pickLocale((navigator as Partial<Navigator>).languages ?? [navigator.language], import.meta.env.VITE_DEFAULT_LANGUAGE) : s.locale;

// The store's code downloads while the first screen (kept in localStorage) renders. On a first
// visit (nothing kept), page 1 of the index is requested now too, in parallel with loading the
// code, opening the database and taking the tab lock, instead of after them. That request's code
// is a chunk of its own, requested together with the library's (it is not needed for the first
// paint); the sync's fetch, which loads after it, takes its response.
void loadLibrary();
if (!hasFirstRows() && navigator.onLine) void import('./features/sync/early').then((m) => m.prefetchFirstPage(indexUrl()));

let settings = loadSettings();
applySettings(settings);

async function changeSettings(next: Settings): Promise<void> {
  const languageChanged = localeFor(next) !== localeFor(settings);
  settings = next;
  applySettings(next);
  saveSettings(next);
  if (languageChanged) await applyLocale(localeFor(next));
  mount();
}

function mount(): void {
  const root = document.getElementById('app');
  if (root) render(<App settings={settings} onSettings={changeSettings} />, root);
}

// The reader's language is loaded before the first render, so nothing flashes in English.
void applyLocale(localeFor(settings))
  .catch(() => applyLocale('en'))
  .then(mount);

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const register = () => void import('./app/pwa/sw-bridge').then((m) => m.registerServiceWorker());
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}
