/**
 * WebKit (Safari, and every browser on iPhone and iPad) deletes what a site stored once the site
 * has gone 7 days unused, unless it was added to the Home Screen. Outside the installed app, the
 * reader is told so once, with the Add-to-Home-Screen steps; Got it dismisses it for good (the
 * app keeps that, see `storageNoteDismissed` in platform/install.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import { loadLazyStrings, tl } from '../../i18n/lazy';
import { dismissStorageNote, storageAtRisk, storageNoteDismissed } from '../../platform/install';

export function WebKitStorageNote({ onDismiss }: { onDismiss: () => void }) {
  return (
    <aside class="storage-note" aria-labelledby="storage-note-text">
      <p id="storage-note-text">{tl().webkitStorageNote}</p>
      <p>{tl().iosInstall}</p>
      <button type="button" class="secondary" onClick={onDismiss}>
        {tl().webkitStorageDismiss}
      </button>
    </aside>
  );
}

/** Shows the note where it applies (WebKit, not the installed app, not dismissed), with its strings loaded. */
export function StorageNoteGate() {
  const [open, setOpen] = useState(() => storageAtRisk() && !storageNoteDismissed());
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (open) void loadLazyStrings().then(() => setReady(true));
  }, [open]);
  if (!open || !ready) return null;
  return (
    <WebKitStorageNote
      onDismiss={() => {
        dismissStorageNote();
        setOpen(false);
      }}
    />
  );
}
