/**
 * How many highlights each article has, for the list rows' small count. Read once the list is
 * shown, from the highlights store's index keys only, with its code loaded then: nothing of it is
 * in the first load's critical path. The list is mounted again when the reader comes back from an
 * article, so a highlight just made is counted.
 */
import { useEffect, useState } from 'preact/hooks';

export function useHighlightCounts(): ReadonlyMap<string, number> | undefined {
  const [counts, setCounts] = useState<ReadonlyMap<string, number>>();
  useEffect(() => {
    let live = true;
    void import('../../data/highlights')
      .then((h) => h.storedHighlightCounts())
      .then(
        (m) => {
          if (live) setCounts(m.size ? m : undefined);
        },
        () => {
          // no storage: no counts
        },
      );
    return () => {
      live = false;
    };
  }, []);
  return counts;
}
