// The report of a fiscal model, laid out for print and for a minister's
// reading: what each term sheet gives the state and the investor, what the
// last term sheet adds against the first, the cash flows by year, how the
// state's share moves with the price, which input matters most, and the
// terms themselves. Everything is computed by the server for this version.
import { useEffect, useState } from 'preact/hooks';
import { call } from '../../api';
import { Link } from '../../components/link';
import { CashFlows, ComparisonView, ProjectsTable, SummaryTable, TaxExpenditureTable, rateOf } from '../../components/model/results';
import { type ComparisonResult, type ModelDetail, type RunResult, keyTerms } from '../../fiscal';
import { t } from '../../i18n';
import { Progressivity } from './model_analyses';
import { Tornado, inputLabel } from './model_sensitivity';
import { formatNumber, formatPercent } from '../../numbers';

export function ModelReport({ id }: { id: string }) {
  const [model, setModel] = useState<ModelDetail | null | undefined>(undefined);
  const [run, setRun] = useState<RunResult | null>(null);
  const [comparison, setComparison] = useState<ComparisonResult | null>(null);
  const [error, setError] = useState('');
  const base = `/api/v1/fiscal/models/${id}`;
  useEffect(() => {
    call<ModelDetail>('GET', base).then((r) => {
      setModel(r.data);
      const names = r.data?.model.regimes.map((x) => x.name) ?? [];
      if (names.length > 1) {
        call<{ result: ComparisonResult }>('POST', `${base}/compare`, { from: names[0], to: names[names.length - 1] }).then((c) => c.data && setComparison(c.data.result));
      }
    });
    call<{ result: RunResult }>('POST', `${base}/run`, {}).then((r) => {
      if (r.data) setRun(r.data.result);
      else setError(r.errors.map((e) => `${e.field}: ${e.message}`).join('; ') || t('error.network'));
    });
  }, [id]);
  if (model === undefined) return <p class="loading">{t('common.loading')}</p>;
  if (model === null) return <div><h1>{t('notFound.title')}</h1><p>{t('notFound.body')}</p></div>;
  const first = model.model.regimes[0];
  const terms = keyTerms(model.model, 0);
  return (
    <article class="report">
      <p class="crumbs no-print"><Link href={`/models/${id}`}>{model.name}</Link></p>
      <h1>{t('report.title', { name: model.name })}</h1>
      <p class="muted">
        {t('report.version', { version: model.shown_version, date: new Date().toISOString().slice(0, 10) })}
        {model.request_id ? ` · ${t('models.confidential')}` : ''}
      </p>
      <p class="buttons no-print"><button type="button" onClick={() => window.print()}>{t('models.print')}</button></p>
      {error && <p class="form-error" role="alert">{error}</p>}
      {run && (
        <>
          <p>{t('report.conventions', { currency: run.conventions.currency, rate: rateOf(run), year: String(run.conventions.valuation_year) })}</p>
          <section aria-label={t('report.gives')}>
            <h2>{t('report.gives')}</h2>
            <SummaryTable run={run} model={model} />
            <ProjectsTable run={run} />
            {run.regimes.map((r) => <TaxExpenditureTable key={r.regime} result={r} currency={run.conventions.currency} rate={rateOf(run)} />)}
          </section>
          {comparison && (
            <section aria-label={t('report.adds')}>
              <h2>{t('report.adds')}</h2>
              <p>{t('report.addsIntro', { to: comparison.to, from: comparison.from })}</p>
              <ComparisonView answer={comparison} currency={run.conventions.currency} rate={rateOf(run)} />
            </section>
          )}
          <section aria-label={t('report.cashFlows')}>
            <h2>{t('report.cashFlows')}</h2>
            {run.regimes.map((r) => <CashFlows key={r.regime} result={r} />)}
          </section>
          <Progressivity base={base} verdicts={Object.fromEntries(run.regimes.map((r) => [r.regime, String((r.metrics.progressivity as { verdict?: string } | undefined)?.verdict ?? 'undetermined')]))} />
          <section aria-label={t('report.sensitivity')}>
            <h2>{t('report.sensitivity')}</h2>
            <Tornado base={base} regime={first.name} terms={terms} label={inputLabel(terms)} choose={false} />
          </section>
          <section aria-label={t('report.terms')}>
            <h2>{t('report.terms')}</h2>
            <table class="summary">
              <thead><tr><th>{t('models.termSheet')}</th>{model.model.regimes.map((r) => <th key={r.name}>{r.name}</th>)}</tr></thead>
              <tbody>
                {terms.map((k) => (
                  <tr key={k.path}>
                    <th>{k.label}</th>
                    {model.model.regimes.map((_, i) => {
                      const v = keyTerms(model.model, i).find((x) => x.label === k.label)?.value;
                      return <td key={i}>{v === undefined ? '—' : k.max <= 1 ? formatPercent(v, 2) : formatNumber(v, 3, false)}</td>;
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <p class="muted">{t('report.footer')}</p>
        </>
      )}
    </article>
  );
}
