// A contract's fiscal terms on its hub page: each parameter in words with
// where the contract sets it (page, article, the clause explained). The
// Support Unit also sees drafts, their history, and writes and reviews them
// (the editor loads when opened).
import { useEffect, useState } from 'preact/hooks';
import { call } from '../../api';
import { FormError } from '../../components/field';
import { lazy } from '../../components/lazy';
import { Link } from '../../components/link';
import { type HubCodelists, categoryLabelOf, loadHubCodelists } from '../../hub';
import { t } from '../../i18n';
import { formatInstant } from '../../numbers';
import { type ContractTerms, type TermCitation, termParameters } from '../../terms';

const TermsEditor = lazy(() => import('./contract_terms_editor').then((m) => m.TermsEditor));

export function ContractTermsSection({ documentId, staff, pageCount }: { documentId: string; staff: boolean; pageCount: number }) {
  const [terms, setTerms] = useState<ContractTerms | null | undefined>(undefined);
  const [editing, setEditing] = useState(false);
  const [reloads, setReloads] = useState(0);
  const [error, setError] = useState('');
  const [lists, setLists] = useState<HubCodelists | null>(null);
  const path = `/api/v1/hub/documents/${documentId}/terms`;
  useEffect(() => {
    loadHubCodelists().then(setLists);
  }, []);
  useEffect(() => {
    let latest = true;
    call<ContractTerms>('GET', path).then((r) => latest && setTerms(r.status === 200 ? r.data : null));
    return () => { latest = false; };
  }, [documentId, reloads]);
  // Opened from a benchmark's contract (".../documents/{id}#terms"): the terms come into view.
  useEffect(() => {
    if (terms && location.hash === '#terms') document.getElementById('terms')?.scrollIntoView();
  }, [terms === undefined]);
  if (terms === undefined) return null;
  if (terms === null && !staff) return null;
  const reload = () => { setEditing(false); setReloads((n) => n + 1); };
  async function review() {
    if (!terms) return;
    const r = await call('POST', `${path}/review`, { version: terms.version });
    if (r.status === 200) return reload();
    setError(r.status === 0 ? t('error.network') : r.errors[0]?.message ?? t('error.generic', { status: r.status }));
  }
  return (
    <section class="panel contract-terms" id="terms" aria-label={t('terms.title')}>
      <h2>{t('terms.title')}</h2>
      {terms === null && !editing && <p>{t('terms.none')}</p>}
      {terms && !editing && (
        <>
          <p class="muted">
            <span lang="">{terms.terms.name}</span> · {t('terms.currency', { currency: terms.currency })}
            {terms.base_year > 0 && <> · {t('terms.baseYear', { year: String(terms.base_year) })}</>}
            {staff && <> · <strong>{t(terms.status === 'reviewed' ? 'terms.reviewed' : 'terms.awaitingReview')}</strong></>}
          </p>
          <TermsTable terms={terms} pageLink={pageCount > 0} lists={lists} />
        </>
      )}
      {staff && !editing && (
        <p class="buttons">
          <button type="button" class="secondary" onClick={() => setEditing(true)}>{t(terms ? 'terms.edit' : 'terms.add')}</button>
          {terms && terms.status !== 'reviewed' && <button type="button" onClick={review}>{t('terms.review')}</button>}
        </p>
      )}
      <FormError message={error} />
      {editing && <TermsEditor documentId={documentId} terms={terms ?? null} onSaved={reload} onCancel={() => setEditing(false)} />}
      {staff && terms?.history && terms.history.length > 0 && !editing && (
        <details>
          <summary>{t('terms.history')}</summary>
          <ul>
            {terms.history.map((h, k) => <li key={k}>{formatInstant(h.at)} — {t(`terms.action.${h.action}`)} ({t('terms.version', { version: String(h.version) })})</li>)}
          </ul>
        </details>
      )}
    </section>
  );
}

// Where a citation points: the page (a link on this page's viewer), the article, the clause explained.
function Source({ c, documentId, pageLink, lists }: { c: TermCitation; documentId: string; pageLink: boolean; lists: HubCodelists | null }) {
  const here = c.document_id === documentId;
  const page = c.page > 0 ? t('hub.pageRef', { page: c.page }) : '';
  return (
    <>
      {!here && c.document_title && <><Link href={`/hub/documents/${c.document_id}${c.page ? `?page=${c.page}` : ''}`}>{c.document_title}</Link>, </>}
      {c.article && <>{t('terms.article', { article: c.article })}{page ? ', ' : ''}</>}
      {page && (here && pageLink ? <Link href={`/hub/documents/${documentId}?page=${c.page}`}>{page}</Link> : page)}
      {c.annotation && (
        <span class="cited-note"> — {categoryLabelOf(lists, c.annotation.category)}: <q lang={c.annotation.language}>{c.annotation.summary}</q></span>
      )}
    </>
  );
}

export function TermsTable({ terms, pageLink, lists }: { terms: ContractTerms; pageLink: boolean; lists: HubCodelists | null }) {
  const cited = new Map<string, TermCitation[]>();
  for (const c of terms.citations) cited.set(c.parameter, [...(cited.get(c.parameter) ?? []), c]);
  const rows = termParameters(terms.terms);
  return (
    <div class="table-scroll">
      <table class="terms-table">
        <thead><tr><th scope="col">{t('terms.instrument')}</th><th scope="col">{t('terms.parameter')}</th><th scope="col">{t('terms.value')}</th><th scope="col">{t('terms.source')}</th></tr></thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.path}>
              <td>{p.type}{p.name && <> (<span lang="">{p.name}</span>)</>}</td>
              <td>{p.label}</td>
              <td class="num" lang={p.own ? '' : undefined}>{p.value}</td>
              <td>{(cited.get(p.path) ?? []).map((c, k) => <div key={k}><Source c={c} documentId={terms.document_id} pageLink={pageLink} lists={lists} /></div>)}{!cited.has(p.path) && p.numeric && <span class="muted">{t('terms.notCited')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
