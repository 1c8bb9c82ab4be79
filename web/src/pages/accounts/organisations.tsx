import { useEffect, useState } from 'preact/hooks';
import { byField, call, currentUser, type User } from '../../api';
import { Field, FormError } from '../../components/field';
import { t } from '../../i18n';
import type { MessageKey } from '../../messages/en';
import { useSignal } from '../../state';

export interface Organisation {
  id: string;
  kind: 'government' | 'support_unit' | 'provider';
  name: string;
  country: string | null;
}

export function useOrganisations(): [Organisation[] | null, string] {
  const [items, setItems] = useState<Organisation[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    call<{ items: Organisation[] }>('GET', '/api/v1/organisations').then((r) => {
      if (r.data) setItems(r.data.items);
      else setError(r.status === 0 ? t('error.network') : t('error.generic', { status: r.status }));
    });
  }, []);
  return [items, error];
}

export function Organisations() {
  const [loaded, error] = useOrganisations();
  const [added, setAdded] = useState<Organisation[]>([]);
  const [renamed, setRenamed] = useState<Record<string, Organisation>>({});
  const me = useSignal(currentUser) as User;
  const items = loaded && [...loaded, ...added].map((o) => renamed[o.id] || o);
  return (
    <div>
      <h1>{t('organisations.title')}</h1>
      <FormError message={error} />
      {items === null && !error ? (
        <p>{t('common.loading')}</p>
      ) : (
        <div class="scroll-x">
        <table>
          <thead>
            <tr>
              <th>{t('organisations.name')}</th>
              <th>{t('organisations.kind')}</th>
              <th>{t('organisations.country')}</th>
            </tr>
          </thead>
          <tbody>
            {(items || []).map((o) => (
              <tr key={o.id}>
                <td>
                  {me.role === 'admin' ? (
                    <Rename organisation={o} onRenamed={(v) => setRenamed({ ...renamed, [v.id]: v })} />
                  ) : (
                    o.name
                  )}
                </td>
                <td>{t(`organisations.kind.${o.kind}` as MessageKey)}</td>
                <td>{o.country || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
      {me.role === 'admin' && <AddOrganisation onAdded={(o) => setAdded([...added, o])} />}
    </div>
  );
}

// The name of an organisation, which an administrator corrects in place.
function Rename({ organisation, onRenamed }: { organisation: Organisation; onRenamed: (o: Organisation) => void }) {
  const [name, setName] = useState(organisation.name);
  const [error, setError] = useState('');
  async function save(e: Event) {
    e.preventDefault();
    const r = await call<Organisation>('PUT', `/api/v1/organisations/${organisation.id}`, {
      name, ...(organisation.country ? { country: organisation.country } : {}),
    });
    if (r.data) {
      onRenamed(r.data);
      setError('');
    } else {
      setError(r.status === 0 ? t('error.network') : r.errors.map((x) => x.message).join(' '));
    }
  }
  return (
    <form class="inline-form" onSubmit={save} noValidate>
      <label class="visually-hidden" for={`org-${organisation.id}`}>{t('organisations.rename', { name: organisation.name })}</label>
      <input id={`org-${organisation.id}`} value={name} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
      {name !== organisation.name && <button type="submit">{t('organisations.save')}</button>}
      {error && <p class="field-error">{error}</p>}
    </form>
  );
}

function AddOrganisation({ onAdded }: { onAdded: (o: Organisation) => void }) {
  const [kind, setKind] = useState('government');
  const [name, setName] = useState('');
  const [country, setCountry] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState('');
  async function submit(e: Event) {
    e.preventDefault();
    const r = await call<Organisation>('POST', '/api/v1/organisations', {
      kind, name, ...(country ? { country: country.toUpperCase() } : {}),
    });
    if (r.data) {
      onAdded(r.data);
      setDone(t('organisations.added', { name: r.data.name }));
      setName('');
      setCountry('');
      setErrors({});
    } else {
      setDone('');
      setErrors(r.status === 0 ? { '': t('error.network') } : byField(r.errors));
    }
  }
  return (
    <form class="narrow" onSubmit={submit} noValidate aria-label={t('organisations.addTitle')}>
      <h2>{t('organisations.addTitle')}</h2>
      {done && <p class="notice" role="status">{done}</p>}
      <FormError message={errors['']} />
      <div class="field">
        <label for="org-kind">{t('organisations.kind')}</label>
        <select id="org-kind" value={kind} onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value)}>
          {['government', 'support_unit', 'provider'].map((k) => (
            <option value={k} key={k}>{t(`organisations.kind.${k}` as MessageKey)}</option>
          ))}
        </select>
      </div>
      <Field id="org-name" label={t('organisations.name')} value={name} error={errors['name']} onInput={setName} />
      <Field id="org-country" label={t('organisations.countryCode')} value={country} error={errors['country']}
        onInput={setCountry} />
      <button type="submit">{t('organisations.add')}</button>
    </form>
  );
}
