// The Support Unit writes a contract's fiscal terms with the model editor's
// instrument forms, the products they name, and a citation for each
// parameter (page, article, the clause explained). Terms suggested from the
// contract's annotations are listed with the sentence they came from and
// used only when a person chooses to. Saved terms wait for a second member
// of the Support Unit to review them.
import { useEffect, useState } from 'preact/hooks';
import { call } from '../../api';
import { FormError } from '../../components/field';
import { Editor, type EditorState, NumberInput, RowsInput, TextInput, draftsOutside, fieldId } from '../../components/model/editor_fields';
import { AddInstrument, InstrumentForm } from '../../components/model/instrument_form';
import type { Instrument } from '../../fiscal';
import { type Annotation, type HubCodelists, type HubDocument, categoryLabelOf, loadHubCodelists } from '../../hub';
import { t } from '../../i18n';
import type { MessageKey } from '../../messages/en';
import { setAt } from '../../model_form';
import { type ContractTerms, type TermCitation, type TermSuggestion, parameterInstrument, termParameters, termPercent } from '../../terms';

// What the forms edit: the term sheet where the instrument forms expect a
// model's first term sheet, and its products where they expect the project's.
interface Draft {
  currency: string;
  base_year?: number;
  project: { products: { name?: string; unit?: string }[] };
  regimes: { name: string; instruments: Instrument[] }[];
  citations: TermCitation[];
}

const fromTerms = (terms: ContractTerms | null): Draft => ({
  currency: terms?.currency ?? 'USD',
  base_year: terms?.base_year || undefined,
  project: { products: terms?.products ?? [] },
  regimes: [terms?.terms ?? { name: '', instruments: [] }],
  citations: terms?.citations.map(({ document_title: _t, annotation: _a, ...c }) => c) ?? [],
});
// A server's field ("terms.instruments[0].rate", "products[1].unit") where the forms show it.
const formField = (field: string) => field.replace(/^terms(\.|$)/, 'regimes[0]$1').replace(/^products\[/, 'project.products[');

export function TermsEditor({ documentId, terms, onSaved, onCancel }: { documentId: string; terms: ContractTerms | null; onSaved: () => void; onCancel: () => void }) {
  const [draft, setDraft] = useState<Draft>(() => fromTerms(terms));
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const [doc, setDoc] = useState<HubDocument | null>(null);
  const [suggestions, setSuggestions] = useState<TermSuggestion[]>([]);
  const [lists, setLists] = useState<HubCodelists | null>(null);
  const path = `/api/v1/hub/documents/${documentId}/terms`;
  useEffect(() => {
    call<HubDocument>('GET', `/api/v1/hub/documents/${documentId}`).then((r) => r.data && setDoc(r.data));
    call<{ items: TermSuggestion[] }>('GET', `${path}/suggestions`).then((r) => r.data && setSuggestions(r.data.items));
    loadHubCodelists().then(setLists);
  }, [documentId]);
  const state: EditorState = {
    model: draft,
    set: (at, value) => setDraft((d) => setAt(d, at, value)),
    drafts,
    setDraft: (at, text) => setDrafts((d) => {
      const next = { ...d };
      if (text === undefined) delete next[at];
      else next[at] = text;
      return next;
    }),
    errors,
    notANumber: t('editor.notANumber'),
    clearDrafts: (prefix) => setDrafts((d) => draftsOutside(d, prefix)),
  };
  const sheet = draft.regimes[0];
  const parameters = termParameters(sheet);

  // A suggestion used: the first instrument of its type takes the value (one
  // is added when there is none) and the parameter cites the annotation.
  function use(s: TermSuggestion) {
    setDraft((d) => {
      let next = d;
      const instruments = d.regimes[0].instruments;
      let k = instruments.findIndex((i) => i.type === s.instrument);
      if (k < 0) {
        k = instruments.length;
        next = setAt(next, 'regimes[0].instruments', [...instruments, { type: s.instrument }]);
      }
      const at = `regimes[0].instruments[${k}]`;
      next = setAt(next, `${at}.${s.field}`, s.value);
      if (s.option) next = setAt(next, `${at}.${s.instrument === 'royalty' ? 'base' : 'mode'}`, s.option);
      const parameter = `instruments[${k}].${s.field}`;
      const citation: TermCitation = { parameter, document_id: s.document_id, page: s.pages[0] ?? 0, article: s.article, annotation_id: s.annotation_id };
      return setAt(next, 'citations', [...next.citations.filter((c) => c.parameter !== parameter), citation]);
    });
  }

  async function save(e: Event) {
    e.preventDefault();
    if (Object.keys(drafts).length > 0) return setError(t('editor.problems'));
    setSaving(true);
    const body = {
      terms: sheet,
      currency: draft.currency || 'USD',
      products: draft.project.products,
      base_year: draft.base_year,
      citations: draft.citations,
      version: terms?.version ?? 0,
    };
    const r = await call('PUT', path, body);
    setSaving(false);
    if (r.status === 200) return onSaved();
    if (r.status === 0) return setError(t('error.network'));
    const byField: Record<string, string> = {};
    for (const x of r.errors) if (x.field && !(formField(x.field) in byField)) byField[formField(x.field)] = x.message;
    setErrors(byField);
    setError(r.errors.find((x) => !x.field || x.field === 'version' || x.field === 'id')?.message ?? t('editor.problems'));
  }

  const annotations = doc?.annotations ?? [];
  const documents = doc ? [{ id: doc.id, title: doc.title }, ...doc.related.map((r) => ({ id: r.id, title: r.title }))] : [];
  return (
    <Editor.Provider value={state}>
      <form class="terms-editor" onSubmit={save} noValidate>
        {suggestions.length > 0 && (
          <section class="suggestions" aria-label={t('terms.suggestions')}>
            <h3>{t('terms.suggestions')}</h3>
            <p class="muted">{t('terms.suggestionsHint')}</p>
            <ul>
              {suggestions.map((s, k) => (
                <li key={k}>
                  <strong>{t(`type.${s.instrument}` as MessageKey)} — {t(`field.${s.field}` as MessageKey)}: {termPercent(s.value)}</strong>
                  {s.option && <> ({t(`${s.instrument === 'royalty' ? 'base' : 'participation'}.${s.option}` as MessageKey)})</>}
                  <br /><q lang={s.language}>{s.quote}</q>
                  <span class="muted"> — {categoryLabelOf(lists, s.category)}{s.article && `, ${t('terms.article', { article: s.article })}`}</span>{' '}
                  <button type="button" class="secondary" onClick={() => use(s)}>{t('terms.useSuggestion')}</button>
                </li>
              ))}
            </ul>
          </section>
        )}
        <div class="row">
          <TextInput path="regimes[0].name" label={t('terms.name')} />
          <TextInput path="currency" label={t('editor.currency')} size={4} />
          <NumberInput path="base_year" label={t('terms.baseYearField')} hint={t('terms.baseYearHint')} />
        </div>
        <RowsInput path="project.products" label={t('terms.products')} addLabel={t('editor.addProduct')} removeLabel={t('editor.removeProduct')}
          columns={[{ key: 'name', label: t('editor.productName'), kind: 'text' }, { key: 'unit', label: t('editor.unit'), kind: 'text' }]} />
        {sheet.instruments.map((instrument, k) => (
          <fieldset class="instrument" key={k}>
            <legend>{t(`type.${instrument.type}` as MessageKey)}</legend>
            <InstrumentForm path={`regimes[0].instruments[${k}]`} instrument={instrument} />
            <button type="button" class="link" onClick={() => state.set('regimes[0].instruments', sheet.instruments.filter((_, j) => j !== k))}>{t('editor.removeInstrument')}</button>
          </fieldset>
        ))}
        <AddInstrument id="terms-add" onAdd={(type) => state.set('regimes[0].instruments', [...sheet.instruments, { type }])} />

        <fieldset class="rows citations">
          <legend>{t('terms.citations')}</legend>
          <p class="muted">{t('terms.citationsHint')}</p>
          {draft.citations.map((c, i) => (
            <CitationRow key={i} index={i} citation={c} parameters={parameters.map((p) => [p.path, `${parameterInstrument(p)} — ${p.label}`])}
              documents={documents} lists={lists} annotations={annotations.filter((a) => (c.document_id || documentId) === documentId && a.document_id === documentId)}
              error={(f) => errors[`citations[${i}]${f ? `.${f}` : ''}`]}
              onChange={(next) => state.set(`citations[${i}]`, next)} onRemove={() => state.set('citations', draft.citations.filter((_, j) => j !== i))} />
          ))}
          <button type="button" class="secondary" onClick={() => state.set('citations', [...draft.citations, { parameter: parameters[0]?.path ?? '', document_id: documentId, page: 0, article: '', annotation_id: '' }])}>{t('terms.addCitation')}</button>
        </fieldset>
        <FormError message={error} />
        <p class="buttons">
          <button type="submit" disabled={saving}>{t('terms.save')}</button>
          <button type="button" class="link" onClick={onCancel}>{t('terms.cancel')}</button>
        </p>
      </form>
    </Editor.Provider>
  );
}

function CitationRow({ index, citation, parameters, documents, lists, annotations, error, onChange, onRemove }: {
  index: number; citation: TermCitation; parameters: [string, string][]; documents: { id: string; title: string }[]; lists: HubCodelists | null; annotations: Annotation[];
  error: (field: string) => string | undefined; onChange: (c: TermCitation) => void; onRemove: () => void;
}) {
  const id = (f: string) => fieldId(`citations[${index}].${f}`);
  const set = (f: keyof TermCitation, v: string | number) => onChange({ ...citation, [f]: v });
  const shown = (f: string) => error(f) && <span class="field-error">{error(f)}</span>;
  return (
    <div class="row citation">
      <div class="field wide">
        <label for={id('parameter')}>{t('terms.parameter')}</label>
        <select id={id('parameter')} value={citation.parameter} aria-invalid={error('parameter') ? 'true' : undefined} onChange={(e) => set('parameter', (e.currentTarget as HTMLSelectElement).value)}>
          {!parameters.some(([p]) => p === citation.parameter) && <option value={citation.parameter}>{t('terms.noSuchParameter')}</option>}
          {parameters.map(([p, words]) => <option key={p} value={p}>{words}</option>)}
        </select>
        {shown('parameter')}
      </div>
      {documents.length > 1 && (
        <div class="field">
          <label for={id('document_id')}>{t('terms.document')}</label>
          <select id={id('document_id')} value={citation.document_id} onChange={(e) => onChange({ ...citation, document_id: (e.currentTarget as HTMLSelectElement).value, annotation_id: '' })}>
            {documents.map((d) => <option key={d.id} value={d.id}>{d.title}</option>)}
          </select>
          {shown('document_id')}
        </div>
      )}
      <div class="field">
        <label for={id('page')}>{t('hub.page')}</label>
        <input id={id('page')} inputMode="numeric" size={5} value={citation.page || ''} onInput={(e) => set('page', Number((e.currentTarget as HTMLInputElement).value) || 0)} />
        {shown('page')}
      </div>
      <div class="field">
        <label for={id('article')}>{t('hub.article')}</label>
        <input id={id('article')} size={8} value={citation.article} onInput={(e) => set('article', (e.currentTarget as HTMLInputElement).value)} />
      </div>
      {annotations.length > 0 && (
        <div class="field wide">
          <label for={id('annotation_id')}>{t('terms.annotation')}</label>
          <select id={id('annotation_id')} value={citation.annotation_id} onChange={(e) => {
            const chosen = annotations.find((a) => a.id === (e.currentTarget as HTMLSelectElement).value);
            onChange({ ...citation, annotation_id: chosen?.id ?? '', page: citation.page || chosen?.pages[0] || 0, article: citation.article || chosen?.article || '' });
          }}>
            <option value="">{t('terms.noAnnotation')}</option>
            {annotations.map((a) => <option key={a.id} value={a.id}>{categoryLabelOf(lists, a.category)}: {a.summary.slice(0, 80)}</option>)}
          </select>
          {shown('annotation_id')}
        </div>
      )}
      {shown('')}
      <button type="button" class="link" onClick={onRemove}>{t('terms.removeCitation')}</button>
    </div>
  );
}
