import { render } from 'preact';
import { App } from './ui/App';
import './ui/styles.css';

// Which build is running, for support and for the update test: a page never mixes two.
document.documentElement.dataset.build = __BUILD_ID__;

const root = document.getElementById('app');
if (root) render(<App />, root);

// Scroll positions are restored by the app itself, once the list has been read from the store.
if ('scrollRestoration' in history) history.scrollRestoration = 'manual';

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const register = () => void import('./ui/sw-bridge').then((m) => m.registerServiceWorker());
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}
