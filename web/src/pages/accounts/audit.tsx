import { useEffect, useState } from 'preact/hooks';
import { call } from '../../api';
import { FormError } from '../../components/field';
import { t, tOr } from '../../i18n';
import { formatInstant } from '../../numbers';

interface Entry {
  seq: number;
  at: string;
  actor: string;
  actor_name: string | null;
  action: string;
  object_type: string;
  object_id: string;
  object_name: string | null;
}
interface Verdict {
  entries: number;
  anchored: number;
  anchored_at: string;
  intact: boolean;
  first_broken: number | null;
  reason: string;
}

export function Audit() {
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [error, setError] = useState('');
  const [verdict, setVerdict] = useState<Verdict | null>(null);

  useEffect(() => {
    call<{ items: Entry[] }>('GET', '/api/v1/audit?limit=100').then((r) => {
      if (r.data) setEntries(r.data.items);
      else setError(r.status === 0 ? t('error.network') : t('error.generic', { status: r.status }));
    });
  }, []);

  async function verify() {
    const r = await call<Verdict>('GET', '/api/v1/audit/verify');
    if (r.data) setVerdict(r.data);
  }

  return (
    <div>
      <h1>{t('audit.title')}</h1>
      <button type="button" onClick={verify}>{t('audit.verify')}</button>
      {verdict && (
        <p class={verdict.intact ? 'notice' : 'form-error'} role="status">
          {verdict.intact
            ? t('audit.intact', { count: verdict.entries })
            : t('audit.broken', { entry: verdict.first_broken ?? '', reason: verdict.reason })}
          {verdict.intact && ' '}
          {verdict.intact &&
            (verdict.anchored > 0
              ? t('audit.anchored', {
                  count: verdict.anchored,
                  at: formatInstant(verdict.anchored_at),
                })
              : t('audit.notAnchored'))}
        </p>
      )}
      <FormError message={error} />
      {entries === null && !error ? (
        <p>{t('common.loading')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('audit.seq')}</th>
              <th>{t('audit.at')}</th>
              <th>{t('audit.actor')}</th>
              <th>{t('audit.action')}</th>
              <th>{t('audit.object')}</th>
            </tr>
          </thead>
          <tbody>
            {(entries || []).map((e) => (
              <tr key={e.seq}>
                <td>{e.seq}</td>
                <td><time dateTime={e.at}>{formatInstant(e.at)}</time></td>
                <td class={e.actor_name ? undefined : 'id'}>{e.actor_name || e.actor}</td>
                <td>{tOr(`audit.do.${e.action}`, e.action)}</td>
                <td>
                  {e.object_name || <>{tOr(`audit.type.${e.object_type}`, e.object_type)} <code class="id">{e.object_id}</code></>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
