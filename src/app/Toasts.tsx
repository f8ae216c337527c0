import { t } from '../i18n';
import { UpdatePrompt } from './pwa/UpdatePrompt';
import type { NetworkChange } from './useOnline';

/** Passing messages at the bottom of the screen: a new version is ready, the network came or went. */
export function Toasts({ network }: { network: NetworkChange }) {
  return (
    <div class="toasts">
      <UpdatePrompt />
      <div class="toast-live" aria-live="polite">
        {network ? t[network] : ''}
      </div>
    </div>
  );
}
