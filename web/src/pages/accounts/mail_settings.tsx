import { useEffect, useState } from 'preact/hooks';
import { byField, call } from '../../api';
import { FormError } from '../../components/field';
import { type Language, language, languages, setLanguage, t } from '../../i18n';
import type { MessageKey } from '../../messages/en';

interface Settings {
  language: string;
  time_zone: string;
  choices: { kind: string; mode: string }[];
}

const modes = ['immediate', 'digest', 'off'];
// Every zone the browser knows; UTC first.
const zones = (): string[] => {
  const all = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf;
  return ['UTC', ...(all ? all('timeZone').filter((z) => z !== 'UTC') : [])];
};

// Which mails the user gets and when, in which language and time zone.
export function MailSettings() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    call<Settings>('GET', '/api/v1/account/mail').then((r) => r.data && setSettings(r.data));
  }, []);
  if (!settings) return null;

  const choose = (kind: string, mode: string) =>
    setSettings({ ...settings, choices: settings.choices.map((c) => (c.kind === kind ? { kind, mode } : c)) });

  const current = settings;
  async function save(e: Event) {
    e.preventDefault();
    setSaved(false);
    const { language: lang, time_zone, choices } = current;
    const r = await call<Settings>('PUT', '/api/v1/account/mail', { language: lang, time_zone, choices });
    if (r.data) {
      setSettings(r.data);
      setErrors({});
      setSaved(true);
      if (r.data.language !== language.value) void setLanguage(r.data.language as Language);
    } else {
      setErrors(r.status === 0 ? { '': t('error.network') } : byField(r.errors));
    }
  }

  return (
    <form class="narrow" onSubmit={save} noValidate>
      <h2>{t('mailSettings.title')}</h2>
      <p>{t('mailSettings.explain')}</p>
      {saved && <p class="notice" role="status">{t('mailSettings.saved')}</p>}
      <FormError message={errors[''] || errors['mail'] || errors['choices']} />
      <div class="field">
        <label for="mail-language">{t('mailSettings.language')}</label>
        <select id="mail-language" value={settings.language}
          onChange={(e) => setSettings({ ...settings, language: (e.currentTarget as HTMLSelectElement).value })}>
          {Object.entries(languages).map(([code, name]) => (
            <option value={code} lang={code} key={code}>{name}</option>
          ))}
        </select>
        {errors['language'] && <p class="field-error">{errors['language']}</p>}
      </div>
      <div class="field">
        <label for="mail-zone">{t('mailSettings.timeZone')}</label>
        <select id="mail-zone" value={settings.time_zone}
          onChange={(e) => setSettings({ ...settings, time_zone: (e.currentTarget as HTMLSelectElement).value })}>
          {zones().map((z) => (
            <option value={z} key={z}>{z.replace(/_/g, ' ')}</option>
          ))}
        </select>
        {errors['time_zone'] && <p class="field-error">{errors['time_zone']}</p>}
      </div>
      <fieldset>
        <legend>{t('mailSettings.kinds')}</legend>
        {settings.choices.map((c) => (
          <div class="field" key={c.kind}>
            <label for={`mail-${c.kind}`}>{t(`mail.kind.${c.kind}` as MessageKey)}</label>
            <select id={`mail-${c.kind}`} value={c.mode}
              onChange={(e) => choose(c.kind, (e.currentTarget as HTMLSelectElement).value)}>
              {modes.map((m) => (
                <option value={m} key={m}>{t(`mailSettings.mode.${m}` as MessageKey)}</option>
              ))}
            </select>
          </div>
        ))}
      </fieldset>
      <button type="submit">{t('mailSettings.save')}</button>
    </form>
  );
}
