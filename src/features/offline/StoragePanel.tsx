/**
 * The storage panel in Settings: space used and available, persistent storage, how many articles
 * are stored and readable offline, the image budget, keeping articles offline (a tag, the newest
 * N, everything) and clearing data (a tag, read articles older than N days, everything), saved
 * articles kept unless the reader ticks the box, and always after a confirmation.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { BUDGETS_MB, MB } from '../../core/budget';
import { loadPrefs, savePrefs } from './prefs';
import type { ClearScope, Estimate, Summary } from './storage';
import { formatSize, formatUsed } from '../../i18n/bytes';
import { DownloadProgress } from './DownloadProgress';
import type { Settings } from '../settings/settings';
import { TransferPanel } from '../transfer/TransferPanel';
import { num } from '../../i18n/format';
import { t } from '../../i18n';
import { to } from '../../i18n/en/lazy';
import { useKeeper } from './useKeeper';

const load = () => Promise.all([import('./storage'), import('../../data/shared').then((m) => m.offlineDb())]);

type ClearKind = ClearScope['kind'];

export interface StoragePanelProps {
  settings: Settings;
  onSettings: (s: Settings) => Promise<void> | void;
}

export function StoragePanel({ settings, onSettings }: StoragePanelProps) {
  const { keeper, progress } = useKeeper();
  const [estimate, setEstimate] = useState<Estimate | null>();
  const [summary, setSummary] = useState<Summary>();
  const [persist, setPersist] = useState<boolean | undefined | 'asking'>();
  const [asked, setAsked] = useState(false);
  const [unavailable, setUnavailable] = useState(false);
  const [budget, setBudget] = useState(() => loadPrefs().imageBudgetMB);
  const [keepTag, setKeepTag] = useState('');
  const [newest, setNewest] = useState(10);
  const [clearKind, setClearKind] = useState<ClearKind>('read-older');
  const [clearTag, setClearTag] = useState('');
  const [days, setDays] = useState(30);
  const [includeSaved, setIncludeSaved] = useState(false);
  const [confirm, setConfirm] = useState<{ ids: string[]; scope: ClearScope }>();
  const [message, setMessage] = useState('');

  // Counting walks every stored article: at most twice a second, however often things change.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const refresh = useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      void measure();
    }, 500);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);

  const measure = useCallback(async () => {
    try {
      const [storage, db] = await load();
      const [e, s, p] = await Promise.all([storage.estimate(), storage.summary(db), storage.persisted()]);
      setEstimate(e ?? null);
      setSummary(s);
      setPersist((old) => (old === undefined || old === 'asking' ? p : old));
    } catch {
      setUnavailable(true);
      setEstimate(null);
    }
  }, []);

  useEffect(() => {
    void measure();
    const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('broadsheet') : undefined;
    if (channel) channel.onmessage = () => void refresh();
    return () => channel?.close();
  }, [measure, refresh]);
  // Counts and space follow a run as it goes.
  useEffect(() => void refresh(), [progress?.done, progress?.state, refresh]);

  const tags = summary?.tags ?? [];
  const tagOr = (chosen: string) => chosen || tags[0]?.tag || '';

  const keep = async (scope: { tag?: string; newest?: number }) => {
    if (!keeper) return;
    const [storage, db] = await load();
    const ids = await storage.idsFor(db, scope);
    if (!ids.length) return setMessage(to().keepNothing);
    setMessage('');
    // Asking when the reader first keeps something: the moment the request makes sense to them.
    if (persist === false && !asked) void askPersist();
    await keeper.keep(ids);
  };

  const askPersist = async () => {
    setAsked(true);
    setPersist('asking');
    const [storage] = await load();
    setPersist(await storage.askPersist());
  };

  const changeBudget = async (mb: number) => {
    setBudget(mb);
    savePrefs({ ...loadPrefs(), imageBudgetMB: mb });
    const [storage, db] = await load();
    await storage.enforceBudget(db, mb * MB);
    void refresh();
  };

  const planClear = async () => {
    const scope: ClearScope = clearKind === 'tag' ? { kind: 'tag', tag: tagOr(clearTag) } : clearKind === 'read-older' ? { kind: 'read-older', days } : { kind: 'all' };
    const [storage, db] = await load();
    const ids = await storage.clearPlan(db, scope, includeSaved, Date.now());
    setMessage('');
    if (!ids.length) return setMessage(to().clearNothing);
    setConfirm({ ids, scope });
  };

  const doClear = async () => {
    if (!confirm) return;
    const [storage, db] = await load();
    if (confirm.scope.kind === 'all') await keeper?.discard();
    await storage.clearArticles(db, confirm.ids, confirm.scope);
    setMessage(to().cleared(confirm.ids.length));
    setConfirm(undefined);
    void refresh();
  };

  if (unavailable) {
    return (
      <>
        <section>
          <h2>{to().storage}</h2>
          <p>{to().storageUnavailable}</p>
        </section>
        <TransferPanel settings={settings} onSettings={onSettings} tags={[]} />
      </>
    );
  }

  const running = progress?.state === 'running';
  return (
    <>
      <section class="storage">
        <h2>{to().storage}</h2>
        <p class="storage-used">
          {estimate === undefined
            ? to().storageMeasuring
            : estimate === null
              ? to().storageUnknown
              : to().storageUsed(formatUsed(estimate.usage), formatSize(Math.max(0, estimate.quota - estimate.usage)))}
        </p>
        {estimate && (
          <meter class="storage-meter" min={0} max={estimate.quota} value={estimate.usage} aria-label={to().storage}>
            {formatUsed(estimate.usage)}
          </meter>
        )}
        {summary && <p>{to().articlesStored(summary.articles, summary.readable)}</p>}
        {summary && <p>{to().imagesKept(summary.images, formatUsed(summary.imageBytes), formatSize(budget * MB))}</p>}
        <div class="field">
          <label for="image-budget">{to().imageBudget}</label>
          <select id="image-budget" value={String(budget)} onChange={(e) => void changeBudget(Number(e.currentTarget.value))}>
            {BUDGETS_MB.map((mb) => (
              <option key={mb} value={String(mb)}>
                {formatSize(mb * MB)}
              </option>
            ))}
          </select>
        </div>
        <p class="note">{to().imageBudgetHelp}</p>
        <p aria-live="polite">
          {persist === true ? to().persistGranted : persist === false ? (asked ? to().persistDenied : to().persistNotYet) : persist === 'asking' ? to().persistAsking : to().persistUnsupported}
        </p>
        {persist !== true && persist !== undefined && (
          <button type="button" class="secondary" disabled={persist === 'asking'} onClick={() => void askPersist()}>
            {to().persistAsk}
          </button>
        )}
      </section>

      <section class="keep">
        <h2>{to().keepSection}</h2>
        <p class="note">{to().keepHelp}</p>
        <div class="inline-form">
          <div class="field">
            <label for="keep-tag">{t.tagLabel}</label>
            <TagSelect id="keep-tag" tags={tags} value={tagOr(keepTag)} onChange={setKeepTag} />
          </div>
          <button type="button" class="secondary" disabled={!keeper || !tags.length} onClick={() => void keep({ tag: tagOr(keepTag) })}>
            {to().keepTag}
          </button>
        </div>
        <div class="inline-form">
          <div class="field">
            <label for="keep-newest">{to().keepNewestLabel}</label>
            <input id="keep-newest" type="number" min={1} max={10000} inputMode="numeric" value={newest} onInput={(e) => setNewest(Math.max(1, Math.floor(Number(e.currentTarget.value) || 1)))} />
          </div>
          <button type="button" class="secondary" disabled={!keeper} onClick={() => void keep({ newest })}>
            {to().keepNewest}
          </button>
        </div>
        <button type="button" class="primary" disabled={!keeper || running} onClick={() => void keep({})}>
          {to().keepAll}
        </button>
        <DownloadProgress keeper={keeper} progress={progress} />
      </section>

      <section class="clear-data">
        <h2>{to().clearSection}</h2>
        <fieldset class="choices">
          <legend>{to().clearWhat}</legend>
          {(['tag', 'read-older', 'all'] as const).map((k) => (
            <label key={k} class="choice">
              <input type="radio" name="clear" value={k} checked={clearKind === k} onChange={() => setClearKind(k)} />
              {k === 'tag' ? to().clearTag : k === 'read-older' ? to().clearReadOlder : to().clearAll}
            </label>
          ))}
        </fieldset>
        {clearKind === 'tag' && (
          <div class="field">
            <label for="clear-tag">{t.tagLabel}</label>
            <TagSelect id="clear-tag" tags={tags} value={tagOr(clearTag)} onChange={setClearTag} />
          </div>
        )}
        {clearKind === 'read-older' && (
          <div class="field">
            <label for="clear-days">{to().clearDays}</label>
            <input id="clear-days" type="number" min={0} max={36500} inputMode="numeric" value={days} onInput={(e) => setDays(Math.max(0, Math.floor(Number(e.currentTarget.value) || 0)))} />
          </div>
        )}
        <label class="check">
          <input type="checkbox" checked={includeSaved} onChange={(e) => setIncludeSaved(e.currentTarget.checked)} />
          {to().clearIncludeSaved}
        </label>
        {confirm ? (
          <div class="confirm" role="group" aria-label={to().clearSection}>
            <p>{to().clearConfirm(confirm.ids.length, includeSaved)}</p>
            <div class="button-row">
              <button type="button" class="danger" onClick={() => void doClear()}>
                {to().clearConfirmYes}
              </button>
              <button type="button" class="secondary" onClick={() => setConfirm(undefined)}>
                {to().cancel}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" class="secondary" onClick={() => void planClear()}>
            {to().clearButton}
          </button>
        )}
        <p aria-live="polite">{message}</p>
      </section>

      <TransferPanel settings={settings} onSettings={onSettings} tags={tags.map((x) => x.tag)} />
    </>
  );
}

/** A tag picker with each tag's article count, as both the keep and the clear sections need. */
function TagSelect({ id, tags, value, onChange }: { id: string; tags: readonly { tag: string; count: number }[]; value: string; onChange: (tag: string) => void }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
      {tags.map(({ tag, count }) => (
        <option key={tag} value={tag}>
          {tag} ({num(count)})
        </option>
      ))}
    </select>
  );
}
