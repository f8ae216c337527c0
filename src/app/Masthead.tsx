import { highlightsHref, settingsHref, type Route } from '../core/routes';
import type { SyncPageProgress, SyncProgressProps } from '../features/sync/SyncProgress';
import { useLazy } from '../ui/useLazy';
import { formatRelative } from '../i18n/format';
import { t } from '../i18n';
import { BASE } from '../ui/navigation';
import { Link } from '../ui/Link';
import type { SyncState } from './useSync';

/** The progress bar is needed only while a sync of several pages runs: its code (and strings) load then. */
const loadProgress = () =>
  Promise.all([import('../features/sync/SyncProgress'), import('../i18n/lazy').then((m) => m.loadLazyStrings())]).then(([m]) => m.SyncProgress);

export interface MastheadProps {
  view: Route['view'];
  title: string;
  online: boolean;
  sync: SyncState;
  progress: SyncPageProgress | undefined;
  /** Runs a sync; `undefined` while none can run yet. */
  onCheck: (() => void) | undefined;
  /** Offline with this many articles stored: said calmly, in place of an alert. */
  calm?: number | undefined;
}

/**
 * The top of every page: the feed's name (the page's heading on the list, a link home
 * elsewhere), the way to the settings, and the sync bar: when the articles were last updated,
 * Check now, whether the browser is offline and how far a running sync has got.
 */
export function Masthead({ view, title, online, sync, progress, onCheck, calm }: MastheadProps) {
  const Brand = view === 'list' ? 'h1' : 'p';
  const SyncProgress = useLazy<SyncProgressProps>(sync.running && !!progress, loadProgress);
  return (
    <header class="masthead">
      <div class="masthead-top">
        <Brand class="brand">
          <Link href={BASE}>{title}</Link>
        </Brand>
        <div class="masthead-links">
          {view !== 'highlights' && (
            <Link class="settings-link" href={highlightsHref(BASE)}>
              {t.highlights}
            </Link>
          )}
          {view !== 'settings' && (
            <Link class="settings-link" href={settingsHref(BASE)}>
              <span aria-hidden="true">⚙ </span>
              {t.settings}
            </Link>
          )}
        </div>
      </div>
      <div class="syncbar">
        <span aria-live="polite">
          {sync.running ? t.checking : sync.record.lastSuccess ? t.updatedAgo(formatRelative(sync.record.lastSuccess)) : t.neverUpdated}
        </span>
        {!online && calm === undefined && <span class="badge">{t.offlineBadge}</span>}
        <button type="button" class="link-button" disabled={!onCheck || sync.running} onClick={() => onCheck?.()}>
          {t.checkNow}
        </button>
        {calm !== undefined && (
          <span class="calm-offline" aria-live="polite">
            {t.offlineCalm(calm)}
          </span>
        )}
        {SyncProgress && <SyncProgress progress={sync.running ? progress : undefined} expectedPages={sync.record.pagesTotal} />}
      </div>
    </header>
  );
}
