import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A lazily imported component, loaded the first time it is `needed` and kept after that;
 * `undefined` until its code has arrived. `load` should be a module-level function: a new one
 * on every render would start the import again.
 */
export function useLazy<P>(needed: boolean, load: () => Promise<ComponentType<P>>): ComponentType<P> | undefined {
  const [View, setView] = useState<ComponentType<P>>();
  useEffect(() => {
    if (needed && !View) void load().then((v) => setView(() => v));
  }, [needed, View, load]);
  return View;
}
