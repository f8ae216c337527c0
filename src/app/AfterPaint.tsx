/**
 * What the first paint does not need, in one chunk loaded right after it: the keyboard shortcuts
 * and, in WebKit outside the installed app, the note that articles stay only on the Home Screen
 * (it loads its strings only where it shows).
 */
import type { Route } from '../core/routes';
import { StorageNoteGate } from '../features/offline/WebKitStorageNote';
import { Shortcuts } from '../ui/shortcuts';

export function AfterPaint({ route }: { route: Route }) {
  return (
    <>
      <StorageNoteGate />
      <Shortcuts route={route} />
    </>
  );
}
