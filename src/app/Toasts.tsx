import { t } from '../i18n';
import { useLazy } from '../ui/useLazy';
import type { NetworkChange } from './useOnline';

/**
 * The update prompt is not needed for the first paint: it loads, with its strings, right after.
 * A service-worker event that came before it is replayed to it (`sw-events.ts`).
 */
const loadPrompt = () =>
  Promise.all([import('./pwa/UpdatePrompt'), import('../i18n/lazy').then((m) => m.loadLazyStrings())]).then(([m]) => m.UpdatePrompt);

/** Passing messages at the bottom of the screen: a new version is ready, the network came or went. */
export function Toasts({ network }: { network: NetworkChange }) {
  const UpdatePrompt = useLazy<object>(true, loadPrompt);
  return (
    <div class="toasts">
      {UpdatePrompt && <UpdatePrompt />}
      <div class="toast-live" aria-live="polite">
        {network ? t[network] : ''}
      </div>
    </div>
  );
}
