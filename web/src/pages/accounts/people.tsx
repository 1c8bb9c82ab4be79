import { useEffect, useState } from 'preact/hooks';
import { byField, call, currentUser, type User } from '../../api';
import { Field, FormError } from '../../components/field';
import { language, t } from '../../i18n';
import type { MessageKey } from '../../messages/en';
import { useSignal } from '../../state';
import { useOrganisations } from './organisations';

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
      <table>
        <thead>
          <tr>
            <th>{t('people.name')}</th>
            <th>{t('people.email')}</th>
            <th>{t('people.role')}</th>
            <th>{t('people.organisation')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>{t(`role.${u.role}` as MessageKey)}</td>
              <td>{orgName(u.organisation_id)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {next && (
        <button type="button" onClick={() => load(next)}>
          {t('people.more')}
        </button>
      )}
      <Invite roles={roles} organisations={organisations || []} onInvited={() => load(null)} />
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
          <option value="en">English</option>
          <option value="fr">Français</option>
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
