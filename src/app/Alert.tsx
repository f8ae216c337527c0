import { t } from '../i18n';
import { storageAtRisk } from '../platform/install';
import { alertText } from './alerts';
import type { Notice, SyncState } from './useSync';

/** The page's alert region: always in the DOM, so screen readers announce what appears in it. */
export function Alert({ sync, notice, stored }: { sync: SyncState; notice: Notice; stored?: number | undefined }) {
  return (
    <div role="alert" class="alert">
      {alertText(sync, notice, t, stored, storageAtRisk())}
    </div>
  );
}
