/**
 * Settings: appearance (theme, text size, line width, motion), the UI language, installing the
 * app, the article index, and the keyboard shortcuts. Every change applies at once.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatRelative } from '../../i18n/format';
import { LOCALE_NAMES, LOCALES } from '../../core/locales';
import { t } from '../../i18n';
import { tl } from '../../i18n/lazy';
import { installState, onInstallChange, promptInstall } from '../../platform/install';
import { BASE } from '../../ui/navigation';
import { Link } from '../../ui/Link';
import { FONT_SCALES, MOTIONS, THEMES, WIDTHS, type Settings } from '../../core/settings';
import { goBack } from '../../ui/shortcuts';
import { StoragePanel } from '../offline/StoragePanel';
import { DataSaverPanel } from '../offline/DataSaverPanel';

export interface SettingsViewProps {
  settings: Settings;
  onSettings: (s: Settings) => Promise<void> | void;
  lastSuccess: number | undefined;
  syncing: boolean;
  onCheck: (() => void) | undefined;
  /** Re-reads every page of the index, ignoring what is known about them. */
  onFullResync?: (() => void) | undefined;
}

declare const __APP_VERSION__: string;

export function SettingsView({ settings, onSettings, lastSuccess, syncing, onCheck, onFullResync }: SettingsViewProps) {
  const [install, setInstall] = useState(installState);
  useEffect(() => onInstallChange(() => setInstall(installState())), []);
  const heading = (el: HTMLHeadingElement | null) => el?.focus({ preventScroll: true });
  const set = (patch: Partial<Settings>) => void onSettings({ ...settings, ...patch });

  const themeNames: Record<Settings['theme'], string> = {
    system: tl().themeSystem,
    light: tl().themeLight,
    dark: tl().themeDark,
    sepia: tl().themeSepia,
  };
  const widthNames: Record<Settings['lineWidth'], string> = { narrow: tl().widthNarrow, medium: tl().widthMedium, wide: tl().widthWide };
  const motionNames: Record<Settings['motion'], string> = { system: tl().motionSystem, reduce: tl().motionReduce };

  return (
    <div class="settings">
      <nav class="reader-nav">
        <Link
          class="back"
          href={BASE}
          onClick={(e) => {
            // Really back when the settings were opened from the list, as Escape does.
            e.preventDefault();
            goBack();
          }}
        >
          <span aria-hidden="true">←</span>
          {tl().backToList}
        </Link>
      </nav>
      <h1 tabIndex={-1} ref={heading}>
        {t.settings}
      </h1>

      <section>
        <h2>{tl().appearance}</h2>
        <fieldset class="choices">
          <legend>{tl().theme}</legend>
          {THEMES.map((v) => (
            <label key={v} class="choice">
              <input type="radio" name="theme" value={v} checked={settings.theme === v} onChange={() => set({ theme: v })} />
              {themeNames[v]}
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label for="font-scale">{tl().textSize}</label>
          <select id="font-scale" value={String(settings.fontScale)} onChange={(e) => set({ fontScale: Number(e.currentTarget.value) })}>
            {FONT_SCALES.map((v) => (
              <option key={v} value={String(v)}>
                {Math.round(v * 100)}%
              </option>
            ))}
          </select>
        </div>
        <fieldset class="choices">
          <legend>{tl().lineWidth}</legend>
          {WIDTHS.map((v) => (
            <label key={v} class="choice">
              <input type="radio" name="width" value={v} checked={settings.lineWidth === v} onChange={() => set({ lineWidth: v })} />
              {widthNames[v]}
            </label>
          ))}
        </fieldset>
        <fieldset class="choices">
          <legend>{tl().motion}</legend>
          {MOTIONS.map((v) => (
            <label key={v} class="choice">
              <input type="radio" name="motion" value={v} checked={settings.motion === v} onChange={() => set({ motion: v })} />
              {motionNames[v]}
            </label>
          ))}
        </fieldset>
        <p class="sample prose">{tl().sample}</p>
      </section>

      <section>
        <h2>{tl().uiLanguage}</h2>
        <div class="field">
          <label for="ui-language">{tl().uiLanguage}</label>
          <select id="ui-language" value={settings.locale} onChange={(e) => set({ locale: e.currentTarget.value as Settings['locale'] })}>
            <option value="auto">{tl().languageAuto}</option>
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </select>
        </div>
      </section>

      {install !== 'unavailable' && (
        <section>
          <h2>{tl().installApp}</h2>
          {install === 'installed' ? (
            <p>{tl().installed}</p>
          ) : install === 'ios' ? (
            <p>{tl().iosInstall}</p>
          ) : (
            <>
              <p>{tl().installHelp}</p>
              <button type="button" class="primary" onClick={() => void promptInstall()}>
                {tl().installApp}
              </button>
            </>
          )}
        </section>
      )}

      <section>
        <h2>{tl().sync}</h2>
        <p>
          {tl().lastUpdate}: {lastSuccess ? formatRelative(lastSuccess) : t.neverUpdated}
        </p>
        <button type="button" class="secondary" disabled={!onCheck || syncing} onClick={onCheck}>
          {syncing ? t.checking : t.checkNow}
        </button>{' '}
        <button type="button" class="secondary" disabled={!onFullResync || syncing} onClick={onFullResync}>
          {tl().fullResync}
        </button>
        <p class="note">{tl().backgroundRefresh}</p>
      </section>

      <StoragePanel settings={settings} onSettings={onSettings} />
      <DataSaverPanel />

      <section>
        <h2>{tl().shortcuts}</h2>
        <dl class="shortcuts">
          <dt>
            <kbd>/</kbd>
          </dt>
          <dd>{tl().shortcutSearch}</dd>
          <dt>
            <kbd>j</kbd> / <kbd>k</kbd>
          </dt>
          <dd>{tl().shortcutNext}</dd>
          <dt>
            <kbd>Enter</kbd>
          </dt>
          <dd>{tl().shortcutOpen}</dd>
          <dt>
            <kbd>Esc</kbd>
          </dt>
          <dd>{tl().shortcutBack}</dd>
          <dt>
            <kbd>l</kbd>
          </dt>
          <dd>{tl().shortcutListen}</dd>
        </dl>
      </section>
      <p class="note">{tl().version(typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev')}</p>
    </div>
  );
}
