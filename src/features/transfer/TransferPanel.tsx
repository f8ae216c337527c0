/**
 * Backup and hand-off: one `Export` button with a choice of what to export (a backup of saved
 * articles, reading state and settings; or articles for another phone: the saved ones, those kept
 * offline, or a tag's), and one `Import` button that reads either kind of file. Files shared to
 * the app (share target) or opened with it (file handler) arrive here too, with the same checks.
 *
 * Nothing is imported behind the reader's back: whatever arrives (picked, shared, opened, or
 * posted by another website) is checked, then shown on a consent screen (`ImportConsent.tsx`:
 * kind, file name, counts, whether it carries settings). It is imported only on **Import**;
 * **Cancel** discards it. The inbox is emptied as it is read, so either way nothing waits there.
 * Settings from a file are applied only when the reader ticks the box for them.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ImportOutcome, ImportPlan, RejectReason } from '../../core/transfer/format';
import type { Selection } from './export';
import { indexUrl } from '../../platform/config';
import { t } from '../../i18n';
import { tl } from '../../i18n/lazy';
import { INBOX_CACHE } from '../../core/names';
import { withConnection } from '../../data/connection';
import { FILE_NAME_HEADER, ORIGIN_HEADER, openedForInbox } from './inbox';
import { ImportConsent, type Pending } from './ImportConsent';
import type { Settings } from '../../core/settings';
import { PICKER_LIMIT } from '../../core/facet-index';

declare const __APP_VERSION__: string;

interface LaunchParams {
  files: { getFile(): Promise<File> }[];
}
declare global {
  interface Window {
    launchQueue?: { setConsumer(consumer: (params: LaunchParams) => void): void };
  }
}

type Result =
  | { kind: 'exported'; articles: number; name: string }
  | { kind: 'nothing' }
  | { kind: 'inbox-empty' }
  | { kind: 'imported'; outcome: ImportOutcome; plan: ImportPlan; name: string }
  | { kind: 'cancelled' }
  | { kind: 'rejected'; reason: RejectReason | { code: 'unreadable' }; name: string }
  | { kind: 'busy' }
  | { kind: 'error' };

export interface TransferPanelProps {
  settings: Settings;
  onSettings: (s: Settings) => Promise<void> | void;
  tags: string[];
}

const modules = () => Promise.all([import('../../core/transfer/format'), import('./apply')]);

export function TransferPanel({ settings, onSettings, tags }: TransferPanelProps) {
  const [what, setWhat] = useState('backup');
  const [result, setResult] = useState<Result>();
  const input = useRef<HTMLInputElement>(null);
  const settingsRef = useRef(settings);
  settingsRef.current = settings;

  // Files waiting for the reader's answer, first one on screen; more may arrive (several shared at once).
  const [queue, setQueue] = useState<Pending[]>([]);
  const pending = queue[0];
  const arrivals = useRef(0);

  const checkText = async (text: string, name: string, foreign: boolean) => {
    const [format, apply] = await modules();
    const read = format.readFile(text, indexUrl(), Date.now());
    if (!read.ok) {
      setResult({ kind: 'rejected', reason: read.reason, name });
      return;
    }
    const preview = await withConnection(apply.previewImport, read.plan);
    setResult(undefined);
    setQueue((q) => [...q, { id: ++arrivals.current, plan: read.plan, name, foreign, ...preview }]);
  };

  /** The reader pressed Import: only now does anything change. */
  const confirm = async (p: Pending, withSettings: boolean) => {
    setQueue((q) => q.slice(1));
    setResult({ kind: 'busy' });
    try {
      const [, apply] = await modules();
      const outcome = await withConnection(apply.applyImport, p.plan, Date.now());
      const applySettings = withSettings && !!(p.plan.settings || p.plan.offline);
      if (applySettings && p.plan.offline) (await import('../offline/prefs')).savePrefs(p.plan.offline);
      setResult({ kind: 'imported', outcome: { ...outcome, settingsApplied: applySettings }, plan: p.plan, name: p.name });
      if (applySettings && p.plan.settings) await onSettings({ ...p.plan.settings });
    } catch (error) {
      // No IndexedDB, or the disk is full: say so instead of spinning.
      console.error(error);
      setResult({ kind: 'error' });
    }
  };

  const cancel = () => {
    setQueue((q) => q.slice(1));
    setResult({ kind: 'cancelled' });
  };

  const importFile = async (file: File, foreign = false) => {
    setResult({ kind: 'busy' });
    const { MAX_IMPORT_BYTES } = await import('../../core/transfer/limits');
    if (file.size > MAX_IMPORT_BYTES) {
      setResult({ kind: 'rejected', reason: { code: 'too-large', bytes: file.size }, name: file.name });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setResult({ kind: 'rejected', reason: { code: 'unreadable' }, name: file.name });
      return;
    }
    try {
      await checkText(text, file.name, foreign);
    } catch (error) {
      console.error(error);
      setResult({ kind: 'error' });
    }
  };
  // The effect below runs once; the files it receives later go through the newest importFile.
  const latestImportFile = useRef(importFile);
  latestImportFile.current = importFile;

  // Files shared to the app wait in the service worker's inbox; files opened with the installed
  // app arrive through the launch queue.
  useEffect(() => {
    if (openedForInbox(location.search)) {
      void (async () => {
        const cache = await caches.open(INBOX_CACHE);
        const keys = await cache.keys();
        if (!keys.length) setResult({ kind: 'inbox-empty' });
        for (const key of keys) {
          const res = await cache.match(key);
          // Emptied as it is read: whatever the reader answers, nothing waits in the inbox.
          await cache.delete(key);
          if (!res) continue;
          let name = 'shared.json';
          try {
            name = decodeURIComponent(res.headers.get(FILE_NAME_HEADER) ?? name);
          } catch {
            // A malformed name: the default one.
          }
          await latestImportFile.current(new File([await res.blob()], name), res.headers.get(ORIGIN_HEADER) === 'foreign');
        }
        history.replaceState(history.state, '', location.pathname);
      })();
    }
    window.launchQueue?.setConsumer((launch) => {
      void (async () => {
        for (const handle of launch.files) await latestImportFile.current(await handle.getFile());
      })();
    });
  }, []);

  const doExport = () =>
    exportNow().catch((error: unknown) => {
      console.error(error);
      setResult({ kind: 'error' });
    });

  const exportNow = async () => {
    setResult({ kind: 'busy' });
    const { exportFile, download } = await import('./export');
    const sel: Selection = what === 'backup' || what === 'saved' || what === 'kept' ? { kind: what } : { kind: 'tag', tag: what.slice(4) };
    const file = await withConnection(exportFile, sel, {
      settings: settingsRef.current,
      now: Date.now(),
      title: document.title.split(' · ').pop() || t.appName,
      ...(typeof __APP_VERSION__ === 'string' ? { appVersion: __APP_VERSION__ } : {}),
    });
    if (file.articles === 0 && sel.kind !== 'backup') {
      setResult({ kind: 'nothing' });
      return;
    }
    download(file.name, file.text);
    setResult({ kind: 'exported', articles: file.articles, name: file.name });
  };

  if (pending) {
    return (
      <section class="transfer">
        <h2>{tl().transferSection}</h2>
        <ImportConsent key={pending.id} pending={pending} onImport={(withSettings) => void confirm(pending, withSettings)} onCancel={cancel} />
      </section>
    );
  }

  return (
    <section class="transfer">
      <h2>{tl().transferSection}</h2>
      <p class="note">{tl().transferHelp}</p>
      <div class="field">
        <label for="export-what">{tl().exportWhat}</label>
        <select id="export-what" value={what} onChange={(e) => setWhat(e.currentTarget.value)}>
          <option value="backup">{tl().exportBackup}</option>
          <option value="saved">{tl().exportSaved}</option>
          <option value="kept">{tl().exportKept}</option>
          {tags.slice(0, PICKER_LIMIT).map((tag) => (
            <option key={tag} value={`tag:${tag}`}>
              {tl().exportTag(tag)}
            </option>
          ))}
        </select>
      </div>
      <div class="button-row">
        <button type="button" class="primary" disabled={result?.kind === 'busy'} onClick={() => void doExport()}>
          {tl().exportButton}
        </button>
        <button type="button" class="secondary" disabled={result?.kind === 'busy'} onClick={() => input.current?.click()}>
          {tl().importButton}
        </button>
        <input
          ref={input}
          type="file"
          accept=".json,application/json,application/feed+json"
          hidden
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
      <p class="transfer-result" aria-live="polite" role={result?.kind === 'rejected' ? 'alert' : undefined}>
        {!result
          ? ''
          : result.kind === 'busy'
            ? tl().working
            : result.kind === 'error'
              ? tl().storageUnavailable
            : result.kind === 'nothing'
              ? tl().exportNothing
              : result.kind === 'inbox-empty'
                ? tl().importNothing
              : result.kind === 'cancelled'
                ? tl().importCancelled
              : result.kind === 'exported'
                ? tl().exported(result.articles, result.name)
                : result.kind === 'imported'
                  ? // Future dates clamped and tags or authors past the caps, counted as a sync reports them.
                    `${tl().imported(result.outcome, result.plan)} ${tl().repaired({ ...result.plan.report, badDates: 0, truncatedFields: 0 })}`.trim()
                  : tl().importRejected(result.name, result.reason)}
      </p>
    </section>
  );
}
