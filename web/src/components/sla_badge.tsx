// The most urgent response-time clock of a request, as a coloured badge whose
// text says the same as the colour (for readers who cannot tell them apart).
import { t } from '../i18n';
import type { MessageKey } from '../messages/en';
import { clockLabel, when, type Clock } from '../requests';

export function SlaBadge({ clock }: { clock: Clock | null }) {
  if (!clock) return <span class="badge badge-none">{t('sla.none')}</span>;
  const status = t(`clockStatus.${clock.status}` as MessageKey);
  return (
    <span class={`badge badge-${clock.status}`} data-clock={clock.clock} data-status={clock.status}>
      {t('sla.badge', { clock: clockLabel(clock.clock), status })}
      {clock.due && clock.status !== 'met' ? ` · ${t('sla.due', { due: when(clock.due) })}` : ''}
    </span>
  );
}
