// One monitored contract: its obligations, their due dates over the past and
// the coming six months with what was recorded, a record form per due
// date, obligations drawn from the hub record's annotations, and a form to
// add one. The server answers 404 for a contract the user may not see.
import { useEffect, useState } from 'preact/hooks';
import { byField, call, currentUser } from '../../api';
import { StateBadge } from '../../components/due_badge';
import { Field, FormError } from '../../components/field';
import { Link } from '../../components/link';
import { type HubCodelists, categoryLabelOf, loadHubCodelists } from '../../hub';
import { t } from '../../i18n';
import { formatInstant } from '../../numbers';
import { useSignal } from '../../state';
import type { MessageKey } from '../../messages/en';
import { type Fulfilment, type MonitoredContract, type Obligation, type Occurrence, fulfilmentStatuses, isoDate, obligationTypes, owed, recurrences } from '../../monitoring';

interface Suggestion {
  annotation_id: string;
  category: string;
  category_label: string;
  registered: boolean;
  draft: Partial<Obligation>;
}
type Detail = MonitoredContract & { obligations: Obligation[] };

const blank = { type: '', title: '', description: '', party: '', amount: '', currency: '', target: '', first_due: '', recurrence: 'once', end_of_month: false, until: '', remind_days: '14', clause: '', source_annotation_id: '' };
type Draft = typeof blank;

function schedule(o: Obligation): string {
  const every = t(`monitoring.recurrence.${o.recurrence}` as MessageKey);
  const base = o.recurrence === 'once' ? o.first_due : t('monitoring.from', { recurrence: every, date: o.first_due });
  return `${base}${o.end_of_month ? ` (${t('monitoring.endOfMonthShort')})` : ''}${o.until ? ` — ${t('monitoring.until', { date: o.until })}` : ''}`;
}

function AddObligation({ contract, draft, onAdded }: { contract: Detail; draft: Draft; onAdded: () => void }) {
  const [form, setForm] = useState<Draft>(draft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => setForm(draft), [draft]);
  const set = (k: keyof Draft) => (v: string) => setForm({ ...form, [k]: v });
  async function submit(e: Event) {
    e.preventDefault();
    const body: Record<string, unknown> = { type: form.type, title: form.title, party: form.party, first_due: form.first_due, recurrence: form.recurrence, end_of_month: form.end_of_month };
    for (const k of ['description', 'currency', 'target', 'until', 'clause', 'source_annotation_id'] as const) if (form[k]) body[k] = form[k];
    if (form.amount.trim()) body.amount = Number(form.amount.replace(/[\s,]/g, ''));
    if (form.remind_days.trim()) body.remind_days = Number(form.remind_days);
    const r = await call<Obligation>('POST', `/api/v1/monitoring/contracts/${contract.id}/obligations`, body);
    if (r.data) {
      setForm(blank);
      setErrors({});
      return onAdded();
    }
    setErrors(r.status === 0 ? { '': t('error.network') } : { ...byField(r.errors), '': t('monitoring.fix') });
  }
  const select = (k: 'type' | 'recurrence', options: readonly string[], prefix: string) => (
    <div class="field">
      <label for={`obligation-${k}`}>{t(`monitoring.${k}` as MessageKey)}</label>
      <select id={`obligation-${k}`} value={form[k]} onChange={(e) => set(k)((e.currentTarget as HTMLSelectElement).value)}>
        {k === 'type' && <option value="" />}
        {options.map((o) => <option key={o} value={o}>{t(`${prefix}.${o}` as MessageKey)}</option>)}
      </select>
      {errors[k] && <p class="field-error">{errors[k]}</p>}
    </div>
  );
  return (
    <form class="panel" id="add-obligation" onSubmit={submit} aria-label={t('monitoring.addObligation')}>
      <h2>{t('monitoring.addObligation')}</h2>
      {form.source_annotation_id && <p class="muted">{t('monitoring.fromAnnotation')}</p>}
      <FormError message={errors['']} />
      {select('type', obligationTypes, 'monitoring.type')}
      <Field id="obligation-title" label={t('monitoring.title')} value={form.title} error={errors.title} onInput={set('title')} />
      <div class="field">
        <label for="obligation-description">{t('monitoring.description')}</label>
        <textarea id="obligation-description" rows={3} value={form.description} onInput={(e) => set('description')((e.currentTarget as HTMLTextAreaElement).value)} />
      </div>
      <Field id="obligation-party" label={t('monitoring.party')} value={form.party} error={errors.party} onInput={set('party')} />
      <Field id="obligation-amount" label={t('monitoring.amount')} value={form.amount} error={errors.amount} onInput={set('amount')} />
      <Field id="obligation-currency" label={t('monitoring.currency')} value={form.currency} error={errors.currency} onInput={(v) => set('currency')(v.toUpperCase())} />
      <Field id="obligation-target" label={t('monitoring.target')} value={form.target} error={errors.target} onInput={set('target')} />
      <Field id="obligation-first-due" type="date" label={t('monitoring.firstDue')} value={form.first_due} error={errors.first_due} onInput={set('first_due')} />
      {select('recurrence', recurrences, 'monitoring.recurrence')}
      <div class="field">
        <label class="inline">
          <input type="checkbox" checked={form.end_of_month} onChange={(e) => setForm({ ...form, end_of_month: (e.currentTarget as HTMLInputElement).checked })} /> {t('monitoring.endOfMonth')}
        </label>
        {errors.end_of_month && <p class="field-error">{errors.end_of_month}</p>}
      </div>
      <Field id="obligation-until" type="date" label={t('monitoring.untilLabel')} value={form.until} error={errors.until} onInput={set('until')} />
      <Field id="obligation-remind" label={t('monitoring.remindDays')} value={form.remind_days} error={errors.remind_days} onInput={set('remind_days')} />
      <Field id="obligation-clause" label={t('monitoring.clause')} value={form.clause} error={errors.clause} onInput={set('clause')} />
      {errors.source_annotation_id && <p class="field-error">{errors.source_annotation_id}</p>}
      <button type="submit">{t('monitoring.addButton')}</button>
    </form>
  );
}

// The citizens' view: the government publishes the register on its hub
// record's page, or withdraws it; the Support Unit reads where it stands.
function Publication({ contract, onChange }: { contract: Detail; onChange: () => void }) {
  const user = useSignal(currentUser);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const mine = user?.role === 'government';
  async function publish(published: boolean) {
    setBusy(true);
    const r = await call<MonitoredContract>('PUT', `/api/v1/monitoring/contracts/${contract.id}/publication`, { published });
    setBusy(false);
    if (r.data) {
      setError('');
      return onChange();
    }
    setError(r.status === 0 ? t('error.network') : r.errors[0]?.message || t('error.network'));
  }
  return (
    <section class="panel" aria-labelledby="publication-title">
      <h2 id="publication-title">{t('register.publicTitle')}</h2>
      {contract.published_at ? (
        <>
          <p>{t('register.publishedOn', { date: formatInstant(contract.published_at) })}</p>
          <p><Link href={`/hub/documents/${contract.hub_document_id}#register`}>{t('register.seeAsPublic')}</Link></p>
        </>
      ) : <p>{t(mine ? 'register.notPublic' : 'register.notPublicStaff')}</p>}
      <p class="muted">{t('register.whatIsShown')}</p>
      <FormError message={error} />
      {mine && (contract.published_at
        ? <button type="button" class="secondary" disabled={busy} onClick={() => publish(false)}>{t('register.withdraw')}</button>
        : <button type="button" disabled={busy} onClick={() => publish(true)}>{t('register.publish')}</button>)}
    </section>
  );
}

function RecordForm({ occurrence, onSaved }: { occurrence: Occurrence; onSaved: () => void }) {
  const [status, setStatus] = useState(occurrence.fulfilment?.status || 'met');
  const [evidence, setEvidence] = useState(occurrence.fulfilment?.evidence || '');
  const [shown, setShown] = useState(occurrence.fulfilment?.evidence_public || false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const id = `record-${occurrence.obligation.id}-${occurrence.due_date}`;
  async function save(e: Event) {
    e.preventDefault();
    const r = await call<Fulfilment>('POST', `/api/v1/monitoring/obligations/${occurrence.obligation.id}/records`, { due_date: occurrence.due_date, status, evidence, evidence_public: shown });
    if (r.data) return onSaved();
    setErrors(r.status === 0 ? { '': t('error.network') } : byField(r.errors));
  }
  return (
    <form class="inline-form" onSubmit={save} aria-label={t('monitoring.recordFor', { title: occurrence.obligation.title, date: occurrence.due_date })}>
      <FormError message={errors[''] || errors.due_date} />
      <label for={`${id}-status`} class="visually-hidden">{t('monitoring.record')}</label>
      <select id={`${id}-status`} value={status} onChange={(e) => setStatus((e.currentTarget as HTMLSelectElement).value)}>
        {fulfilmentStatuses.map((s) => <option key={s} value={s}>{t(`monitoring.state.${s}` as MessageKey)}</option>)}
      </select>
      <label for={`${id}-evidence`} class="visually-hidden">{t('monitoring.evidence')}</label>
      <input id={`${id}-evidence`} placeholder={t('monitoring.evidenceHint')} value={evidence} aria-invalid={errors.evidence ? 'true' : undefined} onInput={(e) => setEvidence((e.currentTarget as HTMLInputElement).value)} />
      <label class="inline">
        <input type="checkbox" checked={shown} onChange={(e) => setShown((e.currentTarget as HTMLInputElement).checked)} /> {t('register.showEvidence')}
      </label>
      <button type="submit">{t('monitoring.save')}</button>
      {errors.evidence && <p class="field-error">{errors.evidence}</p>}
    </form>
  );
}

export function MonitoredContractPage({ id }: { id: string }) {
  const [contract, setContract] = useState<Detail | null | undefined>(undefined);
  const [dues, setDues] = useState<Occurrence[]>([]);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [lists, setLists] = useState<HubCodelists | null>(null);
  useEffect(() => void loadHubCodelists().then(setLists), []);
  // A suggestion's clause category in the reader's language.
  const categoryOf = (s: Suggestion) => categoryLabelOf(lists, s.category);
  const [draft, setDraft] = useState<Draft>(blank);
  const [error, setError] = useState('');
  const today = new Date();
  const from = isoDate(new Date(today.getFullYear(), today.getMonth() - 6, today.getDate()));
  const to = isoDate(new Date(today.getFullYear(), today.getMonth() + 6, today.getDate()));
  function load() {
    call<Detail>('GET', `/api/v1/monitoring/contracts/${id}`).then((r) => setContract(r.data));
    call<{ items: Occurrence[] }>('GET', `/api/v1/monitoring/calendar?contract=${id}&from=${from}&to=${to}`).then((r) => {
      setDues(r.data ? r.data.items : []);
      if (!r.data) setError(r.errors[0]?.message || t('error.network'));
    });
    call<{ items: Suggestion[] }>('GET', `/api/v1/monitoring/contracts/${id}/suggestions`).then((r) => setSuggestions(r.data ? r.data.items : []));
  }
  useEffect(load, [id]);
  if (contract === undefined) return <p>{t('common.loading')}</p>;
  if (contract === null) {
    return (
      <div>
        <h1>{t('notFound.title')}</h1>
        <p>{t('notFound.body')}</p>
      </div>
    );
  }
  async function setStatus(o: Obligation, status: string) {
    const { id: _id, contract_id: _c, ...fields } = o as Obligation & Record<string, unknown>;
    for (const k of ['created_by', 'created_at', 'updated_at']) delete (fields as Record<string, unknown>)[k];
    const r = await call('PUT', `/api/v1/monitoring/obligations/${o.id}`, { ...fields, status });
    if (r.status !== 200) setError(r.errors[0]?.message || t('error.network'));
    load();
  }
  function use(s: Suggestion) {
    setDraft({ ...blank, type: s.draft.type || '', title: categoryOf(s), description: s.draft.description || '', party: s.draft.party || '', clause: s.draft.clause || '', source_annotation_id: s.annotation_id });
    document.getElementById('add-obligation')?.scrollIntoView();
  }
  return (
    <div>
      <p><Link href="/monitoring">{t('monitoring.back')}</Link></p>
      <h1>{contract.title}</h1>
      <table class="summary">
        <tbody>
          {contract.counterparty && <tr><th>{t('monitoring.counterparty')}</th><td>{contract.counterparty}</td></tr>}
          {contract.signed_on && <tr><th>{t('monitoring.signedOn')}</th><td>{contract.signed_on}</td></tr>}
          <tr><th>{t('monitoring.timezone')}</th><td>{contract.timezone}</td></tr>
          {contract.hub_document_id && <tr><th>{t('monitoring.hubRecord')}</th><td><Link href={`/hub/documents/${contract.hub_document_id}`}>{t('monitoring.openHubRecord')}</Link></td></tr>}
        </tbody>
      </table>
      <FormError message={error} />
      <Publication contract={contract} onChange={load} />
      <section aria-label={t('monitoring.obligations')}>
        <h2>{t('monitoring.obligations')}</h2>
        {contract.obligations.length === 0 ? <p class="muted">{t('monitoring.noObligations')}</p> : (
          <table>
            <thead>
              <tr>
                <th>{t('monitoring.obligation')}</th>
                <th>{t('monitoring.party')}</th>
                <th>{t('monitoring.owed')}</th>
                <th>{t('monitoring.schedule')}</th>
                <th>{t('monitoring.clause')}</th>
                <th>{t('monitoring.status')}</th>
              </tr>
            </thead>
            <tbody>
              {contract.obligations.map((o) => (
                <tr key={o.id}>
                  <td>{o.title} <span class="muted">{t(`monitoring.type.${o.type}` as MessageKey)}</span></td>
                  <td>{o.party}</td>
                  <td>{owed(o)}</td>
                  <td>{schedule(o)}</td>
                  <td>{o.clause}</td>
                  <td>
                    <label for={`status-${o.id}`} class="visually-hidden">{t('monitoring.status')}</label>
                    <select id={`status-${o.id}`} value={o.status} onChange={(e) => setStatus(o, (e.currentTarget as HTMLSelectElement).value)}>
                      {['active', 'suspended', 'ended'].map((s) => <option key={s} value={s}>{t(`monitoring.status.${s}` as MessageKey)}</option>)}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-label={t('monitoring.dueDates')}>
        <h2>{t('monitoring.dueDates')}</h2>
        <p class="muted">{t('monitoring.dueDatesRange', { from, to, zone: contract.timezone })}</p>
        {dues.length === 0 ? <p class="muted">{t('monitoring.noDueDates')}</p> : (
          <table>
            <thead>
              <tr>
                <th>{t('monitoring.dueDate')}</th>
                <th>{t('monitoring.obligation')}</th>
                <th>{t('monitoring.state')}</th>
                <th>{t('monitoring.record')}</th>
              </tr>
            </thead>
            <tbody>
              {dues.map((o) => (
                <tr key={`${o.obligation.id}-${o.due_date}`}>
                  <td>{o.due_date}</td>
                  <td>{o.obligation.title}</td>
                  <td><StateBadge state={o.state} />{o.fulfilment && o.fulfilment.status === 'partly_met' && <> <StateBadge state="partly_met" /></>}</td>
                  <td>
                    {o.fulfilment && <p class="muted"><span lang="">{o.fulfilment.evidence}</span>{o.fulfilment.evidence_public && <> ({t('register.evidenceShown')})</>}</p>}
                    <RecordForm occurrence={o} onSaved={load} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {/* Shown once the codelist names the clauses in the reader's language. */}
      {suggestions.length > 0 && lists && (
        <section aria-label={t('monitoring.suggestions')}>
          <h2>{t('monitoring.suggestions')}</h2>
          <p class="muted">{t('monitoring.suggestionsIntro')}</p>
          <ul class="plain">
            {suggestions.map((s) => (
              <li key={s.annotation_id}>
                <strong>{categoryOf(s)}</strong>{s.draft.clause && <span class="muted"> ({s.draft.clause})</span>} — <span lang="">{s.draft.description}</span>{' '}
                {s.registered ? <span class="badge badge-due-met">{t('monitoring.inRegister')}</span> : <button type="button" onClick={() => use(s)}>{t('monitoring.useSuggestion', { category: categoryOf(s) })}</button>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <AddObligation contract={contract} draft={draft} onAdded={load} />
    </div>
  );
}
