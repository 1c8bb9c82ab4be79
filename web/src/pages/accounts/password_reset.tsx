import { useEffect, useState } from 'preact/hooks';
import { byField, call, signIn } from '../../api';
import { Field, FormError } from '../../components/field';
import { Link } from '../../components/link';
import { t } from '../../i18n';
import { navigate } from '../../router';

// A forgotten password: the address is asked for, and the answer is the same
// whether or not it has an account (the server says nothing either way).
export function PasswordResetRequest() {
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sent, setSent] = useState<{ email: string; lifetime_minutes: number } | null>(null);
  const [working, setWorking] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    setWorking(true);
    const r = await call<{ email: string; lifetime_minutes: number }>('POST', '/api/v1/password-reset', { email });
    setWorking(false);
    if (r.data) {
      setSent(r.data);
      setErrors({});
    } else {
      setErrors(r.status === 0 ? { '': t('error.network') } : byField(r.errors));
    }
  }

  return (
    <form class="narrow" onSubmit={submit} noValidate>
      <h1>{t('reset.title')}</h1>
      {sent ? (
        <p class="notice" role="status">
          {t('reset.sent', { email: sent.email, minutes: sent.lifetime_minutes })}
        </p>
      ) : (
        <p>{t('reset.explain')}</p>
      )}
      <FormError message={errors['']} />
      <Field id="email" label={t('signIn.email')} type="email" value={email} error={errors['email']}
        autocomplete="username" onInput={setEmail} />
      <button type="submit" disabled={working}>{sent ? t('reset.again') : t('reset.submit')}</button>
      <p><Link href="/sign-in">{t('reset.back')}</Link></p>
    </form>
  );
}

// The page a reset mail links to: a new password, then signed in at once.
export function PasswordReset({ token }: { token: string }) {
  const [account, setAccount] = useState<{ email: string; name: string } | null | undefined>(undefined);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [working, setWorking] = useState(false);
  const path = `/api/v1/password-reset/${encodeURIComponent(token)}`;

  useEffect(() => {
    call<{ email: string; name: string }>('GET', path).then((r) => setAccount(r.data));
  }, [token]);

  async function submit(e: Event) {
    e.preventDefault();
    if (!account) return;
    setWorking(true);
    const r = await call('POST', path, { password });
    if (r.status !== 200) {
      setWorking(false);
      return setErrors(r.status === 0 ? { '': t('error.network') } : byField(r.errors));
    }
    const session = await signIn(account.email, password);
    setWorking(false);
    navigate(session.data ? '/' : '/sign-in');
  }

  if (account === undefined) return <p>{t('common.loading')}</p>;
  if (account === null) {
    return (
      <p class="form-error">
        {t('reset.gone')} <Link href="/password-reset">{t('reset.askAgain')}</Link>
      </p>
    );
  }
  return (
    <form class="narrow" onSubmit={submit} noValidate>
      <h1>{t('reset.choose')}</h1>
      <p>{t('reset.for', { name: account.name, email: account.email })}</p>
      <FormError message={errors[''] || errors['token']} />
      <Field id="password" label={t('account.newPassword')} type="password" value={password}
        error={errors['password']} autocomplete="new-password" onInput={setPassword} />
      <button type="submit" disabled={working}>{t('reset.save')}</button>
    </form>
  );
}
