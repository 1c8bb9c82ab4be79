// The obligations register a government published for a contract, on the
// contract's public hub page: each obligation, owed by whom, and each due
// date with whether it was met (the evidence only where the government chose
// to show it). Nothing shows while none is published (the server answers 204).
import { useEffect, useState } from 'preact/hooks';
import { call } from '../../api';
import { StateBadge } from '../../components/due_badge';
import { t } from '../../i18n';
import type { MessageKey } from '../../messages/en';
import type { Obligation as RegisteredObligation } from '../../monitoring';
import { formatLongDate, formatNumber } from '../../numbers';

interface PublicDueDate {
  due_date: string;
  state: string;
  recorded_on?: string;
  evidence?: string;
}
// An obligation as visitors read it: its public fields and its due dates.
type PublicObligation = Pick<RegisteredObligation, 'id' | 'type' | 'title' | 'description' | 'party' | 'amount' | 'currency' | 'target' | 'clause' | 'recurrence' | 'status'> & {
  earlier_dates: number;
  dates: PublicDueDate[];
};
interface PublicRegister {
  title: string;
  counterparty: string;
  timezone: string;
  published_at: string;
  obligations: PublicObligation[];
}

function Obligation({ o }: { o: PublicObligation }) {
  const owed = o.amount !== null ? `${o.currency} ${formatNumber(o.amount, 2, false)}` : '';
  return (
    <article class="panel register-obligation">
      <h3><span lang="">{o.title}</span> <span class="muted">{t(`monitoring.type.${o.type}` as MessageKey)}</span></h3>
      {o.description && <p lang="">{o.description}</p>}
      <dl class="facts">
        {o.party && <><dt>{t('monitoring.party')}</dt><dd lang="">{o.party}</dd></>}
        {owed && <><dt>{t('monitoring.amount')}</dt><dd>{owed}</dd></>}
        {o.target && <><dt>{t('register.target')}</dt><dd lang="">{o.target}</dd></>}
        <dt>{t('monitoring.schedule')}</dt>
        <dd>{t(`monitoring.recurrence.${o.recurrence}` as MessageKey)}{o.status !== 'active' && <> — {t(`monitoring.status.${o.status}` as MessageKey)}</>}</dd>
        {o.clause && <><dt>{t('monitoring.clause')}</dt><dd lang="">{o.clause}</dd></>}
      </dl>
      {o.earlier_dates > 0 && <p class="muted">{t('register.earlier', { count: o.earlier_dates })}</p>}
      <ul class="due-list" aria-label={t('register.dueDatesOf', { title: o.title })}>
        {o.dates.map((d) => (
          <li key={d.due_date}>
            {/* Past due with nothing recorded is not a default: say it as such to citizens. */}
            <span class="due-date">{formatLongDate(d.due_date)}</span>{' '}
            {d.state === 'overdue' ? <span class="badge badge-due-overdue">{t('register.notRecorded')}</span> : <StateBadge state={d.state} />}
            {(d.recorded_on || d.evidence) && (
              <div class="muted">
                {d.recorded_on && t('register.recordedOn', { date: formatLongDate(d.recorded_on) })}
                {d.evidence && <> · {t('register.evidence')} <span lang="">{d.evidence}</span></>}
              </div>
            )}
          </li>
        ))}
      </ul>
    </article>
  );
}

export function PublicRegisterSection({ documentId }: { documentId: string }) {
  const [register, setRegister] = useState<PublicRegister | null>(null);
  useEffect(() => {
    let latest = true;
    call<PublicRegister>('GET', `/api/v1/hub/documents/${documentId}/register`).then((r) => latest && setRegister(r.status === 200 ? r.data : null));
    return () => { latest = false; };
  }, [documentId]);
  if (!register) return null;
  return (
    <section id="register" aria-labelledby="register-title">
      <h2 id="register-title">{t('register.title')}</h2>
      <p class="muted">{t('register.intro', { date: formatLongDate(register.published_at.slice(0, 10)), zone: register.timezone })}</p>
      {register.obligations.length === 0 ? <p class="muted">{t('register.none')}</p> : register.obligations.map((o) => <Obligation key={o.id} o={o} />)}
    </section>
  );
}
