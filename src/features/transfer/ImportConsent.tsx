/**
 * The consent screen: what a file would import, before anything is written. Shown for every
 * file, however it arrived (the Import button, the share sheet, a file opened with the app, or a
 * form posted by another website). Foreign text (the file name) is isolated in `<bdi>`, so a
 * right-to-left override in it cannot reorder the screen. The file's settings are applied only
 * when the reader ticks the box; it starts unticked.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ImportPlan } from '../../core/transfer/format';
import { num } from '../../i18n/format';
import { tl } from '../../i18n/lazy';
import type { ImportPreview } from './apply';

export interface Pending extends ImportPreview {
  id: number;
  plan: ImportPlan;
  name: string;
  /** Posted by another website rather than shared by the reader (see `looksForeign`). */
  foreign: boolean;
}

export function ImportConsent({ pending, onImport, onCancel }: { pending: Pending; onImport: (withSettings: boolean) => void; onCancel: () => void }) {
  const { plan, name, foreign, fresh, stored } = pending;
  const [withSettings, setWithSettings] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const carriesSettings = !!(plan.settings || plan.offline);
  const highlights = plan.highlights.length;
  return (
    <div class="consent" role="group" aria-labelledby="consent-title">
      <h3 id="consent-title" tabIndex={-1} ref={heading}>
        {tl().consentTitle}
      </h3>
      {foreign && (
        <p class="consent-warning" role="alert">
          {tl().consentForeign}
        </p>
      )}
      <dl class="consent-facts">
        <dt>{tl().consentKind}</dt>
        <dd>{plan.kind === 'backup' ? tl().consentBackup : tl().consentHandoff}</dd>
        <dt>{tl().consentFile}</dt>
        <dd>
          <bdi>{name}</bdi>
        </dd>
        <dt>{tl().consentArticles}</dt>
        <dd>{tl().consentArticleCounts(fresh, stored)}</dd>
        {plan.kind === 'backup' && (
          <>
            <dt>{tl().consentStates}</dt>
            <dd>{num(plan.states.length)}</dd>
          </>
        )}
        {highlights > 0 && (
          <>
            <dt>{tl().consentHighlights}</dt>
            <dd>{num(highlights)}</dd>
          </>
        )}
        <dt>{tl().consentSettings}</dt>
        <dd>{carriesSettings ? tl().consentSettingsYes : tl().consentSettingsNo}</dd>
      </dl>
      {stored > 0 && <p class="note">{tl().consentPublisher}</p>}
      {carriesSettings && (
        <label class="check">
          <input type="checkbox" checked={withSettings} onChange={(e) => setWithSettings(e.currentTarget.checked)} />
          {tl().consentApplySettings}
        </label>
      )}
      <div class="button-row">
        <button type="button" class="primary" onClick={() => onImport(withSettings)}>
          {tl().consentImport}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {tl().consentCancel}
        </button>
      </div>
    </div>
  );
}
