/**
 * The "More filters" panel: unread only, saved only, author, language and date range. Loaded when
 * the panel is first opened (or a URL arrives with one of these filters): the first paint does
 * not need it, and the author and language counts are two passes over the whole archive.
 */
import { useMemo } from 'preact/hooks';
import type { Filter, ListEntry } from '../../core/list-model';
import { PICKER_LIMIT } from '../../core/facet-index';
import { locale } from '../../i18n';
import { tl } from '../../i18n/lazy';
import { Options } from './Options';
import { authorsOf, languageOf, useFacet } from './useFacet';
import { FacetFinder } from './FacetFinder';

export interface FacetsProps {
  entries: ListEntry[] | undefined;
  filter: Filter;
  /** Pushes a new filter with `patch` applied. */
  change: (patch: Partial<Filter>) => void;
}

function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function Facets({ entries, filter, change }: FacetsProps) {
  // Counted once when the panel opens, then incrementally (`useFacet`); the pickers offer the
  // most frequent values (authors alphabetically), the rest are found by typing.
  const authorFacet = useFacet(entries, authorsOf);
  const languageFacet = useFacet(entries, languageOf);
  const authors = useMemo(
    () => authorFacet.index.top(PICKER_LIMIT).map(({ value, count }) => ({ name: value, count })).sort((a, b) => a.name.localeCompare(b.name)),
    [authorFacet],
  );
  const languages = useMemo(() => languageFacet.index.top(PICKER_LIMIT).map(({ value, count }) => ({ lang: value, count })), [languageFacet]);
  const authorOptions = useMemo(() => <Options items={authors.map(({ name, count: n }) => ({ value: name, label: name, count: n }))} />, [authors]);
  const languageOptions = useMemo(() => <Options items={languages.map(({ lang, count: n }) => ({ value: lang, label: languageName(lang), count: n }))} />, [languages]);
  // The filters match case-insensitively; show the listed spelling as selected.
  const authorValue = (filter.author && authorFacet.index.spelling(filter.author)) ?? filter.author ?? '';
  return (
    <div class="facets">
      <label class="check">
        <input type="checkbox" checked={!!filter.unread} onChange={(e) => change({ unread: e.currentTarget.checked })} />
        {tl().unreadOnly}
      </label>
      <label class="check">
        <input type="checkbox" checked={!!filter.saved} onChange={(e) => change({ saved: e.currentTarget.checked })} />
        {tl().savedOnly}
      </label>
      <div class="field">
        <label for="author">{tl().authorLabel}</label>
        <select id="author" value={authorValue} onChange={(e) => change({ author: e.currentTarget.value })}>
          <option value="">{tl().anyAuthor}</option>
          {!!filter.author && !authors.some((a) => a.name === authorValue) && <option value={authorValue}>{authorValue}</option>}
          {authorOptions}
        </select>
      </div>
      {authorFacet.index.size > PICKER_LIMIT && <FacetFinder id="author-find" label={tl().findAuthor} index={authorFacet.index} onPick={(author) => change({ author })} />}
      <div class="field">
        <label for="lang">{tl().languageLabel}</label>
        <select id="lang" value={filter.lang ?? ''} onChange={(e) => change({ lang: e.currentTarget.value })}>
          <option value="">{tl().anyLanguage}</option>
          {!!filter.lang && !languages.some((l) => l.lang === filter.lang) && <option value={filter.lang}>{filter.lang}</option>}
          {languageOptions}
        </select>
      </div>
      <div class="field">
        <label for="from">{tl().fromDate}</label>
        <input id="from" type="date" value={filter.from ?? ''} max={filter.to || undefined} onChange={(e) => change({ from: e.currentTarget.value })} />
      </div>
      <div class="field">
        <label for="to">{tl().toDate}</label>
        <input id="to" type="date" value={filter.to ?? ''} min={filter.from || undefined} onChange={(e) => change({ to: e.currentTarget.value })} />
      </div>
    </div>
  );
}
