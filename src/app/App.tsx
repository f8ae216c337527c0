/**
 * The app shell: puts the masthead, the alert, the toasts and the current route on the page,
 * and hands each the data it shows. The list renders from what is stored at once (even before
 * the database answers, from the first screen kept in localStorage); the sync runs after, and
 * the list takes in its pages as they land.
 */
import { useCallback } from 'preact/hooks';
import { NO_FILTER } from '../core/list-model';
import type { StateUpdate } from '../core/reading';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings';
import { useListEntries, useListResults } from '../features/list/useList';
import type { MarkAll } from '../features/list/MarkAllRead';
import { useOfflineStatus } from '../features/offline/useOfflineStatus';
import { useRoute } from '../ui/navigation';
import type { Route } from '../core/routes';
import { useLazy } from '../ui/useLazy';
import { Alert } from './Alert';
import { isCalmOffline } from './alerts';
import { Masthead } from './Masthead';
import { Routes } from './Routes';
import { Toasts } from './Toasts';
import { useFeedTitle } from './useFeedTitle';
import { useOnline } from './useOnline';
import { useReadingStates } from './useReadingStates';
import { useSync } from './useSync';
import type { DownloadQuestionProps } from '../features/offline/DownloadQuestion';

const loadQuestion = () =>
  Promise.all([import('../features/offline/DownloadQuestion'), import('../i18n/lazy').then((m) => m.loadLazyStrings())]).then(([m]) => m.DownloadQuestion);

/** Keyboard shortcuts and the WebKit storage note are not needed for the first paint: they load right after it. */
const loadAfterPaint = () => import('./AfterPaint').then((m) => m.AfterPaint);

export interface AppProps {
  settings: Settings;
  /** Applies and stores new settings (and loads another UI language if needed). */
  onSettings: (s: Settings) => Promise<void> | void;
}

export function App({ settings = DEFAULT_SETTINGS, onSettings = () => {} }: Partial<AppProps>) {
  const route = useRoute();
  const list = useListEntries();
  const { states: readingStates, merge: mergeStates, update: updateReading, markAll } = useReadingStates();
  const { status: offline, track: trackOffline } = useOfflineStatus();
  const { library, state: sync, progress, notice, run, question } = useSync({ list, onStates: mergeStates, trackOffline });
  const Question = useLazy<DownloadQuestionProps>(!!question, loadQuestion);
  const { online, change: networkChange } = useOnline();
  const title = useFeedTitle(sync.record.feedTitle, route.view);
  const results = useListResults(
    library,
    route.view === 'list' ? list.entries : undefined,
    route.view === 'list' ? route.filter : NO_FILTER,
    // A store that already held articles warms its index at once, even while the start's check
    // for new articles runs; a first visit waits for its sync, which the index would slow.
    list.complete && (!sync.running || (list.atOpen ?? 0) > 0),
    readingStates,
  );
  const onState = useCallback<StateUpdate>((id, change) => updateReading(library, id, change), [updateReading, library]);
  const onMarkAll = useCallback<MarkAll>((ids) => markAll(library, ids), [markAll, library]);
  const AfterPaint = useLazy<{ route: Route }>(true, loadAfterPaint);

  return (
    <div class="app">
      <Masthead
        view={route.view}
        title={title}
        online={online}
        sync={sync}
        progress={progress}
        onCheck={run}
        calm={isCalmOffline(sync, list.total) || (!online && (list.total ?? 0) > 0) ? list.total : undefined}
      />
      <Alert sync={sync} notice={notice} stored={list.total} />
      <Toasts network={networkChange} />
      {question && Question && <Question cost={question.cost} answer={question.answer} />}
      {AfterPaint && <AfterPaint route={route} />}
      <main id="main">
        <Routes
          route={route}
          library={library}
          list={list}
          results={results}
          states={readingStates}
          onState={onState}
          onMarkAll={onMarkAll}
          offline={offline}
          syncing={sync.running}
          lastSuccess={sync.record.lastSuccess}
          onSync={run}
          settings={settings}
          onSettings={onSettings}
          feedTitle={title}
        />
      </main>
    </div>
  );
}
