import { useEffect, useState } from 'preact/hooks';
import { call } from '../../api';
import { FormError } from '../../components/field';
import { t } from '../../i18n';
import type { MessageKey } from '../../messages/en';
import { when } from '../../requests';

interface Pending {
  id: string;
  email: string;
  name: string;
  role: string;
  invited_by: string;
  created_at: string;
  expires_at: string;
  expired: boolean;
}

// Invitations not accepted yet: an invitee whose mail went astray, or whose
// link expired, gets a new link with one click (the old one stops working).
// `reload` changes when a new invitation is sent.
export function PendingInvitations({ reload }: { reload: number }) {
  const [items, setItems] = useState<Pending[] | null>(null);
  const [error, setError] = useState('');
  const [sent, setSent] = useState<Record<string, string>>({});

  async function load() {
    const r = await call<{ items: Pending[] }>('GET', '/api/v1/invitations');
    if (r.data) setItems(r.data.items);
    else setError(r.status === 0 ? t('error.network') : t('error.generic', { status: r.status }));
  }
  useEffect(() => void load(), [reload]);

  async function resend(i: Pending) {
    const r = await call<Pending & { accept_url: string }>('POST', `/api/v1/invitations/${i.id}/resend`, {});
    if (r.data) {
      setSent({ ...sent, [i.id]: r.data.accept_url });
      setError('');
      setItems((prev) => (prev || []).map((x) => (x.id === i.id ? { ...x, ...r.data!, expired: false } : x)));
    } else {
      setError(r.status === 0 ? t('error.network') : r.errors.map((e) => e.message).join(' '));
    }
  }

  if (items === null && !error) return null;
  return (
    <section aria-labelledby="pending-title">
      <h2 id="pending-title">{t('invitations.title')}</h2>
      <FormError message={error} />
      {items && items.length === 0 && <p class="muted">{t('invitations.none')}</p>}
      {items && items.length > 0 && (
        <ul class="plain">
          {items.map((i) => (
            <li key={i.id} class="panel">
              <strong>{i.name}</strong> <span class="muted">{i.email}</span>
              <br />
              {t(`role.${i.role}` as MessageKey)} · {t('invitations.invitedBy', { name: i.invited_by })} ·{' '}
              {i.expired ? (
                <span class="badge badge-breached">{t('invitations.expired')}</span>
              ) : (
                t('invitations.validUntil', { date: when(i.expires_at) })
              )}
              <div class="buttons">
                <button type="button" onClick={() => resend(i)}>
                  {t('invitations.resend', { name: i.name })}
                </button>
              </div>
              {sent[i.id] && (
                <p class="notice" role="status">
                  {t('invitations.resent')} <code class="invite-link">{sent[i.id]}</code>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
