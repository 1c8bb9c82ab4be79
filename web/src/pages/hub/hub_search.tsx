// The resource hub's search: words and filters, ranked results with the best
// page and its highlighted snippet, facet counts to narrow down, and the
// results as CSV. The filters live in the address, so a search can be shared.
import { useEffect, useState } from 'preact/hooks';
import { call, currentUser } from '../../api';
import { Link } from '../../components/link';
import { Snippet } from '../../components/snippet';
import { type HubCodelists, type SearchAnswer, categoryLabelOf, contractTypeLabel, documentTypeLabel, kindLabel, loadHubCodelists, words } from '../../hub';
import { t } from '../../i18n';
import type { MessageKey } from '../../messages/en';
import { commodityLabel } from '../../codelists';
import { query, replaceQuery } from '../../router';
import { useSignal } from '../../state';

const filterNames = ['kind', 'country', 'resource', 'contract_type', 'document_type', 'language', 'year', 'company', 'category'] as const;
const pageSize = 20;

function facetLabel(facet: string, value: string, lists: HubCodelists | null): string {
  if (facet === 'resource') return commodityLabel(value);
  if (facet === 'language') return t(`language.${value}` as MessageKey);
  if (facet === 'category') return lists ? categoryLabelOf(lists, value) : words(value);
  if (facet === 'kind') return kindLabel(value);
  if (facet === 'contract_type') return contractTypeLabel(value);
  if (facet === 'document_type') return documentTypeLabel(value);
  if (facet === 'country' || facet === 'year' || facet === 'company') return value;
  return words(value);
}

export function HubSearch() {
  const user = useSignal(currentUser);
  const search = useSignal(query);
  const params = new URLSearchParams(search);
  const [lists, setLists] = useState<HubCodelists | null>(null);
  const [words_, setWords] = useState(params.get('q') || '');
  const [answer, setAnswer] = useState<SearchAnswer | null>(null);
  const [error, setError] = useState('');
  useEffect(() => void loadHubCodelists().then(setLists), []);
  useEffect(() => {
    const asked = new URLSearchParams(search);
    asked.set('limit', String(pageSize));
    // Only the answer to the latest question is shown: the search box is
    // usable before the page's first search answers, and a slow first answer
    // must not replace the one to the words typed since.
    let latest = true;
    call<SearchAnswer>('GET', `/api/v1/hub/search?${asked}`).then((r) => {
      if (!latest) return;
      setError(r.data ? '' : r.errors.map((e) => `${e.field}: ${e.message}`).join('; ') || t('error.network'));
      if (r.data) setAnswer(r.data);
    });
    return () => {
      latest = false;
    };
  }, [search]);

  // Changes one parameter; any change of the question starts from the first result.
  function set(name: string, value: string) {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== 'offset') next.delete('offset');
    replaceQuery(next);
  }
  const offset = Number(params.get('offset') || 0);
  const csv = new URLSearchParams(search);
  csv.delete('offset');
  csv.set('format', 'csv');
  const staff = user && (user.role === 'coordinator' || user.role === 'admin');
  // The search box and the results do not wait for the filters' lists: on a
  // slow line the page is usable one round trip sooner.
  const select = (name: string, options: string[], label: (v: string) => string) => (
    <div class="field">
      <label for={`hub-${name}`}>{t(`hub.filter.${name}` as MessageKey)}</label>
      <select id={`hub-${name}`} value={params.get(name) || ''} onChange={(e) => set(name, (e.currentTarget as HTMLSelectElement).value)}>
        <option value="">{t('hub.any')}</option>
        {options.map((o) => <option key={o} value={o}>{label(o)}</option>)}
      </select>
    </div>
  );
  return (
    <div>
      <h1>{t('hub.title')}</h1>
      <p class="lead">{t('hub.intro')}</p>
      <p class="buttons">
        <Link href="/hub/compare">{t('hub.compareLink')}</Link>
        <Link href="/roadmap">{t('nav.roadmap')}</Link>
        {staff && <Link href="/hub/new">{t('hub.addDocument')}</Link>}
      </p>
      <form role="search" onSubmit={(e) => { e.preventDefault(); set('q', words_.trim()); }}>
        <div class="row">
          <div class="field grow">
            <label for="hub-q">{t('hub.words')}</label>
            <input id="hub-q" type="search" value={words_} placeholder={t('hub.wordsHint')} onInput={(e) => setWords((e.currentTarget as HTMLInputElement).value)} />
          </div>
          <div class="field"><button type="submit">{t('hub.search')}</button></div>
        </div>
      </form>
      {lists && <details class="panel" open={filterNames.some((f) => params.get(f))}>
        <summary>{t('hub.filters')}</summary>
        <div class="grid">
          {select('kind', lists.kinds, kindLabel)}
          <div class="field">
            <label for="hub-country">{t('hub.filter.country')}</label>
            <input id="hub-country" maxLength={3} value={params.get('country') || ''} placeholder="GHA" onChange={(e) => set('country', (e.currentTarget as HTMLInputElement).value.toUpperCase())} />
          </div>
          {select('resource', lists.resources, commodityLabel)}
          {select('contract_type', lists.contract_types, contractTypeLabel)}
          {select('document_type', lists.document_types, documentTypeLabel)}
          {select('language', lists.languages, (l) => t(`language.${l}` as MessageKey))}
          <div class="field">
            <label for="hub-year">{t('hub.filter.year')}</label>
            <input id="hub-year" type="number" min={1900} max={2100} value={params.get('year') || ''} onChange={(e) => set('year', (e.currentTarget as HTMLInputElement).value)} />
          </div>
          <div class="field">
            <label for="hub-company">{t('hub.filter.company')}</label>
            <input id="hub-company" value={params.get('company') || ''} onChange={(e) => set('company', (e.currentTarget as HTMLInputElement).value)} />
          </div>
          {select('category', lists.categories.map((c) => c.key), (k) => categoryLabelOf(lists, k))}
        </div>
        {staff && (
          <label class="inline"><input type="checkbox" checked={params.get('view') === 'public'} onChange={(e) => set('view', (e.currentTarget as HTMLInputElement).checked ? 'public' : '')} /> {t('hub.publicView')}</label>
        )}
      </details>}
      {error && <p class="form-error" role="alert">{error}</p>}
      {answer && (
        <div class="hub-results">
          <aside class="facets" aria-label={t('hub.facets')}>
            {Object.entries(answer.facets).filter(([, counts]) => counts.length > 0).map(([facet, counts]) => (
              <section key={facet}>
                <h3>{t(`hub.filter.${facet}` as MessageKey)}</h3>
                <ul>
                  {counts.map((c) => (
                    <li key={c.value}>
                      <button type="button" class="link" aria-pressed={params.get(facet) === c.value} onClick={() => set(facet, params.get(facet) === c.value ? '' : c.value)}>
                        {facetLabel(facet, c.value, lists)}
                      </button>{' '}
                      <span class="muted">({c.count})</span>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </aside>
          <section aria-live="polite">
            <p>
              {t('hub.found', { count: answer.total })}{' '}
              {answer.total > 0 && <a href={`/api/v1/hub/search?${csv}`} download="search.csv">{t('hub.exportCsv')}</a>}
            </p>
            <ol class="hits" start={offset + 1}>
              {answer.items.map((h) => {
                const open = new URLSearchParams();
                if (params.get('q')) open.set('q', params.get('q') || '');
                if (h.page) open.set('page', String(h.page));
                return (
                  <li key={h.id}>
                    <h2 lang={h.language}><Link href={`/hub/documents/${h.id}${open.toString() ? `?${open}` : ''}`}>{h.title}</Link></h2>
                    <p class="muted">
                      {h.sample && <span class="badge badge-sample">{t('hub.sample')}</span>} {kindLabel(h.kind)}
                      {h.country && ` · ${h.country}`}
                      {h.year > 0 && ` · ${h.year}`}
                      {h.resources.length > 0 && ` · ${h.resources.map(commodityLabel).join(', ')}`}
                      {h.status !== 'published' && <> · <span class="badge">{t(`hubStatus.${h.status}` as MessageKey)}</span></>}
                      {h.confidential && <> · <span class="badge badge-breached">{t('hub.confidential')}</span></>}
                    </p>
                    {h.snippet.length > 0 && (
                      <p class="snippet">
                        {h.page > 0 && <span class="page-ref">{t('hub.pageRef', { page: h.page })} </span>}
                        <Snippet parts={h.snippet} />
                      </p>
                    )}
                  </li>
                );
              })}
            </ol>
            <div class="buttons">
              {offset > 0 && <button type="button" class="secondary" onClick={() => set('offset', String(Math.max(0, offset - pageSize)))}>{t('hub.previous')}</button>}
              {offset + pageSize < answer.total && <button type="button" class="secondary" onClick={() => set('offset', String(offset + pageSize))}>{t('hub.next')}</button>}
            </div>
          </section>
        </div>
      )}
    </div>
  );
}
