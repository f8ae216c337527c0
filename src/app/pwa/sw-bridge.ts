/**
 * Service-worker registration, loaded after the first render (production builds only).
 * On first install the worker claims the page at once (`clientsClaim`), so one visit is enough
 * to work offline. A later version waits: if the reader has not touched the page yet it is
 * applied silently (reload before they start reading); otherwise the update prompt asks first.
 * Either way the page reloads only once the new worker controls it, so no page mixes versions.
 */
import { PERIODIC_SYNC_TAG } from '../../core/names';
import { Workbox } from 'workbox-window';
import { trustedScriptUrl } from '../../platform/trusted';
import { BASE } from '../../ui/navigation';
import { hasInteracted } from '../../platform/interaction';
import { emitSw } from './sw-events';



export function registerServiceWorker(): void {
  const wb = new Workbox(trustedScriptUrl(`${BASE}sw.js`), { scope: BASE });
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
    // cache no longer holds the old lazy chunks. It must reload too: at once if the reader has
    // not touched it yet, else when they say so.
    else if (controlled) {
      if (!hasInteracted()) reload();
      else emitSw({ type: 'update-ready', apply: reload });
    }
    controlled = true;
  });
  const apply = () => {
    applying = true;
    wb.messageSkipWaiting();
  };
  wb.addEventListener('waiting', () => {
    if (!hasInteracted()) apply();
    else emitSw({ type: 'update-ready', apply });
  });
  wb.addEventListener('activated', (e) => {
    if (!e.isUpdate) emitSw({ type: 'offline-ready' });
  });
  void wb
    .register()
    .then((registration) => registration && registerPeriodicSync(registration))
    .catch((error: unknown) => console.error('Service worker registration failed', error));
}

/**
 * Periodic Background Sync (Chromium, installed apps only): the worker refreshes the index now
 * and then even when the app is closed. Where it is missing or not permitted, nothing happens;
 * the app still refreshes when it comes back to the foreground.
 */
async function registerPeriodicSync(registration: ServiceWorkerRegistration): Promise<void> {
  const periodic = (registration as ServiceWorkerRegistration & { periodicSync?: { register(tag: string, o: { minInterval: number }): Promise<void> } })
    .periodicSync;
  if (!periodic) return;
  try {
    const status = await navigator.permissions.query({ name: 'periodic-background-sync' as PermissionName });
    if (status.state === 'granted') await periodic.register(PERIODIC_SYNC_TAG, { minInterval: 6 * 60 * 60 * 1000 });
  } catch {
    // Not supported here: foreground refresh covers it.
  }
}
