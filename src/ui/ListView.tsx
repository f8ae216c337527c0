/**
 * The list: search box, tag filter, the `N articles` status and the rows. The filter lives in
 * the URL; typing replaces the history entry, choosing a tag pushes one, so Back undoes a tag
 * choice but not every keystroke.
 */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { isFiltered, tagCounts, type Filter, type ListEntry } from '../search/filter';
import { formatDate, formatNumber, isoDate } from './format';
import { BASE, historyState, isPlainClick, navigate, patchState } from './navigation';
import { articleHref, listHref } from './router';
import { en as t } from './strings';

export interface ListViewProps {
  /** Every stored article; `undefined` while the store is being read. */
  entries: ListEntry[] | undefined;
  /** The entries that pass the filter. */
  visible: ListEntry[];
  filter: Filter;
  syncing: boolean;
  /** A sentence about items the last sync skipped, or '' (the app says it in its alert instead). */
  skipped?: string;
}

export function ListView({ entries, visible, filter, syncing, skipped }: ListViewProps) {
  const tags = useMemo(() => (entries ? tagCounts(entries) : []), [entries]);
  const restored = useRef(false);

  // Come back exactly where the reader left: scroll position and the focused row.
  useLayoutEffect(() => {
    if (restored.current || !entries) return;
    restored.current = true;
    const { scrollY, focusId } = historyState();
    if (scrollY !== undefined) scrollTo(0, scrollY);
    if (focusId) {
      const link = document.querySelector<HTMLAnchorElement>(`a[data-id="${CSS.escape(focusId)}"]`);
      link?.focus({ preventScroll: true });
    }
  }, [entries]);

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

  const setFilter = (next: Filter, replace: boolean) => navigate(listHref(BASE, next), { replace });

  const open = (e: MouseEvent, id: string) => {
    if (!isPlainClick(e)) return;
    e.preventDefault();
    patchState({ scrollY: Math.round(scrollY), focusId: id });
    navigate(articleHref(BASE, id), { state: { fromList: location.pathname + location.search } });
    scrollTo(0, 0);
  };

  const onTagLink = (e: MouseEvent, tag: string) => {
    if (!isPlainClick(e)) return;
    e.preventDefault();
    setFilter({ ...filter, tag }, false);
    scrollTo(0, 0);
  };

  const count = t.articleCount(visible.length, formatNumber);
  const filtered = isFiltered(filter);

  return (
    <section class="list-view">
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
          {entries ? (filtered ? `${count} · ${t.filtered}` : count) : t.loading}
        </p>
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

      {entries && entries.length === 0 && <p class="empty">{syncing ? t.firstSync : t.noArticlesYet}</p>}
      {entries && entries.length > 0 && visible.length === 0 && <p class="empty">{t.noMatch(filter.q)}</p>}

      <ul class="articles" aria-label={t.listLabel}>
        {visible.map((e) => (
          <li key={e.id} class="row" lang={e.language}>
            <h2 class="row-title">
              <a href={articleHref(BASE, e.id)} data-id={e.id} onClick={(ev) => open(ev, e.id)}>
                {e.title || t.untitled}
              </a>
            </h2>
            <p class="row-meta">
              {e.published !== undefined && <time dateTime={isoDate(e.published)}>{formatDate(e.published)}</time>}
              {e.authors.length > 0 && <span class="row-authors">{e.authors.join(', ')}</span>}
            </p>
            {e.excerpt && e.excerpt !== e.title && <p class="row-excerpt">{e.excerpt}</p>}
            {e.tags.length > 0 && (
              <ul class="tags" aria-label={t.tags}>
                {e.tags.map((tag) => (
                  <li key={tag}>
                    <a href={listHref(BASE, { q: filter.q, tag })} onClick={(ev) => onTagLink(ev, tag)}>
                      {tag}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
