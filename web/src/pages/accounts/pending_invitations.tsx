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
        <div class="scroll-x">
          <table>
            <thead>
              <tr>
                <th>{t('people.name')}</th>
                <th>{t('people.role')}</th>
                <th>{t('invitations.invitedBy')}</th>
                <th>{t('invitations.validUntil')}</th>
                <th>{t('invitations.link')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id}>
                  <td>
                    {i.name}
                    <br />
                    <span class="muted">{i.email}</span>
                  </td>
                  <td>{t(`role.${i.role}` as MessageKey)}</td>
                  <td>{i.invited_by}</td>
                  <td>{i.expired ? <strong>{t('invitations.expired')}</strong> : when(i.expires_at)}</td>
                  <td>
                    <button type="button" onClick={() => resend(i)}>
                      {t('invitations.resend', { name: i.name })}
                    </button>
                    {sent[i.id] && (
                      <p class="notice" role="status">
                        {t('invitations.resent')} <code class="invite-link">{sent[i.id]}</code>
                      </p>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
