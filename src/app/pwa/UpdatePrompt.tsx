/**
 * "A new version is ready — Reload". Reload tells the waiting service worker to take over and
 * reloads once it controls the page, so no page ever runs half old, half new code.
 */
import { useEffect, useState } from 'preact/hooks';
import { tl } from '../../i18n/lazy';
import { onSw } from './sw-events';

export function UpdatePrompt() {
  const [apply, setApply] = useState<() => void>();
  const [ready, setReady] = useState(false);
  const [reloading, setReloading] = useState(false);

  useEffect(
    () =>
      onSw((e) => {
        if (e.type === 'update-ready') setApply(() => e.apply);
        else setReady(true);
      }),
    [],
  );

  useEffect(() => {
    if (!ready) return;
    const timer = setTimeout(() => setReady(false), 6000);
    return () => clearTimeout(timer);
  }, [ready]);

  return (
    <>
      {apply && (
        <div role="alert" class="toast">
          <span>{tl().updateReady}</span>
          <button
            type="button"
            disabled={reloading}
            onClick={() => {
              setReloading(true);
              apply();
            }}
          >
            {tl().reload}
          </button>
        </div>
      )}
      <div class="toast-live" aria-live="polite">
        {ready && !apply ? tl().offlineReady : ''}
      </div>
    </>
  );
}
