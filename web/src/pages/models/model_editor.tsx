// The model editor: a model built or changed with forms — the project
// (years, products and prices, a yearly table that takes paste from a
// spreadsheet), or several projects of one taxpayer shown one at a time,
// and each term sheet's instruments. The forms edit the model
// file itself; the server checks it as it is typed and names each problem
// by its path, shown at the field. Saving keeps a version and opens the
// results.
import { useEffect, useRef, useState } from 'preact/hooks';
import { call } from '../../api';
import { CheckInput, Editor, type EditorState, NumberInput, SelectInput, TextInput, draftsOutside, fieldId, fieldName } from '../../components/model/editor_fields';
import { AddInstrument, InstrumentForm } from '../../components/model/instrument_form';
import { TermsChange } from '../../components/model/terms_change';
import { ProductionMode } from '../../components/model/production_profile';
import { YearTable } from '../../components/model/year_table';
import { Link } from '../../components/link';
import type { FiscalModelJson, ModelDetail, ModelSummary } from '../../fiscal';
import { t } from '../../i18n';
import type { MessageKey } from '../../messages/en';
import { emptyModel, getAt, productsOf, projectPaths, resizeSeries, setAt } from '../../model_form';
import type { Summary } from '../../requests';
import { navigate } from '../../router';

interface Product {
  name?: string;
  unit?: string;
  production?: number[] | Record<string, unknown>;
  price?: { base?: number; deck?: number[] };
}

// The model as sent: named as the record (unless it has a name of its own);
// units the file states twice derived from the currency and each product's
// unit ("USD/bbl", and a DMO's price per unit); a cost per unit left empty left out; an income tax on
// costs as recovered without the depreciation it does not use (kept in the
// form should the analyst choose costs as incurred again).
function prepared(model: FiscalModelJson, name: string): FiscalModelJson {
  let out = setAt(model, 'name', model.name || name || undefined);
  const currency = String(model.currency ?? 'USD');
  for (const project of projectPaths(model)) {
    ((getAt(model, `${project}.products`) as Product[] | undefined) ?? []).forEach((p, i) => {
      const unit = `${currency}/${p.unit ?? ''}`;
      out = setAt(out, `${project}.products[${i}].price.unit`, unit);
      for (const cost of ['variable_opex', 'transport', 'refining']) {
        const at = `${project}.products[${i}].${cost}`;
        const v = getAt(out, `${at}.value`);
        out = setAt(out, at, typeof v === 'number' ? { value: v, unit } : undefined);
      }
    });
  }
  (model.regimes ?? []).forEach((r, i) => r.instruments.forEach((x, k) => {
    // A DMO's price per unit states its unit, as the product's costs do; of
    // every product (by value), it has none.
    if (x.type === 'domestic_market_obligation' && !x.product) out = setAt(out, `regimes[${i}].instruments[${k}].price`, undefined);
    if (x.type === 'domestic_market_obligation' && x.product && x.price && typeof x.price === 'object') {
      const unit = productsOf(model).find((p) => p.name === x.product)?.unit ?? '';
      out = setAt(out, `regimes[${i}].instruments[${k}].price.unit`, `${currency}/${unit}`);
    }
    if (x.type !== 'income_tax' || x.base !== 'costs_as_recovered') return;
    for (const unused of ['depreciation', 'depreciation_start', 'deduct_closure']) out = setAt(out, `regimes[${i}].instruments[${k}].${unused}`, undefined);
  }));
  return out;
}

// The model with one more project of the same taxpayer: the first project's
// years and products, nothing produced or spent yet. A model of one project
// becomes a model of two; the economic limit applies to one project only.
function withProject(model: FiscalModelJson, name: (n: number) => string): FiscalModelJson {
  const { project, projects, ...rest } = model as FiscalModelJson & { project?: Record<string, unknown>; projects?: Record<string, unknown>[] };
  const { economic_limit: _, ...single } = project ?? {};
  const list = projects ?? [{ ...single, name: single.name || name(1) }];
  const first = list[0];
  const years = Number(first.years) || 0;
  // The first "Project n" no project is called yet.
  let n = list.length + 1;
  while (list.some((p) => p.name === name(n))) n += 1;
  const blank = {
    name: name(n),
    first_year: first.first_year, years: first.years, inflation: first.inflation, cost_base_year: first.cost_base_year,
    products: ((first.products as Product[] | undefined) ?? []).map((p) => ({ name: p.name, unit: p.unit, production: zeros(years), price: p.price })),
    capex: { exploration: zeros(years), development: zeros(years), sustaining: zeros(years) },
    fixed_opex: zeros(years),
    closure: zeros(years),
  };
  return { ...rest, projects: [...list, blank] };
}

// The model without project `index`; the last one left is the model's one project.
function withoutProject(model: FiscalModelJson, index: number): FiscalModelJson {
  const { projects, ...rest } = model as FiscalModelJson & { projects: Record<string, unknown>[] };
  const left = projects.filter((_, k) => k !== index);
  return left.length > 1 ? { ...rest, projects: left } : { ...rest, project: left[0] };
}

const zeros = (n: number) => Array.from({ length: n }, () => 0);

// What the years of the profile at `path` are filled from: the profile and
// its project's years. Filled years are shown only while this is unchanged.
function profileKey(model: unknown, path: string): string {
  const project = path.replace(/\.products\[\d+\]\.production$/, '');
  return JSON.stringify([getAt(model, path), getAt(model, `${project}.first_year`), getAt(model, `${project}.years`)]);
}
const maxProjects = 16;  // as the model format allows

export function ModelEditor({ id }: { id?: string }) {
  const [model, setModel] = useState<FiscalModelJson | null>(id ? null : emptyModel());
  const [version, setVersion] = useState(0);
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [requestId, setRequestId] = useState('');
  const [requests, setRequests] = useState<Summary[]>([]);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<{ field: string; message: string }[]>([]);
  // The years each production profile fills, by the path of its field, as
  // the last check that read the model answered, with what they were
  // filled from (profileKey): shown only while the profile is still that.
  const [filled, setFilled] = useState<Record<string, { values: number[]; of: string }>>({});
  const [edited, setEdited] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [missing, setMissing] = useState(false);
  const [current, setCurrent] = useState(0);  // the project shown, of several
  const checked = useRef(0);
  // Years of figures cut when the number of years falls, for when it rises again (resizeSeries).
  const cutYears = useRef<Record<string, number[]>>({});
  useEffect(() => {
    if (!id) {
      call<{ items: Summary[] }>('GET', '/api/v1/requests').then((r) => r.data && setRequests(r.data.items));
      return;
    }
    call<ModelDetail>('GET', `/api/v1/fiscal/models/${id}`).then((r) => {
      if (!r.data) return setMissing(true);
      setModel(r.data.model);
      setVersion(r.data.version);
      setName(r.data.name);
    });
  }, [id]);
  // The server reads the model as it is typed; only the latest answer counts.
  useEffect(() => {
    if (!model) return;
    const mine = ++checked.current;
    const timer = setTimeout(() => {
      const sent = prepared(model, name);
      call<{ production?: Record<string, number[]> }>('POST', '/api/v1/fiscal/check', { model: sent }).then((r) => {
        if (mine !== checked.current || r.status === 0) return;
        if (r.data) setFilled(Object.fromEntries(Object.entries(r.data.production ?? {}).map(([path, values]) => [path, { values, of: profileKey(sent, path) }])));
        setProblems(r.status === 200 ? [] : r.errors.filter((e) => e.field.startsWith('model')).map((e) => ({ field: e.field.replace(/^model\.?/, ''), message: e.message })));
      });
    }, 400);
    return () => clearTimeout(timer);
  }, [model, name]);
  if (missing) return <div><h1>{t('notFound.title')}</h1><p>{t('notFound.body')}</p></div>;
  if (!model) return <p class="loading">{t('common.loading')}</p>;

  // Before a first save, messages show only where the user has typed.
  const shown = problems.filter((p) => attempted || edited.some((e) => p.field === e || p.field.startsWith(`${e}.`) || p.field.startsWith(`${e}[`) || e.startsWith(`${p.field}.`) || e.startsWith(`${p.field}[`)));
  const errors: Record<string, string> = {};
  for (const p of shown) if (!(p.field in errors)) errors[p.field] = p.message;
  const state: EditorState = {
    model,
    set: (path, value) => {
      setEdited((e) => (e.includes(path) ? e : [...e, path]));
      setModel((m) => {
        // Several projects share their years: a project's first year or
        // number of years is every project's.
        const shared = /^projects\[\d+\]\.(first_year|years)$/.exec(path);
        let next = m as FiscalModelJson;
        if (shared) for (const at of projectPaths(next)) next = setAt(next, `${at}.${shared[1]}`, value);
        else next = setAt(next, path, value);
        if (/^project(s\[\d+\])?\.years$/.test(path) && typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 200) next = resizeSeries(next, value, cutYears.current);
        return next;
      });
    },
    drafts,
    setDraft: (path, text) => setDrafts((d) => {
      if (text === undefined && !(path in d)) return d;
      const next = { ...d };
      if (text === undefined) delete next[path];
      else next[path] = text;
      return next;
    }),
    errors,
    notANumber: t('editor.notANumber'),
    // Text typed in fields a choice hides would block saving unseen.
    clearDrafts: (prefix) => setDrafts((d) => draftsOutside(d, prefix)),
  };
  // The years a profile fills, while the profile is the one they were filled from.
  const filledOf = (path: string) => (filled[path]?.of === profileKey(model, path) ? filled[path].values : undefined);
  const projects = projectPaths(model);
  const several = projects.length > 1;
  const shownProject = Math.min(current, projects.length - 1);
  const pp = projects[shownProject];  // the path of the project shown
  const years = Number(getAt(model, `${pp}.years`)) || 0;
  const firstYear = Number(getAt(model, `${pp}.first_year`)) || 0;
  const products = (getAt(model, `${pp}.products`) as Product[] | undefined) ?? [];
  const projectName = (k: number) => String(getAt(model, `${projects[k]}.name`) || t('editor.projectNamed', { n: k + 1 }));
  const regimes = model.regimes ?? [];
  const columns = [
    ...products.flatMap((p, i) => [
      { path: `${pp}.products[${i}].production`, label: t('editor.productionOf', { product: p.name || `#${i + 1}`, unit: p.unit ?? '' }), filled: Array.isArray(p.production) ? undefined : filledOf(`${pp}.products[${i}].production`) ?? [] },
      ...(Array.isArray(p.price?.deck) ? [{ path: `${pp}.products[${i}].price.deck`, label: t('editor.priceOf', { product: p.name || `#${i + 1}` }) }] : []),
    ]),
    { path: `${pp}.capex.exploration`, label: t('editor.capexExploration') },
    { path: `${pp}.capex.development`, label: t('editor.capexDevelopment') },
    { path: `${pp}.capex.sustaining`, label: t('editor.capexSustaining') },
    { path: `${pp}.fixed_opex`, label: t('editor.fixedOpex') },
    { path: `${pp}.closure`, label: t('editor.closure') },
  ];

  async function save(e: Event) {
    e.preventDefault();
    setAttempted(true);
    if (Object.keys(drafts).length > 0 || !model) return;
    setSaving(true);
    const body = prepared(model, name);
    const r = id
      ? await call<ModelSummary>('PUT', `/api/v1/fiscal/models/${id}`, { version, name, note: note || undefined, model: body })
      : await call<ModelSummary>('POST', '/api/v1/fiscal/models', { name, model: body, ...(requestId ? { request_id: requestId } : {}) });
    setSaving(false);
    if (r.data) return navigate(`/models/${r.data.id}`);
    setProblems(r.status === 0 ? [{ field: '', message: t('error.network') }] : r.errors.map((x) => ({ field: x.field.startsWith('model') ? x.field.replace(/^model\.?/, '') : `:${x.field}`, message: x.message })));
  }
  const header = (field: string) => shown.find((p) => p.field === `:${field}`)?.message;
  // Where the summary sends a person for `path`: the field, or the project
  // not shown that holds it.
  const goTo = (path: string) => {
    const other = /^projects\[(\d+)\]/.exec(path);
    const index = other ? Number(other[1]) : shownProject;
    if (index !== shownProject) return <button type="button" class="link" onClick={() => setCurrent(index)}>{projectName(index)}</button>;
    return <a href={`#${fieldId(path)}`}>{fieldName(path)}</a>;
  };
  // Adding or removing a project moves the paths of the projects' fields:
  // what was typed there and not yet a number is dropped with them.
  const forgetProjects = () => {
    const moved = (path: string) => /^project(s\[\d+\])?\./.test(path);
    setDrafts((d) => Object.fromEntries(Object.entries(d).filter(([path]) => !moved(path))));
    setEdited((e) => e.filter((path) => !moved(path)));
  };
  const addRegime = (copyOf?: number) => state.set('regimes', [...regimes, copyOf === undefined ? { name: '', instruments: [] } : { ...regimes[copyOf], name: `${regimes[copyOf].name} (2)` }]);
  return (
    <Editor.Provider value={state}>
      <form class="model-editor" onSubmit={save} noValidate>
        <p class="crumbs"><Link href="/models">{t('models.title')}</Link>{id && <> · <Link href={`/models/${id}`}>{name}</Link></>}</p>
        <h1>{id ? t('editor.editTitle', { name }) : t('editor.newTitle')}</h1>
        <p class="lead">{t('editor.intro')}</p>
        <section class="panel">
          <h2>{t('editor.model')}</h2>
          <div class="row">
            <div class="field">
              <label for="editor-name">{t('models.name')}</label>
              <input id="editor-name" value={name} aria-invalid={header('name') ? 'true' : undefined} onInput={(ev) => setName((ev.currentTarget as HTMLInputElement).value)} />
              {header('name') && <span class="field-error">{header('name')}</span>}
            </div>
            {!id && (
              <div class="field">
                <label for="editor-request">{t('models.attach')}</label>
                <select id="editor-request" value={requestId} onChange={(ev) => setRequestId((ev.currentTarget as HTMLSelectElement).value)}>
                  <option value="">{t('models.workspace')}</option>
                  {requests.map((r) => <option key={r.id} value={r.id}>{r.reference} — {r.project_name}</option>)}
                </select>
                {header('request_id') && <span class="field-error">{header('request_id')}</span>}
              </div>
            )}
            {id && (
              <div class="field">
                <label for="editor-note">{t('editor.note')}</label>
                <input id="editor-note" value={note} onInput={(ev) => setNote((ev.currentTarget as HTMLInputElement).value)} />
              </div>
            )}
            <TextInput path="currency" label={t('editor.currency')} size={4} />
          </div>
        </section>

        <section class="panel">
          <h2>{several ? t('editor.projects') : t('editor.project')}</h2>
          {several && (
            <>
              <p class="muted">{t('editor.severalProjects')}</p>
              <div class="row">
                <div class="field">
                  <label for="editor-project-shown">{t('editor.projectShown')}</label>
                  <select id="editor-project-shown" value={shownProject} onChange={(ev) => setCurrent(Number((ev.currentTarget as HTMLSelectElement).value))}>
                    {projects.map((_, k) => <option key={k} value={k}>{projectName(k)}</option>)}
                  </select>
                </div>
                <TextInput path={`${pp}.name`} label={t('editor.projectName')} />
              </div>
            </>
          )}
          <div class="row">
            <NumberInput path={`${pp}.first_year`} label={t('editor.firstYear')} />
            <NumberInput path={`${pp}.years`} label={t('editor.years')} />
            <NumberInput path={`${pp}.inflation`} label={t('editor.inflation')} percent />
            <NumberInput path={`${pp}.cost_base_year`} label={t('editor.costBaseYear')} />
          </div>
          {!several && <CheckInput path="project.economic_limit" label={t('editor.economicLimit')} fallback={false} />}
          <div class="row">
            <NumberInput path="discounting.rate" label={t('editor.discountRate')} percent />
            <NumberInput path="discounting.valuation_year" label={t('editor.valuationYear')} />
            <SelectInput path="discounting.timing" label={t('editor.timing')} options={[['end_of_year', t('timing.end_of_year')], ['mid_year', t('timing.mid_year')]]} fallback="end_of_year" />
          </div>
          <div class="row">
            <NumberInput path="discounting.real_base_year" label={t('editor.realBaseYear')} />
            <NumberInput path="discounting.deflation" label={t('editor.deflation')} percent />
            <NumberInput path="discounting.point_forward_year" label={t('editor.pointForwardYear')} />
          </div>
          {products.map((p, i) => {
            const at = `${pp}.products[${i}]`;
            const deck = Array.isArray(p.price?.deck);
            return (
              <fieldset class="rows" key={i}>
                <legend>{t('editor.product', { n: i + 1 })}</legend>
                <div class="row">
                  <TextInput path={`${at}.name`} label={t('editor.productName')} />
                  <TextInput path={`${at}.unit`} label={t('editor.unit')} size={6} />
                  <div class="field">
                    <label for={fieldId(`${at}.price`)}>{t('editor.priceMode')}</label>
                    <select id={fieldId(`${at}.price`)} value={deck ? 'deck' : 'base'} onChange={(ev) => state.set(`${at}.price`, (ev.currentTarget as HTMLSelectElement).value === 'deck' ? { deck: zeros(years) } : { escalation: 0 })}>
                      <option value="base">{t('editor.priceBase')}</option>
                      <option value="deck">{t('editor.priceDeck')}</option>
                    </select>
                    {errors[`${at}.price`] && <span class="field-error">{errors[`${at}.price`]}</span>}
                  </div>
                  {!deck && <NumberInput path={`${at}.price.base`} label={t('editor.price', { unit: `${model.currency ?? ''}/${p.unit ?? ''}` })} />}
                  {!deck && <NumberInput path={`${at}.price.escalation`} label={t('editor.escalation')} percent />}
                </div>
                <div class="row">
                  <NumberInput path={`${at}.variable_opex.value`} label={t('editor.variableOpex', { unit: `${model.currency ?? ''}/${p.unit ?? ''}` })} />
                  <NumberInput path={`${at}.transport.value`} label={t('editor.transport', { unit: `${model.currency ?? ''}/${p.unit ?? ''}` })} />
                  <NumberInput path={`${at}.refining.value`} label={t('editor.refining', { unit: `${model.currency ?? ''}/${p.unit ?? ''}` })} />
                </div>
                <ProductionMode path={`${at}.production`} firstYear={firstYear} years={years} filled={filledOf(`${at}.production`)} unit={p.unit ?? ''} />
                {products.length > 1 && <button type="button" class="link" onClick={() => state.set(`${pp}.products`, products.filter((_, k) => k !== i))}>{t('editor.removeProduct')}</button>}
              </fieldset>
            );
          })}
          <button type="button" class="secondary" onClick={() => state.set(`${pp}.products`, [...products, { name: '', unit: '', production: zeros(years), price: { escalation: 0 } }])}>{t('editor.addProduct')}</button>
          {years > 0 && years <= 200 && <YearTable columns={columns} firstYear={firstYear} years={years} caption={several ? t('editor.yearlyOf', { project: projectName(shownProject) }) : t('editor.yearly')} pasteHint={t('editor.pasteHint')} />}
          <p class="buttons">
            {projects.length < maxProjects && <button type="button" class="secondary" onClick={() => { setModel((m) => withProject(m as FiscalModelJson, (n) => t('editor.projectNamed', { n }))); forgetProjects(); setCurrent(projects.length === 1 ? 1 : projects.length); }}>{t('editor.addProject')}</button>}
            {several && <button type="button" class="link" onClick={() => { setModel((m) => withoutProject(m as FiscalModelJson, shownProject)); forgetProjects(); setCurrent(0); }}>{t('editor.removeProject', { project: projectName(shownProject) })}</button>}
          </p>
        </section>

        {regimes.map((r, i) => (
          <section class="panel" key={i} aria-label={t('editor.termSheet', { n: i + 1 })}>
            <h2>{t('editor.termSheet', { n: i + 1 })}{r.name ? ` — ${r.name}` : ''}</h2>
            <TextInput path={`regimes[${i}].name`} label={t('editor.termSheetName')} />
            {errors[`regimes[${i}].instruments`] && <p class="field-error">{errors[`regimes[${i}].instruments`]}</p>}
            {r.instruments.map((instrument, k) => (
              <fieldset class="instrument" key={k}>
                <legend>{t(`type.${instrument.type}` as MessageKey)}</legend>
                <InstrumentForm path={`regimes[${i}].instruments[${k}]`} instrument={instrument} />
                <button type="button" class="link" onClick={() => state.set(`regimes[${i}].instruments`, r.instruments.filter((_, j) => j !== k))}>{t('editor.removeInstrument')}</button>
              </fieldset>
            ))}
            <AddInstrument id={`add-${i}`} onAdd={(type) => state.set(`regimes[${i}].instruments`, [...r.instruments, { type }])} />
            <TermsChange path={`regimes[${i}].change`} others={regimes.filter((o, k) => k !== i && o.name).map((o) => o.name)} />
            <p class="buttons">
              <button type="button" class="secondary" onClick={() => addRegime(i)}>{t('editor.copyTermSheet')}</button>
              {regimes.length > 1 && <button type="button" class="link" onClick={() => state.set('regimes', regimes.filter((_, k) => k !== i))}>{t('editor.removeTermSheet')}</button>}
            </p>
          </section>
        ))}
        <p class="buttons"><button type="button" class="secondary" onClick={() => addRegime()}>{t('editor.addTermSheet')}</button></p>

        {attempted && (shown.length > 0 || Object.keys(drafts).length > 0) && (
          <div class="form-error" role="alert">
            <p>{t('editor.problems')}</p>
            <ul>
              {Object.keys(drafts).map((p) => <li key={p}>{goTo(p)}: {t('editor.notANumber')}</li>)}
              {shown.map((p, k) => <li key={k}>{p.field.startsWith(':') ? p.field.slice(1) : p.field ? goTo(p.field) : t('editor.model')}: {p.message}</li>)}
            </ul>
          </div>
        )}
        <button type="submit" disabled={saving}>{id ? t('editor.saveVersion') : t('editor.saveAndRun')}</button>
      </form>
    </Editor.Provider>
  );
}
