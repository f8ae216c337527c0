import { useEffect, useState } from 'preact/hooks';
import { alertPending } from './alerts';
import type { Notice, SyncState } from './useSync';

/**
 * The alert's sentences are in the lazy catalogue, composed by `alert-text.ts`: both are loaded
 * the first time there may be one to say.
 */
const loadText = () =>
  Promise.all([import('./alert-text'), import('../platform/install'), import('../i18n/lazy').then(async (m) => (await m.loadLazyStrings(), m.tl))]).then(
    ([{ alertText }, { storageAtRisk }, tl]) =>
      (...[sync, notice, stored]: [SyncState, Notice, number | undefined]) =>
        alertText(sync, notice, tl(), stored, storageAtRisk()),
  );
type Text = Awaited<ReturnType<typeof loadText>>;

/** The page's alert region: always in the DOM, so screen readers announce what appears in it. */
export function Alert({ sync, notice, stored }: { sync: SyncState; notice: Notice; stored?: number | undefined }) {
  const pending = alertPending(sync, notice);
  const [text, setText] = useState<Text>();
  useEffect(() => {
    if (pending && !text) void loadText().then((f) => setText(() => f));
  }, [pending, text]);
  return (
    <div role="alert" class="alert">
      {text ? text(sync, notice, stored) : ''}
    </div>
  );
}
