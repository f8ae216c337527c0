/**
 * A list row's "readable offline" mark: an icon for the eye and a sentence for screen readers.
 * It always takes the same room, known or not, so marks arriving after first paint shift nothing.
 */
import { t } from '../../i18n';

export function OfflineMark({ ready }: { ready: boolean | undefined }) {
  if (ready === undefined) return <span class="offline-mark" aria-hidden="true" />;
  const label = ready ? t.rowOffline : t.rowNotOffline;
  return (
    <span class={ready ? 'offline-mark ready' : 'offline-mark'} title={label}>
      <span aria-hidden="true">{ready ? '✓' : '☁'}</span>
      <span class="sr-only">{label}</span>
    </span>
  );
}
