import { useEffect, useState } from 'preact/hooks';
import { byField, call, currentUser, type User } from '../../api';
import { Field, FormError } from '../../components/field';
import { t } from '../../i18n';
import { useSignal } from '../../state';
import { MailSettings } from './mail_settings';
import type { MessageKey } from '../../messages/en';

interface Organisation {
  id: string;
  name: string;
}

export function Account() {
  const user = useSignal(currentUser) as User;
  const [organisation, setOrganisation] = useState<string>('');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);

  useEffect(() => {
    if (!user.organisation_id) return;
    call<Organisation>('GET', `/api/v1/organisations/${user.organisation_id}`).then((r) =>
      setOrganisation(r.data ? r.data.name : ''),
    );
  }, [user.organisation_id]);

  async function change(e: Event) {
    e.preventDefault();
    setDone(false);
    const r = await call('PUT', '/api/v1/account/password', {
      current_password: current,
      new_password: next,
    });
    if (r.status === 204) {
      setDone(true);
      setCurrent('');
      setNext('');
      setErrors({});
    } else {
      setErrors(r.status === 0 ? { '': t('error.network') } : byField(r.errors));
    }
  }

  return (
    <div>
      <h1>{t('account.title')}</h1>
      <dl class="facts">
        <dt>{t('account.name')}</dt>
        <dd>{user.name}</dd>
        <dt>{t('account.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('account.role')}</dt>
        <dd>{t(`role.${user.role}` as MessageKey)}</dd>
        <dt>{t('account.organisation')}</dt>
        <dd>{organisation || t('account.none')}</dd>
      </dl>
      <form class="narrow" onSubmit={change} noValidate>
        <h2>{t('account.passwordTitle')}</h2>
        {done && <p class="notice" role="status">{t('account.passwordChanged')}</p>}
        <FormError message={errors['']} />
        <Field id="current_password" label={t('account.currentPassword')} type="password" value={current}
          error={errors['current_password']} autocomplete="current-password" onInput={setCurrent} />
        <Field id="new_password" label={t('account.newPassword')} type="password" value={next}
          error={errors['new_password']} autocomplete="new-password" onInput={setNext} />
        <button type="submit">{t('account.changePassword')}</button>
      </form>
      <MailSettings />
    </div>
  );
}
