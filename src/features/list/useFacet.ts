/** Facet counts (tags, authors, languages) kept incrementally across renders. */
import { useMemo, useRef } from 'preact/hooks';
import { FacetIndex } from '../../core/facet-index';
import type { ListEntry } from '../../core/list-model';

export const tagsOf = (e: ListEntry) => e.tags;
export const authorsOf = (e: ListEntry) => e.authors;
export const languageOf = (e: ListEntry) => {
  const lang = e.language?.toLowerCase().split('-')[0];
  return lang ? [lang] : [];
};

/**
 * A facet's counts, kept incrementally across renders (`FacetIndex`): recounted only for the rows
 * a sync changed, never per keystroke. `version` changes when the counts do.
 */
export function useFacet(entries: readonly ListEntry[] | undefined, valuesOf: (e: ListEntry) => readonly string[], enabled = true): { index: FacetIndex<ListEntry> } {
  const ref = useRef<{ index: FacetIndex<ListEntry> } | undefined>(undefined);
  ref.current ??= { index: new FacetIndex(valuesOf) };
  const holder = ref;
  // A new view object whenever the counts change, so what is derived from them is recomputed then only.
  return useMemo(() => {
    const current = holder.current ?? { index: new FacetIndex(valuesOf) };
    if (entries && enabled && current.index.update(entries)) holder.current = { index: current.index };
    return holder.current ?? current;
  }, [entries, enabled, holder, valuesOf]);
}
