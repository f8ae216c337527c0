/**
 * The route switch: the list, one article or the settings, by the URL. The list is in the
 * first-load bundle; the reader and the settings load lazily, each with its strings in the UI's
 * language so it renders in one language.
 */
import type { ListEntry } from '../core/list-model';
import type { ReadingState, StateUpdate } from '../core/reading';
import { articleHref, type Route } from '../core/routes';
import type { Settings } from '../core/settings';
import { ListView } from '../features/list/ListView';
import type { ShownResults } from '../features/list/useList';
import type { ArticleViewProps, NextArticle } from '../features/reader/ArticleView';
import type { SettingsViewProps } from '../features/settings/SettingsView';
import type { Library } from '../features/sync/library';
import { t } from '../i18n';
import { BASE, historyState, navigate } from '../ui/navigation';
import { useLazy } from '../ui/useLazy';
import { useMemo, useRef } from 'preact/hooks';

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

export function Routes({ route, library, list, results, states, onState, offline, syncing, lastSuccess, onSync, settings, onSettings, feedTitle }: RoutesProps) {
  const Reader = useLazy<ArticleViewProps>(route.view === 'article', loadReader);
  const SettingsView = useLazy<SettingsViewProps>(route.view === 'settings', loadSettings);
  // The rows of the list as last shown (its filter and order), for "continue with the next
  // article"; an article opened from a link goes on through the whole list, newest first.
  const shownRows = useRef<readonly ListEntry[]>([]);
  if (route.view === 'list' && results.shown) shownRows.current = results.shown.visible;
  const allRows = useRef(list.entries);
  allRows.current = list.entries;
  const next = useMemo<NextArticle>(
    () => ({
      after(id) {
        const rows = shownRows.current.some((e) => e.id === id) ? shownRows.current : (allRows.current ?? []);
        const at = rows.findIndex((e) => e.id === id);
        return at < 0 ? undefined : rows[at + 1]?.id;
      },
      open(id) {
        navigate(articleHref(BASE, id), { replace: true, state: historyState() });
      },
    }),
    [],
  );

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
        next={next}
      />
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
