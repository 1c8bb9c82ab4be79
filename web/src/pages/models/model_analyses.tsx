// The model page's longer analyses: two term sheets compared (what the
// second adds for the state, recorded on the engagement as its estimated
// value added), and a Monte Carlo run over the model's uncertainty, followed
// while it runs and cancellable.
import { useEffect, useState } from 'preact/hooks';
import { call, currentUser } from '../../api';
import { BarChart } from '../../components/bar_chart';
import { NumberInput } from '../../components/field';
import { type Band, FanChart } from '../../components/fan_chart';
import { ComparisonView } from '../../components/model/results';
import { type ComparisonResult, type ModelDetail, millions, percent } from '../../fiscal';
import { t } from '../../i18n';
import type { MessageKey } from '../../messages/en';
import { useSignal } from '../../state';
import { formatNumber } from '../../numbers';

export function CompareTerms({ base, model, currency, rate }: { base: string; model: ModelDetail; currency: string; rate: string }) {
  const user = useSignal(currentUser);
  const names = model.model.regimes.map((r) => r.name);
  const [from, setFrom] = useState(names[0]);
  const [to, setTo] = useState(names[1]);
  const [answer, setAnswer] = useState<ComparisonResult | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    setNotice('');
    call<{ result: ComparisonResult }>('POST', `${base}/compare`, { from, to }).then((r) => {
      setError(r.data ? '' : r.errors.map((e) => e.message).join('; ') || t('error.network'));
      setAnswer(r.data ? r.data.result : null);
    });
  }, [from, to]);
  async function record() {
    const r = await call('POST', `${base}/value-added`, { from, to });
    setError(r.status === 201 ? '' : r.errors.map((e) => e.message).join('; ') || t('error.network'));
    if (r.status === 201) setNotice(t('models.recorded'));
  }
  const pick = (id: string, label: string, value: string, set: (v: string) => void) => (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => set((e.currentTarget as HTMLSelectElement).value)}>
        {names.map((n) => <option key={n} value={n}>{n}</option>)}
      </select>
    </div>
  );
  const adviser = user && user.role !== 'government' && model.request_id;
  return (
    <section class="panel" aria-label={t('models.compare')}>
      <h2>{t('models.compare')}</h2>
      <div class="row">
        {pick('compare-from', t('models.from'), from, setFrom)}
        {pick('compare-to', t('models.to'), to, setTo)}
      </div>
      {error && <p class="form-error" role="alert">{error}</p>}
      {answer && (
        <>
          <ComparisonView answer={answer} currency={currency} rate={rate} />
          {adviser && <button type="button" class="secondary" onClick={record}>{t('models.recordValue')}</button>}
          {notice && <p class="notice" role="status">{notice}</p>}
        </>
      )}
    </section>
  );
}

interface Outcome {
  count: number;
  p5?: number;
  p50?: number;
  p95?: number;
  histogram?: { from: number; to: number; counts: number[] };
}
interface JobView {
  job: string;
  status: string;
  done: number;
  total: number;
  result: null | {
    scenarios: number;
    partial: boolean;
    outcomes: Record<string, Outcome>;
    probability_investor_npv_negative: { value: number };
    mean_cash_flow: { year: number; government_receipts_percentiles?: Band }[];
  };
}

export function MonteCarlo({ base, currency, rate }: { base: string; currency: string; rate: string }) {
  const [scenarios, setScenarios] = useState(10000);
  const [job, setJob] = useState<JobView | null>(null);
  const [error, setError] = useState('');
  // Progress arrives as server-sent events; the browser reconnects when the
  // server closes a connection, until the "done" event.
  const running = job?.status === 'running' ? job.job : '';
  useEffect(() => {
    if (!running) return;
    const events = new EventSource(`/api/v1/fiscal/jobs/${running}/events`);
    events.addEventListener('progress', (e) => {
      const p = JSON.parse((e as MessageEvent).data) as JobView;
      setJob((j) => (j && j.job === p.job ? { ...j, done: p.done, total: p.total } : j));
    });
    events.addEventListener('done', (e) => {
      events.close();
      setJob(JSON.parse((e as MessageEvent).data) as JobView);
    });
    events.onerror = () => {
      // Closed for good (the job is gone, the session ended): ask once.
      if (events.readyState === EventSource.CLOSED) call<JobView>('GET', `/api/v1/fiscal/jobs/${running}`).then((r) => r.data && setJob(r.data));
    };
    return () => events.close();
  }, [running]);
  async function start() {
    setJob(null);
    const r = await call<JobView>('POST', `${base}/montecarlo`, { scenarios });
    setError(r.data ? '' : r.errors.map((e) => e.message).join('; ') || t('error.network'));
    if (r.data) setJob({ ...r.data, done: 0, total: scenarios, result: null });
  }
  async function cancel() {
    if (job) await call('DELETE', `/api/v1/fiscal/jobs/${job.job}`);
  }
  const result = job?.result;
  const pv = result?.outcomes.government_pv;
  const npv = result?.outcomes.investor_npv;
  const bins = pv?.histogram;
  const fan = (result?.mean_cash_flow ?? []).flatMap((y) => (y.government_receipts_percentiles ? [y.government_receipts_percentiles] : []));
  return (
    <section class="panel" aria-label={t('models.risk')}>
      <h2>{t('models.risk')}</h2>
      <div class="row">
        <div class="field">
          <label for="mc-scenarios">{t('models.scenarios')}</label>
          <NumberInput id="mc-scenarios" min={1} max={1000000} value={scenarios} onInput={setScenarios} />
        </div>
        <div class="buttons">
          <button type="button" disabled={job?.status === 'running'} onClick={start}>{t('models.runRisk')}</button>
          {job?.status === 'running' && <button type="button" class="secondary" onClick={cancel}>{t('models.cancel')}</button>}
        </div>
      </div>
      {error && <p class="form-error" role="alert">{error}</p>}
      {job?.status === 'interrupted' && !result && <p class="attention">{t('models.interrupted')}</p>}
      {job?.status === 'running' && (
        <p role="status"><progress value={job.done} max={job.total || scenarios} /> {t('models.progress', { done: formatNumber(job.done), total: formatNumber(job.total || scenarios) })}</p>
      )}
      {result && pv && npv && (
        <>
          {result.partial && (
            <p class="attention">
              {t(job?.status === 'interrupted' ? 'models.interruptedPartial' : 'models.partial', { count: result.scenarios })}
            </p>
          )}
          <table class="summary">
            <thead><tr><th /><th>P5</th><th>P50</th><th>P95</th></tr></thead>
            <tbody>
              <tr><th>{t('models.statePv', { rate, currency })}</th><td>{millions(pv.p5 ?? 0)}</td><td>{millions(pv.p50 ?? 0)}</td><td>{millions(pv.p95 ?? 0)}</td></tr>
              <tr><th>{t('models.investorNpv', { rate, currency })}</th><td>{millions(npv.p5 ?? 0)}</td><td>{millions(npv.p50 ?? 0)}</td><td>{millions(npv.p95 ?? 0)}</td></tr>
            </tbody>
          </table>
          <p>{t('models.lossChance', { p: percent(result.probability_investor_npv_negative.value) })}</p>
          {bins && (
            <BarChart title={t('models.histogram')} unit={t('models.scenariosUnit')} divisor={1}
              years={bins.counts.map((_, i) => formatNumber((bins.from + ((bins.to - bins.from) * (i + 0.5)) / bins.counts.length) / 1e6, 0))}
              series={[{ label: t('models.state'), values: bins.counts, colour: '#0b5c8a' }]} />
          )}
          {fan.length > 0 && <FanChart title={t('models.fan')} years={result.mean_cash_flow.map((y) => y.year)} bands={fan} />}
        </>
      )}
    </section>
  );
}

interface SweepResult {
  regimes: { regime: string; points: { price_factor: number; aetr: number | null; government_take: number | null; pv_government_receipts: number; investor_npv: number }[] }[];
}

// The state's share (average effective tax rate, or government take) at
// prices from half to twice the model's: terms are progressive when it rises
// with the price.
export function Progressivity({ base, verdicts }: { base: string; verdicts: Record<string, string> }) {
  const [sweep, setSweep] = useState<SweepResult | null>(null);
  const [share, setShare] = useState<'aetr' | 'government_take'>('aetr');
  useEffect(() => {
    call<{ result: SweepResult }>('POST', `${base}/sweep`, {}).then((r) => r.data && setSweep(r.data.result));
  }, [base]);
  if (!sweep || sweep.regimes.length === 0) return null;
  const colours = ['#0b5c8a', '#c2873a', '#1f6b36', '#7a3fa0'];
  const first = sweep.regimes[0];
  // Where the investor's NPV crosses zero between two prices of the sweep.
  const crossing = first.points.findIndex((p, i) => i > 0 && first.points[i - 1].investor_npv < 0 && p.investor_npv >= 0);
  const breakevens = crossing > 0 ? t('models.breakevenBetween', { from: percent(first.points[crossing - 1].price_factor), to: percent(first.points[crossing].price_factor) }) : '';
  return (
    <section class="panel" aria-label={t('models.progressivity')}>
      <h2>{t('models.progressivity')}</h2>
      <p>{sweep.regimes.map((r) => t('models.verdict', { regime: r.regime, verdict: t(`verdict.${verdicts[r.regime] || 'undetermined'}` as MessageKey) })).join(' ')}</p>
      <form class="no-print" onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="progressivity-share">{t('models.shareShown')}</label>
          <select id="progressivity-share" value={share} onChange={(e) => setShare((e.currentTarget as HTMLSelectElement).value as 'aetr' | 'government_take')}>
            <option value="aetr">{t('metric.aetr')}</option>
            <option value="government_take">{t('metric.government_take')}</option>
          </select>
        </div>
      </form>
      <BarChart title={t(share === 'aetr' ? 'models.aetrByPrice' : 'models.takeByPrice')} unit="%" divisor={0.01}
        years={sweep.regimes[0].points.map((p) => `${Math.round(p.price_factor * 100)}%`)}
        series={sweep.regimes.map((r, i) => ({ label: r.regime, values: r.points.map((p) => p[share] ?? NaN), colour: colours[i % colours.length] }))} />
      <BarChart title={t('models.npvByPrice', { regime: first.regime })}
        years={first.points.map((p) => `${Math.round(p.price_factor * 100)}%`)}
        series={[{ label: t('models.state'), values: first.points.map((p) => p.pv_government_receipts), colour: '#0b5c8a' }, { label: t('models.investor'), values: first.points.map((p) => p.investor_npv), colour: '#c2873a' }]} />
      <p>{breakevens}</p>
    </section>
  );
}
