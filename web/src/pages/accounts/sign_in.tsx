import { useState } from 'preact/hooks';
import { byField, signIn } from '../../api';
import { Field, FormError } from '../../components/field';
import { Link } from '../../components/link';
import { t } from '../../i18n';
import { navigate } from '../../router';

export function SignIn() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [working, setWorking] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    setWorking(true);
    const r = await signIn(email, password);
    setWorking(false);
    if (r.data) return navigate('/');
    setErrors(r.status === 0 ? { '': t('error.network') } : byField(r.errors));
  }

  return (
    <form class="narrow" onSubmit={submit} noValidate>
      <h1>{t('signIn.title')}</h1>
      <FormError message={errors[''] || errors['password']} />
      <Field id="email" label={t('signIn.email')} type="email" value={email} error={errors['email']}
        autocomplete="username" onInput={setEmail} />
      <Field id="password" label={t('signIn.password')} type="password" value={password}
        autocomplete="current-password" onInput={setPassword} />
      <button type="submit" disabled={working}>
        {working ? t('signIn.working') : t('signIn.submit')}
      </button>
      <p><Link href="/password-reset">{t('signIn.forgot')}</Link></p>
    </form>
  );
}
