// A request's commitment to publish its signed contract: where it stands and
// which record of the hub is the contract. The government reads it; the
// Support Unit links (or unlinks) the contract, choosing among the hub's
// main contracts of the request's country.
import { useEffect, useState } from 'preact/hooks';
import { call } from '../../api';
import { FormError } from '../../components/field';
import { hubStatusLabel } from '../../hub';
import { Link } from '../../components/link';
import { t } from '../../i18n';
import type { MessageKey } from '../../messages/en';
import { formatLongDate } from '../../numbers';
import type { Detail, Disclosure } from '../../requests';

export function DisclosureBadge({ state }: { state: Disclosure['state'] }) {
  return <span class={`badge badge-disclosure-${state}`}>{t(`disclosure.state.${state}` as MessageKey)}</span>;
}

// Where the commitment stands, in one sentence.
export function disclosureSentence(d: Disclosure): string {
  const due = formatLongDate(d.due);
  const published = d.contract?.published_on;
  if (d.state === 'met_on_time' && published) return t('disclosure.metOnTime', { date: formatLongDate(published), due });
  if (d.state === 'met_late' && published) return t('disclosure.metLate', { date: formatLongDate(published), due });
  if (d.state === 'overdue') return t('disclosure.overdue', { due, count: -d.days_left });
  return t('disclosure.pending', { due, count: d.days_left });
}

interface HubHit { id: string; title: string; status: string }

function LinkForm({ request, onChange }: { request: Detail; onChange: () => void }) {
  const current = request.disclosure?.contract?.hub_document_id || '';
  const [choices, setChoices] = useState<HubHit[] | null>(null);
  const [chosen, setChosen] = useState(current);
  const [error, setError] = useState('');
  useEffect(() => {
    let latest = true;
    const country = encodeURIComponent(request.form.country);
    call<{ items: HubHit[] }>('GET', `/api/v1/hub/search?kind=contract&document_type=main_contract&country=${country}&limit=100`)
      .then((r) => latest && setChoices(r.data ? r.data.items : []));
    return () => { latest = false; };
  }, [request.id]);
  async function save(id: string) {
    const r = await call('PUT', `/api/v1/requests/${request.id}/contract`, { hub_document_id: id });
    if (r.status === 200) {
      setError('');
      return onChange();
    }
    setError(r.status === 0 ? t('error.network') : r.errors[0]?.message || t('error.network'));
  }
  if (choices === null) return <p>{t('common.loading')}</p>;
  return (
    <form class="inline-form" aria-label={t('disclosure.link')} onSubmit={(e) => { e.preventDefault(); save(chosen); }}>
      <FormError message={error} />
      <label for="disclosure-contract">{t('disclosure.contractInHub')}</label>
      <select id="disclosure-contract" value={chosen} onChange={(e) => setChosen((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">{t('disclosure.chooseContract')}</option>
        {choices.map((c) => <option key={c.id} value={c.id}>{c.title} — {hubStatusLabel(c.status)}</option>)}
      </select>
      <button type="submit" disabled={!chosen || chosen === current}>{t('disclosure.link')}</button>
      {current && <button type="button" class="secondary" onClick={() => save('')}>{t('disclosure.unlink')}</button>}
      {choices.length === 0 && <p class="muted">{t('disclosure.noContracts')}</p>}
    </form>
  );
}

export function DisclosurePanel({ request, staff, onChange }: { request: Detail; staff: boolean; onChange: () => void }) {
  const d = request.disclosure;
  if (!d) return null;
  return (
    <section aria-labelledby="disclosure-title">
      <h2 id="disclosure-title">{t('disclosure.title')}</h2>
      <p><DisclosureBadge state={d.state} /> {disclosureSentence(d)}</p>
      {d.contract
        ? <p>{t('disclosure.contract')} <Link href={`/hub/documents/${d.contract.hub_document_id}`}><span lang="">{d.contract.title}</span></Link></p>
        : <p class="muted">{t(staff ? 'disclosure.notLinkedStaff' : 'disclosure.notLinked')}</p>}
      {staff && <LinkForm request={request} onChange={onChange} />}
    </section>
  );
}
