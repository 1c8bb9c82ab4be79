// Adding one document to the hub from the web: its metadata, then its PDF,
// read on the server (by OCR when scanned). The document starts as a draft
// that another member of the Support Unit reviews before publication.
import { useEffect, useState } from 'preact/hooks';
import { byField, call, upload } from '../../api';
import { FormError } from '../../components/field';
import { Link } from '../../components/link';
import { type HubCodelists, type HubDocument, contractTypeLabel, documentTypeLabel, kindLabel, loadHubCodelists, stageLabel } from '../../hub';
import { t } from '../../i18n';
import type { MessageKey } from '../../messages/en';
import { commodityLabel } from '../../codelists';
import { navigate } from '../../router';

export function HubUpload() {
  const [lists, setLists] = useState<HubCodelists | null>(null);
  const [meta, setMeta] = useState({
    kind: 'contract', title: '', identifier: '', country: '', resources: [] as string[], contract_type: '', document_type: '',
    language: 'en', signature_date: '', government_entity: '', company: '', project: '', source_url: '', parent_id: '',
    stage: '', summary: '', confidential: false,
  });
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [draft, setDraft] = useState(''); // saved, but its file was refused
  useEffect(() => void loadHubCodelists().then(setLists), []);
  if (!lists) return <p class="loading">{t('common.loading')}</p>;
  const set = (change: Partial<typeof meta>) => setMeta({ ...meta, ...change });

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    const { company, ...fields } = meta;
    const body: Record<string, unknown> = { ...fields, companies: company ? [{ name: company }] : [] };
    for (const k of Object.keys(body)) if (body[k] === '') delete body[k];
    const made = await call<HubDocument>('POST', '/api/v1/hub/documents', body);
    if (!made.data) {
      setBusy(false);
      return setErrors(made.status === 0 ? { '': t('error.network') } : byField(made.errors));
    }
    if (file) {
      const read = await upload(`/api/v1/hub/documents/${made.data.id}/file?name=${encodeURIComponent(file.name)}`, file);
      if (read.status !== 200) {
        // The draft exists: say why its file was refused; the editor attaches
        // another from the draft's page rather than saving it twice.
        setBusy(false);
        setDraft(made.data.id);
        return setErrors({ file: read.errors.map((x) => x.message).join('; ') || t('error.network') });
      }
    }
    navigate(`/hub/documents/${made.data.id}`);
  }
  const text = (name: 'title' | 'identifier' | 'signature_date' | 'government_entity' | 'company' | 'project' | 'source_url' | 'parent_id', type = 'text') => (
    <div class="field">
      <label for={`doc-${name}`}>{t(`upload.field.${name}` as MessageKey)}</label>
      <input id={`doc-${name}`} type={type} value={meta[name]} aria-invalid={errors[name] ? 'true' : undefined} onInput={(e) => set({ [name]: (e.currentTarget as HTMLInputElement).value })} />
      {errors[name] && <p class="field-error">{errors[name]}</p>}
    </div>
  );
  const select = (name: 'kind' | 'contract_type' | 'document_type' | 'language' | 'stage', options: string[], label: (v: string) => string, blank = true) => (
    <div class="field">
      <label for={`doc-${name}`}>{t(`upload.field.${name}` as MessageKey)}</label>
      <select id={`doc-${name}`} value={meta[name]} aria-invalid={errors[name] ? 'true' : undefined} onChange={(e) => set({ [name]: (e.currentTarget as HTMLSelectElement).value })}>
        {blank && <option value="">{t('hub.choose')}</option>}
        {options.map((o) => <option key={o} value={o}>{label(o)}</option>)}
      </select>
      {errors[name] && <p class="field-error">{errors[name]}</p>}
    </div>
  );
  return (
    <div>
      <p class="crumbs"><Link href="/hub">{t('hub.title')}</Link></p>
      <h1>{t('upload.title')}</h1>
      <p>{t('upload.intro')}</p>
      <form class="wide" onSubmit={submit}>
        <FormError message={errors['']} />
        {text('title')}
        <div class="row">
          {select('kind', lists.kinds, kindLabel, false)}
          {select('document_type', lists.document_types, documentTypeLabel)}
          {select('language', lists.languages, (l) => t(`language.${l}` as MessageKey), false)}
        </div>
        <div class="row">
          <div class="field">
            <label for="doc-country">{t('hub.filter.country')}</label>
            <input id="doc-country" maxLength={3} class="short" placeholder="GHA" value={meta.country} aria-invalid={errors.country ? 'true' : undefined} onInput={(e) => set({ country: (e.currentTarget as HTMLInputElement).value.toUpperCase() })} />
            {errors.country && <p class="field-error">{errors.country}</p>}
          </div>
          {select('contract_type', lists.contract_types, contractTypeLabel)}
          {text('signature_date', 'date')}
        </div>
        <fieldset>
          <legend>{t('hub.filter.resource')}</legend>
          <div class="checks">
            {lists.resources.map((r) => (
              <label key={r}>
                <input type="checkbox" checked={meta.resources.includes(r)} onChange={(e) => set({ resources: (e.currentTarget as HTMLInputElement).checked ? [...meta.resources, r] : meta.resources.filter((x) => x !== r) })} /> {commodityLabel(r)}
              </label>
            ))}
          </div>
        </fieldset>
        {text('government_entity')}
        {text('company')}
        {text('project')}
        {text('identifier')}
        {text('source_url', 'url')}
        {text('parent_id')}
        {select('stage', lists.stages, stageLabel)}
        <div class="field">
          <label for="doc-summary">{t('upload.summary')}</label>
          <textarea id="doc-summary" rows={3} value={meta.summary} onInput={(e) => set({ summary: (e.currentTarget as HTMLTextAreaElement).value })} />
        </div>
        <label class="inline"><input type="checkbox" checked={meta.confidential} onChange={(e) => set({ confidential: (e.currentTarget as HTMLInputElement).checked })} /> {t('upload.confidential')}</label>
        <div class="field">
          <label for="doc-file">{t('upload.file')}</label>
          <input id="doc-file" type="file" accept="application/pdf,.pdf" onChange={(e) => setFile(((e.currentTarget as HTMLInputElement).files || [])[0] || null)} />
          {errors.file && <p class="field-error">{errors.file}</p>}
        </div>
        {draft ? (
          <p role="alert">{t('upload.draftSaved')} <Link href={`/hub/documents/${draft}`}>{t('upload.openDraft')}</Link></p>
        ) : <button type="submit" disabled={busy}>{busy ? t('hub.reading') : t('upload.submit')}</button>}
      </form>
    </div>
  );
}
