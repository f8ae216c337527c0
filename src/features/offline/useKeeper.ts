/** The page's keep-offline run, for views that show its progress or start one. */
import { useEffect, useState } from 'preact/hooks';
import type { Keeper, KeepProgress } from './keeper';

export function useKeeper(): { keeper: Keeper | undefined; progress: KeepProgress | undefined } {
  const [keeper, setKeeper] = useState<Keeper>();
  const [progress, setProgress] = useState<KeepProgress>();
  useEffect(() => {
    let stop: (() => void) | undefined;
    let live = true;
    void import('./keeper')
      .then((m) => m.keeper())
      .then((k) => {
        if (!live) return;
        setKeeper(k);
        stop = k.subscribe(setProgress);
      })
      .catch(() => {}); // no IndexedDB: nothing can be kept, the views say so
    return () => {
      live = false;
      stop?.();
    };
  }, []);
  return { keeper, progress };
}
