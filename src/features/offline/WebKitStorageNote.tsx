/**
 * WebKit (Safari, and every browser on iPhone and iPad) deletes what a site stored once the site
 * has gone 7 days unused, unless it was added to the Home Screen. Outside the installed app, the
 * reader is told so once, with the Add-to-Home-Screen steps; Got it dismisses it for good.
 */
import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { tl } from '../../i18n/lazy';

const KEY = 'broadsheet-webkit-storage-note';

/** Whether the note was dismissed on this device. */
export function webkitNoteDismissed(): boolean {
  try {
    return localStorage.getItem(KEY) === 'dismissed';
  } catch {
    return false; // no storage at all: nothing to lose, but nothing remembers the dismissal either
  }
}

export function WebKitStorageNote() {
  const [open, setOpen] = useState(() => !webkitNoteDismissed());
  if (!open) return null;
  return (
    <aside class="storage-note" aria-labelledby="storage-note-text">
      <p id="storage-note-text">{tl().webkitStorageNote}</p>
      <p>{t.iosInstall}</p>
      <button
        type="button"
        class="secondary"
        onClick={() => {
          try {
            localStorage.setItem(KEY, 'dismissed');
          } catch {
            // not remembered: it shows again next time
          }
          setOpen(false);
        }}
      >
        {tl().webkitStorageDismiss}
      </button>
    </aside>
  );
}
