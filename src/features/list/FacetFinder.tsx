import { useMemo, useState } from 'preact/hooks';
import type { FacetIndex } from '../../core/facet-index';
import type { ListEntry } from '../../core/list-model';

/**
 * A field to find any value by its first letters, for facets with more values than the picker
 * offers: an input with suggestions (a `<datalist>`, found by prefix, at most a few dozen).
 */
export interface FacetFinderProps {
  id: string;
  label: string;
  index: FacetIndex<ListEntry>;
  onPick: (value: string) => void;
}

export function FacetFinder({ id, label, index, onPick }: FacetFinderProps) {
  const [typed, setTyped] = useState('');
  const found = useMemo(() => index.find(typed), [index, typed]);
  return (
    <div class="field finder">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        list={`${id}-list`}
        value={typed}
        autocomplete="off"
        onInput={(e) => setTyped(e.currentTarget.value)}
        onChange={(e) => {
          const value = index.spelling(e.currentTarget.value);
          if (value) {
            onPick(value);
            setTyped('');
          }
        }}
      />
      <datalist id={`${id}-list`}>
        {found.map((f) => (
          <option key={f.value} value={f.value} />
        ))}
      </datalist>
    </div>
  );
}
