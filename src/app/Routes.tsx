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
import type { ArticleViewProps, ListRows } from '../features/reader/ArticleView';
import type { SettingsViewProps } from '../features/settings/SettingsView';
import type { Library } from '../features/sync/library';
import { t } from '../i18n';
import { historyState } from '../ui/navigation';
import { useLazy } from '../ui/useLazy';
import { useRef } from 'preact/hooks';

const withLazyStrings = <T,>(view: Promise<T>): Promise<T> =>
  Promise.all([view, import('../i18n/lazy').then((m) => m.loadLazyStrings())]).then(([v]) => v);
const loadReader = () => withLazyStrings(import('../features/reader/ArticleView').then((m) => m.ArticleView));
const loadSettings = () => withLazyStrings(import('../features/settings/SettingsView').then((m) => m.SettingsView));
const loadHighlights = () =>
  Promise.all([import('../features/highlights/HighlightsView'), import('../i18n/highlights').then((m) => m.loadHighlightStrings())]).then(([m]) => m.HighlightsView);

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
  /** The feed's title, as the masthead shows it. */
  feedTitle?: string;
}

export function Routes({ route, library, list, results, states, onState, onMarkAll, offline, syncing, lastSuccess, onSync, settings, onSettings, feedTitle }: RoutesProps) {
  const Reader = useLazy<ArticleViewProps>(route.view === 'article', loadReader);
  const SettingsView = useLazy<SettingsViewProps>(route.view === 'settings', loadSettings);
  // The list as last shown (its filter and order), for "continue with the next article".
  const rows = useRef<ListRows>({ shown: [], all: undefined });
  rows.current.all = list.entries;
  if (route.view === 'list' && results.shown) rows.current.shown = results.shown.visible;
  const HighlightsView = useLazy<object>(route.view === 'highlights', loadHighlights);

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
      <Reader
        library={library}
        id={route.id}
        syncing={syncing}
        back={historyState().fromList}
        state={states.get(route.id)}
        onState={onState}
        feedTitle={feedTitle}
        listRows={rows}
      />
    ) : (
      <p class="placeholder">{t.articleLoading}</p>
    );
  }
  if (route.view === 'highlights') return HighlightsView ? <HighlightsView /> : <p class="placeholder">{t.loading}</p>;
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
