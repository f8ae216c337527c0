/**
 * The list: search box, filters, the `N articles` status and the rows. The filter lives in the
 * URL; typing replaces the history entry, any other filter change pushes one, so Back undoes a
 * filter choice but not every keystroke.
 */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { authorCounts, facetCount, isFiltered, languageCounts, tagCounts, type Filter, type ListEntry } from '../search/filter';
import type { ReadingState } from '../state/reading';
import { formatDate, isoDate, num } from './format';
import { locale, t } from './i18n';
import { BASE, historyState, isPlainClick, navigate, patchState } from './navigation';
import { OfflineMark } from './OfflineMark';
import { articleHref, listHref } from './router';

export interface ListViewProps {
  /** Every stored article; `undefined` while the store is being read. */
  entries: ListEntry[] | undefined;
  /** The entries that pass the filter. */
  visible: ListEntry[];
  filter: Filter;
  states?: ReadonlyMap<string, ReadingState>;
  /** Whether each article can be read fully offline (text and images); absent while unknown. */
  offline?: ReadonlyMap<string, boolean>;
  syncing: boolean;
  /** A sentence about items the last sync skipped, or '' (the app says it in its alert instead). */
  skipped?: string;
}

const NO_STATES: ReadonlyMap<string, ReadingState> = new Map();

function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function ListView({ entries, visible, filter, states = NO_STATES, offline, syncing, skipped }: ListViewProps) {
  const tags = useMemo(() => (entries ? tagCounts(entries) : []), [entries]);
  const authors = useMemo(() => (entries ? authorCounts(entries) : []), [entries]);
  const languages = useMemo(() => (entries ? languageCounts(entries) : []), [entries]);
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
  const change = (patch: Partial<Filter>) => setFilter({ ...filter, ...patch }, false);

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
    change({ tag });
    scrollTo(0, 0);
  };

  const count = t.articleCount(visible.length);
  const filtered = isFiltered(filter);
  const facets = facetCount(filter) - (filter.tag.trim() ? 1 : 0);
  // The filters match case-insensitively; show the listed spelling as selected.
  const tagValue = tags.find((x) => x.tag.toLowerCase() === filter.tag.trim().toLowerCase())?.tag ?? filter.tag;
  const authorValue = authors.find((a) => a.name.toLowerCase() === filter.author?.trim().toLowerCase())?.name ?? filter.author ?? '';

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
            aria-keyshortcuts="/"
            onInput={(e) => setFilter({ ...filter, q: e.currentTarget.value }, true)}
          />
        </div>
        <div class="field tag-field">
          <label for="tag">{t.tagLabel}</label>
          <select id="tag" name="tag" value={tagValue} onChange={(e) => change({ tag: e.currentTarget.value })}>
            <option value="">{t.allTags}</option>
            {filter.tag && !tags.some((x) => x.tag.toLowerCase() === filter.tag.toLowerCase()) && (
              <option value={filter.tag}>{filter.tag}</option>
            )}
            {tags.map(({ tag, count: n }) => (
              <option key={tag} value={tag}>
                {tag} ({num(n)})
              </option>
            ))}
          </select>
        </div>
        <details class="more-filters" open={facets > 0}>
          <summary>
            {t.moreFilters}
            {facets > 0 && <span class="facet-count"> · {t.activeFilters(facets)}</span>}
          </summary>
          <div class="facets">
            <label class="check">
              <input type="checkbox" checked={!!filter.unread} onChange={(e) => change({ unread: e.currentTarget.checked })} />
              {t.unreadOnly}
            </label>
            <label class="check">
              <input type="checkbox" checked={!!filter.saved} onChange={(e) => change({ saved: e.currentTarget.checked })} />
              {t.savedOnly}
            </label>
            <div class="field">
              <label for="author">{t.authorLabel}</label>
              <select id="author" value={authorValue} onChange={(e) => change({ author: e.currentTarget.value })}>
                <option value="">{t.anyAuthor}</option>
                {filter.author && !authors.some((a) => a.name.toLowerCase() === filter.author?.toLowerCase()) && (
                  <option value={filter.author}>{filter.author}</option>
                )}
                {authors.map(({ name, count: n }) => (
                  <option key={name} value={name}>
                    {name} ({num(n)})
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="lang">{t.languageLabel}</label>
              <select id="lang" value={filter.lang ?? ''} onChange={(e) => change({ lang: e.currentTarget.value })}>
                <option value="">{t.anyLanguage}</option>
                {filter.lang && !languages.some((l) => l.lang === filter.lang) && <option value={filter.lang}>{filter.lang}</option>}
                {languages.map(({ lang, count: n }) => (
                  <option key={lang} value={lang}>
                    {languageName(lang)} ({num(n)})
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="from">{t.fromDate}</label>
              <input id="from" type="date" value={filter.from ?? ''} max={filter.to || undefined} onChange={(e) => change({ from: e.currentTarget.value })} />
            </div>
            <div class="field">
              <label for="to">{t.toDate}</label>
              <input id="to" type="date" value={filter.to ?? ''} min={filter.from || undefined} onChange={(e) => change({ to: e.currentTarget.value })} />
            </div>
          </div>
        </details>
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
        {visible.map((e) => {
          const state = states.get(e.id);
          const unread = !state?.read;
          return (
            <li key={e.id} class={unread ? 'row unread' : 'row'} lang={e.language}>
              <h2 class="row-title">
                <a href={articleHref(BASE, e.id)} data-id={e.id} onClick={(ev) => open(ev, e.id)}>
                  {e.title || t.untitled}
                </a>
              </h2>
              <p class="row-meta">
                {offline && <OfflineMark ready={offline.get(e.id)} />}
                {unread && (
                  <span class="unread-dot" title={t.unreadBadge}>
                    <span class="sr-only">{t.unreadBadge}</span>
                  </span>
                )}
                {state?.saved && (
                  <span class="saved-badge">
                    <span aria-hidden="true">★ </span>
                    {t.savedBadge}
                  </span>
                )}
                {e.published !== undefined && <time dateTime={isoDate(e.published)}>{formatDate(e.published)}</time>}
                {e.authors.length > 0 && <span class="row-authors">{e.authors.join(', ')}</span>}
              </p>
              {e.excerpt && e.excerpt !== e.title && <p class="row-excerpt">{e.excerpt}</p>}
              {e.tags.length > 0 && (
                <ul class="tags" aria-label={t.tags}>
                  {e.tags.map((tag) => (
                    <li key={tag}>
                      <a href={listHref(BASE, { ...filter, tag })} onClick={(ev) => onTagLink(ev, tag)}>
                        {tag}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
