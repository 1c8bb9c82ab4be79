// The response-time policy: the Support Unit reads it, administrators change
// it. Every request's clocks follow a change at once (they are computed from
// the state history).
import { useEffect, useState } from 'preact/hooks';
import { byField, call, currentUser, type User } from '../../api';
import { Field, FormError, NumberField } from '../../components/field';
import { t } from '../../i18n';
import type { MessageKey } from '../../messages/en';
import { clockLabel } from '../../requests';
import { useSignal } from '../../state';

interface Policy {
  id: string;
  name: string;
  version: number;
  calendar: { timezone: string; working_days: number[]; day_start: string; day_end: string; holidays: string[] };
  targets: Record<string, number>;
  warning_share: number;
}
const clocks = ['acknowledge', 'decide', 'team_proposed', 'first_deliverable'];

export function SlaPolicy() {
  const me = useSignal(currentUser) as User;
  const admin = me.role === 'admin';
  const [p, setP] = useState<Policy | null>(null);
  const [holidays, setHolidays] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');
  const show = (x: Policy) => {
    setP(x);
    setHolidays(x.calendar.holidays.join('\n'));
  };
  useEffect(() => {
    call<Policy>('GET', '/api/v1/sla-policy').then((r) => r.data && show(r.data));
  }, []);
  if (!p) return <p class="loading">{t('common.loading')}</p>;
  const cal = (k: keyof Policy['calendar'], v: unknown) => setP({ ...p, calendar: { ...p.calendar, [k]: v } });

  async function save(e: Event) {
    e.preventDefault();
    const body = {
      ...p,
      calendar: { ...p!.calendar, holidays: holidays.split('\n').map((h) => h.trim()).filter(Boolean) },
    };
    const r = await call<Policy>('PUT', '/api/v1/sla-policy', body);
    if (!r.data) {
      setNotice('');
      return setErrors(r.status === 0 ? { '': t('error.network') } : byField(r.errors));
    }
    show(r.data);
    setErrors({});
    setNotice(t('sla.saved'));
  }

  return (
    <form class="narrow" onSubmit={save} noValidate>
      <h1>{t('sla.title')}</h1>
      <p>{t('sla.intro')}</p>
      <FormError message={errors['']} />
      <fieldset disabled={!admin}>
        <Field id="sla-name" label={t('sla.name')} value={p.name} error={errors.name} onInput={(v) => setP({ ...p, name: v })} />
        <Field id="sla-timezone" label={t('sla.timezone')} value={p.calendar.timezone} error={errors['calendar.timezone']}
          onInput={(v) => cal('timezone', v)} />
        <fieldset>
          <legend>{t('sla.workingDays')}</legend>
          <div class="checks">
            {[1, 2, 3, 4, 5, 6, 7].map((d) => (
              <label key={d}>
                <input type="checkbox" checked={p.calendar.working_days.includes(d)} onChange={(e) => {
                  const on = (e.currentTarget as HTMLInputElement).checked;
                  cal('working_days', on ? [...p.calendar.working_days, d].sort() : p.calendar.working_days.filter((x) => x !== d));
                }} />
                {t(`day.${d}` as MessageKey)}
              </label>
            ))}
          </div>
          {errors['calendar.working_days'] && <p class="field-error">{errors['calendar.working_days']}</p>}
        </fieldset>
        <Field id="sla-start" label={t('sla.dayStart')} value={p.calendar.day_start}
          error={errors['calendar.day_start'] || errors['calendar.hours']} onInput={(v) => cal('day_start', v)} />
        <Field id="sla-end" label={t('sla.dayEnd')} value={p.calendar.day_end} error={errors['calendar.day_end']}
          onInput={(v) => cal('day_end', v)} />
        <div class="field">
          <label for="sla-holidays">{t('sla.holidays')}</label>
          <textarea id="sla-holidays" rows={4} value={holidays} onInput={(e) => setHolidays((e.currentTarget as HTMLTextAreaElement).value)} />
          {errors['calendar.holidays'] && <p class="field-error">{errors['calendar.holidays']}</p>}
        </div>
        <fieldset>
          <legend>{t('sla.targets')}</legend>
          {clocks.map((c) => (
            <NumberField key={c} id={`sla-target-${c}`} label={clockLabel(c)} value={p.targets[c] ?? 0}
              error={errors[`targets.${c}`]} onInput={(v) => setP({ ...p, targets: { ...p.targets, [c]: v } })} />
          ))}
        </fieldset>
        <NumberField id="sla-warning" label={t('sla.warning')} value={p.warning_share} error={errors.warning_share}
          onInput={(v) => setP({ ...p, warning_share: v })} />
        {admin && <button type="submit">{t('sla.save')}</button>}
      </fieldset>
      {notice && <p class="notice" role="status">{notice}</p>}
    </form>
  );
}
