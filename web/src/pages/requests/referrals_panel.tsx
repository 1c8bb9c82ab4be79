// Referrals of a request to other support providers: who it was referred
// to, for what (the whole request, one discipline, one phase), with the
// government's consent, and where each stands. The Support Unit refers and
// records each provider's answer; the government and the team read them.
import { useEffect, useState } from 'preact/hooks';
import { byField, call } from '../../api';
import { Field, FormError, TextArea } from '../../components/field';
import { Link } from '../../components/link';
import { disciplineLabel, lists } from '../../codelists';
import { t } from '../../i18n';
import type { MessageKey } from '../../messages/en';
import { formatInstant } from '../../numbers';
import type { Detail } from '../../requests';

interface Referral {
  id: string;
  provider: { id: string; name: string; website: string };
  part: 'whole' | 'discipline' | 'phase';
  discipline: string;
  phase: string;
  note: string;
  consent: string;
  state: 'proposed' | 'accepted' | 'declined' | 'completed';
  outcome: string;
  proposed_at: string;
  responded_at: string | null;
  completed_at: string | null;
  version: number;
}
interface Provider { id: string; name: string }

// Which states a request is referred in: from due diligence on (server rule).
const notYet = ['draft', 'submitted', 'acknowledged', 'withdrawn'];

function partText(r: Referral): string {
  if (r.part === 'discipline') return t('referral.partDiscipline', { discipline: disciplineLabel(r.discipline) });
  if (r.part === 'phase') return t('referral.partPhase', { phase: t(`phase.${r.phase}` as MessageKey) });
  return t('referral.partWhole');
}

function Answer({ referral, onChange }: { referral: Referral; onChange: () => void }) {
  const [outcome, setOutcome] = useState('');
  const [error, setError] = useState('');
  const next = referral.state === 'proposed' ? ['accepted', 'declined'] : ['completed'];
  async function move(to: string) {
    const r = await call('POST', `/api/v1/referrals/${referral.id}/state`, { to, outcome, version: referral.version });
    if (r.status === 200) {
      setOutcome('');
      setError('');
      return onChange();
    }
    setError(r.status === 0 ? t('error.network') : r.errors[0]?.message || t('error.network'));
  }
  return (
    <form class="inline-form" aria-label={t('referral.answerFor', { provider: referral.provider.name })} onSubmit={(e) => e.preventDefault()}>
      <FormError message={error} />
      <TextArea id={`outcome-${referral.id}`} label={t('referral.outcome')} value={outcome} onInput={setOutcome} />
      <div class="buttons">
        {next.map((to) => (
          <button type="button" key={to} class={to === 'declined' ? 'secondary' : ''} onClick={() => move(to)}>
            {t(`referral.move.${to}` as MessageKey)}
          </button>
        ))}
      </div>
    </form>
  );
}

function ReferForm({ request, onDone }: { request: Detail; onDone: () => void }) {
  const [providers, setProviders] = useState<Provider[]>([]);
  const [form, setForm] = useState({ provider_id: '', part: 'whole', discipline: '', phase: '', note: '', consent_given: false, consent: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    call<{ items: Provider[] }>('GET', '/api/v1/hub/providers').then((r) => r.data && setProviders(r.data.items));
  }, []);
  async function submit(e: Event) {
    e.preventDefault();
    const r = await call('POST', `/api/v1/requests/${request.id}/referrals`, form);
    if (r.status === 201) {
      setErrors({});
      return onDone();
    }
    setErrors(r.status === 0 ? { '': t('error.network') } : { ...byField(r.errors), '': t('referral.fix') });
  }
  const select = (key: 'provider_id' | 'part' | 'discipline' | 'phase', options: { value: string; label: string }[]) => (
    <div class="field">
      <label for={`referral-${key}`}>{t(`referral.field.${key}` as MessageKey)}</label>
      <select id={`referral-${key}`} value={form[key]} aria-invalid={errors[key] ? 'true' : undefined}
        onChange={(e) => setForm({ ...form, [key]: (e.currentTarget as HTMLSelectElement).value })}>
        {key !== 'part' && <option value="" />}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      {errors[key] && <p class="field-error">{errors[key]}</p>}
    </div>
  );
  return (
    <form class="panel" onSubmit={submit} aria-label={t('referral.refer')}>
      <h3>{t('referral.refer')}</h3>
      <p class="muted">{t('referral.referIntro')}</p>
      <FormError message={errors['']} />
      {select('provider_id', providers.map((p) => ({ value: p.id, label: p.name })))}
      {select('part', ['whole', 'discipline', 'phase'].map((p) => ({ value: p, label: t(`referral.part.${p}` as MessageKey) })))}
      {form.part === 'discipline' && select('discipline', request.form.disciplines.map((d) => ({ value: d, label: disciplineLabel(d) })))}
      {form.part === 'phase' && select('phase', (lists.value?.phases ?? []).map((p) => ({ value: p, label: t(`phase.${p}` as MessageKey) })))}
      <TextArea id="referral-note" label={t('referral.field.note')} value={form.note} error={errors.note} onInput={(v) => setForm({ ...form, note: v })} />
      <div class="field">
        <label class="inline">
          <input type="checkbox" checked={form.consent_given} onChange={(e) => setForm({ ...form, consent_given: (e.currentTarget as HTMLInputElement).checked })} /> {t('referral.field.consent_given')}
        </label>
        {errors.consent_given && <p class="field-error">{errors.consent_given}</p>}
      </div>
      <Field id="referral-consent" label={t('referral.field.consent')} value={form.consent} error={errors.consent} onInput={(v) => setForm({ ...form, consent: v })} />
      <button type="submit">{t('referral.submit')}</button>
    </form>
  );
}

export function ReferralsPanel({ request, staff }: { request: Detail; staff: boolean }) {
  const [items, setItems] = useState<Referral[] | null>(null);
  const [referring, setReferring] = useState(false);
  const [reloads, setReloads] = useState(0);
  useEffect(() => {
    let latest = true;
    call<{ items: Referral[] }>('GET', `/api/v1/requests/${request.id}/referrals`).then((r) => latest && setItems(r.data ? r.data.items : []));
    return () => { latest = false; };
  }, [request.id, reloads]);
  const reload = () => { setReferring(false); setReloads((n) => n + 1); };
  const canRefer = staff && !notYet.includes(request.state);
  if (items === null || (items.length === 0 && !canRefer)) return null;
  return (
    <section aria-labelledby="referrals-title">
      <h2 id="referrals-title">{t('referral.title')}</h2>
      {items.length === 0 && <p class="muted">{t('referral.none')}</p>}
      <ul class="plain referrals">
        {items.map((r) => (
          <li key={r.id} class="panel">
            <p>
              <strong><Link href={`/providers?q=${encodeURIComponent(r.provider.name)}`}><span lang="">{r.provider.name}</span></Link></strong>
              {' — '}{partText(r)} <span class={`badge badge-referral-${r.state}`}>{t(`referral.state.${r.state}` as MessageKey)}</span>
            </p>
            {r.note && <p lang="">{r.note}</p>}
            <p class="muted">
              {t('referral.proposedOn', { date: formatInstant(r.proposed_at) })}
              {r.responded_at && <> · {t(r.state === 'declined' ? 'referral.declinedOn' : 'referral.acceptedOn', { date: formatInstant(r.responded_at) })}</>}
              {r.completed_at && <> · {t('referral.completedOn', { date: formatInstant(r.completed_at) })}</>}
            </p>
            <p class="muted">{t('referral.consent')} <span lang="">{r.consent}</span></p>
            {r.outcome && <p>{t('referral.outcomeSaid')} <span lang="">{r.outcome}</span></p>}
            {staff && (r.state === 'proposed' || r.state === 'accepted') && <Answer referral={r} onChange={reload} />}
          </li>
        ))}
      </ul>
      {canRefer && (referring
        ? <ReferForm request={request} onDone={reload} />
        : <button type="button" class="secondary" onClick={() => setReferring(true)}>{t('referral.refer')}</button>)}
    </section>
  );
}
