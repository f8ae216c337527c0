/**
 * The rows of the list, windowed: up to `MAX_ROWS` rows the list is rendered whole (cheap, and
 * find-in-page sees everything); beyond that only the rows around the viewport are in the DOM,
 * and the list's padding stands in for the rest, so the page scrolls over the whole archive with
 * a bounded DOM whatever its size. Every rendered row keeps the list contract (`li` > `h2` > link
 * named by the title) and says where it stands (`aria-posinset` of `aria-setsize`).
 *
 * Rows are measured once rendered (`heights.ts`); when a row above the viewport turns out taller
 * or shorter than estimated, the scroll position is corrected by the difference, so what the
 * reader is looking at never jumps (CSS scroll anchoring is turned off on the list to leave this
 * to one mechanism).
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Filter, ListEntry } from '../../core/list-model';
import type { ReadingState } from '../../core/reading';
import { formatDate, isoDate, num } from '../../i18n/format';
import { RowHeights, RowLayout } from './heights';
import { BASE, patchState } from '../../ui/navigation';
import { Link } from '../../ui/Link';
import { t } from '../../i18n';
import { OfflineMark } from './OfflineMark';
import { articleHref, listHref } from '../../core/routes';
import type { SnippetPart } from '../../core/snippet';

/** The most rows the DOM holds. */
export const MAX_ROWS = 100;

/** Measured row heights, by id, for the whole session: back from an article, nothing is re-estimated. */
const heights = new RowHeights();

export interface RowsProps {
  entries: ListEntry[];
  filter: Filter;
  /** True while newer results for the current filter are on their way. */
  busy: boolean;
  /** Where to come back to, from history state; used once. */
  restore: { scrollY?: number; anchorId?: string; anchorDy?: number; focusId?: string } | undefined;
  /** False while the list may still grow (the archive is being read): a restore waits for its row. */
  complete: boolean;
  /** A row's link was followed (a plain click): done just before the article opens. */
  onOpen: (id: string) => void;
  /** A tag link was followed (a plain click): done just before the list is filtered by it. */
  onTag: (tag: string) => void;
  /** Reading state per id: unread rows carry a dot, saved ones a badge. */
  states?: ReadonlyMap<string, ReadingState>;
  /** Whether each article can be read fully offline (text and images); absent while unknown. */
  offline?: ReadonlyMap<string, boolean> | undefined;
  /** How many highlights each article has (articles with none are absent). */
  highlights?: ReadonlyMap<string, number> | undefined;
}

const NO_STATES: ReadonlyMap<string, ReadingState> = new Map();

/** The snippet code, loaded with the first query (the first load does not carry it). */
let snippets_: typeof import('../../core/snippet') | undefined;
const loadSnippets = () => import('../../core/snippet').then((m) => (snippets_ = m));

/** Reading time's rule (speeds per language): loaded right after the first paint, which shows rows without it. */
let readingTime_: typeof import('../../core/reading-time') | undefined;
const loadReadingTime = () => import('../../core/reading-time').then((m) => (readingTime_ = m));

/** Snippets of the rows shown for the current query; dropped when the query changes. */
let snippets = { key: '', byId: new Map<string, SnippetPart[] | undefined>() };

function snippetOf(e: ListEntry, terms: string[]): SnippetPart[] | undefined {
  const key = terms.join(' ');
  if (snippets.key !== key) snippets = { key, byId: new Map() };
  const id = `${e.id}\u0000${e.excerpt}`;
  if (snippets.byId.has(id)) return snippets.byId.get(id);
  // The row's text (its summary, else the start of its body); the title is already on screen.
  const parts = snippets_?.snippet(e.excerpt, terms);
  snippets.byId.set(id, parts);
  return parts;
}

/** The first row at the top of the viewport, and how far above it that row starts. */
export function viewportAnchor(list: HTMLElement | null): { anchorId: string; anchorDy: number } | undefined {
  if (!list) return undefined;
  for (const li of Array.from(list.children) as HTMLElement[]) {
    const rect = li.getBoundingClientRect();
    if (rect.bottom > 0 && li.dataset.id) return { anchorId: li.dataset.id, anchorDy: Math.round(rect.top) };
  }
  return undefined;
}

export function Rows({ entries, filter, busy, restore, complete, onOpen, onTag, states = NO_STATES, offline, highlights }: RowsProps) {
  const list = useRef<HTMLUListElement>(null);
  const windowed = entries.length > MAX_ROWS;
  // Counts the passes that measured a row anew: `heights` is module state, so this is what tells
  // the memo below that the layout must be computed again.
  const [measured, setMeasured] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `measured` is the invalidation key of the module-level `heights` that RowLayout reads
  const layout = useMemo(() => (windowed ? new RowLayout(entries.map((e) => e.id), heights) : undefined), [entries, windowed, measured]);
  const [range, setRange] = useState(() => ({ start: 0, end: Math.min(entries.length, 30) }));
  const anchor = useRef<{ id: string; top: number } | undefined>(undefined);
  const pending = useRef(restore);
  const toFocus = useRef<string | undefined>(undefined);
  /**
   * Coming back to a row: it must end up `dy` px from the viewport's top. Held until that row is
   * rendered with its height known, because measuring rows on the way changes where it is.
   */
  const target = useRef<{ id: string; dy: number } | undefined>(undefined);
  const shownFilter = useRef(filter);
  const [snippetsReady, setSnippetsReady] = useState(() => !!snippets_);
  const [timesReady, setTimesReady] = useState(() => !!readingTime_);
  useEffect(() => {
    if (!timesReady) void loadReadingTime().then(() => setTimesReady(true));
  }, [timesReady]);
  const hasQuery = filter.q.trim() !== '';
  useEffect(() => {
    if (hasQuery && !snippetsReady) void loadSnippets().then(() => setSnippetsReady(true));
  }, [hasQuery, snippetsReady]);

  const recordAnchor = () => {
    const a = viewportAnchor(list.current);
    anchor.current = a && { id: a.anchorId, top: a.anchorDy };
  };

  // Scroll handlers scheduled before a re-layout must still use the newest layout.
  const current = useRef(layout);
  current.current = layout;

  /** Renders the rows the viewport needs, if they are not rendered already. */
  const update = useCallback(
    (force = false) => {
      const layout = current.current;
      if (!layout || !list.current) return;
      const top = -list.current.getBoundingClientRect().top;
      const bottom = top + innerHeight;
      setRange((current) => {
        const need = layout.range(top, bottom, innerHeight / 2, MAX_ROWS);
        if (!force && need.start >= current.start && need.end <= current.end && current.end <= layout.count) return current;
        const next = layout.range(top, bottom, innerHeight, MAX_ROWS);
        return next.start === current.start && next.end === current.end ? current : next;
      });
    },
    [],
  );

  // Coming back: put the row that was at the top of the screen back where it was.
  useLayoutEffect(() => {
    const want = pending.current;
    if (!want) return;
    const { anchorId } = want;
    const index = anchorId ? entries.findIndex((e) => e.id === anchorId) : -1;
    if (index < 0 && !complete) return;
    pending.current = undefined;
    toFocus.current = want.focusId;
    if (layout && anchorId && index >= 0 && list.current) {
      target.current = { id: anchorId, dy: want.anchorDy ?? 0 };
      const listTop = list.current.getBoundingClientRect().top + scrollY;
      scrollTo(0, listTop + layout.top(index) - target.current.dy);
      update(true);
    } else if (want.scrollY !== undefined) scrollTo(0, want.scrollY);
  }, [entries, complete, layout, update]);

  useEffect(() => {
    if (!windowed) return;
    let frame = 0;
    let saveTimer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        recordAnchor();
        update();
      });
      // Remember which row is at the top, so a reload comes back to it (debounced, like scrollY).
      clearTimeout(saveTimer);
      saveTimer = setTimeout(() => {
        const a = viewportAnchor(list.current);
        if (a) patchState(a);
      }, 200);
    };
    addEventListener('scroll', onScroll, { passive: true });
    addEventListener('resize', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(saveTimer);
      removeEventListener('scroll', onScroll);
      removeEventListener('resize', onScroll);
    };
  }, [windowed, update]);

  // After each render: learn the rendered rows' heights, and keep the anchor row where it was.
  // It must run after every render (any prop or range change can move or resize rows), and it
  // sets state only when a height changed, which settles once every rendered row is measured.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- runs after every render on purpose; setMeasured is guarded by `changed`, so updates settle
  useLayoutEffect(() => {
    const ul = list.current;
    // Focus goes back once the rows have settled: a row re-inserted while the window still moves
    // would drop it again.
    if (ul && toFocus.current && !target.current) {
      const link = ul.querySelector<HTMLAnchorElement>(`a[data-id="${CSS.escape(toFocus.current)}"]`);
      if (link) {
        link.focus({ preventScroll: true });
        toFocus.current = undefined;
      }
    }
    if (!windowed || !ul) return;
    let changed = false;
    for (const li of Array.from(ul.children) as HTMLElement[]) {
      const id = li.dataset.id;
      if (id && heights.set(id, li.getBoundingClientRect().height)) changed = true;
    }
    // New results for another filter are a new list, not the same one moved: nothing to hold.
    // Every facet counts (unread, saved, author, language, dates), not only the words and the tag.
    if (JSON.stringify(shownFilter.current) !== JSON.stringify(filter)) {
      shownFilter.current = filter;
      anchor.current = undefined;
    }
    const goal = target.current;
    if (goal) {
      const li = ul.querySelector<HTMLElement>(`li[data-id="${CSS.escape(goal.id)}"]`);
      const index = li ? -1 : entries.findIndex((e) => e.id === goal.id);
      if (li) {
        const delta = li.getBoundingClientRect().top - goal.dy;
        if (Math.abs(delta) >= 1) scrollBy(0, delta);
        // Done once a pass measured nothing new: the row's place is final.
        if (!changed) target.current = undefined;
      } else if (index >= 0 && layout) {
        scrollTo(0, ul.getBoundingClientRect().top + scrollY + layout.top(index) - goal.dy);
        update(true);
      } else target.current = undefined;
    } else {
      const a = anchor.current;
      if (a) {
        const li = ul.querySelector<HTMLElement>(`li[data-id="${CSS.escape(a.id)}"]`);
        const delta = li ? li.getBoundingClientRect().top - a.top : 0;
        if (Math.abs(delta) >= 1) scrollBy(0, delta);
      }
    }
    if (!target.current) recordAnchor();
    // The window follows the scroll position as it is now, after any correction above.
    update(true);
    if (changed) setMeasured((n) => n + 1);
    else if (!target.current && toFocus.current) {
      const link = ul.querySelector<HTMLAnchorElement>(`a[data-id="${CSS.escape(toFocus.current)}"]`);
      link?.focus({ preventScroll: true });
      if (link) toFocus.current = undefined;
    }
  });

  const { start, end } = windowed ? { start: Math.min(range.start, entries.length), end: Math.min(range.end, entries.length) } : { start: 0, end: entries.length };
  const style = layout ? { paddingTop: `${layout.top(start)}px`, paddingBottom: `${layout.total - layout.top(end)}px` } : undefined;
  const rows = entries.slice(start, end);
  // With a query, each rendered row (and only those) shows where it matched.
  const terms = snippetsReady && filter.q.trim() ? (snippets_?.snippetTerms(filter.q) ?? []) : [];
  // An article opened from here knows which list it came from, so its Back can really go back.
  const opened = { fromList: location.pathname + location.search };
  return (
    <ul class={windowed ? 'articles windowed' : 'articles'} aria-label={t.listLabel} aria-busy={busy ? 'true' : undefined} ref={list} style={style}>
      {rows.map((e, i) => {
        const state = states.get(e.id);
        const unread = !state?.read;
        const minutes = readingTime_?.readingMinutes(e.words, e.language);
        return (
        <li key={e.id} class={unread ? 'row unread' : 'row'} lang={e.language} data-id={e.id} aria-setsize={entries.length} aria-posinset={start + i + 1}>
          <h2 class="row-title">
            <Link href={articleHref(BASE, e.id)} data-id={e.id} state={opened} onClick={() => onOpen(e.id)}>
              {e.title || t.untitled}
            </Link>
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
            {!!highlights?.get(e.id) && (
              <span class="hl-count">
                <span aria-hidden="true">✎ {num(highlights.get(e.id) ?? 0)}</span>
                <span class="sr-only">{t.highlightCount(highlights.get(e.id) ?? 0)}</span>
              </span>
            )}
            {e.published !== undefined && <time dateTime={isoDate(e.published)}>{formatDate(e.published)}</time>}
            {e.authors.length > 0 && <span class="row-authors">{e.authors.join(', ')}</span>}
            {minutes !== undefined && <span class="row-time">{t.minRead(minutes)}</span>}
          </p>
          {(() => {
            const parts = terms.length ? snippetOf(e, terms) : undefined;
            if (parts) {
              return (
                <p class="row-excerpt row-snippet" dir="auto">
                  {parts.map((p, k) => (p.mark ? <mark key={k}>{p.text}</mark> : p.text))}
                </p>
              );
            }
            return e.excerpt && e.excerpt !== e.title ? <p class="row-excerpt">{e.excerpt}</p> : null;
          })()}
          {e.tags.length > 0 && (
            <ul class="tags" aria-label={t.tags}>
              {e.tags.map((tag) => (
                <li key={tag}>
                  <Link href={listHref(BASE, { ...filter, tag })} onClick={() => onTag(tag)}>
                    {tag}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </li>
        );
      })}
    </ul>
  );
}
