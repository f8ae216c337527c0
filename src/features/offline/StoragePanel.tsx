/**
 * The storage panel in Settings: space used and available, persistent storage, how many articles
 * are stored and readable offline, the image budget, keeping articles offline (a tag, the newest
 * N, everything) and clearing data (a tag, read articles older than N days, everything), saved
 * articles kept unless the reader ticks the box, and always after a confirmation.
 */
import { listen } from '../../data/channel';
import { withConnection } from '../../data/connection';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { BUDGETS_MB, MB } from '../../core/budget';
import { loadPrefs, savePrefs } from './prefs';
import type { ClearScope, Estimate, Summary, TagCount } from './storage';
import { formatSize, formatUsed } from '../../i18n/bytes';
import { DownloadProgress } from './DownloadProgress';
import type { Settings } from '../../core/settings';
import { TransferPanel } from '../transfer/TransferPanel';
import { PICKER_LIMIT } from '../../core/facet-index';
import { num } from '../../i18n/format';
import { t } from '../../i18n';
import { tl } from '../../i18n/lazy';
import { useKeeper } from './useKeeper';
import { DataUsed } from './DataSaverPanel';
import { DownloadQuestion } from './DownloadQuestion';
import { keepCost, mustAskKeep, type DownloadChoice, type DownloadCost } from '../../core/download-cost';
import { getSyncRecord } from '../../data/articles';
import { loadSaver } from '../../platform/saver';

const load = () => import('./storage');

type ClearKind = ClearScope['kind'];

export interface StoragePanelProps {
  settings: Settings;
  onSettings: (s: Settings) => Promise<void> | void;
}

export function StoragePanel({ settings, onSettings }: StoragePanelProps) {
  const { keeper, progress } = useKeeper();
  const [estimate, setEstimate] = useState<Estimate | null>();
  const [summary, setSummary] = useState<Summary>();
  const [tags, setTags] = useState<readonly TagCount[]>([]);
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
  const [includeHighlighted, setIncludeHighlighted] = useState(false);
  const [confirm, setConfirm] = useState<{ ids: string[]; scope: ClearScope }>();
  const [message, setMessage] = useState('');
  const [question, setQuestion] = useState<{ cost: DownloadCost; resolve: (c: DownloadChoice) => void }>();

  // The counts first (an index and the kept articles' rows: quick at any size), then the tags,
  // which read every row; a keep-offline run's progress changes counts, never tags.
  const measure = useCallback(async (withTags: boolean) => {
    try {
      const storage = await load();
      // Each figure shows as soon as it is known: the browser's estimate can take longer than the counts.
      await Promise.all([
        storage.estimate().then((e) => setEstimate(e ?? null)),
        withConnection(storage.summary).then(setSummary),
        storage.persisted().then((p) => setPersist((old) => (old === undefined || old === 'asking' ? p : old))),
      ]);
      if (withTags) setTags(await withConnection(storage.tagCounts));
    } catch {
      setUnavailable(true);
      setEstimate(null);
    }
  }, []);

  // At most twice a second, however often things change.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const tagsToo = useRef(false);
  const refresh = useCallback(
    (withTags: boolean) => {
      tagsToo.current ||= withTags;
      if (timer.current) return;
      timer.current = setTimeout(() => {
        timer.current = undefined;
        const tagsNow = tagsToo.current;
        tagsToo.current = false;
        void measure(tagsNow);
      }, 500);
    },
    [measure],
  );
  useEffect(() => () => clearTimeout(timer.current), []);

  useEffect(() => {
    void measure(true);
    return listen(() => refresh(true));
  }, [measure, refresh]);
  // Counts and space follow a run as it goes.
  useEffect(() => {
    refresh(false);
  }, [progress?.done, progress?.state, refresh]);
  const tagOr = (chosen: string) => chosen || tags[0]?.tag || '';

  const keep = async (scope: { tag?: string; newest?: number }) => {
    if (!keeper) return;
    const storage = await load();
    const ids = await withConnection(storage.idsFor, scope);
    if (!ids.length) {
      setMessage(tl().keepNothing);
      return;
    }
    setMessage('');
    // Many articles, or more than the reader's threshold: say what it costs first.
    const record = await withConnection(getSyncRecord).catch(() => undefined);
    const cost = keepCost(record?.totals, ids.length);
    if (mustAskKeep(cost, loadSaver().askAboveMB)) {
      const choice = await new Promise<DownloadChoice>((resolve) => setQuestion({ cost, resolve }));
      setQuestion(undefined);
      if (choice !== 'all') return;
    }
    // Asking when the reader first keeps something: the moment the request makes sense to them.
    if (persist === false && !asked) void askPersist();
    await keeper.keep(ids);
  };

  const askPersist = async () => {
    setAsked(true);
    setPersist('asking');
    const storage = await load();
    setPersist(await storage.askPersist());
  };

  const changeBudget = async (mb: number) => {
    setBudget(mb);
    savePrefs({ ...loadPrefs(), imageBudgetMB: mb });
    const storage = await load();
    await withConnection(storage.enforceBudget, mb * MB);
    refresh(false);
  };

  const planClear = async () => {
    const scope: ClearScope = clearKind === 'tag' ? { kind: 'tag', tag: tagOr(clearTag) } : clearKind === 'read-older' ? { kind: 'read-older', days } : { kind: 'all' };
    const storage = await load();
    const ids = await withConnection(storage.clearPlan, scope, includeSaved, Date.now(), includeHighlighted);
    setMessage('');
    if (!ids.length) {
      setMessage(tl().clearNothing);
      return;
    }
    setConfirm({ ids, scope });
  };

  const doClear = async () => {
    if (!confirm) return;
    const storage = await load();
    if (confirm.scope.kind === 'all') await keeper?.discard();
    await withConnection(storage.clearArticles, confirm.ids, confirm.scope);
    setMessage(tl().cleared(confirm.ids.length));
    setConfirm(undefined);
    refresh(true);
  };

  if (unavailable) {
    return (
      <>
        <section>
          <h2>{tl().storage}</h2>
          <p>{tl().storageUnavailable}</p>
        </section>
        <TransferPanel settings={settings} onSettings={onSettings} tags={[]} />
      </>
    );
  }

  const running = progress?.state === 'running';
  return (
    <>
      <section class="storage">
        <h2>{tl().storage}</h2>
        <p class="storage-used">
          {estimate === undefined
            ? tl().storageMeasuring
            : estimate === null
              ? tl().storageUnknown
              : tl().storageUsed(formatUsed(estimate.usage), formatSize(Math.max(0, estimate.quota - estimate.usage)))}
        </p>
        {estimate && (
          <meter class="storage-meter" min={0} max={estimate.quota} value={estimate.usage} aria-label={tl().storage}>
            {formatUsed(estimate.usage)}
          </meter>
        )}
        {summary && <p>{tl().articlesStored(summary.articles, summary.readable)}</p>}
        {summary && <p>{tl().imagesKept(summary.images, formatUsed(summary.imageBytes), formatSize(budget * MB))}</p>}
        <div class="field">
          <label for="image-budget">{tl().imageBudget}</label>
          <select id="image-budget" value={String(budget)} onChange={(e) => void changeBudget(Number(e.currentTarget.value))}>
            {BUDGETS_MB.map((mb) => (
              <option key={mb} value={String(mb)}>
                {formatSize(mb * MB)}
              </option>
            ))}
          </select>
        </div>
        <p class="note">{tl().imageBudgetHelp}</p>
        <p aria-live="polite">
          {persist === true ? tl().persistGranted : persist === false ? (asked ? tl().persistDenied : tl().persistNotYet) : persist === 'asking' ? tl().persistAsking : tl().persistUnsupported}
        </p>
        {persist !== true && persist !== undefined && (
          <button type="button" class="secondary" disabled={persist === 'asking'} onClick={() => void askPersist()}>
            {tl().persistAsk}
          </button>
        )}
        <DataUsed />
      </section>

      <section class="keep">
        <h2>{tl().keepSection}</h2>
        <p class="note">{tl().keepHelp}</p>
        <div class="inline-form">
          <div class="field">
            <label for="keep-tag">{t.tagLabel}</label>
            <TagSelect id="keep-tag" tags={tags} value={tagOr(keepTag)} onChange={setKeepTag} />
          </div>
          <button type="button" class="secondary" disabled={!keeper || !tags.length} onClick={() => void keep({ tag: tagOr(keepTag) })}>
            {tl().keepTag}
          </button>
        </div>
        <div class="inline-form">
          <div class="field">
            <label for="keep-newest">{tl().keepNewestLabel}</label>
            <input id="keep-newest" type="number" min={1} max={10000} inputMode="numeric" value={newest} onInput={(e) => setNewest(Math.max(1, Math.floor(Number(e.currentTarget.value) || 1)))} />
          </div>
          <button type="button" class="secondary" disabled={!keeper} onClick={() => void keep({ newest })}>
            {tl().keepNewest}
          </button>
        </div>
        <button type="button" class="primary" disabled={!keeper || running} onClick={() => void keep({})}>
          {tl().keepAll}
        </button>
        <DownloadProgress keeper={keeper} progress={progress} />
        {question && <DownloadQuestion cost={question.cost} answer={question.resolve} title={tl().keepTitle} newest={false} />}
      </section>

      <section class="clear-data">
        <h2>{tl().clearSection}</h2>
        <fieldset class="choices">
          <legend>{tl().clearWhat}</legend>
          {(['tag', 'read-older', 'all'] as const).map((k) => (
            <label key={k} class="choice">
              <input type="radio" name="clear" value={k} checked={clearKind === k} onChange={() => setClearKind(k)} />
              {k === 'tag' ? tl().clearTag : k === 'read-older' ? tl().clearReadOlder : tl().clearAll}
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
            <label for="clear-days">{tl().clearDays}</label>
            <input id="clear-days" type="number" min={0} max={36500} inputMode="numeric" value={days} onInput={(e) => setDays(Math.max(0, Math.floor(Number(e.currentTarget.value) || 0)))} />
          </div>
        )}
        <label class="check">
          <input type="checkbox" checked={includeSaved} onChange={(e) => setIncludeSaved(e.currentTarget.checked)} />
          {tl().clearIncludeSaved}
        </label>
        <label class="check">
          <input type="checkbox" checked={includeHighlighted} onChange={(e) => setIncludeHighlighted(e.currentTarget.checked)} />
          {tl().clearIncludeHighlighted}
        </label>
        {confirm ? (
          <div class="confirm" role="group" aria-label={tl().clearSection}>
            <p>{tl().clearConfirm(confirm.ids.length, includeSaved)}</p>
            <div class="button-row">
              <button type="button" class="danger" onClick={() => void doClear()}>
                {tl().clearConfirmYes}
              </button>
              <button type="button" class="secondary" onClick={() => setConfirm(undefined)}>
                {tl().cancel}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" class="secondary" onClick={() => void planClear()}>
            {tl().clearButton}
          </button>
        )}
        <p aria-live="polite">{message}</p>
      </section>

      <TransferPanel settings={settings} onSettings={onSettings} tags={tags.map((x) => x.tag)} />
    </>
  );
}

/**
 * A tag picker with each tag's article count, as both the keep and the clear sections need: the
 * `PICKER_LIMIT` most used tags (the summary lists them most used first), so a file bringing
 * 100,000 tags does not build 100,000 options.
 */
function TagSelect({ id, tags, value, onChange }: { id: string; tags: readonly { tag: string; count: number }[]; value: string; onChange: (tag: string) => void }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
      {tags.slice(0, PICKER_LIMIT).map(({ tag, count }) => (
        <option key={tag} value={tag}>
          {tag} ({num(count)})
        </option>
      ))}
    </select>
  );
}
