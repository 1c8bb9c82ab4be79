// The user's notifications: new requests, state changes, documents, messages,
// clocks near or past their target. Read ones are shown dimmed.
import { useEffect, useState } from 'preact/hooks';
import { call } from '../../api';
import { Link } from '../../components/link';
import { t } from '../../i18n';
import { when } from '../../requests';
import { signal } from '../../state';

interface Note {
  id: string;
  kind: string;
  request_id: string | null;
  text: string;
  at: string;
  read: boolean;
}

// The unread count shown in the header; refreshed on navigation and here.
export const unread = signal(0);
export async function refreshUnread() {
  const r = await call<{ unread: number }>('GET', '/api/v1/notifications');
  if (r.data) unread.value = r.data.unread;
}

export function Notifications() {
  const [items, setItems] = useState<Note[]>([]);
  const load = () =>
    call<{ items: Note[]; unread: number }>('GET', '/api/v1/notifications').then((r) => {
      if (!r.data) return;
      setItems(r.data.items);
      unread.value = r.data.unread;
    });
  useEffect(() => void load(), []);

  async function markRead() {
    await call('POST', '/api/v1/notifications/read', { ids: items.filter((n) => !n.read).map((n) => n.id) });
    load();
  }

  return (
    <div>
      <h1>{t('notifications.title')}</h1>
      {items.length === 0 && <p>{t('notifications.empty')}</p>}
      {items.some((n) => !n.read) && (
        <button type="button" class="secondary" onClick={markRead}>{t('notifications.markRead')}</button>
      )}
      <ol class="notifications">
        {items.map((n) => (
          <li key={n.id} class={n.read ? 'read' : 'unread'} data-kind={n.kind}>
            <time dateTime={n.at}>{when(n.at)}</time>{' '}
            {n.request_id ? <Link href={`/requests/${n.request_id}`}>{n.text}</Link> : n.text}
          </li>
        ))}
      </ol>
    </div>
  );
}
