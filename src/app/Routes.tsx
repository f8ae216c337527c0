/**
 * The route switch: the list, one article or the settings, by the URL. The list is in the
 * first-load bundle; the reader and the settings load lazily, each with its strings in the UI's
 * language so it renders in one language.
 */
import type { ListEntry } from '../core/list-model';
import type { ReadingState, StateUpdate } from '../core/reading';
import type { Route } from '../core/routes';
import type { Settings } from '../core/settings';
import type { MarkAll } from '../features/list/MarkAllRead';
import { ListView } from '../features/list/ListView';
import type { ShownResults } from '../features/list/useList';
import type { ArticleViewProps } from '../features/reader/ArticleView';
import type { SettingsViewProps } from '../features/settings/SettingsView';
import type { Library } from '../features/sync/library';
import { t } from '../i18n';
import { historyState } from '../ui/navigation';
import { useLazy } from '../ui/useLazy';

const withLazyStrings = <T,>(view: Promise<T>): Promise<T> =>
  Promise.all([view, import('../i18n/lazy').then((m) => m.loadLazyStrings())]).then(([v]) => v);
const loadReader = () => withLazyStrings(import('../features/reader/ArticleView').then((m) => m.ArticleView));
const loadSettings = () => withLazyStrings(import('../features/settings/SettingsView').then((m) => m.SettingsView));

export interface RoutesProps {
  route: Route;
  library: Library | undefined;
  /** The list's rows in memory, as `useListEntries` keeps them. */
  list: { entries: ListEntry[] | undefined; complete: boolean; total: number | undefined };
  /** The rows matching the list's filter, as `useListResults` gives them. */
  results: ShownResults;
  states: ReadonlyMap<string, ReadingState>;
  onState: StateUpdate;
  /** Marks many articles read ("Mark 37 as read"), with its undo. */
  onMarkAll?: MarkAll;
  offline: ReadonlyMap<string, boolean>;
  syncing: boolean;
  lastSuccess: number | undefined;
  /** Runs a sync (`full`: every page); `undefined` while none can run yet. */
  onSync: ((full?: boolean) => void) | undefined;
  settings: Settings;
  onSettings: (s: Settings) => Promise<void> | void;
}

export function Routes({ route, library, list, results, states, onState, onMarkAll, offline, syncing, lastSuccess, onSync, settings, onSettings }: RoutesProps) {
  const Reader = useLazy<ArticleViewProps>(route.view === 'article', loadReader);
  const SettingsView = useLazy<SettingsViewProps>(route.view === 'settings', loadSettings);

  if (route.view === 'list') {
    return (
      <ListView
        entries={list.entries}
        results={results}
        complete={list.complete}
        total={list.total}
        filter={route.filter}
        states={states}
        offline={offline}
        syncing={syncing}
        onMarkAll={onMarkAll}
      />
    );
  }
  if (route.view === 'article') {
    // The reader waits for the stored reading state, so it can resume and never writes over a
    // saved state it has not seen yet.
    return Reader && library && list.entries ? (
      <Reader library={library} id={route.id} syncing={syncing} back={historyState().fromList} state={states.get(route.id)} onState={onState} />
    ) : (
      <p class="placeholder">{t.articleLoading}</p>
    );
  }
  return SettingsView ? (
    <SettingsView
      settings={settings}
      onSettings={onSettings}
      lastSuccess={lastSuccess}
      syncing={syncing}
      onCheck={onSync && (() => onSync())}
      onFullResync={onSync && (() => onSync(true))}
    />
  ) : (
    <p class="placeholder">{t.loading}</p>
  );
}
