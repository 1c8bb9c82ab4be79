// Compare clauses: every reviewed annotation of one category across the
// contracts matching the filters, side by side, with xlsx and CSV downloads
// for the analyst who works on them in a spreadsheet.
import { useEffect, useState } from 'preact/hooks';
import { call } from '../../api';
import { Link } from '../../components/link';
import { type Annotation, type HubCodelists, type HubSummary, categoriesBySection, categoryLabel, categoryLabelOf, contractTypeLabel, loadHubCodelists } from '../../hub';
import { t } from '../../i18n';
import { commodityLabel } from '../../codelists';
import { query, replaceQuery } from '../../router';
import { useSignal } from '../../state';

interface Row {
  document: HubSummary;
  annotation: Annotation;
}

export function HubCompare() {
  const search = useSignal(query);
  const params = new URLSearchParams(search);
  const [lists, setLists] = useState<HubCodelists | null>(null);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => void loadHubCodelists().then(setLists), []);
  const category = params.get('category') || '';
  useEffect(() => {
    if (!category) return setRows(null);
    call<{ items: Row[] }>('GET', `/api/v1/hub/compare?${params}`).then((r) => {
      setError(r.data ? '' : r.errors.map((e) => `${e.field}: ${e.message}`).join('; ') || t('error.network'));
      setRows(r.data ? r.data.items : null);
    });
  }, [search]);
  function set(name: string, value: string) {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    replaceQuery(next);
  }
  if (!lists) return <p class="loading">{t('common.loading')}</p>;
  const download = (format: string) => {
    const p = new URLSearchParams(search);
    p.set('format', format);
    return `/api/v1/hub/compare?${p}`;
  };
  const label = category ? categoryLabelOf(lists, category) : '';
  return (
    <div>
      <p class="crumbs"><Link href="/hub">{t('hub.title')}</Link></p>
      <h1>{t('compare.title')}</h1>
      <p class="lead">{t('compare.intro')}</p>
      <div class="grid">
        <div class="field">
          <label for="compare-category">{t('hub.category')}</label>
          <select id="compare-category" value={category} onChange={(e) => set('category', (e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t('hub.choose')}</option>
            {categoriesBySection(lists).map((g) => (
              <optgroup key={g.section} label={g.label}>
                {g.categories.map((c) => <option key={c.key} value={c.key}>{categoryLabel(c)}</option>)}
              </optgroup>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="compare-country">{t('hub.filter.country')}</label>
          <input id="compare-country" maxLength={3} placeholder="GHA" value={params.get('country') || ''} onChange={(e) => set('country', (e.currentTarget as HTMLInputElement).value.toUpperCase())} />
        </div>
        <div class="field">
          <label for="compare-resource">{t('hub.filter.resource')}</label>
          <select id="compare-resource" value={params.get('resource') || ''} onChange={(e) => set('resource', (e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t('hub.any')}</option>
            {lists.resources.map((r) => <option key={r} value={r}>{commodityLabel(r)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="compare-type">{t('hub.filter.contract_type')}</label>
          <select id="compare-type" value={params.get('contract_type') || ''} onChange={(e) => set('contract_type', (e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t('hub.any')}</option>
            {lists.contract_types.map((c) => <option key={c} value={c}>{contractTypeLabel(c)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="compare-year">{t('hub.filter.year')}</label>
          <input id="compare-year" type="number" min={1900} max={2100} value={params.get('year') || ''} onChange={(e) => set('year', (e.currentTarget as HTMLInputElement).value)} />
        </div>
      </div>
      {error && <p class="form-error" role="alert">{error}</p>}
      {!category && <p>{t('compare.choose')}</p>}
      {rows && (
        <section aria-live="polite">
          <p>
            {t('compare.count', { count: rows.length, category: label })}{' '}
            {rows.length > 0 && (
              <>
                <a href={download('xlsx')} download>{t('compare.xlsx')}</a>{' · '}
                <a href={download('csv')} download>{t('compare.csv')}</a>
              </>
            )}
          </p>
          {rows.length > 0 && (
            <table class="compare">
              <thead>
                <tr>
                  <th>{t('compare.document')}</th>
                  <th>{t('hub.filter.country')}</th>
                  <th>{t('hub.filter.year')}</th>
                  <th>{t('hub.article')}</th>
                  <th>{t('compare.clause')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.annotation.id}>
                    <td>
                      <Link href={`/hub/documents/${r.document.id}${r.annotation.pages.length ? `?page=${r.annotation.pages[0]}` : ''}`}>{r.document.title}</Link>
                      {r.document.sample && <> <span class="badge badge-sample">{t('hub.sample')}</span></>}
                    </td>
                    <td>{r.document.country}</td>
                    <td>{r.document.year || ''}</td>
                    <td>{r.annotation.article}{r.annotation.pages.length > 0 && ` (${t('hub.pageRef', { page: r.annotation.pages.join(', ') })})`}</td>
                    <td lang={r.annotation.language}>{r.annotation.summary}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </div>
  );
}
