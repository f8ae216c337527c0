/**
 * The sync hook: opens the library, keeps the sync's state, and runs a sync on the first start,
 * on the Check button, when the network comes back and when the app returns to the foreground
 * after a while. When another tab (or the service worker) syncs, or an import or a clean-up
 * changes what is stored, it re-reads the store. It also holds the storage notices (another tab
 * upgraded the database, the browser closed or evicted it, no storage at all).
 *
 * What a re-read finds is handed on: the list's rows to `list`, the reading states to
 * `onStates`, the articles to `trackOffline` for the "readable offline" marks.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Article, ParseReport } from '../core/feed/types';
import type { ReadingState } from '../core/reading';
import type { SyncFailure, SyncRecord } from '../core/sync-types';
import { listenLater } from '../data/listen-later';
import type { ListEntries } from '../features/list/useList';
import type { Library } from '../features/sync/library';
import type { SyncPageProgress } from '../features/sync/SyncProgress';
import { indexUrl } from '../platform/config';
import type { DownloadChoice, DownloadCost } from '../core/download-cost';

export interface SyncState {
  running: boolean;
  record: SyncRecord;
  /** The failure of the latest sync in this session, shown in the alert. */
  failure?: SyncFailure;
  /** What the latest successful sync skipped. */
  report?: ParseReport;
  /** Pages a failed sync had stored before failing. */
  partial?: { pages: number; articles: number };
  /** How the latest successful sync ended, when that is worth a note. */
  stop?: 'loop' | 'limit';
  pages?: number;
}

/** What happened to the storage, as a key into the strings so it follows a change of UI language. */
export type Notice = '' | 'dbUpgrade' | 'dbUnavailable' | 'dbClosed' | 'evicted' | 'evictedRestored';

export interface SyncInputs {
  /** The list's rows: re-read on every reload, and merged page by page while a sync runs. */
  list: Pick<ListEntries, 'load' | 'merge'>;
  /** The stored reading states, on every reload. */
  onStates: (saved: ReadingState[]) => void;
  /** Every stored article, to tell which are readable offline. */
  trackOffline: (articles: readonly Article[]) => void;
}

export interface Sync {
  /** `undefined` until the store is open. */
  library: Library | undefined;
  state: SyncState;
  /** How far the running sync has got; `undefined` when none runs. */
  progress: SyncPageProgress | undefined;
  notice: Notice;
  /**
   * Runs a sync now (`full`: re-read every page of the index); `undefined` until the store is
   * open. A sync already running makes it do nothing.
   */
  run: ((full?: boolean) => void) | undefined;
  /** A large download waits for the reader's answer: what it costs, and where the answer goes. */
  question: DownloadQuestion | undefined;
}

export interface DownloadQuestion {
  cost: DownloadCost;
  answer: (choice: DownloadChoice) => void;
}

let libraryModule: Promise<typeof import('../features/sync/library')> | undefined;
/**
 * The library (IndexedDB, idb, the migrations, the search client) is not needed for the first
 * paint, which comes from the rows kept in localStorage: it is its own chunk, requested by
 * `main.tsx` as the app starts, so it downloads while the first screen renders.
 */
export const loadLibrary = () => {
  // The sync's steps (`sync-run.ts`) are needed as soon as the library is: requested with it.
  if (!libraryModule) void import('./sync-run');
  return (libraryModule ??= import('../features/sync/library'));
};

/** The data saver's rules and preferences: read only once the library is open, so not in the first load. */
const loadSaverRules = () => Promise.all([import('../core/saver'), import('../platform/saver')]);

/** Whether refreshes nobody asked for may run now (the data saver on a metered connection says no). */
const refreshAllowed = () => loadSaverRules().then(([core, prefs]) => core.backgroundRefreshAllowed(prefs.loadSaver(), prefs.connectionInfo()));

/** Up to this many stored articles, the list shows which are readable fully offline. */
const OFFLINE_MARKS_MAX = 5000;

/** Refresh the index when the app comes back to the foreground after this long. */
const FOREGROUND_REFRESH_MS = 10 * 60_000;

export function useSync(inputs: SyncInputs): Sync {
  const [library, setLibrary] = useState<Library>();
  const [state, setState] = useState<SyncState>({ running: false, record: {} });
  const [progress, setProgress] = useState<SyncPageProgress>();
  const [notice, setNotice] = useState<Notice>('');
  const [question, setQuestion] = useState<DownloadQuestion>();
  const [, tick] = useState(0);
  const running = useRef(false);
  // Read when needed rather than as dependencies: the store is opened once, whatever the caller
  // passes on later renders.
  const latest = useRef(inputs);
  latest.current = inputs;

  // The "readable offline" marks need the bodies; on an archive too large to read them all at
  // once the marks are left out rather than guessed.
  const markOffline = useCallback(
    (lib: Library) =>
      void lib
        .count()
        .then((n) => (n <= OFFLINE_MARKS_MAX ? lib.list().then((articles) => latest.current.trackOffline(articles)) : undefined))
        .catch(() => {}),
    [],
  );

  const reload = useCallback(
    async (lib: Library) => {
      try {
        const [, record, saved] = await Promise.all([latest.current.list.load(lib), lib.record(), lib.states()]);
        latest.current.onStates(saved);
        markOffline(lib);
        setState((s) => ({ ...s, record }));
      } catch (error) {
        // The bookkeeping could not be read: the list still shows what is stored.
        console.error(error);
      }
    },
    [markOffline],
  );

  const runSync = useCallback(
    async (lib: Library, full = false) => {
      // One sync at a time: "back online", the foreground refresh and the button can coincide.
      if (running.current) return;
      running.current = true;
      setState((s) => ({ ...s, running: true }));
      try {
        // The sync's own steps load with it (after the first paint: the library is open by then).
        const { runOnce } = await import('./sync-run');
        await runOnce(lib, full, { setState, setProgress, setQuestion, setNotice, reload, markOffline, merge: (records) => latest.current.list.merge(records) });
      } catch (error) {
        // A bug or a closed database must not leave the app spinning.
        console.error(error);
        setState((s) => ({ ...s, running: false, failure: { kind: 'network' } }));
        setProgress(undefined);
      } finally {
        running.current = false;
      }
    },
    [reload, markOffline],
  );

  // First start: open the store, show what it holds, then sync.
  useEffect(() => {
    // Set by the cleanup, which TypeScript does not see: it would take `false` for the only value.
    let cancelled = false as boolean;
    void (async () => {
      const { openLibrary } = await loadLibrary();
      const lib = await openLibrary(indexUrl(), () => setNotice('dbUpgrade'), { onClosed: () => setNotice('dbClosed') });
      if (cancelled) return;
      if (!lib.persistent) setNotice('dbUnavailable');
      else if (lib.lost) setNotice('evicted');
      setLibrary(lib);
      // Keep offline fetches announced bodies (bodies on demand) the way the reader does.
      // (Its code is not in the first load: set a moment after the library opens, as before only then.)
      void import('../features/offline/body-source').then(({ setBodyFetcher }) =>
        setBodyFetcher(async (a) => {
          const opened = await lib.open(a.id);
          if (opened.failure || !opened.article) throw new Error(`The body of ${a.id} could not be downloaded`);
          return opened.article;
        }),
      );
      await reload(lib);
      // Saving data on a metered connection: with articles stored, no refresh until asked for.
      const quiet = !(await refreshAllowed()) && (await lib.count().catch(() => 0)) > 0;
      if (!quiet) await runSync(lib);
    })();
    return () => {
      cancelled = true;
    };
  }, [reload, runSync]);

  // Coming back online, or back to the foreground after a while, fetches new articles.
  useEffect(() => {
    // With the data saver on, a metered connection gets no refresh nobody asked for.
    const online = () => {
      if (!library) return;
      void refreshAllowed().then((ok) => {
        if (ok) void runSync(library);
      });
    };
    const visible = () => {
      if (document.visibilityState !== 'visible' || !library) return;
      const last = state.record.lastAttempt ?? 0;
      void refreshAllowed().then((ok) => {
        if (!ok) return;
        if (Date.now() - last > FOREGROUND_REFRESH_MS) void runSync(library);
        tick((n) => n + 1);
      });
    };
    addEventListener('online', online);
    document.addEventListener('visibilitychange', visible);
    // Keep "Updated 5 minutes ago" honest without re-rendering every second.
    const timer = setInterval(() => tick((n) => n + 1), 60_000);
    return () => {
      removeEventListener('online', online);
      document.removeEventListener('visibilitychange', visible);
      clearInterval(timer);
    };
  }, [library, runSync, state.record.lastAttempt]);

  // An import or a clean-up (in this tab or another) changed the stored articles: re-read them.
  useEffect(() => {
    if (!library) return;
    return listenLater((m) => {
      if (m.type === 'synced' && m.ok === undefined) void reload(library);
    });
  }, [library, reload]);

  // Another tab (or the service worker's background sync) synced: show what it stored, and drop
  // this tab's stale failure if it succeeded.
  useEffect(
    () =>
      library?.onChange((ok) => {
        void reload(library);
        if (ok) setState((s) => ({ ...s, failure: undefined }));
      }),
    [library, reload],
  );

  const run = useCallback(
    (full?: boolean) => {
      if (library) void runSync(library, full);
    },
    [library, runSync],
  );
  return { library, state, progress, notice, run: library ? run : undefined, question };
}
