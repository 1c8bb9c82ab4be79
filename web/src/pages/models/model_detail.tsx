// One fiscal model: what each term sheet gives the state and the investor
// (summary and cash flows by year), and the what-if panel: move a key term
// and see at once what it adds to the state against the stored terms.
import { useEffect, useRef, useState } from 'preact/hooks';
import { call } from '../../api';
import { BarChart } from '../../components/bar_chart';
import { Link } from '../../components/link';
import { CashFlows, LedgerTable, ProjectsTable, SummaryTable, TaxExpenditureTable } from '../../components/model/results';
import { CompareTerms, MonteCarlo, Progressivity } from './model_analyses';
import { Benchmark } from './model_benchmark';
import { Sensitivity } from './model_sensitivity';
import { type ComparisonResult, type KeyTerm, type ModelDetail, type RunResult, keyTerms, millions } from '../../fiscal';
import { t } from '../../i18n';
import { NumberText } from '../../components/model/editor_fields';
import { parseNumber } from '../../model_form';
import { formatNumber, formatPercent } from '../../numbers';

export function ModelDetailPage({ id }: { id: string }) {
  const [model, setModel] = useState<ModelDetail | null | undefined>(undefined);
  const [run, setRun] = useState<RunResult | null>(null);
  const [error, setError] = useState('');
  const base = `/api/v1/fiscal/models/${id}`;
  useEffect(() => {
    call<ModelDetail>('GET', base).then((r) => setModel(r.data));
    call<{ result: RunResult }>('POST', `${base}/run`, {}).then((r) => {
      if (r.data) setRun(r.data.result);
      else setError(r.errors.map((e) => `${e.field}: ${e.message}`).join('; ') || t('error.network'));
    });
  }, [id]);
  if (model === undefined) return <p class="loading">{t('common.loading')}</p>;
  if (model === null) {
    return (
      <div>
        <h1>{t('notFound.title')}</h1>
        <p>{t('notFound.body')}</p>
      </div>
    );
  }
  const currency = run?.conventions.currency || model.model.currency || '';
  const rate = run ? formatPercent(run.conventions.discount_rate, 0) : '';
  return (
    <div>
      <p class="crumbs"><Link href="/models">{t('models.title')}</Link></p>
      <h1>{model.name}</h1>
      <p class="muted">{t('models.versionOf', { version: model.version })}{model.request_id ? ` · ${t('models.confidential')}` : ''}</p>
      <p class="buttons">
        <Link href={`/models/${id}/edit`}>{t('editor.change')}</Link>
        <Link href={`/models/${id}/report`}>{t('report.open')}</Link>
        <a href={`${base}/export?format=xlsx`} download>{t('models.exportXlsx')}</a>
        <a href={`${base}/export?format=csv`} download>{t('models.exportCsv')}</a>
        <button type="button" class="link" onClick={() => window.print()}>{t('models.print')}</button>
      </p>
      {error && <p class="form-error" role="alert">{error}</p>}
      {run && (
        <>
          <SummaryTable run={run} model={model} />
          <ProjectsTable run={run} />
          {run.regimes.slice(0, 1).map((r) => <CashFlows key={r.regime} result={r} />)}
          {run.regimes.map((r) => <TaxExpenditureTable key={r.regime} result={r} currency={currency} rate={rate} />)}
          {run.regimes.map((r, i) => <LedgerTable key={r.regime} result={r} index={i} />)}
          <Progressivity base={base} verdicts={Object.fromEntries(run.regimes.map((r) => [r.regime, String((r.metrics.progressivity as { verdict?: string } | undefined)?.verdict ?? 'undetermined')]))} />
          <WhatIf base={base} model={model} currency={currency} rate={rate} />
          <Sensitivity base={base} model={model} />
          {model.model.regimes.length > 1 && <CompareTerms base={base} model={model} currency={currency} rate={rate} />}
          <Benchmark base={base} model={model} />
          {model.model.uncertainty !== undefined && <MonteCarlo base={base} currency={currency} rate={rate} />}
        </>
      )}
    </div>
  );
}

// The term typed exactly (a rate in percent): a value the slider's steps miss.
// Text that is not a number is left as typed and not sent.
function ExactInput({ term, value, set }: { term: KeyTerm; value: number; set: (v: number) => void }) {
  const rate = term.max <= 1;
  const [text, setText] = useState<string | null>(null);
  return (
    <NumberText class="short" aria-label={t('models.exact', { term: term.label, unit: rate ? '%' : '' }).trim()} value={value} percent={rate} draft={text ?? undefined}
      aria-invalid={text !== null ? 'true' : undefined}
      onText={(typed) => {
        const n = parseNumber(typed, rate);
        setText(n === null ? typed : null);
        if (n !== null) set(n);
      }} />
  );
}

function WhatIf({ base, model, currency, rate }: { base: string; model: ModelDetail; currency: string; rate: string }) {
  const [regime, setRegime] = useState(0);
  const terms = keyTerms(model.model, regime);
  const [values, setValues] = useState<Record<string, number>>({});
  const [answer, setAnswer] = useState<ComparisonResult | null>(null);
  const [error, setError] = useState('');
  const asked = useRef(0);
  const changes = terms.filter((k) => values[k.path] !== undefined && values[k.path] !== k.value).map((k) => ({ path: k.path, value: values[k.path] }));
  useEffect(() => {
    if (changes.length === 0) return setAnswer(null);
    // Only the latest answer is shown, however the replies arrive.
    const mine = ++asked.current;
    const timer = setTimeout(() => {
      call<{ result: ComparisonResult }>('POST', `${base}/whatif`, { regime: model.model.regimes[regime].name, changes }).then((r) => {
        if (mine !== asked.current) return;
        setError(r.data ? '' : r.errors.map((e) => e.message).join('; ') || t('error.network'));
        setAnswer(r.data ? r.data.result : null);
      });
    }, 120);
    return () => clearTimeout(timer);
  }, [JSON.stringify(changes), regime]);
  if (terms.length === 0) return null;
  const delta = answer?.delta;
  return (
    <section class="panel whatif" aria-label={t('models.whatIf')}>
      <h2>{t('models.whatIf')}</h2>
      {model.model.regimes.length > 1 && (
        <div class="field">
          <label for="whatif-regime">{t('models.termSheet')}</label>
          <select id="whatif-regime" value={regime} onChange={(e) => { setRegime(Number((e.currentTarget as HTMLSelectElement).value)); setValues({}); }}>
            {model.model.regimes.map((r, i) => <option key={r.name} value={i}>{r.name}</option>)}
          </select>
        </div>
      )}
      <div class="grid">
        {terms.map((k: KeyTerm) => {
          const v = values[k.path] ?? k.value;
          const shown = k.max <= 1 ? formatPercent(v, 2) : formatNumber(v, 3, false);
          return (
            <div class="field" key={k.path}>
              <label for={`term-${k.path}`}>{k.label}: <output>{shown}</output></label>
              <input id={`term-${k.path}`} type="range" min={0} max={k.max} step={k.max <= 1 ? 0.0025 : k.max / 200} value={v}
                onInput={(e) => setValues({ ...values, [k.path]: Number((e.currentTarget as HTMLInputElement).value) })} />
              <ExactInput term={k} value={v} set={(n) => setValues({ ...values, [k.path]: n })} />
              <span class="muted">{t('models.stored')} {k.max <= 1 ? formatPercent(k.value, 2) : formatNumber(k.value, 3, false)}</span>
            </div>
          );
        })}
      </div>
      {error && <p class="form-error" role="alert">{error}</p>}
      {delta && answer && (
        <>
          <p class={`delta-card ${(delta.government_receipts ?? 0) >= 0 ? 'up' : 'down'}`} role="status">
            {t('models.delta', {
              total: millions(delta.government_receipts ?? 0, true, currency),
              rate,
              pv: millions(delta.pv_government_receipts ?? 0, true, currency),
            })}
          </p>
          <BarChart title={t('models.deltaChart')} years={answer.per_year.year}
            series={[{ label: t('models.state'), values: answer.per_year.government_receipts, colour: '#1f6b36' }, { label: t('models.investor'), values: answer.per_year.investor_cash_flow, colour: '#a32020' }]} />
        </>
      )}
      {!delta && <p class="muted">{t('models.moveATerm')}</p>}
    </section>
  );
}
