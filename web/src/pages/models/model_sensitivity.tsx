// Sensitivity on the model page: the tornado (which input moves the chosen
// metric most, each from its low to its high end) and solve-for (the value
// of one term that brings a metric to a target, e.g. the royalty rate for an
// AETR of 60%). Both are computed by the server and kept per model version.
import { useEffect, useState } from 'preact/hooks';
import { call } from '../../api';
import { type KeyTerm, type ModelDetail, keyTerms, millions, percent } from '../../fiscal';
import { t } from '../../i18n';
import type { MessageKey } from '../../messages/en';
import { formatNumber, formatPercent } from '../../numbers';

const metrics = ['government_pv', 'investor_npv', 'aetr', 'government_take', 'investor_irr'] as const;
type Metric = (typeof metrics)[number];
const isShare = (m: string) => m === 'aetr' || m === 'government_take' || m === 'investor_irr';
const show = (m: string, v: unknown) => (typeof v !== 'number' ? '—' : isShare(m) ? percent(v) : millions(v));
const termValue = (k: KeyTerm, v: number) => (k.max <= 1 ? formatPercent(v, 2) : formatNumber(v, 3, false));

interface Bar {
  input: string;
  low: number;
  high: number;
  at_low: number | null;
  at_high: number | null;
  swing: number;
}
interface TornadoResult {
  metric: Metric;
  base: number | null;
  bars: Bar[];
}
interface Solution {
  term: string;
  current_value: number;
  found: boolean;
  value?: number;
  achieved?: number | null;
  range: [number, number];
  target: number;
  lowest?: { value: number; at: number } | null;
  highest?: { value: number; at: number } | null;
}

function MetricPick({ id, value, set }: { id: string; value: Metric; set: (m: Metric) => void }) {
  return (
    <div class="field">
      <label for={id}>{t('models.metric')}</label>
      <select id={id} value={value} onChange={(e) => set((e.currentTarget as HTMLSelectElement).value as Metric)}>
        {metrics.map((m) => <option key={m} value={m}>{t(`metric.${m}` as MessageKey)}</option>)}
      </select>
    </div>
  );
}

// The project multipliers and each key term from half to one and a half times its value.
function inputsOf(terms: KeyTerm[]) {
  const project = [
    { name: 'price', low: 0.7, high: 1.3 },
    { name: 'capex', low: 0.8, high: 1.2 },
    { name: 'opex', low: 0.8, high: 1.2 },
    { name: 'production', low: 0.8, high: 1.2 },
  ];
  const moved = terms.filter((k) => k.value > 0).map((k) => ({ name: k.path, low: k.value * 0.5, high: k.max <= 1 ? Math.min(1, k.value * 1.5) : k.value * 1.5 }));
  return [...project, ...moved].slice(0, 20);
}

// An input of the tornado as people read it: the key term's label or the project multiplier's.
export const inputLabel = (terms: KeyTerm[]) => (input: string) => terms.find((k) => k.path === input)?.label ?? t(`input.${input}` as MessageKey);

export function Sensitivity({ base, model }: { base: string; model: ModelDetail }) {
  const [regime, setRegime] = useState(0);
  const name = model.model.regimes[regime]?.name ?? '';
  const terms = keyTerms(model.model, regime);
  const label = inputLabel(terms);
  return (
    <section class="panel" aria-label={t('models.sensitivity')}>
      <h2>{t('models.sensitivity')}</h2>
      {model.model.regimes.length > 1 && (
        <div class="field">
          <label for="sensitivity-regime">{t('models.termSheet')}</label>
          <select id="sensitivity-regime" value={regime} onChange={(e) => setRegime(Number((e.currentTarget as HTMLSelectElement).value))}>
            {model.model.regimes.map((r, i) => <option key={r.name} value={i}>{r.name}</option>)}
          </select>
        </div>
      )}
      <Tornado base={base} regime={name} terms={terms} label={label} />
      {terms.length > 0 && <SolveFor base={base} regime={name} terms={terms} />}
    </section>
  );
}

// The tornado of one term sheet; `choose` offers the metric (the report shows the state's PV).
export function Tornado({ base, regime, terms, label, choose = true }: { base: string; regime: string; terms: KeyTerm[]; label: (input: string) => string; choose?: boolean }) {
  const [metric, setMetric] = useState<Metric>('government_pv');
  const [answer, setAnswer] = useState<TornadoResult | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    call<{ result: TornadoResult }>('POST', `${base}/tornado`, { metric, regime, inputs: inputsOf(terms) }).then((r) => {
      setError(r.data ? '' : r.errors.map((e) => `${e.field}: ${e.message}`).join('; ') || t('error.network'));
      setAnswer(r.data ? r.data.result : null);
    });
  }, [base, metric, regime]);
  const bars = answer?.bars.filter((b) => b.at_low !== null && b.at_high !== null) ?? [];
  const centre = answer?.base ?? 0;
  const ends = bars.flatMap((b) => [b.at_low as number, b.at_high as number]);
  const min = Math.min(centre, ...ends), max = Math.max(centre, ...ends);
  // Bars drawn on a 0..1000 scale that stretches with the page; the labels are
  // text of the page, so they stay readable on a phone.
  const x = (v: number) => 5 + ((v - min) / (max - min || 1)) * 990;
  const title = t('models.tornadoChart', { metric: t(`metric.${metric}` as MessageKey), base: show(metric, answer?.base) });
  return (
    <div class="tornado">
      <h3>{t('models.tornado')}</h3>
      {choose && <MetricPick id="tornado-metric" value={metric} set={setMetric} />}
      {error && <p class="form-error" role="alert">{error}</p>}
      {answer && (
        <figure class="chart">
          <div class="tornado-bars" role="img" aria-label={title}>
            {bars.map((b) => {
              const lo = b.at_low as number, hi = b.at_high as number;
              const text = `${label(b.input)}: ${show(metric, lo)} → ${show(metric, hi)}`;
              return (
                <div key={b.input} class="tornado-row" title={text}>
                  <span class="tornado-label">{label(b.input)}</span>
                  <svg viewBox="0 0 1000 20" preserveAspectRatio="none" aria-hidden="true">
                    <rect x={Math.min(x(lo), x(centre))} y={3} width={Math.max(0.5, Math.abs(x(lo) - x(centre)))} height={14} fill="#0b5c8a"><title>{`${text} (${t('models.low')})`}</title></rect>
                    <rect x={Math.min(x(hi), x(centre))} y={3} width={Math.max(0.5, Math.abs(x(hi) - x(centre)))} height={14} fill="#c2873a"><title>{`${text} (${t('models.high')})`}</title></rect>
                    <line x1={x(centre)} x2={x(centre)} y1={0} y2={20} stroke="#5b6b7c" vector-effect="non-scaling-stroke" />
                  </svg>
                </div>
              );
            })}
          </div>
          <figcaption>
            {title}: <span class="legend"><svg width="10" height="10" aria-hidden="true"><rect width="10" height="10" fill="#0b5c8a" /></svg> {t('models.low')}</span>
            <span class="legend"><svg width="10" height="10" aria-hidden="true"><rect width="10" height="10" fill="#c2873a" /></svg> {t('models.high')}</span>
          </figcaption>
        </figure>
      )}
    </div>
  );
}

function SolveFor({ base, regime, terms }: { base: string; regime: string; terms: KeyTerm[] }) {
  const [path, setPath] = useState(terms[0].path);
  const term = terms.find((k) => k.path === path) ?? terms[0];
  const rate = term.max <= 1;
  const [metric, setMetric] = useState<Metric>('aetr');
  const [target, setTarget] = useState('');
  const [lo, setLo] = useState('0');
  const [hi, setHi] = useState('');
  const [answer, setAnswer] = useState<Solution | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  async function solve(e: Event) {
    e.preventDefault();
    // Rates are typed in percent, money in millions; the API takes the file's units.
    const scale = rate ? 0.01 : 1;
    const goal = isShare(metric) ? Number(target) / 100 : Number(target) * 1e6;
    const body = { term: term.path, metric, regime, target: target.trim() === '' ? null : goal, lo: Number(lo) * scale, hi: hi.trim() === '' ? term.max : Number(hi) * scale };
    const r = await call<{ result: Solution }>('POST', `${base}/solve`, body);
    setErrors(Object.fromEntries(r.errors.map((x) => [x.field, x.message])));
    setAnswer(r.data ? r.data.result : null);
    if (!r.data && r.errors.length === 0) setErrors({ '': t('error.network') });
  }
  const message = (field: string) => errors[field] && <span class="field-error" id={`solve-${field}-error`}>{errors[field]}</span>;
  return (
    <form class="solve" onSubmit={solve}>
      <h3>{t('models.solve')}</h3>
      <div class="row">
        <div class="field">
          <label for="solve-term">{t('models.solveTerm')}</label>
          <select id="solve-term" value={path} onChange={(e) => setPath((e.currentTarget as HTMLSelectElement).value)}>
            {terms.map((k) => <option key={k.path} value={k.path}>{k.label}</option>)}
          </select>
          {message('term')}
        </div>
        <MetricPick id="solve-metric" value={metric} set={setMetric} />
        <div class="field">
          <label for="solve-target">{t('models.solveTarget', { unit: isShare(metric) ? '%' : t('chart.millions') })}</label>
          <input id="solve-target" inputMode="decimal" value={target} aria-invalid={!!errors.target} onInput={(e) => setTarget((e.currentTarget as HTMLInputElement).value)} />
          {message('target')}
        </div>
        <div class="field">
          <label for="solve-lo">{t('models.solveFrom', { unit: rate ? '%' : '' })}</label>
          <input id="solve-lo" inputMode="decimal" value={lo} onInput={(e) => setLo((e.currentTarget as HTMLInputElement).value)} />
          {message('lo')}
        </div>
        <div class="field">
          <label for="solve-hi">{t('models.solveTo', { unit: rate ? '%' : '' })}</label>
          <input id="solve-hi" inputMode="decimal" value={hi} placeholder={rate ? String(term.max * 100) : String(term.max)} aria-invalid={!!errors.hi} onInput={(e) => setHi((e.currentTarget as HTMLInputElement).value)} />
          {message('hi')}
        </div>
      </div>
      <button type="submit">{t('models.solveRun')}</button>
      {errors[''] && <p class="form-error" role="alert">{errors['']}</p>}
      {answer && (
        <p class={answer.found ? 'notice' : 'attention'} role="status">
          {answer.found
            ? t('models.solved', { term: term.label, value: termValue(term, answer.value ?? 0), metric: t(`metric.${metric}` as MessageKey), achieved: show(metric, answer.achieved), current: termValue(term, answer.current_value) })
            : answer.lowest && answer.highest
              ? t('models.unsolvedRange', {
                  term: term.label, lo: termValue(term, answer.range[0]), hi: termValue(term, answer.range[1]),
                  metric: t(`metric.${metric}` as MessageKey), target: show(metric, answer.target),
                  lowest: show(metric, answer.lowest.value), lowestAt: termValue(term, answer.lowest.at),
                  highest: show(metric, answer.highest.value), highestAt: termValue(term, answer.highest.at),
                })
              : t('models.unsolvedUndefined', { term: term.label, lo: termValue(term, answer.range[0]), hi: termValue(term, answer.range[1]), metric: t(`metric.${metric}` as MessageKey) })}
        </p>
      )}
    </form>
  );
}
