/**
 * The list's hooks. `useListEntries` keeps the list's rows in memory: painted from the newest
 * few, then the whole archive read in chunks, then synced pages merged in as they arrive.
 * `useListResults` gives the rows that match the current filter, asking the search index when
 * there is a query.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { applyFilter, indexById, mergeEntries, toEntry, type Filter, type ListEntry, type StateView } from '../../core/list-model';
import type { Library, Row } from '../sync/library';
import { currentRoute, onNavigate } from '../../ui/navigation';

const NO_STATES: ReadonlyMap<string, StateView> = new Map();

/** Rows read for the first paint: more than a tall screen holds. */
const FIRST_ROWS = 40;
/**
 * While a sync streams pages in, the list is updated at most this often, and less often as it
 * grows: each update re-sorts, re-counts tags and re-measures over every row, which at 100,000
 * rows would otherwise take the main thread from the writes.
 */
const mergeEvery = (rows: number) => Math.min(2000, 250 + rows / 50);

/**
 * The first screen of rows, kept in localStorage: read synchronously, it is painted before the
 * database is even open, which is most of what a cold start costs. IndexedDB stays the truth; it
 * replaces these rows a moment later (normally with the same ones).
 */
const SNAPSHOT_KEY = `broadsheet:first-rows:${import.meta.env.BASE_URL}`;

interface Snapshot {
  v: 1;
  total: number;
  rows: ListEntry[];
}

/** True when a first screen of rows is kept: something was stored on an earlier visit. */
export function hasFirstRows(): boolean {
  return readSnapshot() !== undefined;
}

function readSnapshot(): Snapshot | undefined {
  try {
    const raw = localStorage.getItem(SNAPSHOT_KEY);
    const s = raw ? (JSON.parse(raw) as Snapshot) : undefined;
    return s?.v === 1 && Array.isArray(s.rows) && typeof s.total === 'number' ? s : undefined;
  } catch {
    return undefined;
  }
}

function writeSnapshot(entries: readonly ListEntry[], total: number): void {
  try {
    localStorage.setItem(SNAPSHOT_KEY, JSON.stringify({ v: 1, total, rows: entries.slice(0, FIRST_ROWS) } satisfies Snapshot));
  } catch {
    // Storage full or refused: the next cold start just waits for the database.
  }
}

/** The list's rows in memory, and how to fill them. */
export interface ListEntries {
  /** `undefined` until the first rows are read. */
  entries: ListEntry[] | undefined;
  /** True once the whole archive has been read (not just the newest rows). */
  complete: boolean;
  /** How many articles are stored, known before all of them are read. */
  total: number | undefined;
  /** How many articles the store held when it was first read; `undefined` before that. */
  atOpen: number | undefined;
  /** Reads the newest rows (resolves once they are shown), then the rest in the background. */
  load(library: Library): Promise<void>;
  /** Merges rows a sync just stored. */
  merge(rows: readonly Row[]): void;
}

export function useListEntries(): ListEntries {
  const [snapshot] = useState(readSnapshot);
  const [entries, setEntries] = useState<ListEntry[] | undefined>(snapshot?.rows);
  const [complete, setComplete] = useState(false);
  const completeRef = useRef(false);
  completeRef.current = complete;
  const [counted, setCounted] = useState<number | undefined>(snapshot?.total);
  const [atOpen, setAtOpen] = useState<number>();
  const queue = useRef<ListEntry[]>([]);
  const loadingAll = useRef<Promise<void> | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastFlush = useRef(0);
  const size = useRef(0);
  size.current = entries?.length ?? 0;

  const flush = useCallback(() => {
    timer.current = undefined;
    lastFlush.current = Date.now();
    const incoming = queue.current;
    queue.current = [];
    if (incoming.length) setEntries((e) => mergeEntries(e ?? [], incoming));
  }, []);

  const schedule = useCallback(() => {
    if (timer.current !== undefined) return;
    // The first page shows at once; later ones are batched so 500 pages are not 500 re-renders.
    const wait = Math.max(0, lastFlush.current + mergeEvery(size.current) - Date.now());
    timer.current = setTimeout(() => {
      // Rows merged before the whole archive is read would be overwritten by it: wait for it.
      if (loadingAll.current) void loadingAll.current.then(flush);
      else flush();
    }, wait);
  }, [flush]);

  const merge = useCallback(
    (rows: readonly Row[]) => {
      if (!rows.length) return;
      queue.current.push(...rows.map(toEntry));
      schedule();
    },
    [schedule],
  );

  const load = useCallback(async (library: Library) => {
    try {
      // Already whole (a re-read after another tab's sync): replace it in one go, never
      // dropping to the first screen of rows in between.
      if (completeRef.current) {
        const [rows, count] = await Promise.all([library.rows(), library.count().catch(() => undefined)]);
        setEntries(rows.map(toEntry));
        setCounted(count);
        return;
      }
      const [first, count] = await Promise.all([library.rows(FIRST_ROWS), library.count().catch(() => undefined)]);
      setEntries(first.map(toEntry));
      setCounted(count);
      setAtOpen((n) => n ?? count ?? first.length);
      if (first.length < FIRST_ROWS) {
        setComplete(true);
        return;
      }
      loadingAll.current = library
        .rows()
        .then((rows) => setEntries(rows.map(toEntry)))
        .catch((error: unknown) => console.error(error))
        .finally(() => {
          loadingAll.current = undefined;
          setComplete(true);
        });
    } catch (error) {
      // The store could not be read (evicted, closed by an upgrade): show what we have.
      console.error(error);
      setEntries((e) => e ?? []);
      setComplete(true);
    }
  }, []);

  useEffect(() => () => clearTimeout(timer.current), []);

  const total = complete ? entries?.length : counted;
  // Keep the first screen for the next cold start, once the list is the store's (not the snapshot's).
  useEffect(() => {
    if (!complete || !entries) return;
    const timer = setTimeout(() => writeSnapshot(entries, entries.length), 1000);
    return () => clearTimeout(timer);
  }, [entries, complete]);

  return { entries, complete, total, atOpen, load, merge };
}

/** The rows for one filter, and which filter they are for. */
interface ListResults {
  filter: Filter;
  visible: ListEntry[];
  /** The search index was still being built: more matches may come. */
  partial: boolean;
}

/** The results on screen (which may be for the previous filter) and whether newer ones are coming. */
export interface ShownResults {
  shown: ListResults | undefined;
  pending: boolean;
}

/**
 * The rows matching `filter`. Without a query they are computed at once; with one, the search
 * worker answers and, until it has, the previous results stay (with `pending`), so the status
 * never pairs a new filter with an old count.
 */
export function useListResults(
  library: Library | undefined,
  entries: ListEntry[] | undefined,
  filter: Filter,
  /**
   * The list is read and no first sync is filling the store: a good time to start the search
   * worker and load its index.
   */
  idle = false,
  /** Reading state, for the unread and saved facets. */
  states: ReadonlyMap<string, StateView> = NO_STATES,
): ShownResults {
  const q = filter.q.trim();
  // Filters are compared by their fields: the route object changes on every navigation, so the
  // hooks below are given one object per distinct filter, rebuilt from those fields.
  const key = JSON.stringify(filter);
  const shownFilter = useMemo(() => JSON.parse(key) as Filter, [key]);
  // Built once per list, not per keystroke: 100,000 entries take a while to map.
  const hasQuery = q !== '';
  const byId = useMemo(() => (entries && hasQuery ? indexById(entries) : undefined), [entries, hasQuery]);
  const [answered, setAnswered] = useState<ListResults>();
  const [retry, setRetry] = useState(0);

  // Start the search worker as soon as the list is on screen and the main thread is idle, so its
  // index is loaded (or built) before the first keystroke rather than after it.
  useEffect(() => {
    if (!library || !idle) return;
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(() => library.search(), { timeout: 200 });
      return () => cancelIdleCallback(id);
    }
    // No requestIdleCallback (WebKit): right after this render.
    const timer = setTimeout(() => library.search(), 0);
    return () => clearTimeout(timer);
  }, [library, idle]);

  // The query leaves for the worker as soon as the URL changes, before this render even starts:
  // the worker searches while the page re-renders. The effect below then finds it under way.
  useEffect(() => {
    if (!library) return;
    return onNavigate(() => {
      const route = currentRoute();
      const next = route.view === 'list' ? route.filter.q.trim() : '';
      if (next) void library.search().query(next);
    });
  }, [library]);

  // A layout effect, not an effect: the query leaves for the worker before the frame is painted,
  // not one frame after the keystroke.
  useLayoutEffect(() => {
    // Results of an earlier query must not stand in for a new one after the box was cleared.
    if (!q) setAnswered(undefined);
    if (!q || !library || !entries) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    void library
      .search()
      .query(q)
      .then((answer) => {
        if (!live || !answer) return;
        setAnswered({ filter: shownFilter, visible: applyFilter(entries, shownFilter, answer.ids, byId, states), partial: answer.partial });
        // The index is still catching up (a first sync, a cold start): ask again shortly.
        if (answer.partial) timer = setTimeout(() => setRetry((n) => n + 1), 700);
      });
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [library, entries, byId, q, shownFilter, states, retry]);

  const immediate = useMemo(
    () => (!q && entries ? { filter: shownFilter, visible: applyFilter(entries, shownFilter, undefined, undefined, states), partial: false } : undefined),
    [entries, q, shownFilter, states],
  );
  if (immediate) return { shown: immediate, pending: false };
  const fresh = answered && JSON.stringify(answered.filter) === key;
  return { shown: answered, pending: !fresh };
}
