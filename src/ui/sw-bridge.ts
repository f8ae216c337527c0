/**
 * Service-worker registration, loaded after the first render (production builds only).
 * On first install the worker claims the page at once (`clientsClaim`), so one visit is enough
 * to work offline. Later versions wait until the reader chooses Reload.
 */
import { Workbox } from 'workbox-window';
import { BASE } from './navigation';
import { emitSw } from './sw-events';

export function registerServiceWorker(): void {
  const wb = new Workbox(`${BASE}sw.js`, { scope: BASE });
  let reloading = false;
  wb.addEventListener('waiting', () => {
    emitSw({
      type: 'update-ready',
      apply: () => {
        wb.addEventListener('controlling', () => {
          if (reloading) return;
          reloading = true;
          location.reload();
        });
        wb.messageSkipWaiting();
      },
    });
  });
  wb.addEventListener('activated', (e) => {
    if (!e.isUpdate) emitSw({ type: 'offline-ready' });
  });
  void wb.register().catch((error: unknown) => console.error('Service worker registration failed', error));
}
