/**
 * Service-worker registration, loaded after the first render (production builds only).
 * On first install the worker claims the page at once (`clientsClaim`), so one visit is enough
 * to work offline. Later versions wait until the reader chooses Reload.
 */
import { Workbox } from 'workbox-window';
import { BASE } from './navigation';
import { emitSw } from './sw-events';

export function registerServiceWorker(): void {
  const wb = new Workbox(trustedScriptUrl(`${BASE}sw.js`) as string, { scope: BASE });
  const container = navigator.serviceWorker;
  // Whether a worker already controls this page: the first claim is not an update.
  let controlled = Boolean(container.controller);
  let applying = false;
  let reloading = false;
  const reload = () => {
    if (reloading) return;
    reloading = true;
    location.reload();
  };
  container.addEventListener('controllerchange', () => {
    if (applying) reload();
    // Another tab applied the update: this page runs the old code under the new worker, whose
    // cache no longer holds the old lazy chunks. It must reload too; the reader says when.
    else if (controlled) emitSw({ type: 'update-ready', apply: reload });
    controlled = true;
  });
  wb.addEventListener('waiting', () => {
    emitSw({
      type: 'update-ready',
      apply: () => {
        applying = true;
        wb.messageSkipWaiting();
      },
    });
  });
  wb.addEventListener('activated', (e) => {
    if (!e.isUpdate) emitSw({ type: 'offline-ready' });
  });
  void wb.register().catch((error: unknown) => console.error('Service worker registration failed', error));
}

interface TrustedTypePolicyFactoryLike {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): { createScriptURL(url: string): unknown };
}

/**
 * The page's CSP requires Trusted Types, and `serviceWorker.register` is a script-URL sink: it
 * only takes a URL made by a policy. Ours vouches for exactly one URL, the app's own worker.
 */
function trustedScriptUrl(url: string): unknown {
  const factory = (globalThis as { trustedTypes?: TrustedTypePolicyFactoryLike }).trustedTypes;
  if (!factory) return url;
  const policy = factory.createPolicy('broadsheet', {
    createScriptURL(input) {
      if (input !== url) throw new TypeError(`Broadsheet refuses to load script from ${input}`);
      return input;
    },
  });
  return policy.createScriptURL(url);
}
