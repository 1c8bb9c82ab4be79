import { useEffect, useState } from 'preact/hooks';
import { call } from '../../api';
import { FormError } from '../../components/field';
import { t } from '../../i18n';
import type { MessageKey } from '../../messages/en';

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
  const [items, error] = useOrganisations();
  return (
    <div>
      <h1>{t('organisations.title')}</h1>
      <FormError message={error} />
      {items === null && !error ? (
        <p>{t('common.loading')}</p>
      ) : (
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
                <td>{o.name}</td>
                <td>{t(`organisations.kind.${o.kind}` as MessageKey)}</td>
                <td>{o.country || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
