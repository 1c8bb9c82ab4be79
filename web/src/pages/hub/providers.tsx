// The support-provider directory: who else helps governments negotiate, in
// which regions and sectors, with what expertise, on what terms and how to
// reach them. The Support Unit adds and removes entries.
import { useEffect, useState } from 'preact/hooks';
import { byField, call, currentUser } from '../../api';
import { FormError, NumberInput } from '../../components/field';
import { type Provider, type ProviderList, regionLabel, sectorLabel, stageLabel, providerKindLabel } from '../../hub';
import { t } from '../../i18n';
import type { MessageKey } from '../../messages/en';
import { type Codelists, disciplineLabel, loadCodelists } from '../../codelists';
import { query, replaceQuery } from '../../router';
import { useSignal } from '../../state';

export function Providers() {
  const user = useSignal(currentUser);
  const search = useSignal(query);
  const params = new URLSearchParams(search);
  const [list, setList] = useState<ProviderList | null>(null);
  const [codelists, setCodelists] = useState<Codelists | null>(null);
  const [reloads, setReloads] = useState(0);
  const [error, setError] = useState('');
  const [editing, setEditing] = useState<Provider | null>(null);
  const [saved, setSaved] = useState('');
  const staff = !!user && (user.role === 'coordinator' || user.role === 'admin');
  useEffect(() => void loadCodelists().then(setCodelists), []);
  useEffect(() => {
    call<ProviderList>('GET', `/api/v1/hub/providers?${search.replace(/^\?/, '')}`).then((r) => {
      setError(r.data ? '' : r.errors.map((e) => `${e.field}: ${e.message}`).join('; ') || t('error.network'));
      if (r.data) setList(r.data);
    });
  }, [search, reloads]);
  function set(name: string, value: string) {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    replaceQuery(next);
  }
  async function remove(p: Provider) {
    if (!confirm(t('providers.confirmRemove', { name: p.name }))) return;
    const r = await call('DELETE', `/api/v1/hub/providers/${p.id}`);
    setError(r.status === 204 ? '' : r.errors[0]?.message || t('error.network'));
    setReloads(reloads + 1);
  }
  if (!list || !codelists) return <p class="loading">{t('common.loading')}</p>;
  const select = (name: string, options: string[], label: (v: string) => string) => (
    <div class="field">
      <label for={`provider-${name}`}>{t(`providers.${name}` as MessageKey)}</label>
      <select id={`provider-${name}`} value={params.get(name) || ''} onChange={(e) => set(name, (e.currentTarget as HTMLSelectElement).value)}>
        <option value="">{t('hub.any')}</option>
        {options.map((o) => <option key={o} value={o}>{label(o)}</option>)}
      </select>
    </div>
  );
  return (
    <div>
      <h1>{t('providers.title')}</h1>
      <p class="lead">{t('providers.intro')}</p>
      <div class="grid">
        {select('region', list.regions, regionLabel)}
        {select('sector', list.sectors, sectorLabel)}
        {select('expertise', codelists.disciplines, disciplineLabel)}
        {select('stage', codelists.stages, stageLabel)}
        <div class="field">
          <label for="provider-q">{t('providers.words')}</label>
          <input id="provider-q" type="search" value={params.get('q') || ''} onChange={(e) => set('q', (e.currentTarget as HTMLInputElement).value)} />
        </div>
      </div>
      <FormError message={error} />
      {saved && <p class="notice" role="status">{saved}</p>}
      <p aria-live="polite">{t('providers.count', { count: list.items.length })}</p>
      {list.items.map((p) => (
        <article key={p.id} id={p.id} class="panel provider">
          <h2>{p.name}</h2>
          <p class="muted">{providerKindLabel(p.kind)}{p.sample && <> · <span class="badge badge-sample">{t('hub.sample')}</span></>}</p>
          {p.description && <p lang="">{p.description}</p>}
          <dl class="facts">
            <dt>{t('providers.region')}</dt><dd>{p.regions.map(regionLabel).join(', ')}</dd>
            <dt>{t('providers.sector')}</dt><dd>{p.sectors.map(sectorLabel).join(', ')}</dd>
            {p.expertise.length > 0 && <><dt>{t('providers.expertise')}</dt><dd>{p.expertise.map(disciplineLabel).join(', ')}</dd></>}
            {p.stages.length > 0 && <><dt>{t('providers.stage')}</dt><dd>{p.stages.map(stageLabel).join(', ')}</dd></>}
            {p.languages.length > 0 && <><dt>{t('providers.languages')}</dt><dd>{p.languages.map((l) => t(`language.${l}` as MessageKey)).join(', ')}</dd></>}
            {p.assistance_criteria && <><dt>{t('providers.criteria')}</dt><dd lang="">{p.assistance_criteria}</dd></>}
            {p.cost && <><dt>{t('providers.cost')}</dt><dd>{t(`cost.${p.cost}` as MessageKey)}</dd></>}
            <dt>{t('providers.experts')}</dt><dd>{p.in_house_experts > 0 ? p.in_house_experts : t('providers.network')}</dd>
            <dt>{t('providers.contact')}</dt>
            <dd>
              {p.contact_email && <a href={`mailto:${p.contact_email}`}>{p.contact_email}</a>}
              {p.contact_email && p.website && ' · '}
              {p.website && <a href={p.website} rel="noopener noreferrer">{p.website}</a>}
            </dd>
          </dl>
          {staff && (
            <div class="buttons">
              <button type="button" class="secondary" onClick={() => setEditing(p)}>{t('providers.edit')}</button>
              <button type="button" class="secondary" onClick={() => remove(p)}>{t('providers.remove')}</button>
            </div>
          )}
        </article>
      ))}
      {staff && (
        <ProviderForm key={editing ? `${editing.id}-${editing.version}` : 'new'} list={list} codelists={codelists} editing={editing}
          onSaved={(message) => { setEditing(null); setSaved(message); setReloads(reloads + 1); }} onCancel={() => setEditing(null)} />
      )}
    </div>
  );
}

// Adds a provider, or changes `editing` (with the version read: a change made
// by someone else in between is refused, not overwritten).
function ProviderForm({ list, codelists, editing, onSaved, onCancel }: { list: ProviderList; codelists: Codelists; editing: Provider | null; onSaved: (message: string) => void; onCancel: () => void }) {
  const blank = { name: '', kind: '', description: '', regions: [] as string[], sectors: [] as string[], expertise: [] as string[], stages: [] as string[], languages: [] as string[], assistance_criteria: '', cost: '', in_house_experts: 0, contact_email: '', website: '' };
  const initial = editing
    ? { name: editing.name, kind: editing.kind, description: editing.description, regions: editing.regions, sectors: editing.sectors, expertise: editing.expertise, stages: editing.stages, languages: editing.languages, assistance_criteria: editing.assistance_criteria, cost: editing.cost, in_house_experts: editing.in_house_experts, contact_email: editing.contact_email, website: editing.website }
    : blank;
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const text = (name: 'name' | 'description' | 'assistance_criteria' | 'contact_email' | 'website', long = false) => (
    <div class="field">
      <label for={`new-${name}`}>{t(`providers.field.${name}` as MessageKey)}</label>
      {long ? (
        <textarea id={`new-${name}`} rows={3} value={form[name]} aria-invalid={errors[name] ? 'true' : undefined} onInput={(e) => setForm({ ...form, [name]: (e.currentTarget as HTMLTextAreaElement).value })} />
      ) : (
        <input id={`new-${name}`} value={form[name]} aria-invalid={errors[name] ? 'true' : undefined} onInput={(e) => setForm({ ...form, [name]: (e.currentTarget as HTMLInputElement).value })} />
      )}
      {errors[name] && <p class="field-error">{errors[name]}</p>}
    </div>
  );
  const checks = (name: 'regions' | 'sectors' | 'expertise' | 'stages' | 'languages', options: string[], label: (v: string) => string) => {
    const wrong = Object.entries(errors).filter(([k]) => k === name || k.startsWith(`${name}[`));
    return (
      <fieldset>
        <legend>{t(`providers.field.${name}` as MessageKey)}</legend>
        <div class="checks">
          {options.map((o) => (
            <label key={o}>
              <input type="checkbox" checked={form[name].includes(o)} onChange={(e) => {
                const on = (e.currentTarget as HTMLInputElement).checked;
                setForm({ ...form, [name]: on ? [...form[name], o] : form[name].filter((x) => x !== o) });
              }} /> {label(o)}
            </label>
          ))}
        </div>
        {wrong.map(([k, m]) => <p key={k} class="field-error">{m}</p>)}
      </fieldset>
    );
  };
  async function add(e: Event) {
    e.preventDefault();
    const r = editing
      ? await call('PUT', `/api/v1/hub/providers/${editing.id}`, { ...form, version: editing.version })
      : await call('POST', '/api/v1/hub/providers', form);
    if (r.status !== 201 && r.status !== 200) {
      return setErrors(r.status === 0 ? { '': t('error.network') } : byField(r.errors));
    }
    setErrors({});
    setForm(blank);
    onSaved(editing ? t('providers.saved') : t('providers.added'));
  }
  return (
    <form class="panel wide" onSubmit={add}>
      <h2>{editing ? t('providers.editing', { name: editing.name }) : t('providers.add')}</h2>
      <FormError message={errors['']} />
      {text('name')}
      <div class="field">
        <label for="new-kind">{t('providers.field.kind')}</label>
        <select id="new-kind" value={form.kind} aria-invalid={errors.kind ? 'true' : undefined} onChange={(e) => setForm({ ...form, kind: (e.currentTarget as HTMLSelectElement).value })}>
          <option value="">{t('hub.choose')}</option>
          {list.kinds.map((k) => <option key={k} value={k}>{providerKindLabel(k)}</option>)}
        </select>
        {errors.kind && <p class="field-error">{errors.kind}</p>}
      </div>
      {text('description', true)}
      {checks('regions', list.regions, regionLabel)}
      {checks('sectors', list.sectors, sectorLabel)}
      {checks('expertise', codelists.disciplines, disciplineLabel)}
      {checks('stages', codelists.stages, stageLabel)}
      {checks('languages', codelists.languages, (l) => t(`language.${l}` as MessageKey))}
      {text('assistance_criteria', true)}
      <div class="row">
        <div class="field">
          <label for="new-cost">{t('providers.cost')}</label>
          <select id="new-cost" value={form.cost} onChange={(e) => setForm({ ...form, cost: (e.currentTarget as HTMLSelectElement).value })}>
            <option value="">{t('hub.choose')}</option>
            {list.costs.map((c) => <option key={c} value={c}>{t(`cost.${c}` as MessageKey)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="new-experts">{t('providers.experts')}</label>
          <NumberInput id="new-experts" min={0} class="short" value={form.in_house_experts} aria-invalid={errors.in_house_experts ? 'true' : undefined} onInput={(v) => setForm({ ...form, in_house_experts: v })} />
          {errors.in_house_experts && <p class="field-error">{errors.in_house_experts}</p>}
        </div>
      </div>
      {text('contact_email')}
      {text('website')}
      <div class="buttons">
        <button type="submit">{editing ? t('providers.save') : t('providers.add')}</button>
        {editing && <button type="button" class="secondary" onClick={onCancel}>{t('models.cancel')}</button>}
      </div>
    </form>
  );
}
