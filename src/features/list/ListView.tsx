/**
 * The list: search box, filters, the `N articles` status and the rows (windowed, `Rows.tsx`).
 * The filter lives in the URL; typing replaces the history entry, any other filter change pushes
 * one, so Back undoes a filter choice but not every keystroke.
 *
 * A query is answered by the search worker, a moment after the keystroke; until then the list
 * keeps showing the previous results (marked busy), and the status always describes the results
 * on screen, never a new filter with an old count.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { facetCount, isFiltered, type Filter, type ListEntry } from '../../core/list-model';
import { PICKER_LIMIT } from '../../core/facet-index';
import type { ReadingState } from '../../core/reading';
import type { ShownResults } from './useList';
import { t } from '../../i18n';
import { num } from '../../i18n/format';
import { BASE, historyState, navigate, patchState } from '../../ui/navigation';
import { Link } from '../../ui/Link';
import { listHref } from '../../core/routes';
import { useHighlightCounts } from './useHighlightCounts';
import { Rows, viewportAnchor } from './Rows';
import type { MarkAll, MarkAllReadProps } from './MarkAllRead';
import { Options } from './Options';
import type { FacetsProps } from './Facets';
import { useLazy } from '../../ui/useLazy';
import { tagsOf, useFacet } from './useFacet';
import type { FacetFinderProps } from './FacetFinder';

// The panel's strings are in the lazy catalogue: it renders once they are loaded too.
// "Mark N as read" is not needed for the first rows: it loads, with its strings, right after.
const loadMarkAll = () =>
  Promise.all([import('./MarkAllRead'), import('../../i18n/lazy').then((m) => m.loadLazyStrings())]).then(([m]) => m.MarkAllRead);
/** "Find a tag" shows only beyond the picker's limit: its code loads then. */
const loadFinder = () => import('./FacetFinder').then((m) => m.FacetFinder);
const loadFacets = () => Promise.all([import('./Facets'), import('../../i18n/lazy').then((m) => m.loadLazyStrings())]).then(([m]) => m.Facets);

interface ListViewBase {
  /** Every stored article; `undefined` while the store is being read. */
  entries: ListEntry[] | undefined;
  filter: Filter;
  syncing: boolean;
  states?: ReadonlyMap<string, ReadingState>;
  /** Whether each article can be read fully offline (text and images); absent while unknown. */
  offline?: ReadonlyMap<string, boolean> | undefined;
  /** False while the rest of the archive is still being read after the first rows. */
  complete?: boolean;
  /** How many articles are stored, while `entries` holds only the first rows. */
  total?: number | undefined;
  /** Marks these articles read; absent where reading state cannot be kept. */
  onMarkAll?: MarkAll | undefined;
}

/** The rows to show: either already filtered, or the results of a search that may lag behind. */
export type ListViewProps = ListViewBase &
  (
    | {
        /** The entries that pass `filter`. */
        visible: ListEntry[];
        results?: undefined;
      }
    | {
        /**
         * The results on screen and the filter they are for (which may be the previous one, while
         * a query is being answered), and whether newer ones are coming.
         */
        results: ShownResults;
        visible?: undefined;
      }
  );

export function ListView({ entries, visible, filter, syncing, results, complete = true, total, states, offline, onMarkAll }: ListViewProps) {
  const highlights = useHighlightCounts();
  const tagFacet = useFacet(entries, tagsOf);
  const tags = useMemo(() => tagFacet.index.top(PICKER_LIMIT).map(({ value, count }) => ({ tag: value, count })), [tagFacet]);
  const tagOptions = useMemo(() => <Options items={tags.map(({ tag, count: n }) => ({ value: tag, label: tag, count: n }))} />, [tags]);
  // Authors and languages are counted only while "More filters" is open (`Facets.tsx`, loaded
  // then): at 100,000 rows that is two passes, kept incrementally afterwards (`useFacet`).
  const [toggledOpen, setMoreOpen] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    // A plain listener: `toggle` does not bubble, and not every DOM exposes `ontoggle`.
    const el = details.current;
    const onToggle = () => setMoreOpen(!!el?.open);
    el?.addEventListener('toggle', onToggle);
    return () => el?.removeEventListener('toggle', onToggle);
  }, []);
  const moreOpen = toggledOpen || facetCount(filter) - (filter.tag.trim() ? 1 : 0) > 0;
  // The facets' code (and their counting) loads when "More filters" is first opened.
  const Facets = useLazy<FacetsProps>(moreOpen, loadFacets);
  const TagFinder = useLazy<FacetFinderProps>(tagFacet.index.size > PICKER_LIMIT, loadFinder);
  const MarkAllRead = useLazy<MarkAllReadProps>(!!onMarkAll && !!entries, loadMarkAll);
  const restore = useMemo(() => {
    const { scrollY, focusId, anchorId, anchorDy } = historyState();
    return scrollY === undefined && !focusId && !anchorId ? undefined : { scrollY, focusId, anchorId, anchorDy };
  }, []);
  const list = useRef<HTMLElement>(null);

  useEffect(() => {
    // Remember the scroll position as the reader goes, so a reload also comes back to it.
    // Debounced: browsers throttle pages that call replaceState too often.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      clearTimeout(timer);
      timer = setTimeout(() => patchState({ scrollY: Math.round(scrollY) }), 200);
    };
    addEventListener('scroll', onScroll, { passive: true });
    return () => {
      clearTimeout(timer);
      removeEventListener('scroll', onScroll);
    };
  }, []);

  const shown = useMemo(() => (results ? results.shown : { filter, visible, partial: false }), [results, filter, visible]);
  const rows = shown?.visible ?? [];

  // A User Timing mark when results for a filter are on screen: the benchmark's "results painted".
  useLayoutEffect(() => {
    if (!shown || !entries) return;
    try {
      performance.mark('broadsheet:results', { detail: { q: shown.filter.q, tag: shown.filter.tag, count: shown.visible.length } });
    } catch {
      // No User Timing: nothing to mark.
    }
  }, [shown, entries]);

  const setFilter = (next: Filter, replace: boolean) => navigate(listHref(BASE, next), { replace });
  const change = (patch: Partial<Filter>) => setFilter({ ...filter, ...patch }, false);

  // Leaving for an article: remember where the list was, so Back (or a reload) comes back to it,
  // and start the article at the top. Scrolling before the navigation is safe: scroll events are
  // dispatched later, once the new history entry is in place.
  const open = (id: string) => {
    patchState({ scrollY: Math.round(scrollY), focusId: id, ...viewportAnchor(list.current?.querySelector('ul.articles') ?? null) });
    scrollTo(0, 0);
  };
  const onTagLink = () => scrollTo(0, 0);

  const count = shown ? t.articleCount(complete ? rows.length : (total ?? rows.length)) : '';
  const filtered = isFiltered(filter);
  const facets = facetCount(filter) - (filter.tag.trim() ? 1 : 0);
  // The filters match case-insensitively; show the listed spelling as selected.
  const tagValue = tagFacet.index.spelling(filter.tag) ?? filter.tag;
  // While only the newest rows are read, the count comes from the store; a filter has to wait
  // for the whole list, or it would count matches among the first rows only.
  const status = !entries
    ? t.loading
    : !shown
      ? t.searching
      : isFiltered(shown.filter)
        ? complete
          ? `${count} · ${t.filtered}`
          : t.loading
        : count;

  return (
    <section class="list-view" ref={list}>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div class="field search-field">
          <label for="q">{t.searchLabel}</label>
          <input
            id="q"
            type="search"
            name="q"
            value={filter.q}
            placeholder={t.searchPlaceholder}
            autocomplete="off"
            enterKeyHint="search"
            aria-keyshortcuts="/"
            onInput={(e) => setFilter({ ...filter, q: e.currentTarget.value }, true)}
          />
        </div>
        <div class="field tag-field">
          <label for="tag">{t.tagLabel}</label>
          <select id="tag" name="tag" value={tagValue} onChange={(e) => change({ tag: e.currentTarget.value })}>
            <option value="">{t.allTags}</option>
            {filter.tag && !tags.some((x) => x.tag === tagValue) && (
              <option value={tagValue}>
                {tagValue}
                {tagFacet.index.count(tagValue) ? ` (${num(tagFacet.index.count(tagValue))})` : ''}
              </option>
            )}
            {tagOptions}
          </select>
        </div>
        {TagFinder && tagFacet.index.size > PICKER_LIMIT && <TagFinder id="tag-find" label={t.findTag} index={tagFacet.index} onPick={(tag) => change({ tag })} />}
        <details class="more-filters" open={moreOpen} ref={details}>
          <summary>
            {t.moreFilters}
            {facets > 0 && <span class="facet-count"> · {t.activeFilters(facets)}</span>}
          </summary>
          {Facets && <Facets entries={entries} filter={filter} change={change} />}
        </details>
      </form>

      <div class="list-meta">
        <p role="status" class="count">
          {status}
        </p>
        {entries && results?.pending && shown && <span class="searching">{t.searching}</span>}
        {MarkAllRead && onMarkAll && states && entries && shown && complete && !results?.pending && <MarkAllRead rows={rows} states={states} onMarkAll={onMarkAll} />}
        {filtered && (
          <Link class="clear" href={BASE}>
            {t.clearFilters}
          </Link>
        )}
      </div>
      {shown?.partial && <p class="note">{t.indexing}</p>}

      {entries && entries.length === 0 && <p class="empty">{syncing ? t.firstSync : t.noArticlesYet}</p>}
      {entries && entries.length > 0 && shown && rows.length === 0 && <p class="empty">{t.noMatch(shown.filter.q)}</p>}

      <Rows
        entries={entries ? rows : []}
        // The rows' tag links keep the filter of the results on screen: a keystroke whose answer
        // is still coming changes no row (it rewrote every tag link's href, twice per keystroke).
        filter={shown?.filter ?? filter}
        busy={!!results?.pending}
        restore={restore}
        complete={complete && !!entries && !!shown && !results?.pending}
        onOpen={open}
        onTag={onTagLink}
        states={states}
        offline={offline}
        highlights={highlights}
      />
    </section>
  );
}
