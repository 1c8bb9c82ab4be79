// Monitoring signed contracts: what is overdue (in each contract's own time
// zone, as the server reads it), a month calendar of due dates with an
// iCalendar download for the officials' own calendars, the contracts in the
// register and a form to register one. Governments see their own; the
// Support Unit every government's and names the government it registers for.
import { useEffect, useState } from 'preact/hooks';
import { byField, call, currentUser } from '../../api';
import { StateBadge } from '../../components/due_badge';
import { Field, FormError } from '../../components/field';
import { Link } from '../../components/link';
import { locale, t } from '../../i18n';
import type { MessageKey } from '../../messages/en';
import { type MonitoredContract, type Occurrence, isoDate, owed } from '../../monitoring';
import type { HubDocument } from '../../hub';
import { navigate, query, replaceQuery } from '../../router';
import { useSignal } from '../../state';
import { useOrganisations } from '../accounts/organisations';


function Overdue({ items }: { items: Occurrence[] | null }) {
  if (items === null) return <p>{t('common.loading')}</p>;
  if (items.length === 0) return <p class="muted">{t('monitoring.noneOverdue')}</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>{t('monitoring.dueDate')}</th>
          <th>{t('monitoring.contract')}</th>
          <th>{t('monitoring.obligation')}</th>
          <th>{t('monitoring.party')}</th>
          <th>{t('monitoring.owed')}</th>
          <th>{t('monitoring.record')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((o) => (
          <tr key={`${o.obligation.id}-${o.due_date}`}>
            <td>{o.due_date} <span class="muted">({o.timezone})</span></td>
            <td><Link href={`/monitoring/contracts/${o.obligation.contract_id}`}>{o.contract_title}</Link></td>
            <td>{o.obligation.title} <span class="muted">{t(`monitoring.type.${o.obligation.type}` as MessageKey)}</span></td>
            <td>{o.obligation.party}</td>
            <td>{owed(o.obligation)}</td>
            <td>{o.fulfilment ? <StateBadge state="partly_met" /> : <StateBadge state={o.state} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// Monday-first weeks of one month, each due date in its day's cell.
function MonthCalendar({ month }: { month: string }) {
  const [items, setItems] = useState<Occurrence[] | null>(null);
  const first = new Date(`${month}-01T00:00:00`);
  const last = new Date(first.getFullYear(), first.getMonth() + 1, 0);
  const range = `from=${isoDate(first)}&to=${isoDate(last)}`;
  useEffect(() => {
    setItems(null);
    call<{ items: Occurrence[] }>('GET', `/api/v1/monitoring/calendar?${range}`).then((r) => setItems(r.data ? r.data.items : []));
  }, [month]);
  const shift = (months: number) => {
    const d = new Date(first.getFullYear(), first.getMonth() + months, 1);
    replaceQuery(new URLSearchParams({ month: isoDate(d).slice(0, 7) }));
  };
  const cells: (Date | null)[] = Array.from({ length: (first.getDay() + 6) % 7 }, () => null);
  for (let d = 1; d <= last.getDate(); d++) cells.push(new Date(first.getFullYear(), first.getMonth(), d));
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  const title = first.toLocaleDateString(locale(), { month: 'long', year: 'numeric' });
  return (
    <section aria-label={t('monitoring.calendar')}>
      <h2>{t('monitoring.calendar')}</h2>
      <p class="toolbar">
        <button type="button" onClick={() => shift(-1)}>{t('monitoring.previousMonth')}</button>
        <strong aria-live="polite">{title}</strong>
        <button type="button" onClick={() => shift(1)}>{t('monitoring.nextMonth')}</button>
        <a href={`/api/v1/monitoring/calendar?${range}&format=ics`} download>{t('monitoring.ics')}</a>
      </p>
      <table class="month">
        <thead>
          <tr>{[1, 2, 3, 4, 5, 6, 7].map((d) => <th key={d}>{new Date(2024, 0, d).toLocaleDateString(locale(), { weekday: 'short' })}</th>)}</tr>
        </thead>
        <tbody>
          {weeks.map((week, i) => (
            <tr key={i}>
              {week.map((day, j) => (
                <td key={j} class={day ? '' : 'outside'}>
                  {day && <span class="day">{day.getDate()}</span>}
                  {day && (items || []).filter((o) => o.due_date === isoDate(day)).map((o) => (
                    <Link key={o.obligation.id} href={`/monitoring/contracts/${o.obligation.contract_id}`} class={`due due-${o.state}`}>
                      {o.obligation.title}
                      <span class="visually-hidden"> — {o.contract_title}, {t(`monitoring.state.${o.state}` as MessageKey)}</span>
                    </Link>
                  ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {items !== null && items.length === 0 && <p class="muted">{t('monitoring.nothingThisMonth')}</p>}
    </section>
  );
}

function RegisterContract({ staff }: { staff: boolean }) {
  const [organisations] = useOrganisations();
  const [form, setForm] = useState({ title: '', counterparty: '', signed_on: '', timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', organisation_id: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Arriving from a published contract ("Monitor this contract"): its record prefills the form.
  const hub = new URLSearchParams(query.value).get('hub') || '';
  const [hubTitle, setHubTitle] = useState('');
  useEffect(() => {
    if (!hub) return;
    call<HubDocument>('GET', `/api/v1/hub/documents/${hub}`).then((r) => {
      if (!r.data) return;
      const d = r.data;
      setHubTitle(d.title);
      // The operators owe the obligations; the State's own carried interest does not.
      const operators = d.companies.filter((c) => c.operator);
      setForm((f) => ({ ...f, title: d.title, counterparty: (operators.length ? operators : d.companies).map((c) => c.name).join(', '), signed_on: d.signature_date || '' }));
    });
  }, [hub]);
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  async function submit(e: Event) {
    e.preventDefault();
    const body: Record<string, string> = { title: form.title, counterparty: form.counterparty, timezone: form.timezone };
    if (hubTitle) body.hub_document_id = hub;
    if (form.signed_on) body.signed_on = form.signed_on;
    if (staff) body.organisation_id = form.organisation_id;
    const r = await call<MonitoredContract>('POST', '/api/v1/monitoring/contracts', body);
    if (r.data) return navigate(`/monitoring/contracts/${r.data.id}`);
    setErrors(r.status === 0 ? { '': t('error.network') } : { ...byField(r.errors), '': t('monitoring.fix') });
  }
  return (
    <form class="panel" onSubmit={submit} aria-label={t('monitoring.register')}>
      <h2>{t('monitoring.register')}</h2>
      <FormError message={errors['']} />
      {hubTitle && <p>{t('monitoring.linkedTo', { title: hubTitle })}</p>}
      {errors.hub_document_id && <p class="field-error">{errors.hub_document_id}</p>}
      {staff && (
        <div class="field">
          <label for="contract-organisation">{t('monitoring.government')}</label>
          <select id="contract-organisation" value={form.organisation_id} onChange={(e) => set('organisation_id')((e.currentTarget as HTMLSelectElement).value)}>
            <option value="" />
            {(organisations || []).filter((o) => o.kind === 'government').map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>
          {errors.organisation_id && <p class="field-error">{errors.organisation_id}</p>}
        </div>
      )}
      <Field id="contract-title" label={t('monitoring.title')} value={form.title} error={errors.title} onInput={set('title')} />
      <Field id="contract-counterparty" label={t('monitoring.counterparty')} value={form.counterparty} error={errors.counterparty} onInput={set('counterparty')} />
      <Field id="contract-signed" type="date" label={t('monitoring.signedOn')} value={form.signed_on} error={errors.signed_on} onInput={set('signed_on')} />
      <Field id="contract-timezone" label={t('monitoring.timezone')} value={form.timezone} error={errors.timezone} onInput={set('timezone')} />
      <p class="muted">{t('monitoring.timezoneHelp')}</p>
      <button type="submit">{t('monitoring.registerButton')}</button>
    </form>
  );
}

export function Monitoring() {
  const staff = currentUser.value?.role === 'coordinator' || currentUser.value?.role === 'admin';
  const [contracts, setContracts] = useState<MonitoredContract[] | null>(null);
  const [overdue, setOverdue] = useState<Occurrence[] | null>(null);
  const [error, setError] = useState('');
  const month = new URLSearchParams(useSignal(query)).get('month') || isoDate(new Date()).slice(0, 7);
  useEffect(() => {
    call<{ items: MonitoredContract[] }>('GET', '/api/v1/monitoring/contracts').then((r) => (r.data ? setContracts(r.data.items) : setError(t('error.network'))));
    call<{ items: Occurrence[] }>('GET', '/api/v1/monitoring/overdue').then((r) => setOverdue(r.data ? r.data.items : []));
  }, []);
  return (
    <div>
      <h1>{t('monitoring.heading')}</h1>
      <p>{t('monitoring.intro')}</p>
      <FormError message={error} />
      <section aria-label={t('monitoring.overdue')}>
        <h2>{t('monitoring.overdue')}</h2>
        <Overdue items={overdue} />
      </section>
      <MonthCalendar month={/^\d{4}-\d{2}$/.test(month) ? month : isoDate(new Date()).slice(0, 7)} />
      <section aria-label={t('monitoring.contracts')}>
        <h2>{t('monitoring.contracts')}</h2>
        {contracts !== null && contracts.length === 0 && <p class="muted">{t('monitoring.noContracts')}</p>}
        {contracts !== null && contracts.length > 0 && (
          <ul class="plain">
            {contracts.map((c) => (
              <li key={c.id}>
                <Link href={`/monitoring/contracts/${c.id}`}>{c.title}</Link>
                {c.counterparty && <span class="muted"> — {c.counterparty}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <RegisterContract staff={staff} />
    </div>
  );
}
