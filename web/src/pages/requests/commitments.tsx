// The Support Unit's list of governments' commitments to publish their signed
// contracts, the earliest due first, filtered by where each stands: what is
// coming due, what is overdue, what was met.
import { useEffect, useState } from 'preact/hooks';
import { call } from '../../api';
import { FormError } from '../../components/field';
import { Link } from '../../components/link';
import { t } from '../../i18n';
import type { MessageKey } from '../../messages/en';
import { formatLongDate } from '../../numbers';
import { query, replaceQuery } from '../../router';
import { useSignal } from '../../state';
import type { Disclosure } from '../../requests';
import { DisclosureBadge, disclosureSentence } from './disclosure_panel';

const states = ['due_soon', 'overdue', 'pending', 'met_on_time', 'met_late'] as const;

export function Commitments() {
  const params = new URLSearchParams(useSignal(query));
  const state = params.get('state') || '';
  const [items, setItems] = useState<Disclosure[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let latest = true;
    setItems(null);
    call<{ items: Disclosure[] }>('GET', `/api/v1/disclosure/commitments${state ? `?state=${state}` : ''}`).then((r) => {
      if (!latest) return;
      setItems(r.data ? r.data.items : []);
      setError(r.data ? '' : r.errors[0]?.message || t('error.network'));
    });
    return () => { latest = false; };
  }, [state]);
  return (
    <div>
      <p><Link href="/requests">{t('disclosure.backToRequests')}</Link></p>
      <h1>{t('disclosure.listTitle')}</h1>
      <p class="muted">{t('disclosure.listIntro')}</p>
      <div class="filters">
        <div class="field">
          <label for="commitment-state">{t('disclosure.filterState')}</label>
          <select id="commitment-state" value={state} onChange={(e) => { const v = (e.currentTarget as HTMLSelectElement).value; replaceQuery(new URLSearchParams(v ? { state: v } : {})); }}>
            <option value="">{t('disclosure.anyState')}</option>
            {states.map((s) => <option key={s} value={s}>{t(`disclosure.state.${s}` as MessageKey)}</option>)}
          </select>
        </div>
      </div>
      <FormError message={error} />
      {items === null ? <p>{t('common.loading')}</p> : items.length === 0 ? <p class="muted">{t('disclosure.none')}</p> : (
        <ul class="plain commitments">
          {items.map((d) => (
            <li key={d.request_id} class="panel">
              <p><Link href={`/requests/${d.request_id}`}>{d.reference}</Link> · <span lang="">{d.project_name}</span> ({d.country})</p>
              <p><DisclosureBadge state={d.state} /> {disclosureSentence(d)}</p>
              <p class="muted">
                {d.contract
                  ? <>{t('disclosure.contract')} <Link href={`/hub/documents/${d.contract.hub_document_id}`}><span lang="">{d.contract.title}</span></Link></>
                  : t('disclosure.notLinkedStaff')}
                {' · '}{t('disclosure.dueOn', { date: formatLongDate(d.due) })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
