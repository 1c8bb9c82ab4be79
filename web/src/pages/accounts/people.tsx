import { useEffect, useState } from 'preact/hooks';
import { byField, call, currentUser, type User } from '../../api';
import { Field, FormError } from '../../components/field';
import { language, languages, t } from '../../i18n';
import type { MessageKey } from '../../messages/en';
import { useSignal } from '../../state';
import { useOrganisations } from './organisations';
import { PendingInvitations } from './pending_invitations';

interface Page {
  items: User[];
  next: string | null;
}

export function People() {
  const me = useSignal(currentUser) as User;
  const [users, setUsers] = useState<User[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loadError, setLoadError] = useState('');
  const [organisations] = useOrganisations();
  const [invitations, setInvitations] = useState(0);

  async function load(after: string | null) {
    const q = after ? `?limit=50&after=${encodeURIComponent(after)}` : '?limit=50';
    const r = await call<Page>('GET', `/api/v1/users${q}`);
    if (!r.data) return setLoadError(r.status === 0 ? t('error.network') : t('error.generic', { status: r.status }));
    setUsers((prev) => (after ? [...prev, ...r.data!.items] : r.data!.items));
    setNext(r.data.next);
  }
  useEffect(() => void load(null), []);

  const orgName = (id: string | null) =>
    (id && organisations?.find((o) => o.id === id)?.name) || t('people.noOrganisation');
  // Coordinators invite governments and experts; admins anyone (the server enforces it too).
  const roles = me.role === 'admin' ? ['government', 'expert', 'coordinator', 'admin', 'funder'] : ['government', 'expert'];

  return (
    <div>
      <h1>{t('people.title')}</h1>
      <FormError message={loadError} />
      <div class="scroll-x">
      <table>
        <thead>
          <tr>
            <th>{t('people.name')}</th>
            <th>{t('people.email')}</th>
            <th>{t('people.role')}</th>
            <th>{t('people.organisation')}</th>
            {me.role === 'admin' && <th>{t('people.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} class={u.disabled ? 'muted' : undefined}>
              <td>
                {u.name}
                {u.disabled && <span> · {t('people.deactivated')}</span>}
              </td>
              <td>{u.email}</td>
              <td>{t(`role.${u.role}` as MessageKey)}</td>
              <td>{orgName(u.organisation_id)}</td>
              {me.role === 'admin' && (
                <td>
                  {u.id !== me.id && (
                    <PersonActions user={u} onChanged={(v) => setUsers((prev) => prev.map((x) => (x.id === v.id ? v : x)))} />
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      {next && (
        <button type="button" onClick={() => load(next)}>
          {t('people.more')}
        </button>
      )}
      <Invite roles={roles} organisations={organisations || []}
        onInvited={() => { void load(null); setInvitations((n) => n + 1); }} />
      <PendingInvitations reload={invitations} />
    </div>
  );
}

// What an administrator does to another account: deactivate or reactivate
// it (its sessions end at once), change its role, mail it a password link.
function PersonActions({ user, onChanged }: { user: User; onChanged: (u: User) => void }) {
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');

  async function change(body: Record<string, unknown>, done: string) {
    const r = await call<User>('PUT', `/api/v1/users/${user.id}`, { version: user.version, ...body });
    if (r.data) {
      onChanged(r.data);
      setMessage(done);
      setError('');
    } else {
      setError(r.status === 0 ? t('error.network') : r.errors.map((e) => e.message).join(' '));
    }
  }
  async function reset() {
    const r = await call('POST', `/api/v1/users/${user.id}/password-reset`, {});
    if (r.status === 202) {
      setMessage(t('people.resetSent'));
      setError('');
    } else {
      setError(r.status === 0 ? t('error.network') : r.errors.map((e) => e.message).join(' '));
    }
  }

  return (
    <div class="person-actions">
      <label class="visually-hidden" for={`role-${user.id}`}>{t('people.changeRole', { name: user.name })}</label>
      <select id={`role-${user.id}`} value={user.role}
        onChange={(e) => change({ role: (e.currentTarget as HTMLSelectElement).value }, t('people.roleChanged'))}>
        {['government', 'expert', 'coordinator', 'admin', 'funder'].map((r) => (
          <option value={r} key={r}>{t(`role.${r}` as MessageKey)}</option>
        ))}
      </select>
      {user.disabled ? (
        <button type="button" onClick={() => change({ disabled: false }, t('people.reactivated'))}>
          {t('people.reactivate', { name: user.name })}
        </button>
      ) : (
        <button type="button" onClick={() => change({ disabled: true }, t('people.deactivatedDone'))}>
          {t('people.deactivate', { name: user.name })}
        </button>
      )}
      {!user.disabled && (
        <button type="button" class="link" onClick={reset}>{t('people.sendReset')}</button>
      )}
      {message && <p class="notice" role="status">{message}</p>}
      {error && <p class="field-error">{error}</p>}
    </div>
  );
}

function Invite({ roles, organisations, onInvited }: {
  roles: string[];
  organisations: { id: string; name: string }[];
  onInvited: () => void;
}) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState(roles[0]);
  const [organisation, setOrganisation] = useState('');
  const [mailLanguage, setMailLanguage] = useState<string>(language.value);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [link, setLink] = useState('');

  async function submit(e: Event) {
    e.preventDefault();
    const r = await call<{ accept_url: string }>('POST', '/api/v1/invitations', {
      name, email, role, language: mailLanguage, ...(organisation ? { organisation_id: organisation } : {}),
    });
    if (r.data) {
      setLink(r.data.accept_url);
      setErrors({});
      onInvited();
    } else {
      setLink('');
      setErrors(r.status === 0 ? { '': t('error.network') } : byField(r.errors));
    }
  }

  return (
    <form class="narrow" onSubmit={submit} noValidate>
      <h2>{t('people.inviteTitle')}</h2>
      <FormError message={errors['']} />
      <Field id="invite-name" label={t('people.name')} value={name} error={errors['name']} onInput={setName} />
      <Field id="invite-email" label={t('people.email')} type="email" value={email} error={errors['email']}
        onInput={setEmail} />
      <div class="field">
        <label for="invite-role">{t('people.role')}</label>
        <select id="invite-role" value={role} onChange={(e) => setRole((e.currentTarget as HTMLSelectElement).value)}>
          {roles.map((r) => (
            <option value={r} key={r}>{t(`role.${r}` as MessageKey)}</option>
          ))}
        </select>
        {errors['role'] && <p class="field-error">{errors['role']}</p>}
      </div>
      <div class="field">
        <label for="invite-organisation">{t('people.organisation')}</label>
        <select id="invite-organisation" value={organisation}
          onChange={(e) => setOrganisation((e.currentTarget as HTMLSelectElement).value)}>
          <option value="">{t('people.noOrganisation')}</option>
          {organisations.map((o) => (
            <option value={o.id} key={o.id}>{o.name}</option>
          ))}
        </select>
        {errors['organisation_id'] && <p class="field-error">{errors['organisation_id']}</p>}
      </div>
      <div class="field">
        <label for="invite-language">{t('people.language')}</label>
        <select id="invite-language" value={mailLanguage}
          onChange={(e) => setMailLanguage((e.currentTarget as HTMLSelectElement).value)}>
          {Object.entries(languages).map(([code, name]) => (
            <option value={code} lang={code} key={code}>{name}</option>
          ))}
        </select>
        {errors['language'] && <p class="field-error">{errors['language']}</p>}
      </div>
      <button type="submit">{t('people.invite')}</button>
      {link && (
        <p class="notice" role="status">
          {t('people.invited', { name })} <code class="invite-link">{link}</code>
        </p>
      )}
    </form>
  );
}
