/**
 * The app shell: owns the library, the sync state, reading state, settings and the route, and
 * hands plain data to views. The list renders from IndexedDB at once; the sync runs after, and
 * the list re-reads the store when it lands. The reading and settings views load lazily.
 */
import type { ComponentType } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { indexUrl } from '../platform/config';
import { listen } from '../data/channel';
import type { ParseReport } from '../core/feed/types';
import { NO_FILTER } from '../core/list-model';
import { emptyState, type ReadingState, type StateUpdate } from '../core/reading';
import type { SyncFailure, SyncRecord } from '../core/sync-types';
import { setBodyFetcher } from '../features/offline/body-source';
import { useOfflineStatus } from '../features/offline/useOfflineStatus';
import { openLibrary, type Library } from '../features/sync/library';
import type { SyncOutcome } from '../features/sync/sync';
import { useEntries, useResults } from '../features/list/useList';
import type { ArticleViewProps } from '../features/reader/ArticleView';
import { formatRelative } from '../i18n/format';
import { t } from '../i18n';
import { ListView } from '../features/list/ListView';
import { BASE, historyState, useRoute } from '../ui/navigation';
import { Link } from '../ui/Link';
import { settingsHref } from '../core/routes';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings';
import type { SettingsViewProps } from '../features/settings/SettingsView';
import { useShortcuts } from '../ui/shortcuts';
import { SyncProgress, type Progress } from '../features/sync/SyncProgress';
import { UpdatePrompt } from './pwa/UpdatePrompt';

interface SyncState {
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

export interface AppProps {
  settings: Settings;
  /** Applies and stores new settings (and loads another UI language if needed). */
  onSettings: (s: Settings) => Promise<void> | void;
}

/**
 * The feed's title, remembered synchronously so the first paint already shows it: waiting for
 * IndexedDB would swap the heading a moment later and shift the whole page.
 */
const TITLE_KEY = 'broadsheet:title';
function rememberedTitle(): string {
  try {
    return localStorage.getItem(TITLE_KEY) ?? '';
  } catch {
    return '';
  }
}
function rememberTitle(title: string | undefined): void {
  try {
    if (title) localStorage.setItem(TITLE_KEY, title);
  } catch {
    // storage blocked: the title just arrives a moment later
  }
}

/** Up to this many stored articles, the list shows which are readable fully offline. */
const OFFLINE_MARKS_MAX = 5000;

/** Refresh the index when the app comes back to the foreground after this long. */
const FOREGROUND_REFRESH_MS = 10 * 60_000;


/** Loads a lazily imported view once it is first needed. */
function useLazy<P>(needed: boolean, load: () => Promise<ComponentType<P>>): ComponentType<P> | undefined {
  const [View, setView] = useState<ComponentType<P>>();
  useEffect(() => {
    if (needed && !View) void load().then((v) => setView(() => v));
  }, [needed, View, load]);
  return View;
}
/** A lazy view's code together with its strings in the UI's language, so it renders in one language. */
const withLazyStrings = <T,>(view: Promise<T>): Promise<T> =>
  Promise.all([view, import('../i18n/lazy').then((m) => m.loadLazyStrings())]).then(([v]) => v);
const loadReader = () => withLazyStrings(import('../features/reader/ArticleView').then((m) => m.ArticleView));
const loadSettings = () => withLazyStrings(import('../features/settings/SettingsView').then((m) => m.SettingsView));

export function App({ settings = DEFAULT_SETTINGS, onSettings = () => {} }: Partial<AppProps>) {
  const route = useRoute();
  const [library, setLibrary] = useState<Library>();
  const list = useEntries();
  const [progress, setProgress] = useState<Progress>();
  const [states, setStates] = useState<ReadonlyMap<string, ReadingState>>(new Map());
  const [sync, setSync] = useState<SyncState>({ running: false, record: {} });
  const [online, setOnline] = useState(() => navigator.onLine);
  const [announcement, setAnnouncement] = useState('');
  // A key, not a sentence, so the notice follows a change of UI language.
  const [notice, setNotice] = useState<'' | 'dbUpgrade' | 'dbUnavailable' | 'dbClosed' | 'evicted' | 'evictedRestored'>('');
  const [, tick] = useState(0);
  const syncing = useRef(false);
  const Reader = useLazy<ArticleViewProps>(route.view === 'article', loadReader);
  const Settings = useLazy<SettingsViewProps>(route.view === 'settings', loadSettings);
  const { status: offline, track: trackOffline } = useOfflineStatus();

  // The "readable offline" marks need the bodies; on an archive too large to read them all at
  // once the marks are left out rather than guessed.
  const markOffline = useCallback(
    (lib: Library) =>
      void lib
        .count()
        .then((n) => (n <= OFFLINE_MARKS_MAX ? lib.list().then(trackOffline) : undefined))
        .catch(() => {}),
    [trackOffline],
  );

  const reload = useCallback(async (lib: Library) => {
    try {
      const [, record, saved] = await Promise.all([list.load(lib), lib.record(), lib.states()]);
      // Merge, not replace: a click made while the store was being read must not be undone.
      setStates((current) => {
        const next = new Map(saved.map((s) => [s.id, s]));
        for (const [id, s] of current) if (s.updatedAt > (next.get(id)?.updatedAt ?? -1)) next.set(id, s);
        return next;
      });
      markOffline(lib);
      setSync((s) => ({ ...s, record }));
    } catch (error) {
      // The bookkeeping could not be read: the list still shows what is stored.
      console.error(error);
    }
  }, [list.load, markOffline]);

  const runSync = useCallback(
    async (lib: Library, full = false) => {
      // One sync at a time: "back online", the foreground refresh and the button can coincide.
      if (syncing.current) return;
      syncing.current = true;
      setSync((s) => ({ ...s, running: true }));
      try {
        // Each stored page is merged into the list as it arrives: no re-read of the archive.
        const outcome = await lib.sync({
          full,
          onProgress: (p) => {
            list.merge(p.records);
            setProgress(p);
            // The first page names the feed: the heading need not wait for the last one.
            if (p.feedTitle) setSync((s) => (s.record.feedTitle === p.feedTitle ? s : { ...s, record: { ...s.record, feedTitle: p.feedTitle } }));
          },
        });
        setProgress(undefined);
        // Another tab did the sync, or a full disk kept part of it: re-read what is stored.
        if ((outcome.ok && outcome.elsewhere) || (!outcome.ok && outcome.failure.kind === 'storage')) await reload(lib);
        else if (outcome.ok && (outcome.write.added > 0 || outcome.write.updated > 0)) markOffline(lib);
        if (outcome.ok) setNotice((n) => (n === 'evicted' ? 'evictedRestored' : n));
        setSync((s) => ({
          running: false,
          record: outcome.record,
          ...(outcome.ok ? { report: outcome.report, ...stopNote(outcome) } : { failure: outcome.failure, ...(s.report ? { report: s.report } : {}), ...(outcome.partial ? { partial: outcome.partial } : {}) }),
        }));
      } catch (error) {
        // A bug or a closed database must not leave the app spinning.
        console.error(error);
        setSync((s) => ({ ...s, running: false, failure: { kind: 'network' } }));
        setProgress(undefined);
      } finally {
        syncing.current = false;
      }
    },
    [list.merge, reload, markOffline],
  );

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const lib = await openLibrary(indexUrl(), () => setNotice('dbUpgrade'), { onClosed: () => setNotice('dbClosed') });
      if (cancelled) return;
      if (!lib.persistent) setNotice('dbUnavailable');
      else if (lib.lost) setNotice('evicted');
      setLibrary(lib);
      // Keep offline fetches announced bodies (bodies on demand) the way the reader does.
      setBodyFetcher(async (a) => {
        const opened = await lib.open(a.id);
        if (opened.failure || !opened.article) throw new Error(`The body of ${a.id} could not be downloaded`);
        return opened.article;
      });
      await reload(lib);
      await runSync(lib);
    })();
    return () => {
      cancelled = true;
    };
  }, [reload, runSync]);

  // Network changes are announced politely; coming back online, or back to the foreground after
  // a while, fetches new articles.
  useEffect(() => {
    const up = () => {
      setOnline(true);
      setAnnouncement('backOnline');
      if (library) void runSync(library);
    };
    const down = () => {
      setOnline(false);
      setAnnouncement('wentOffline');
    };
    const visible = () => {
      if (document.visibilityState !== 'visible' || !library) return;
      const last = sync.record.lastAttempt ?? 0;
      if (Date.now() - last > FOREGROUND_REFRESH_MS) void runSync(library);
      tick((n) => n + 1);
    };
    addEventListener('online', up);
    addEventListener('offline', down);
    document.addEventListener('visibilitychange', visible);
    // Keep "Updated 5 minutes ago" honest without re-rendering every second.
    const timer = setInterval(() => tick((n) => n + 1), 60_000);
    return () => {
      removeEventListener('online', up);
      removeEventListener('offline', down);
      document.removeEventListener('visibilitychange', visible);
      clearInterval(timer);
    };
  }, [library, runSync, reload, sync.record.lastAttempt]);

  // An import or a clean-up (in this tab or another) changed the stored articles: re-read them.
  useEffect(() => {
    if (!library) return;
    return listen((m) => {
      if (m.type === 'synced' && m.ok === undefined) void reload(library);
    });
  }, [library, reload]);

  // Another tab (or the service worker's background sync) synced: show what it stored, and drop
  // this tab's stale failure if it succeeded.
  useEffect(
    () =>
      library?.onChange((ok) => {
        void reload(library);
        if (ok) setSync((s) => ({ ...s, failure: undefined }));
      }),
    [library, reload],
  );

  const { results, pending } = useResults(
    library,
    route.view === 'list' ? list.entries : undefined,
    route.view === 'list' ? route.filter : NO_FILTER,
    list.complete && !sync.running,
    states,
  );

  useEffect(() => {
    if (!announcement) return;
    const timer = setTimeout(() => setAnnouncement(''), 8000);
    return () => clearTimeout(timer);
  }, [announcement]);

  const updateState = useCallback<StateUpdate>(
    (id, change) => {
      const show = (s: ReadingState) =>
        setStates((current) => {
          if (current.get(id) === s) return current;
          const next = new Map(current);
          next.set(id, s);
          return next;
        });
      // Show the change at once, then store it as a read-modify-write inside IndexedDB and show
      // what was stored: the store, not this tab's memory, is the truth.
      setStates((current) => {
        const before = current.get(id) ?? emptyState(id);
        const after = change(before, Date.now());
        if (after === before) return current;
        const next = new Map(current);
        next.set(id, after);
        return next;
      });
      void library
        ?.updateState(id, change)
        .then(show)
        .catch((error: unknown) => console.error('Could not store reading state', error));
    },
    [library],
  );

  useShortcuts(route);

  const feedTitle = sync.record.feedTitle || rememberedTitle() || t.appName;
  useEffect(() => rememberTitle(sync.record.feedTitle), [sync.record.feedTitle]);
  useEffect(() => {
    if (route.view === 'list') document.title = feedTitle;
    if (route.view === 'settings') document.title = `${t.settings} · ${feedTitle}`;
  }, [route.view, feedTitle]);

  const Brand = route.view === 'list' ? 'h1' : 'p';
  return (
    <div class="app">
      <header class="masthead">
        <div class="masthead-top">
          <Brand class="brand">
            <Link href={BASE}>{feedTitle}</Link>
          </Brand>
          {route.view !== 'settings' && (
            <Link class="settings-link" href={settingsHref(BASE)}>
              <span aria-hidden="true">⚙ </span>
              {t.settings}
            </Link>
          )}
        </div>
        <div class="syncbar">
          <span aria-live="polite">
            {sync.running ? t.checking : sync.record.lastSuccess ? t.updatedAgo(formatRelative(sync.record.lastSuccess)) : t.neverUpdated}
          </span>
          {!online && <span class="badge">{t.offlineBadge}</span>}
          <button type="button" class="link-button" disabled={!library || sync.running} onClick={() => library && void runSync(library)}>
            {t.checkNow}
          </button>
          <SyncProgress progress={sync.running ? progress : undefined} expectedPages={sync.record.pagesTotal} />
        </div>
      </header>
      <div role="alert" class="alert">
        {sync.running ? '' : sync.failure ? t.failure(sync.failure) : sync.report ? t.parseNotes(sync.report) : ''}
        {sync.failure && !sync.running && sync.partial ? ` ${t.partialSaved(sync.partial.pages, sync.partial.articles)}` : ''}
        {!sync.running && !sync.failure && stopSentence(sync) ? ` ${stopSentence(sync)}` : ''}
        {notice ? ` ${t[notice]}` : ''}
      </div>
      <div class="toasts">
        <UpdatePrompt />
        <div class="toast-live" aria-live="polite">
          {announcement === 'backOnline' ? t.backOnline : announcement === 'wentOffline' ? t.wentOffline : ''}
        </div>
      </div>
      <main id="main">
        {route.view === 'list' ? (
          <ListView
            entries={list.entries}
            visible={results?.visible ?? []}
            results={{ shown: results, pending }}
            complete={list.complete}
            total={list.total}
            filter={route.filter}
            states={states}
            offline={offline}
            syncing={sync.running}
          />
        ) : route.view === 'article' ? (
          // The reader waits for the stored reading state, so it can resume and never writes
          // over a saved state it has not seen yet.
          Reader && library && list.entries ? (
            <Reader
              library={library}
              id={route.id}
              syncing={sync.running}
              back={historyState().fromList}
              state={states.get(route.id)}
              onState={updateState}
            />
          ) : (
            <p class="placeholder">{t.articleLoading}</p>
          )
        ) : Settings ? (
          <Settings
            settings={settings}
            onSettings={onSettings}
            lastSuccess={sync.record.lastSuccess}
            syncing={sync.running}
            onCheck={library ? () => void runSync(library) : undefined}
            onFullResync={library ? () => void runSync(library, true) : undefined}
          />
        ) : (
          <p class="placeholder">{t.loading}</p>
        )}
      </main>
    </div>
  );
}

/** A loop or the page limit ended the last sync early: worth a sentence under the list. */
function stopNote(outcome: Extract<SyncOutcome, { ok: true }>): Pick<SyncState, 'stop' | 'pages'> {
  return outcome.stop === 'loop' || outcome.stop === 'limit' ? { stop: outcome.stop, pages: outcome.pages } : {};
}

function stopSentence(sync: SyncState): string {
  if (sync.stop === 'loop') return t.stoppedAtLoop;
  if (sync.stop === 'limit') return t.stoppedAtLimit(sync.pages ?? 0);
  return '';
}
