/**
 * The app shell: owns the library, the sync state and the route, and hands plain data to views.
 * The list renders from IndexedDB at once; the sync runs after, and the list re-reads the store
 * when it lands. The reading view is loaded lazily with its sanitizer.
 */
import type { ComponentType } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { indexUrl } from '../config';
import type { ParseReport } from '../feed/types';
import { NO_FILTER } from '../search/filter';
import type { SyncFailure, SyncRecord } from '../store/meta';
import { openLibrary, type Library } from '../sync/library';
import type { SyncOutcome } from '../sync/sync';
import { useEntries, useResults } from './archive';
import type { ArticleViewProps } from './ArticleView';
import { formatRelative } from './format';
import { ListView } from './ListView';
import { BASE, historyState, isPlainClick, navigate, useRoute } from './navigation';
import { en as t } from './strings';
import { FullResyncButton, SyncProgress, type Progress } from './SyncBar';
import { UpdatePrompt } from './UpdatePrompt';

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

export function App() {
  const route = useRoute();
  const [library, setLibrary] = useState<Library>();
  const list = useEntries();
  const [progress, setProgress] = useState<Progress>();
  const [sync, setSync] = useState<SyncState>({ running: false, record: {} });
  const [online, setOnline] = useState(() => navigator.onLine);
  const [notice, setNotice] = useState('');
  const [Reader, setReader] = useState<ComponentType<ArticleViewProps>>();
  const [, tick] = useState(0);
  const syncing = useRef(false);

  const reload = useCallback(async (lib: Library) => {
    try {
      const [, record] = await Promise.all([list.load(lib), lib.record()]);
      setSync((s) => ({ ...s, record }));
    } catch (error) {
      // The bookkeeping could not be read: the list still shows what is stored.
      console.error(error);
    }
  }, [list.load]);

  const runSync = useCallback(
    async (lib: Library, full = false) => {
      // One sync at a time: "back online" and the button can fire together.
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
    [list.merge],
  );

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const lib = await openLibrary(indexUrl(), () => setNotice(t.dbUpgrade));
      if (cancelled) return;
      if (!lib.persistent) setNotice(t.dbUnavailable);
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

  useEffect(() => {
    if (route.view !== 'article' || Reader) return;
    void import('./ArticleView').then((m) => setReader(() => m.ArticleView));
  }, [route.view, Reader]);

  const feedTitle = sync.record.feedTitle || t.appName;
  useEffect(() => {
    if (route.view === 'list') document.title = feedTitle;
  }, [route.view, feedTitle]);

  const { results, pending } = useResults(
    library,
    route.view === 'list' ? list.entries : undefined,
    route.view === 'list' ? route.filter : NO_FILTER,
    list.complete && !sync.running,
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
          <FullResyncButton disabled={!library || sync.running} onClick={() => library && void runSync(library, true)} />
          <SyncProgress progress={sync.running ? progress : undefined} expectedPages={sync.record.pagesTotal} />
        </div>
      </header>
      <div role="alert" class="alert">
        {sync.failure && !sync.running ? t.failure(sync.failure) : ''}
        {sync.failure && !sync.running && sync.partial ? ` ${t.partialSaved(sync.partial.pages, sync.partial.articles)}` : ''}
        {notice ? ` ${notice}` : ''}
      </div>
      <UpdatePrompt />
      <main id="main">
        {route.view === 'list' ? (
          <ListView
            entries={list.entries}
            visible={results?.visible ?? []}
            results={{ shown: results, pending }}
            complete={list.complete}
            total={list.total}
            filter={route.filter}
            syncing={sync.running}
            skipped={[sync.report ? t.skipped(sync.report) : '', stopSentence(sync)].filter(Boolean).join(' ')}
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

/** A loop or the page limit ended the last sync early: worth a sentence under the list. */
function stopNote(outcome: Extract<SyncOutcome, { ok: true }>): Pick<SyncState, 'stop' | 'pages'> {
  return outcome.stop === 'loop' || outcome.stop === 'limit' ? { stop: outcome.stop, pages: outcome.pages } : {};
}

function stopSentence(sync: SyncState): string {
  if (sync.stop === 'loop') return t.stoppedAtLoop;
  if (sync.stop === 'limit') return t.stoppedAtLimit(sync.pages ?? 0);
  return '';
}
