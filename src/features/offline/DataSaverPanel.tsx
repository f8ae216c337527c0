/**
 * Settings › Data saver: save data (else the browser's Save-Data decides), when images load by
 * themselves (Always, Only on Wi-Fi where the browser says what the connection is, Never), and
 * above what size a download asks first. `DataUsed` is the storage panel's "Data used" line.
 */
import { useState } from 'preact/hooks';
import { ASK_ABOVE_MB, IMAGE_MODES, type ImageMode, type SaverPrefs } from '../../core/saver';
import { formatLongDate } from '../../i18n/format';
import { formatSize } from '../../i18n/bytes';
import { tl } from '../../i18n/lazy';
import { connectionInfo, knowsConnectionType, loadSaver, storeSaver } from '../../platform/saver';
import { readUsage, resetUsage } from '../../platform/data-used';

const MB = 1_048_576;

export function DataSaverPanel() {
  const [prefs, setPrefs] = useState(loadSaver);
  const s = tl();
  const set = (patch: Partial<SaverPrefs>) => {
    const next = { ...prefs, ...patch };
    storeSaver(next);
    setPrefs(next);
  };
  const browserSaves = connectionInfo()?.saveData === true;
  const names: Record<ImageMode, string> = { always: s.imagesAlways, wifi: s.imagesWifi, never: s.imagesNever };
  const modes = IMAGE_MODES.filter((m) => m !== 'wifi' || knowsConnectionType() || prefs.images === 'wifi');
  return (
    <section class="data-saver">
      <h2>{s.dataSaver}</h2>
      <label class="check">
        <input type="checkbox" checked={prefs.saveData || browserSaves} disabled={browserSaves} onChange={(e) => set({ saveData: e.currentTarget.checked })} />
        {s.saveData}
      </label>
      <p class="note">{browserSaves ? s.browserSavesData : s.saveDataHint}</p>
      <fieldset class="choices">
        <legend>{s.imagesLabel}</legend>
        {modes.map((m) => (
          <label key={m} class="choice">
            <input type="radio" name="images" value={m} checked={prefs.images === m} onChange={() => set({ images: m })} />
            {names[m]}
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for="ask-above">{s.askAbove}</label>
        <select id="ask-above" value={String(prefs.askAboveMB)} onChange={(e) => set({ askAboveMB: Number(e.currentTarget.value) })}>
          {ASK_ABOVE_MB.map((mb) => (
            <option key={mb} value={String(mb)}>
              {formatSize(mb * MB)}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}

/** "Data used": this month and in total, counted from the responses received; resettable. */
export function DataUsed() {
  const [usage, setUsage] = useState(() => readUsage());
  const s = tl();
  return (
    <div class="data-used">
      <h3>{s.dataUsed}</h3>
      <p>{s.dataUsedFigures(formatSize(usage.month), formatSize(usage.total))}</p>
      <p class="note">{s.dataUsedSince(formatLongDate(usage.since))}</p>
      <button
        type="button"
        class="secondary"
        onClick={() => {
          resetUsage();
          setUsage(readUsage());
        }}
      >
        {s.resetDataUsed}
      </button>
    </div>
  );
}
