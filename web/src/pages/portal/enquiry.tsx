// The public enquiry form: anyone may ask the Support Unit about support.
import { useState } from 'preact/hooks';
import { byField, call } from '../../api';
import { Field, FormError } from '../../components/field';
import { t } from '../../i18n';

export function Enquiry() {
  const [v, setV] = useState({ name: '', email: '', organisation: '', country: '', message: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sent, setSent] = useState(false);
  const set = (k: keyof typeof v) => (x: string) => setV({ ...v, [k]: x });

  async function submit(e: Event) {
    e.preventDefault();
    const body = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== ''));
    const r = await call('POST', '/api/v1/enquiries', body);
    if (r.status === 201) {
      setSent(true);
      setErrors({});
    } else {
      const fields = byField(r.errors);
      setErrors(r.status === 0 ? { '': t('error.network') } : { ...fields, '': fields[''] || '' });
    }
  }

  if (sent) return <p class="notice" role="status">{t('enquiry.sent')}</p>;
  return (
    <form class="narrow" onSubmit={submit} noValidate>
      <h1>{t('enquiry.title')}</h1>
      <p>{t('enquiry.intro')}</p>
      <FormError message={errors['']} />
      <Field id="enquiry-name" label={t('enquiry.name')} value={v.name} error={errors.name} onInput={set('name')} />
      <Field id="enquiry-email" label={t('enquiry.email')} type="email" value={v.email} error={errors.email} onInput={set('email')} />
      <Field id="enquiry-organisation" label={t('enquiry.organisation')} value={v.organisation} error={errors.organisation}
        onInput={set('organisation')} />
      <Field id="enquiry-country" label={t('enquiry.country')} value={v.country} error={errors.country} onInput={set('country')} />
      <div class="field">
        <label for="enquiry-message">{t('enquiry.message')}</label>
        <textarea id="enquiry-message" rows={5} value={v.message} aria-invalid={errors.message ? 'true' : undefined}
          onInput={(e) => set('message')((e.currentTarget as HTMLTextAreaElement).value)} />
        {errors.message && <p class="field-error">{errors.message}</p>}
      </div>
      <button type="submit">{t('enquiry.send')}</button>
    </form>
  );
}
