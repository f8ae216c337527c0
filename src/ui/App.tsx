/**
 * The app shell: owns the library, the sync state and the route, and hands plain data to views.
 * The list renders from IndexedDB at once; the sync runs after, and the list re-reads the store
 * when it lands. The reading view is loaded lazily with its sanitizer.
 */
import type { ComponentType } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { indexUrl } from '../config';
import type { ParseReport } from '../feed/types';
import { filterEntries, toEntry, type ListEntry } from '../search/filter';
import type { SyncFailure, SyncRecord } from '../store/meta';
import { openLibrary, type Library } from '../sync/library';
import type { ArticleViewProps } from './ArticleView';
import { formatRelative } from './format';
import { ListView } from './ListView';
import { BASE, historyState, isPlainClick, navigate, useRoute } from './navigation';
import { en as t } from './strings';
import { UpdatePrompt } from './UpdatePrompt';

interface SyncState {
  running: boolean;
  record: SyncRecord;
  /** The failure of the latest sync in this session, shown in the alert. */
  failure?: SyncFailure;
  /** What the latest successful sync skipped. */
  report?: ParseReport;
}

export function App() {
  const route = useRoute();
  const [library, setLibrary] = useState<Library>();
  const [entries, setEntries] = useState<ListEntry[]>();
  const [sync, setSync] = useState<SyncState>({ running: false, record: {} });
  const [online, setOnline] = useState(() => navigator.onLine);
  const [notice, setNotice] = useState('');
  const [Reader, setReader] = useState<ComponentType<ArticleViewProps>>();
  const [, tick] = useState(0);
  const syncing = useRef(false);

  const reload = useCallback(async (lib: Library) => {
    try {
      const [articles, record] = await Promise.all([lib.list(), lib.record()]);
      setEntries(articles.map(toEntry));
      setSync((s) => ({ ...s, record }));
    } catch (error) {
      // The store could not be read (evicted, closed by an upgrade): show what we have.
      console.error(error);
      setEntries((e) => e ?? []);
    }
  }, []);

  const runSync = useCallback(
    async (lib: Library) => {
      // One sync at a time: "back online" and the button can fire together.
      if (syncing.current) return;
      syncing.current = true;
      setSync((s) => ({ ...s, running: true }));
      try {
        const outcome = await lib.sync();
        // A full disk still keeps the batches that fit: show them too.
        if (outcome.ok || outcome.failure.kind === 'storage') await reload(lib);
        if (outcome.ok) setNotice((n) => (n === t.evicted ? t.evictedRestored : n));
        setSync((s) => ({
          running: false,
          record: outcome.record,
          ...(outcome.ok ? { report: outcome.report } : { failure: outcome.failure, ...(s.report ? { report: s.report } : {}) }),
        }));
      } catch (error) {
        // A bug or a closed database must not leave the app spinning.
        console.error(error);
        setSync((s) => ({ ...s, running: false, failure: { kind: 'network' } }));
      } finally {
        syncing.current = false;
      }
    },
    [reload],
  );

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const lib = await openLibrary(indexUrl(), () => setNotice(t.dbUpgrade), { onClosed: () => setNotice(t.dbClosed) });
      if (cancelled) return;
      if (!lib.persistent) setNotice(t.dbUnavailable);
      else if (lib.lost) setNotice(t.evicted);
      setLibrary(lib);
      await reload(lib);
      await runSync(lib);
    })();
    return () => {
      cancelled = true;
    };
  }, [reload, runSync]);

  useEffect(() => {
    const up = () => {
      setOnline(true);
      if (library) void runSync(library);
    };
    const down = () => setOnline(false);
    addEventListener('online', up);
    addEventListener('offline', down);
    // Keep "Updated 5 minutes ago" honest without re-rendering on every second.
    const timer = setInterval(() => tick((n) => n + 1), 60_000);
    return () => {
      removeEventListener('online', up);
      removeEventListener('offline', down);
      clearInterval(timer);
    };
  }, [library, runSync]);

  // Another tab synced: show what it stored, and drop this tab's stale failure if it succeeded.
  useEffect(
    () =>
      library?.onChange((ok) => {
        void reload(library);
        if (ok) setSync((s) => ({ ...s, failure: undefined }));
      }),
    [library, reload],
  );

  useEffect(() => {
    if (route.view !== 'article' || Reader) return;
    void import('./ArticleView').then((m) => setReader(() => m.ArticleView));
  }, [route.view, Reader]);

  const feedTitle = sync.record.feedTitle || t.appName;
  useEffect(() => {
    if (route.view === 'list') document.title = feedTitle;
  }, [route.view, feedTitle]);

  const visible = useMemo(
    () => (entries && route.view === 'list' ? filterEntries(entries, route.filter) : []),
    [entries, route],
  );

  const onBrand = (e: MouseEvent) => {
    if (!isPlainClick(e)) return;
    e.preventDefault();
    navigate(BASE);
  };

  const Brand = route.view === 'list' ? 'h1' : 'p';
  return (
    <div class="app">
      <header class="masthead">
        <Brand class="brand">
          <a href={BASE} onClick={onBrand}>
            {feedTitle}
          </a>
        </Brand>
        <div class="syncbar">
          <span aria-live="polite">
            {sync.running
              ? t.checking
              : sync.record.lastSuccess
                ? t.updatedAgo(formatRelative(sync.record.lastSuccess))
                : t.neverUpdated}
          </span>
          {!online && <span class="badge">{t.offlineBadge}</span>}
          <button type="button" class="link-button" disabled={!library || sync.running} onClick={() => library && void runSync(library)}>
            {t.checkNow}
          </button>
        </div>
      </header>
      <div role="alert" class="alert">
        {sync.running ? '' : sync.failure ? t.failure(sync.failure) : sync.report ? t.parseNotes(sync.report) : ''}
        {notice ? ` ${notice}` : ''}
      </div>
      <UpdatePrompt />
      <main id="main">
        {route.view === 'list' ? (
          <ListView
            entries={entries}
            visible={visible}
            filter={route.filter}
            syncing={sync.running}
          />
        ) : Reader && library ? (
          <Reader library={library} id={route.id} syncing={sync.running} back={historyState().fromList} />
        ) : (
          <p class="placeholder">{t.articleLoading}</p>
        )}
      </main>
    </div>
  );
}
