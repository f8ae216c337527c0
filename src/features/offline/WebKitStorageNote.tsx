/**
 * WebKit (Safari, and every browser on iPhone and iPad) deletes what a site stored once the site
 * has gone 7 days unused, unless it was added to the Home Screen. Outside the installed app, the
 * reader is told so once, with the Add-to-Home-Screen steps; Got it dismisses it for good (the
 * app keeps that, see `storageNoteDismissed` in platform/install.ts).
 */
import { t } from '../../i18n';
import { tl } from '../../i18n/lazy';

export function WebKitStorageNote({ onDismiss }: { onDismiss: () => void }) {
  return (
    <aside class="storage-note" aria-labelledby="storage-note-text">
      <p id="storage-note-text">{tl().webkitStorageNote}</p>
      <p>{t.iosInstall}</p>
      <button type="button" class="secondary" onClick={onDismiss}>
        {tl().webkitStorageDismiss}
      </button>
    </aside>
  );
}
