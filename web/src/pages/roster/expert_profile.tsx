// An expert's profile, the Code of Conduct and declarations of interests:
// experts keep their own here; the Support Unit opens anyone's from the roster.
import { useEffect, useState } from 'preact/hooks';
import { byField, call, currentUser, type User } from '../../api';
import { Field, FormError, ListField, NumberField } from '../../components/field';
import { t } from '../../i18n';
import type { MessageKey } from '../../messages/en';
import { Link } from '../../components/link';
import { stateLabel } from '../../requests';
import { commodityLabel, disciplineLabel, loadCodelists, withChosen, type Codelists } from '../../codelists';
import { useSignal } from '../../state';

interface Profile {
  user_id: string;
  name: string;
  seniority: string;
  disciplines: string[];
  languages: string[];
  countries: string[];
  commodities: string[];
  day_rate: number;
  readiness: string;
  bio: string;
  unavailable: { from: string; to: string }[];
  version: number;
}
interface Declaration {
  id: string;
  entity: string;
  affiliates: string[];
  relation: string;
  start: string;
  end: string | null;
  evidence: string;
}
const seniorities = ['junior', 'mid', 'senior', 'principal'];
const readiness = ['available', 'limited', 'unavailable'];
const relations = ['employment', 'consultancy', 'shareholding', 'board', 'family', 'other'];

function Checks({ legend, options, chosen, label, onChange, error }: {
  legend: string; options: string[]; chosen: string[]; label: (o: string) => string; onChange: (v: string[]) => void; error?: string;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {error && <p class="field-error">{error}</p>}
      <div class="checks">
        {options.map((o) => (
          <label key={o}>
            <input type="checkbox" checked={chosen.includes(o)}
              onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked ? [...chosen, o] : chosen.filter((x) => x !== o))} />
            {label(o)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function ExpertProfile({ id }: { id?: string }) {
  const me = useSignal(currentUser) as User;
  const userId = id || me.id;
  const [p, setP] = useState<Profile | null>(null);
  const [periods, setPeriods] = useState('');
  const [lists, setLists] = useState<Codelists | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');
  const [missing, setMissing] = useState(false);

  const show = (x: Profile) => {
    setP(x);
    setPeriods(x.unavailable.map((u) => `${u.from} ${u.to}`).join('\n'));
  };
  useEffect(() => {
    loadCodelists().then(setLists);
    call<Profile>('GET', `/api/v1/experts/${userId}/profile`).then((r) => (r.data ? show(r.data) : setMissing(true)));
  }, [userId]);
  if (missing) return <div><h1>{t('notFound.title')}</h1><p>{t('notFound.body')}</p></div>;
  if (!p || !lists) return <p class="loading">{t('common.loading')}</p>;

  async function save(e: Event) {
    e.preventDefault();
    const unavailable = periods.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
      const [from, to] = l.split(/\s+(?:to\s+|à\s+)?/);
      return { from: from || '', to: to || '' };
    });
    const { seniority, disciplines, languages, countries, commodities, day_rate, bio, version } = p!;
    const r = await call<Profile>('PUT', `/api/v1/experts/${userId}/profile`, {
      seniority, disciplines, languages, countries, commodities, day_rate, readiness: p!.readiness, bio, unavailable, version,
    });
    if (!r.data) {
      setNotice('');
      const fields = byField(r.errors);
      return setErrors(r.status === 0 ? { '': t('error.network') } : { ...fields, '': fields[''] || fields.version || '' });
    }
    show(r.data);
    setErrors({});
    setNotice(t('profile.saved'));
  }

  return (
    <div>
      <h1>{t('profile.title')}: {p.name}</h1>
      <form class="wide" onSubmit={save} noValidate>
        <FormError message={errors['']} />
        <div class="field">
          <label for="profile-seniority">{t('profile.seniority')}</label>
          <select id="profile-seniority" value={p.seniority} onChange={(e) => setP({ ...p, seniority: (e.currentTarget as HTMLSelectElement).value })}>
            {seniorities.map((s) => <option key={s} value={s}>{t(`seniority.${s}` as MessageKey)}</option>)}
          </select>
        </div>
        <Checks legend={t('profile.disciplines')} options={withChosen(lists.disciplines, p.disciplines)} chosen={p.disciplines}
          error={Object.keys(errors).filter((k) => k.startsWith('disciplines')).map((k) => errors[k]).join(' ') || undefined}
          label={disciplineLabel} onChange={(v) => setP({ ...p, disciplines: v })} />
        <Checks legend={t('profile.languages')} options={lists.languages} chosen={p.languages} error={errors.languages}
          label={(l) => t(`language.${l}` as MessageKey)} onChange={(v) => setP({ ...p, languages: v })} />
        <Checks legend={t('profile.commodities')} options={lists.commodities} chosen={p.commodities}
          label={commodityLabel} onChange={(v) => setP({ ...p, commodities: v })} />
        <ListField id="profile-countries" label={t('profile.countries')} value={p.countries} error={errors.countries}
          separator="," transform={(c) => c.toUpperCase()} onInput={(v) => setP({ ...p, countries: v })} />
        <NumberField id="profile-rate" label={t('profile.dayRate')} value={p.day_rate} error={errors.day_rate}
          onInput={(v) => setP({ ...p, day_rate: v })} />
        <div class="field">
          <label for="profile-readiness">{t('profile.readiness')}</label>
          <select id="profile-readiness" value={p.readiness} onChange={(e) => setP({ ...p, readiness: (e.currentTarget as HTMLSelectElement).value })}>
            {readiness.map((s) => <option key={s} value={s}>{t(`readiness.${s}` as MessageKey)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="profile-unavailable">{t('profile.unavailable')}</label>
          <textarea id="profile-unavailable" rows={3} value={periods} onInput={(e) => setPeriods((e.currentTarget as HTMLTextAreaElement).value)} />
          {Object.keys(errors).filter((k) => k.startsWith('unavailable')).map((k) => <p class="field-error" key={k}>{errors[k]}</p>)}
        </div>
        <div class="field">
          <label for="profile-bio">{t('profile.bio')}</label>
          <textarea id="profile-bio" rows={4} value={p.bio} onInput={(e) => setP({ ...p, bio: (e.currentTarget as HTMLTextAreaElement).value })} />
        </div>
        <button type="submit">{t('profile.save')}</button>
        {notice && <p class="notice" role="status">{notice}</p>}
      </form>
      {!id && <ConductCode />}
      <Declarations userId={userId} />
      <Deployments userId={userId} />
      {id && <Appraisals userId={userId} />}
    </div>
  );
}

function ConductCode() {
  const [code, setCode] = useState<{ version: number | null; text: string; attested: boolean } | null>(null);
  const load = () => call<{ version: number | null; text: string; attested: boolean }>('GET', '/api/v1/conduct-code').then((r) => r.data && setCode(r.data));
  useEffect(() => void load(), []);
  if (!code) return null;
  return (
    <section>
      <h2>{t('code.title')}</h2>
      {code.version === null ? <p>{t('code.none')}</p> : (
        <>
          <p>{t('code.version', { version: code.version })}</p>
          <blockquote class="text" lang="">{code.text}</blockquote>
          {code.attested ? <p class="notice">{t('code.attested')}</p> : (
            <button type="button" onClick={async () => { await call('POST', '/api/v1/conduct-code/attestation', {}); load(); }}>
              {t('code.attest')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function Declarations({ userId }: { userId: string }) {
  const [items, setItems] = useState<Declaration[]>([]);
  const [d, setD] = useState({ entity: '', affiliates: '', relation: 'employment', start: '', end: '', evidence: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const base = `/api/v1/experts/${userId}/declarations`;
  const load = () => call<{ items: Declaration[] }>('GET', base).then((r) => r.data && setItems(r.data.items));
  useEffect(() => void load(), [userId]);
  const set = (k: keyof typeof d) => (v: string) => setD({ ...d, [k]: v });

  async function add(e: Event) {
    e.preventDefault();
    const body: Record<string, unknown> = {
      entity: d.entity, relation: d.relation, start: d.start, evidence: d.evidence,
      affiliates: d.affiliates.split(';').map((a) => a.trim()).filter(Boolean),
    };
    if (d.end) body.end = d.end;
    const r = await call('POST', base, body);
    if (r.status !== 201) return setErrors(r.status === 0 ? { '': t('error.network') } : byField(r.errors));
    setErrors({});
    setD({ entity: '', affiliates: '', relation: 'employment', start: '', end: '', evidence: '' });
    load();
  }

  return (
    <section>
      <h2>{t('declarations.title')}</h2>
      <p>{t('declarations.intro')}</p>
      {items.length === 0 && <p>{t('declarations.none')}</p>}
      <ul class="declarations">
        {items.map((x) => (
          <li key={x.id}>
            <strong>{x.entity}</strong>{x.affiliates.length ? ` (${x.affiliates.join(', ')})` : ''} — {t(`relation.${x.relation}` as MessageKey)},{' '}
            {x.start} – {x.end || '…'}{x.evidence ? ` · ${x.evidence}` : ''}
          </li>
        ))}
      </ul>
      <form class="wide" onSubmit={add} noValidate>
        <FormError message={errors['']} />
        <Field id="declaration-entity" label={t('declarations.entity')} value={d.entity} error={errors.entity} onInput={set('entity')} />
        <Field id="declaration-affiliates" label={t('declarations.affiliates')} value={d.affiliates} onInput={set('affiliates')} />
        <div class="field">
          <label for="declaration-relation">{t('declarations.relation')}</label>
          <select id="declaration-relation" value={d.relation} onChange={(e) => set('relation')((e.currentTarget as HTMLSelectElement).value)}>
            {relations.map((r) => <option key={r} value={r}>{t(`relation.${r}` as MessageKey)}</option>)}
          </select>
        </div>
        <div class="row">
          <Field id="declaration-start" label={t('declarations.start')} type="date" value={d.start} error={errors.start} onInput={set('start')} />
          <Field id="declaration-end" label={t('declarations.end')} type="date" value={d.end} error={errors.end} onInput={set('end')} />
        </div>
        <Field id="declaration-evidence" label={t('declarations.evidence')} value={d.evidence} onInput={set('evidence')} />
        <button type="submit">{t('declarations.add')}</button>
      </form>
    </section>
  );
}

interface Deployment {
  request_id: string;
  reference: string;
  project_name: string;
  state: string;
  role: string;
  start: string;
  end: string;
  days: number;
}

function Deployments({ userId }: { userId: string }) {
  const [items, setItems] = useState<Deployment[]>([]);
  useEffect(() => {
    call<{ items: Deployment[] }>('GET', `/api/v1/experts/${userId}/deployments`).then((r) => r.data && setItems(r.data.items));
  }, [userId]);
  return (
    <section>
      <h2>{t('deployments.title')}</h2>
      {items.length === 0 && <p>{t('deployments.none')}</p>}
      <ul>
        {items.map((d) => (
          <li key={d.request_id}>
            <Link href={`/requests/${d.request_id}`}>{d.reference}</Link> {d.project_name} — {d.role}
            {d.start ? `, ${d.start} – ${d.end}` : ''}{d.days ? `, ${d.days} d` : ''} ({stateLabel(d.state)})
          </li>
        ))}
      </ul>
    </section>
  );
}

function Appraisals({ userId }: { userId: string }) {
  const [items, setItems] = useState<{ request_id: string; rating: number; comments: string; at: string }[]>([]);
  useEffect(() => {
    call<{ items: typeof items }>('GET', `/api/v1/experts/${userId}/appraisals`).then((r) => r.data && setItems(r.data.items));
  }, [userId]);
  return (
    <section>
      <h2>{t('appraisals.title')}</h2>
      {items.length === 0 && <p>{t('appraisals.none')}</p>}
      <ul>
        {items.map((a) => (
          <li key={a.request_id}>{t('appraisals.rating', { rating: a.rating })}{a.comments ? ` — ${a.comments}` : ''}</li>
        ))}
      </ul>
    </section>
  );
}
