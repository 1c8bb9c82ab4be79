// The government's request form: saved as a draft (anything may be left for
// later) and submitted when complete. Errors from the server appear at their
// field; list fields name the entry ("focal_points[1].email").
import { useEffect, useRef, useState } from 'preact/hooks';
import { byField, call } from '../../api';
import { CheckList, Field, FormError } from '../../components/field';
import { t } from '../../i18n';
import type { MessageKey } from '../../messages/en';
import { type Counterparty, type Detail, type Form } from '../../requests';
import { commodityLabel, disciplineLabel, loadCodelists, withChosen, type Codelists } from '../../codelists';
import { navigate } from '../../router';
import { useSignal } from '../../state';
import { flushWaiting, keep, mustWait, outcomes, takeOutcome, waiting } from '../../waiting';

const empty: Form = {
  country: '', entity: '', focal_points: [{ name: '', email: '', phone: '' }], project_name: '', commodity: '',
  site: '', counterparties: [], disciplines: [], phase: '', timeline: '', deadline: '', language: '', background: '',
};

// "Acme Ltd: Acme Ghana; Acme plc" per line <-> counterparties.
function partiesText(parties: Counterparty[]): string {
  return parties.map((p) => (p.affiliates.length ? `${p.name}: ${p.affiliates.join('; ')}` : p.name)).join('\n');
}
function parseParties(text: string): Counterparty[] {
  return text.split('\n').map((l) => l.trim()).filter(Boolean).map((line) => {
    const colon = line.indexOf(':');
    if (colon < 0) return { name: line, affiliates: [] };
    return {
      name: line.slice(0, colon).trim(),
      affiliates: line.slice(colon + 1).split(';').map((a) => a.trim()).filter(Boolean),
    };
  });
}

// The form as the API takes it: empty texts left out, empty focal points dropped.
function body(f: Form, parties: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) if (typeof v === 'string' && v !== '') out[k] = v;
  const focal = f.focal_points.filter((p) => p.name || p.email || p.phone);
  if (focal.length) out.focal_points = focal.map((p) => ({ name: p.name, email: p.email, phone: p.phone }));
  const cps = parseParties(parties);
  if (cps.length) out.counterparties = cps;
  if (f.disciplines.length) out.disciplines = f.disciplines;
  return out;
}

// The form again from what body() made (a draft kept while offline).
function fromBody(b: Record<string, unknown>): { form: Form; parties: string } {
  const form: Form = { ...empty, ...(b as Partial<Form>) };
  if (!form.focal_points.length) form.focal_points = empty.focal_points;
  return { form, parties: partiesText((b.counterparties as Counterparty[]) ?? []) };
}

export function RequestForm({ id: given }: { id?: string }) {
  // A new draft gets its id from its first save, which may come when the
  // connection returns; the address may also change under the same form.
  const [id, setId] = useState(given);
  useEffect(() => setId(given), [given]);
  // What waits for this form's draft: "draft:new" until a page opens it by its id.
  const key = `draft:${given ?? 'new'}`;
  // Only what this form kept (or shows again) is this form's to answer for.
  const mine = useRef(false);
  const [form, setForm] = useState<Form>(empty);
  const [parties, setParties] = useState('');
  const [version, setVersion] = useState(0);
  const [reference, setReference] = useState('');
  const [lists, setLists] = useState<Codelists | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);

  // What this browser still holds of the draft, typed while offline, wins over
  // the saved copy: it is newer.
  const kept = waiting.value.find((w) => w.key === key);
  const showKept = () => {
    if (!kept) return;
    mine.current = true;
    const k = fromBody(kept.body as Record<string, unknown>);
    setForm(k.form);
    setParties(k.parties);
    setNotice(t('waiting.draftKept'));
  };
  useEffect(() => {
    loadCodelists().then(setLists);
    if (!given) return showKept();
    call<Detail>('GET', `/api/v1/requests/${given}`).then((r) => {
      if (!r.data) return setErrors({ '': t('notFound.body') });
      const f = r.data.form;
      setForm({ ...f, focal_points: f.focal_points.length ? f.focal_points : empty.focal_points });
      setParties(partiesText(f.counterparties));
      setVersion(r.data.version);
      setReference(r.data.reference);
      showKept();
    });
  }, [given]);

  // The kept draft was sent when the connection returned.
  const done = useSignal(outcomes);
  useEffect(() => {
    const o = mine.current && done.some((x) => x.key === key) ? takeOutcome(key) : undefined;
    if (!o) return;
    if (!o.data) {
      setNotice('');
      return setErrors({ ...byField(o.errors), '': t('waiting.refused', { reason: o.errors[0]?.message ?? '' }) });
    }
    const saved = o.data as Detail;
    setId(saved.id);
    setVersion(saved.version);
    setReference(saved.reference);
    setErrors({});
    setNotice(t('waiting.draftSent'));
  }, [done]);

  const set = (k: keyof Form) => (v: string) => setForm({ ...form, [k]: v });
  const setFocal = (i: number, k: keyof Form['focal_points'][number], v: string) =>
    setForm({ ...form, focal_points: form.focal_points.map((p, j) => (j === i ? { ...p, [k]: v } : p)) });

  // Saves (creating the draft the first time); the saved request, or null.
  async function save(): Promise<Detail | null> {
    const [method, path, sent] = id
      ? ['PUT', `/api/v1/requests/${id}`, { ...body(form, parties), version }]
      : ['POST', '/api/v1/requests', body(form, parties)];
    // While an earlier save of this draft waits, this one joins it (replacing
    // it) rather than racing it: one queue, one draft.
    const queued = waiting.value.some((w) => w.key === key);
    const r = queued ? { status: 0, data: null, errors: [] } : await call<Detail>(method, path, sent);
    if (mustWait(r.status)) {
      mine.current = true;
      keep({ key, method, path, body: sent });
      if (queued) void flushWaiting();
      setErrors({});
      setNotice(t('waiting.draftKept'));
      return null;
    }
    if (!r.data) {
      setErrors(byField(r.errors));
      setNotice('');
      return null;
    }
    setErrors({});
    setId(r.data.id);
    setVersion(r.data.version);
    return r.data;
  }

  async function onSave(e: Event) {
    e.preventDefault();
    setBusy(true);
    const saved = await save();
    setBusy(false);
    if (saved) {
      setNotice(t('form.saved'));
      if (!id) navigate(`/requests/${saved.id}`);
    }
  }

  async function onSubmit() {
    setBusy(true);
    const saved = await save();
    if (saved) {
      const r = await call<Detail>('POST', `/api/v1/requests/${saved.id}/transitions`, { to: 'submitted', version: saved.version });
      if (r.data) {
        setBusy(false);
        return navigate(`/requests/${saved.id}`);
      }
      const fields = byField(r.errors);
      setErrors({ ...fields, '': t('form.fixErrors', { count: r.errors.length }) });
      if (!id) navigate(`/requests/${saved.id}/edit`);
    }
    setBusy(false);
  }

  const select = (k: keyof Form, options: string[], label: (o: string) => string) => (
    <div class="field">
      <label for={`request-${k}`}>{t(`form.${k === 'project_name' ? 'project' : k}` as MessageKey)}</label>
      <select id={`request-${k}`} value={form[k] as string} aria-invalid={errors[k] ? 'true' : undefined}
        onChange={(e) => set(k)((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">{t('form.choose')}</option>
        {options.map((o) => <option key={o} value={o}>{label(o)}</option>)}
      </select>
      {errors[k] && <p class="field-error">{errors[k]}</p>}
    </div>
  );

  return (
    <form class="wide" onSubmit={onSave} noValidate>
      <h1>{id ? t('form.editTitle', { reference }) : t('form.title')}</h1>
      <p>{t('form.intro')}</p>
      <FormError message={errors['']} />
      <Field id="request-project_name" label={t('form.project')} value={form.project_name} error={errors.project_name} onInput={set('project_name')} />
      <Field id="request-entity" label={t('form.entity')} value={form.entity} error={errors.entity} onInput={set('entity')} />
      <Field id="request-country" label={t('form.country')} value={form.country} error={errors.country} onInput={set('country')} />
      {lists && select('commodity', lists.commodities, commodityLabel)}
      <Field id="request-site" label={t('form.site')} value={form.site} error={errors.site} onInput={set('site')} />
      <fieldset>
        <legend>{t('form.focalPoints')}</legend>
        {errors.focal_points && <p class="field-error">{errors.focal_points}</p>}
        {form.focal_points.map((p, i) => (
          <div class="row" key={i}>
            <Field id={`focal-${i}-name`} label={t('form.focalName')} value={p.name} error={errors[`focal_points[${i}].name`]} onInput={(v) => setFocal(i, 'name', v)} />
            <Field id={`focal-${i}-email`} label={t('form.focalEmail')} type="email" value={p.email} error={errors[`focal_points[${i}].email`]} onInput={(v) => setFocal(i, 'email', v)} />
            <Field id={`focal-${i}-phone`} label={t('form.focalPhone')} value={p.phone} error={errors[`focal_points[${i}].phone`]} onInput={(v) => setFocal(i, 'phone', v)} />
          </div>
        ))}
        <button type="button" class="link" onClick={() => setForm({ ...form, focal_points: [...form.focal_points, { name: '', email: '', phone: '' }] })}>
          {t('form.addFocal')}
        </button>
      </fieldset>
      <div class="field">
        <label for="request-counterparties">{t('form.counterparties')}</label>
        <textarea id="request-counterparties" rows={3} placeholder={t('form.counterpartiesHint')} value={parties}
          aria-invalid={errors.counterparties ? 'true' : undefined}
          onInput={(e) => setParties((e.currentTarget as HTMLTextAreaElement).value)} />
        {Object.keys(errors).filter((k) => k.startsWith('counterparties')).map((k) => <p class="field-error" key={k}>{errors[k]}</p>)}
      </div>
      {lists && (
        <CheckList legend={t('form.disciplines')} name="disciplines" options={withChosen(lists.disciplines, form.disciplines)}
          chosen={form.disciplines} labelOf={disciplineLabel} onChange={(disciplines) => setForm({ ...form, disciplines })}
          errors={Object.keys(errors).filter((k) => k.startsWith('disciplines')).map((k) => errors[k])} />
      )}
      {lists && select('phase', lists.phases, (p) => t(`phase.${p}` as MessageKey))}
      {lists && select('language', lists.languages, (l) => t(`language.${l}` as MessageKey))}
      <Field id="request-deadline" label={t('form.deadline')} type="date" value={form.deadline} error={errors.deadline} onInput={set('deadline')} />
      <div class="field">
        <label for="request-timeline">{t('form.timeline')}</label>
        <textarea id="request-timeline" rows={2} value={form.timeline} onInput={(e) => set('timeline')((e.currentTarget as HTMLTextAreaElement).value)} />
      </div>
      <div class="field">
        <label for="request-background">{t('form.background')}</label>
        <textarea id="request-background" rows={6} value={form.background} aria-invalid={errors.background ? 'true' : undefined}
          onInput={(e) => set('background')((e.currentTarget as HTMLTextAreaElement).value)} />
        {errors.background && <p class="field-error">{errors.background}</p>}
      </div>
      <div class="buttons">
        <button type="submit" class="secondary" disabled={busy}>{t('form.save')}</button>
        <button type="button" disabled={busy} onClick={onSubmit}>{t('form.submit')}</button>
      </div>
      {/* A draft waiting for the connection is not yet saved: it is not said in the colour of success. */}
      {notice && <p class={notice === t('waiting.draftKept') ? 'notice notice-waiting' : 'notice'} role="status">{notice}</p>}
    </form>
  );
}
