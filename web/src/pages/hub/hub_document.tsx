// One document of the hub: its facts, the page the search found with the
// words highlighted, the other matching pages, its clause annotations and
// related documents. The Support Unit also corrects a page's text, adds and
// reviews annotations, attaches the PDF and moves the document through
// publication.
import { useEffect, useState } from 'preact/hooks';
import { byField, call, currentUser, upload } from '../../api';
import { FormError } from '../../components/field';
import { ContractTermsSection } from './contract_terms';
import { PublicRegisterSection } from './public_register';
import { Link } from '../../components/link';
import { Snippet } from '../../components/snippet';
import {
  type Annotation,
  type HubCodelists,
  type HubDocument,
  categoriesBySection,
  categoryLabel,
  categoryLabelOf,
  contractTypeLabel,
  documentTypeLabel,
  highlight,
  hubStatusLabel,
  kindLabel,
  loadHubCodelists,
  qualityLabel,
  stageLabel,
} from '../../hub';
import { t } from '../../i18n';
import { formatLongDate } from '../../numbers';
import type { MessageKey } from '../../messages/en';
import { commodityLabel } from '../../codelists';
import { query, replaceQuery } from '../../router';
import { useSignal } from '../../state';

interface PageText {
  number: number;
  text: string;
  quality: string;
  source: string;
}

export function HubDocumentPage({ id }: { id: string }) {
  const user = useSignal(currentUser);
  const search = useSignal(query);
  const params = new URLSearchParams(search);
  const q = params.get('q') || '';
  const [doc, setDoc] = useState<HubDocument | null | undefined>(undefined);
  const [page, setPage] = useState<PageText | null>(null);
  const [reloads, setReloads] = useState(0);
  const staff = !!user && (user.role === 'coordinator' || user.role === 'admin');
  const base = `/api/v1/hub/documents/${id}`;
  useEffect(() => {
    call<HubDocument>('GET', `${base}${q ? `?q=${encodeURIComponent(q)}` : ''}`).then((r) => setDoc(r.data));
  }, [id, q, reloads]);
  // The page asked for, else the best matching one, else that of the first
  // clause explained whose words match, else the first.
  const number = Number(params.get('page')) || (doc && doc.hits.length > 0 ? doc.hits[0].page : (doc && q && noteMatching(doc, q)?.pages[0]) || 1);
  useEffect(() => {
    if (!doc || doc.page_count === 0) return setPage(null);
    call<PageText>('GET', `${base}/pages/${number}`).then((r) => setPage(r.data));
  }, [doc, number]);
  function goTo(n: number) {
    const next = new URLSearchParams(search);
    next.set('page', String(n));
    replaceQuery(next);
  }
  if (doc === undefined) return <p class="loading">{t('common.loading')}</p>;
  if (doc === null) {
    return (
      <div>
        <h1>{t('notFound.title')}</h1>
        <p>{t('notFound.body')}</p>
      </div>
    );
  }
  const reload = () => setReloads(reloads + 1);
  return (
    <div>
      <p class="crumbs"><Link href="/hub">{t('hub.title')}</Link></p>
      <h1 lang={doc.language}>{doc.title}</h1>
      {doc.sample && <p class="attention">{t('hub.sampleNotice')}</p>}
      {doc.summary && <p class="lead" lang={doc.language}>{doc.summary}</p>}
      <dl class="facts">
        <dt>{t('hub.kind')}</dt>
        <dd>{kindLabel(doc.kind)}{doc.document_type && ` — ${documentTypeLabel(doc.document_type)}`}</dd>
        {doc.country && <><dt>{t('hub.filter.country')}</dt><dd>{doc.country}</dd></>}
        {doc.resources.length > 0 && <><dt>{t('hub.filter.resource')}</dt><dd>{doc.resources.map(commodityLabel).join(', ')}</dd></>}
        {doc.contract_type && <><dt>{t('hub.filter.contract_type')}</dt><dd>{contractTypeLabel(doc.contract_type)}</dd></>}
        {doc.signature_date && <><dt>{t('hub.signed')}</dt><dd>{formatLongDate(doc.signature_date)}</dd></>}
        {doc.government_entity && <><dt>{t('hub.government')}</dt><dd>{doc.government_entity}</dd></>}
        {doc.companies.length > 0 && (
          <><dt>{t('hub.filter.company')}</dt><dd>{doc.companies.map((c) => `${c.name}${c.share ? ` (${c.share}%)` : ''}${c.operator ? ` — ${t('hub.operator')}` : ''}`).join('; ')}</dd></>
        )}
        {doc.stage && <><dt>{t('hub.stage')}</dt><dd>{stageLabel(doc.stage)}</dd></>}
        <dt>{t('hub.filter.language')}</dt>
        <dd>{t(`language.${doc.language}` as MessageKey)}</dd>
        {staff && <><dt>{t('hub.status')}</dt><dd>{hubStatusLabel(doc.status)}{doc.confidential && ` — ${t('hub.confidential')}`}</dd></>}
      </dl>
      <p class="buttons">
        {doc.file && <a href={`${base}/file`} download={doc.file.name}>{t('hub.downloadPdf')}</a>}
        {doc.ocid && <a href={`/api/v1/hub/ocds/${doc.id}`}>{t('hub.ocds')}</a>}
        {doc.source_url && <a href={doc.source_url} rel="noopener noreferrer">{t('hub.source')}</a>}
        {doc.kind === 'contract' && user && ['government', 'coordinator', 'admin'].includes(user.role) && <Link href={`/monitoring?hub=${doc.id}`}>{t('monitoring.monitorThis')}</Link>}
      </p>
      {(doc.parent || doc.related.length > 0) && (
        <section>
          <h2>{t('hub.related')}</h2>
          <ul>
            {doc.parent && <li>{t('hub.parent')}: <Link href={`/hub/documents/${doc.parent.id}`}>{doc.parent.title}</Link></li>}
            {doc.related.map((r) => <li key={r.id}>{documentTypeLabel(r.document_type)}: <Link href={`/hub/documents/${r.id}`}>{r.title}</Link></li>)}
          </ul>
        </section>
      )}
      {doc.kind === 'contract' && <ContractTermsSection documentId={doc.id} staff={staff} pageCount={doc.page_count} />}
      {doc.kind === 'contract' && <PublicRegisterSection documentId={doc.id} />}
      {staff && <Workflow doc={doc} onChange={reload} />}
      <div class="viewer">
        <section class="page-view" aria-label={t('hub.text')}>
          <h2>{t('hub.text')}</h2>
          {doc.page_count === 0 ? (
            <p>{t('hub.noText')}</p>
          ) : (
            <>
              <div class="buttons">
                <button type="button" class="secondary" disabled={number <= 1} onClick={() => goTo(number - 1)}>{t('hub.previousPage')}</button>
                <label class="inline">
                  {t('hub.page')}{' '}
                  <select aria-label={t('hub.page')} value={number} onChange={(e) => goTo(Number((e.currentTarget as HTMLSelectElement).value))}>
                    {doc.pages.map((p) => <option key={p.number} value={p.number}>{p.number}</option>)}
                  </select>{' '}
                  {t('hub.of', { count: doc.page_count })}
                </label>
                <button type="button" class="secondary" disabled={number >= doc.page_count} onClick={() => goTo(number + 1)}>{t('hub.nextPage')}</button>
              </div>
              {page && (
                <article class="page-text" data-page={page.number}>
                  <p class="muted">{t('hub.pageRef', { page: page.number })} · {qualityLabel(page.quality)}</p>
                  <div class="text" lang={doc.language}><Snippet parts={highlight(page.text, q)} /></div>
                </article>
              )}
              {staff && page && <PageEditor key={page.number} base={base} page={page} onSaved={reload} />}
            </>
          )}
        </section>
        <aside class="side">
          {q && (
            <section>
              <h2>{t('hub.matchingPages', { q })}</h2>
              {doc.hits.length === 0 ? <p role="status">{whereElse(doc, q)}</p> : (
                <ul class="page-hits">
                  {doc.hits.map((h) => (
                    <li key={h.page}>
                      <button type="button" class="link" aria-current={h.page === number ? 'true' : undefined} onClick={() => goTo(h.page)}>{t('hub.pageRef', { page: h.page })}</button>{' '}
                      <span lang={doc.language}><Snippet parts={h.snippet} /></span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
          <Annotations doc={doc} staff={staff} q={q} goTo={goTo} onChange={reload} />
        </aside>
      </div>
    </div>
  );
}

// Whether `q` is in the words of `text`, as the page highlights them.
const has = (text: string, q: string) => highlight(text, q).some((p) => p.hit);
const inNote = (a: Annotation, q: string) =>
  has(a.summary, q) || has(a.article, q) || has(a.category_label, q) || a.translations.some((tr) => has(tr.summary, q));

// The first clause explained, in the document's order, whose words match `q`.
const noteMatching = (doc: HubDocument, q: string) => byPage(doc.annotations).find((a) => inNote(a, q));

// Where the words of a search are when no page has them: the clauses
// explained, the document's details, or nowhere.
function whereElse(doc: HubDocument, q: string): string {
  const notes = doc.annotations.filter((a) => inNote(a, q)).length;
  if (notes > 0) return t('hub.matchInNotes', { count: notes });
  const details = [doc.title, doc.project, doc.government_entity, ...doc.companies.map((c) => c.name)];
  return details.some((d) => d && has(d, q)) ? t('hub.matchInDetails') : t('hub.noMatch');
}

// In the order of the document: by first page, then article.
function byPage(list: Annotation[]): Annotation[] {
  const first = (a: Annotation) => (a.pages.length ? Math.min(...a.pages) : Number.MAX_SAFE_INTEGER);
  return [...list].sort((a, b) => first(a) - first(b) || a.article.localeCompare(b.article, undefined, { numeric: true }));
}

function Annotations({ doc, staff, q, goTo, onChange }: { doc: HubDocument; staff: boolean; q: string; goTo: (n: number) => void; onChange: () => void }) {
  const [lists, setLists] = useState<HubCodelists | null>(null);
  useEffect(() => void loadHubCodelists().then(setLists), []);
  const [error, setError] = useState('');
  async function review(a: Annotation) {
    const r = await call('POST', `/api/v1/hub/annotations/${a.id}/review`, {});
    setError(r.status === 200 ? '' : r.errors[0]?.message || t('error.network'));
    if (r.status === 200) onChange();
  }
  return (
    <section aria-label={t('hub.annotations')}>
      <h2>{t('hub.annotations')}</h2>
      <FormError message={error} />
      {doc.annotations.length === 0 && <p>{t('hub.noAnnotations')}</p>}
      <ul class="annotations">
        {byPage(doc.annotations).map((a) => (
          <li key={a.id} data-category={a.category} class={q && inNote(a, q) ? 'match' : undefined}>
            {/* The category in the reader's language once the codelist is in; never the English meanwhile. */}
            <h3>{lists ? categoryLabelOf(lists, a.category) : '\u00a0'}</h3>
            <p lang={a.language}><Snippet parts={highlight(a.summary, q)} /></p>
            <p class="muted">
              {a.article && <>{t('hub.article')} {a.article} · </>}
              {a.pages.map((p) => (
                <button key={p} type="button" class="link" onClick={() => goTo(p)}>{t('hub.pageRef', { page: p })}</button>
              ))}
              {staff && <> · {t(`annotationStatus.${a.status}` as MessageKey)}</>}
            </p>
            {a.translations.length > 0 && (
              <details>
                <summary>{t('hub.translations')}</summary>
                {a.translations.map((tr) => <p key={tr.language} lang={tr.language}>{t(`language.${tr.language}` as MessageKey)}: {tr.summary}</p>)}
              </details>
            )}
            {staff && a.status !== 'reviewed' && <button type="button" class="secondary" onClick={() => review(a)}>{t('hub.review')}</button>}
          </li>
        ))}
      </ul>
      {staff && <AnnotationForm doc={doc} onAdded={onChange} />}
    </section>
  );
}

function AnnotationForm({ doc, onAdded }: { doc: HubDocument; onAdded: () => void }) {
  const [lists, setLists] = useState<HubCodelists | null>(null);
  const [category, setCategory] = useState('');
  const [summary, setSummary] = useState('');
  const [pages, setPages] = useState('');
  const [article, setArticle] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => void loadHubCodelists().then(setLists), []);
  if (!lists) return null;
  async function add(e: Event) {
    e.preventDefault();
    const numbers = pages.split(/[\s,;]+/).filter(Boolean).map(Number);
    const r = await call('POST', `/api/v1/hub/documents/${doc.id}/annotations`, { category, summary, pages: numbers, article });
    if (r.status !== 201) return setErrors(r.status === 0 ? { '': t('error.network') } : byField(r.errors));
    setErrors({});
    setSummary('');
    setPages('');
    setArticle('');
    onAdded();
  }
  return (
    <form class="panel" onSubmit={add}>
      <h3>{t('hub.annotate')}</h3>
      <FormError message={errors['']} />
      <div class="field">
        <label for="ann-category">{t('hub.category')}</label>
        <select id="ann-category" value={category} aria-invalid={errors.category ? 'true' : undefined} onChange={(e) => setCategory((e.currentTarget as HTMLSelectElement).value)}>
          <option value="">{t('hub.choose')}</option>
          {categoriesBySection(lists).map((g) => (
            <optgroup key={g.section} label={g.label}>
              {g.categories.map((c) => <option key={c.key} value={c.key}>{categoryLabel(c)}</option>)}
            </optgroup>
          ))}
        </select>
        {errors.category && <p class="field-error">{errors.category}</p>}
      </div>
      <div class="field">
        <label for="ann-summary">{t('hub.plainSummary')}</label>
        <textarea id="ann-summary" rows={3} value={summary} aria-invalid={errors.summary ? 'true' : undefined} onInput={(e) => setSummary((e.currentTarget as HTMLTextAreaElement).value)} />
        {errors.summary && <p class="field-error">{errors.summary}</p>}
      </div>
      <div class="row">
        <div class="field">
          <label for="ann-pages">{t('hub.pages')}</label>
          <input id="ann-pages" value={pages} placeholder="3, 4" aria-invalid={Object.keys(errors).some((k) => k.startsWith('pages')) ? 'true' : undefined} onInput={(e) => setPages((e.currentTarget as HTMLInputElement).value)} />
          {Object.entries(errors).filter(([k]) => k.startsWith('pages')).map(([k, m]) => <p key={k} class="field-error">{m}</p>)}
        </div>
        <div class="field">
          <label for="ann-article">{t('hub.article')}</label>
          <input id="ann-article" value={article} onInput={(e) => setArticle((e.currentTarget as HTMLInputElement).value)} />
        </div>
      </div>
      <button type="submit">{t('hub.addAnnotation')}</button>
    </form>
  );
}

function PageEditor({ base, page, onSaved }: { base: string; page: PageText; onSaved: () => void }) {
  const [text, setText] = useState(page.text);
  const [quality, setQuality] = useState(page.quality === 'acceptable' ? '' : page.quality);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);
  async function save(e: Event) {
    e.preventDefault();
    const r = await call('PUT', `${base}/pages/${page.number}`, { text, quality });
    setError(r.status === 200 ? '' : r.errors[0]?.message || t('error.network'));
    setSaved(r.status === 200);
    if (r.status === 200) onSaved();
  }
  return (
    <details class="panel">
      <summary>{t('hub.correctPage')}</summary>
      <form onSubmit={save}>
        <FormError message={error} />
        <div class="field">
          <label for="page-text">{t('hub.pageText', { page: page.number })}</label>
          <textarea id="page-text" rows={14} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
        </div>
        <div class="field">
          <label for="page-quality">{t('hub.quality')}</label>
          <select id="page-quality" value={quality} onChange={(e) => setQuality((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{qualityLabel('acceptable')}</option>
            <option value="needs_editing">{qualityLabel('needs_editing')}</option>
            <option value="needs_transcription">{qualityLabel('needs_transcription')}</option>
          </select>
        </div>
        <button type="submit">{t('hub.savePage')}</button>
        {saved && <p class="notice" role="status">{t('hub.pageSaved')}</p>}
      </form>
    </details>
  );
}

// Publication and the PDF, for the Support Unit.
function Workflow({ doc, onChange }: { doc: HubDocument; onChange: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  async function move(to: string) {
    const r = await call('POST', `/api/v1/hub/documents/${doc.id}/status`, { to, reason });
    setError(r.status === 200 ? '' : r.errors.map((e) => e.message).join('; ') || t('error.network'));
    if (r.status === 200) {
      setReason('');
      onChange();
    }
  }
  async function attach(e: Event) {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files && input.files[0];
    if (!file) return;
    setBusy(true);
    const r = await upload(`/api/v1/hub/documents/${doc.id}/file?name=${encodeURIComponent(file.name)}`, file);
    setBusy(false);
    input.value = '';
    setError(r.status === 200 ? '' : r.errors.map((x) => x.message).join('; ') || t('error.network'));
    if (r.status === 200) onChange();
  }
  return (
    <section class="panel" aria-label={t('hub.publication')}>
      <h2>{t('hub.publication')}</h2>
      <p>{t('hub.statusNow', { status: hubStatusLabel(doc.status) })}</p>
      <FormError message={error} />
      {(doc.moves || []).length > 0 && (
        <div class="row">
          <div class="field grow">
            <label for="move-reason">{t('hub.reason')}</label>
            <input id="move-reason" value={reason} onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)} />
          </div>
          <div class="buttons">
            {(doc.moves || []).map((to) => (
              <button key={to} type="button" class="secondary" onClick={() => move(to)}>{t(`hubMove.${to}` as MessageKey)}</button>
            ))}
          </div>
        </div>
      )}
      <div class="field">
        <label for="hub-file">{doc.file ? t('hub.replacePdf') : t('hub.attachPdf')}</label>
        <input id="hub-file" type="file" accept="application/pdf,.pdf" disabled={busy} onChange={attach} />
        {busy && <p role="status">{t('hub.reading')}</p>}
      </div>
      {doc.history && doc.history.length > 0 && (
        <details>
          <summary>{t('hub.history')}</summary>
          <ul>{doc.history.map((h, i) => <li key={i}>{h.at}: {h.from ? hubStatusLabel(h.from) : '—'} → {hubStatusLabel(h.to)}{h.reason && ` (${h.reason})`}</li>)}</ul>
        </details>
      )}
    </section>
  );
}
