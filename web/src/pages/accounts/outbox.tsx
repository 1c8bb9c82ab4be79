import { useEffect, useState } from 'preact/hooks';
import { call } from '../../api';
import { FormError } from '../../components/field';
import { t } from '../../i18n';
import { formatInstant } from '../../numbers';
import type { MessageKey } from '../../messages/en';

interface Item {
  id: string;
  kind: string;
  recipient: string;
  reference: string;
  status: string;
  attempts: number;
  last_error: string;
  created_at: string;
  next_attempt_at: string;
  sent_at: string | null;
}
interface Outbox {
  delivering: boolean;
  from: string;
  counts: Record<string, number>;
  items: Item[];
}

const statuses = ['queued', 'failed', 'digest', 'sent'];

// The administrators' view of the mails on their way out: what waits, what
// failed and why, never what the mails say.
export function Outbox() {
  const [status, setStatus] = useState('');
  const [outbox, setOutbox] = useState<Outbox | null>(null);
  const [error, setError] = useState('');

  async function load(which: string) {
    const r = await call<Outbox>('GET', `/api/v1/mail/outbox?limit=200${which ? `&status=${which}` : ''}`);
    if (r.data) setOutbox(r.data);
    else setError(r.status === 0 ? t('error.network') : t('error.generic', { status: r.status }));
  }
  useEffect(() => void load(status), [status]);

  if (!outbox) return error ? <FormError message={error} /> : <p>{t('common.loading')}</p>;
  return (
    <div>
      <h1>{t('outbox.title')}</h1>
      <p class={outbox.delivering ? 'notice' : 'form-error'} role="status">
        {outbox.delivering ? t('outbox.delivering', { from: outbox.from }) : t('outbox.notDelivering')}
      </p>
      <div class="field">
        <label for="outbox-status">{t('outbox.show')}</label>
        <select id="outbox-status" value={status} onChange={(e) => setStatus((e.currentTarget as HTMLSelectElement).value)}>
          <option value="">{t('outbox.all')}</option>
          {statuses.map((s) => (
            <option value={s} key={s}>
              {t(`outbox.status.${s}` as MessageKey)} ({outbox.counts[s] ?? 0})
            </option>
          ))}
        </select>
      </div>
      <FormError message={error} />
      {outbox.items.length === 0 ? (
        <p>{t('outbox.empty')}</p>
      ) : (
        <div class="scroll-x">
          <table>
            <thead>
              <tr>
                <th>{t('outbox.when')}</th>
                <th>{t('outbox.kind')}</th>
                <th>{t('outbox.recipient')}</th>
                <th>{t('outbox.status')}</th>
                <th>{t('outbox.attempts')}</th>
              </tr>
            </thead>
            <tbody>
              {outbox.items.map((m) => (
                <tr key={m.id}>
                  <td>{formatInstant(m.created_at)}</td>
                  <td>
                    {t(`mail.kind.${m.kind}` as MessageKey)}
                    {m.reference && <span class="muted"> {m.reference}</span>}
                  </td>
                  <td>{m.recipient}</td>
                  <td>
                    {t(`outbox.status.${m.status}` as MessageKey)}
                    {m.status === 'sent' && m.sent_at && <span class="muted"> {formatInstant(m.sent_at)}</span>}
                    {m.status === 'queued' && m.attempts > 0 && (
                      <span class="muted"> {t('outbox.next', { at: formatInstant(m.next_attempt_at) })}</span>
                    )}
                    {m.last_error && <p class="field-error">{m.last_error}</p>}
                  </td>
                  <td>{m.attempts}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
