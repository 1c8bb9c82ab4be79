import { useEffect, useState } from 'preact/hooks';
import { byField, call } from '../../api';
import { Field, FormError } from '../../components/field';
import { Link } from '../../components/link';
import { t } from '../../i18n';
import type { MessageKey } from '../../messages/en';

interface Pending {
  email: string;
  name: string;
  role: string;
}

export function Invitation({ token }: { token: string }) {
  const [pending, setPending] = useState<Pending | null | undefined>(undefined);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [accepted, setAccepted] = useState(false);

  useEffect(() => {
    call<Pending>('GET', `/api/v1/invitations/${encodeURIComponent(token)}`).then((r) =>
      setPending(r.data),
    );
  }, [token]);

  async function accept(e: Event) {
    e.preventDefault();
    const r = await call('POST', `/api/v1/invitations/${encodeURIComponent(token)}/accept`, { password });
    if (r.status === 201) setAccepted(true);
    else setErrors(r.status === 0 ? { '': t('error.network') } : byField(r.errors));
  }

  if (pending === undefined) return <p>{t('common.loading')}</p>;
  if (accepted) {
    return (
      <p class="notice" role="status">
        {t('invitation.accepted')} <Link href="/sign-in">{t('nav.signIn')}</Link>
      </p>
    );
  }
  if (pending === null) return <p class="form-error">{t('invitation.gone')}</p>;
  return (
    <form class="narrow" onSubmit={accept} noValidate>
      <h1>{t('invitation.title')}</h1>
      <p>{t('invitation.for', { name: pending.name, email: pending.email, role: t(`role.${pending.role}` as MessageKey) })}</p>
      <FormError message={errors['']} />
      <Field id="password" label={t('invitation.password')} type="password" value={password}
        error={errors['password']} autocomplete="new-password" onInput={setPassword} />
      <button type="submit">{t('invitation.accept')}</button>
    </form>
  );
}
