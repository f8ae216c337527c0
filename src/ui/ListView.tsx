/**
 * The list: search box, tag filter, the `N articles` status and the rows (windowed, `Rows.tsx`).
 * The filter lives in the URL; typing replaces the history entry, choosing a tag pushes one, so
 * Back undoes a tag choice but not every keystroke.
 *
 * A query is answered by the search worker, a moment after the keystroke; until then the list
 * keeps showing the previous results (marked busy), and the status always describes the results
 * on screen, never a new filter with an old count.
 */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { isFiltered, tagCounts, type Filter, type ListEntry } from '../search/filter';
import type { Results } from './archive';
import { formatNumber } from './format';
import { BASE, historyState, isPlainClick, navigate, patchState } from './navigation';
import { listHref, articleHref } from './router';
import { Rows, viewportAnchor } from './Rows';
import { en as t } from './strings';

export interface ListViewProps {
  /** Every stored article; `undefined` while the store is being read. */
  entries: ListEntry[] | undefined;
  /** The entries that pass the filter. */
  visible: ListEntry[];
  filter: Filter;
  syncing: boolean;
  /** A sentence about items the last sync skipped, or ''. */
  skipped: string;
  /**
   * When a query is being answered: the results on screen and the filter they are for (which
   * may be the previous one), and whether newer ones are coming. Without it, `visible` is
   * taken to match `filter`.
   */
  results?: { shown: Results | undefined; pending: boolean };
  /** False while the rest of the archive is still being read after the first rows. */
  complete?: boolean;
  /** How many articles are stored, while `entries` holds only the first rows. */
  total?: number | undefined;
}

export function ListView({ entries, visible, filter, syncing, skipped, results, complete = true, total }: ListViewProps) {
  const tags = useMemo(() => (entries ? tagCounts(entries) : []), [entries]);
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

  const shown = results ? results.shown : { filter, visible, partial: false };
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

  const open = (e: MouseEvent, id: string) => {
    if (!isPlainClick(e)) return;
    e.preventDefault();
    patchState({ scrollY: Math.round(scrollY), focusId: id, ...viewportAnchor(list.current?.querySelector('ul.articles') ?? null) });
    navigate(articleHref(BASE, id), { state: { fromList: location.pathname + location.search } });
    scrollTo(0, 0);
  };

  const onTagLink = (e: MouseEvent, tag: string) => {
    if (!isPlainClick(e)) return;
    e.preventDefault();
    setFilter({ ...filter, tag }, false);
    scrollTo(0, 0);
  };

  const count = shown ? t.articleCount(complete ? rows.length : (total ?? rows.length), formatNumber) : '';
  const filtered = isFiltered(filter);
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
            onInput={(e) => setFilter({ ...filter, q: e.currentTarget.value }, true)}
          />
        </div>
        <div class="field tag-field">
          <label for="tag">{t.tagLabel}</label>
          <select id="tag" name="tag" value={filter.tag} onChange={(e) => setFilter({ ...filter, tag: e.currentTarget.value }, false)}>
            <option value="">{t.allTags}</option>
            {filter.tag && !tags.some((x) => x.tag.toLowerCase() === filter.tag.toLowerCase()) && (
              <option value={filter.tag}>{filter.tag}</option>
            )}
            {tags.map(({ tag, count: n }) => (
              <option key={tag} value={tag}>
                {tag} ({formatNumber(n)})
              </option>
            ))}
          </select>
        </div>
      </form>

      <div class="list-meta">
        <p role="status" class="count">
          {status}
        </p>
        {entries && results?.pending && shown && <span class="searching">{t.searching}</span>}
        {filtered && (
          <a
            class="clear"
            href={BASE}
            onClick={(e) => {
              if (!isPlainClick(e)) return;
              e.preventDefault();
              setFilter({ q: '', tag: '' }, false);
            }}
          >
            {t.clearFilters}
          </a>
        )}
      </div>
      {skipped && <p class="note">{skipped}</p>}
      {shown?.partial && <p class="note">{t.indexing}</p>}

      {entries && entries.length === 0 && <p class="empty">{syncing ? t.firstSync : t.noArticlesYet}</p>}
      {entries && entries.length > 0 && shown && rows.length === 0 && <p class="empty">{t.noMatch(shown.filter.q)}</p>}

      <Rows
        entries={entries ? rows : []}
        filter={filter}
        busy={!!results?.pending}
        restore={restore}
        complete={complete && !!entries && !!shown && !results?.pending}
        onOpen={open}
        onTag={onTagLink}
      />
    </section>
  );
}
