// The list of requests the user may see: a government's own requests, an
// expert's engagements, the Support Unit's inbox sorted by SLA risk (most
// overdue first) with filters by status and risk.
import { useEffect, useState } from 'preact/hooks';
import { call, currentUser, type User } from '../../api';
import { FormError } from '../../components/field';
import { Link } from '../../components/link';
import { SlaBadge } from '../../components/sla_badge';
import { t } from '../../i18n';
import { stateLabel, type Summary } from '../../requests';
import { loadCodelists } from '../../codelists';
import { useSignal } from '../../state';

export function Requests() {
  const me = useSignal(currentUser) as User;
  const staff = me.role === 'coordinator' || me.role === 'admin';
  const [items, setItems] = useState<Summary[] | null>(null);
  const [states, setStates] = useState<string[]>([]);
  const [state, setState] = useState('');
  const [risk, setRisk] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    loadCodelists().then((c) => c && setStates(c.states.filter((s) => s !== 'draft')));
  }, []);
  useEffect(() => {
    const q = new URLSearchParams();
    if (state) q.set('state', state);
    if (risk) q.set('risk', risk);
    const query = q.toString();
    call<{ items: Summary[] }>('GET', `/api/v1/requests${query ? `?${query}` : ''}`).then((r) => {
      if (r.data) {
        setItems(r.data.items);
        setError('');
      } else {
        setError(r.status === 0 ? t('error.network') : t('error.generic', { status: r.status }));
      }
    });
  }, [state, risk]);

  const title = staff ? t('requests.inbox') : me.role === 'expert' ? t('requests.engagements') : t('requests.mine');
  return (
    <div>
      <h1>{title}</h1>
      {me.role === 'government' && (
        <p>
          <Link href="/requests/new">{t('requests.new')}</Link>
        </p>
      )}
      {staff && <p><Link href="/commitments">{t('disclosure.listLink')}</Link></p>}
      {staff && (
        <div class="filters">
          <div class="field">
            <label for="filter-state">{t('requests.filterState')}</label>
            <select id="filter-state" value={state} onChange={(e) => setState((e.currentTarget as HTMLSelectElement).value)}>
              <option value="">{t('requests.anyState')}</option>
              {states.map((s) => (
                <option key={s} value={s}>{stateLabel(s)}</option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="filter-risk">{t('requests.filterRisk')}</label>
            <select id="filter-risk" value={risk} onChange={(e) => setRisk((e.currentTarget as HTMLSelectElement).value)}>
              <option value="">{t('requests.riskAny')}</option>
              <option value="warning">{t('requests.riskWarning')}</option>
              <option value="breached">{t('requests.riskBreached')}</option>
            </select>
          </div>
        </div>
      )}
      <FormError message={error} />
      {items && items.length === 0 && <p>{t('requests.empty')}</p>}
      {items && items.length > 0 && (
        <table class="requests">
          <thead>
            <tr>
              <th>{t('requests.reference')}</th>
              <th>{t('requests.project')}</th>
              <th>{t('requests.entity')}</th>
              <th>{t('requests.state')}</th>
              <th>{t('requests.deadline')}</th>
              <th>{t('requests.sla')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                <td><Link href={`/requests/${r.id}`}>{r.reference}</Link></td>
                <td>{r.project_name}</td>
                <td>{r.entity} ({r.country})</td>
                <td>{stateLabel(r.state)}</td>
                <td>{r.deadline || ''}</td>
                <td><SlaBadge clock={r.sla} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!items && !error && <p class="loading">{t('common.loading')}</p>}
    </div>
  );
}
