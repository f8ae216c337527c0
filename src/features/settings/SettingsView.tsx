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
    system: t.themeSystem,
    light: t.themeLight,
    dark: t.themeDark,
    sepia: t.themeSepia,
  };
  const widthNames: Record<Settings['lineWidth'], string> = { narrow: t.widthNarrow, medium: t.widthMedium, wide: t.widthWide };
  const motionNames: Record<Settings['motion'], string> = { system: t.motionSystem, reduce: t.motionReduce };

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
          {t.backToList}
        </Link>
      </nav>
      <h1 tabIndex={-1} ref={heading}>
        {t.settings}
      </h1>

      <section>
        <h2>{t.appearance}</h2>
        <fieldset class="choices">
          <legend>{t.theme}</legend>
          {THEMES.map((v) => (
            <label key={v} class="choice">
              <input type="radio" name="theme" value={v} checked={settings.theme === v} onChange={() => set({ theme: v })} />
              {themeNames[v]}
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label for="font-scale">{t.textSize}</label>
          <select id="font-scale" value={String(settings.fontScale)} onChange={(e) => set({ fontScale: Number(e.currentTarget.value) })}>
            {FONT_SCALES.map((v) => (
              <option key={v} value={String(v)}>
                {Math.round(v * 100)}%
              </option>
            ))}
          </select>
        </div>
        <fieldset class="choices">
          <legend>{t.lineWidth}</legend>
          {WIDTHS.map((v) => (
            <label key={v} class="choice">
              <input type="radio" name="width" value={v} checked={settings.lineWidth === v} onChange={() => set({ lineWidth: v })} />
              {widthNames[v]}
            </label>
          ))}
        </fieldset>
        <fieldset class="choices">
          <legend>{t.motion}</legend>
          {MOTIONS.map((v) => (
            <label key={v} class="choice">
              <input type="radio" name="motion" value={v} checked={settings.motion === v} onChange={() => set({ motion: v })} />
              {motionNames[v]}
            </label>
          ))}
        </fieldset>
        <p class="sample prose">{t.sample}</p>
      </section>

      <section>
        <h2>{t.uiLanguage}</h2>
        <div class="field">
          <label for="ui-language">{t.uiLanguage}</label>
          <select id="ui-language" value={settings.locale} onChange={(e) => set({ locale: e.currentTarget.value as Settings['locale'] })}>
            <option value="auto">{t.languageAuto}</option>
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
          <h2>{t.installApp}</h2>
          {install === 'installed' ? (
            <p>{t.installed}</p>
          ) : install === 'ios' ? (
            <p>{t.iosInstall}</p>
          ) : (
            <>
              <p>{t.installHelp}</p>
              <button type="button" class="primary" onClick={() => void promptInstall()}>
                {t.installApp}
              </button>
            </>
          )}
        </section>
      )}

      <section>
        <h2>{t.sync}</h2>
        <p>
          {t.lastUpdate}: {lastSuccess ? formatRelative(lastSuccess) : t.neverUpdated}
        </p>
        <button type="button" class="secondary" disabled={!onCheck || syncing} onClick={onCheck}>
          {syncing ? t.checking : t.checkNow}
        </button>{' '}
        <button type="button" class="secondary" disabled={!onFullResync || syncing} onClick={onFullResync}>
          {t.fullResync}
        </button>
        <p class="note">{t.backgroundRefresh}</p>
      </section>

      <StoragePanel settings={settings} onSettings={onSettings} />
      <DataSaverPanel />

      <section>
        <h2>{t.shortcuts}</h2>
        <dl class="shortcuts">
          <dt>
            <kbd>/</kbd>
          </dt>
          <dd>{t.shortcutSearch}</dd>
          <dt>
            <kbd>j</kbd> / <kbd>k</kbd>
          </dt>
          <dd>{t.shortcutNext}</dd>
          <dt>
            <kbd>Enter</kbd>
          </dt>
          <dd>{t.shortcutOpen}</dd>
          <dt>
            <kbd>Esc</kbd>
          </dt>
          <dd>{t.shortcutBack}</dd>
          <dt>
            <kbd>l</kbd>
          </dt>
          <dd>{tl().shortcutListen}</dd>
        </dl>
      </section>
      <p class="note">{t.version(typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev')}</p>
    </div>
  );
}
