import { useEffect, useState } from 'preact/hooks';
import type { LazyStrings } from '../i18n/en/lazy';
import { alertPending, alertText } from './alerts';
import type { Notice, SyncState } from './useSync';

/** The alert's sentences are in the lazy catalogue: loaded the first time there may be one to say. */
const loadStrings = () => import('../i18n/lazy').then(async (m) => (await m.loadLazyStrings(), m.tl));

/** The page's alert region: always in the DOM, so screen readers announce what appears in it. */
export function Alert({ sync, notice, stored }: { sync: SyncState; notice: Notice; stored?: number | undefined }) {
  const pending = alertPending(sync, notice);
  const [strings, setStrings] = useState<() => LazyStrings>();
  useEffect(() => {
    if (pending && !strings) void loadStrings().then((tl) => setStrings(() => tl));
  }, [pending, strings]);
  return (
    <div role="alert" class="alert">
      {strings ? alertText(sync, notice, strings(), stored) : ''}
    </div>
  );
}
