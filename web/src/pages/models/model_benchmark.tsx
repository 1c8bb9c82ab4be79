// "Compare with published contracts": the model's project under its draft
// terms and under every reviewed term sheet of a published contract that the
// filters admit — where the draft ranks on each metric, what the median and
// upper-quartile contracts would add to the state, the draft's average
// effective tax rate against profitability over the contracts' middle half,
// and each contract's terms one click away. The last run is kept with the
// model, so an engagement's model keeps what its team saw.
import { useEffect, useState } from 'preact/hooks';
import { call } from '../../api';
import { commodityLabel, lists } from '../../codelists';
import { Link } from '../../components/link';
import { type ModelDetail, millions } from '../../fiscal';
import { type HubCodelists, contractTypeLabel, loadHubCodelists } from '../../hub';
import { t, tOr } from '../../i18n';
import type { MessageKey } from '../../messages/en';
import { formatInstant, formatNumber, formatPercent } from '../../numbers';
import { type BenchmarkMetric, type BenchmarkResult, type KeptBenchmark, benchmarkMetrics, metricValue, reasonText } from '../../terms';

// The regions of data/country-regions.json, as the impact report names them.
const regions = ['africa', 'asia_pacific', 'europe_central_asia', 'latin_america_caribbean', 'middle_east_north_africa', 'north_america'];
const regionLabel = (r: string) => tOr(`region.${r}`, tOr(`impact.region.${r}`, ''));
const money = new Set<BenchmarkMetric>(['pv_government_receipts', 'government_receipts', 'investor_npv']);

function show(metric: BenchmarkMetric, v: number | null, currency: string): string {
  if (v === null) return '—';
  if (money.has(metric)) return millions(v, false, currency);
  if (metric === 'breakeven_post_tax') return formatPercent(v, 0);
  return formatPercent(v, 1);
}

interface Filters {
  regime: string;
  resource: string;
  country: string;
  region: string;
  contract_type: string;
  from_year: string;
  to_year: string;
}
const none: Filters = { regime: '', resource: '', country: '', region: '', contract_type: '', from_year: '', to_year: '' };

// The filters as the API takes them: only those chosen, years as numbers.
function asked(f: Filters): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === '') continue;
    out[k] = k.endsWith('_year') && /^\d+$/.test(v) ? Number(v) : k === 'country' ? v.toUpperCase() : v;
  }
  return out;
}

export function Benchmark({ base, model }: { base: string; model: ModelDetail }) {
  const [filters, setFilters] = useState<Filters>({ ...none, regime: model.model.regimes[0]?.name ?? '' });
  const [kept, setKept] = useState<KeptBenchmark | null>(null);
  const [hub, setHub] = useState<HubCodelists | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [running, setRunning] = useState(false);
  // The user's own pick of contracts, ticked in the last result; empty: the filters decide.
  const [picked, setPicked] = useState<string[]>([]);
  useEffect(() => {
    let latest = true;
    call<KeptBenchmark>('GET', `${base}/benchmark`).then((r) => latest && r.data && setKept(r.data));
    loadHubCodelists().then((h) => latest && setHub(h));
    return () => { latest = false; };
  }, [base]);
  async function run(e: Event, documents: string[] = []) {
    e.preventDefault();
    setRunning(true);
    const r = await call<KeptBenchmark>('POST', `${base}/benchmark`, { ...asked(filters), ...(documents.length ? { documents } : {}) });
    setRunning(false);
    if (r.data) {
      setErrors({});
      setPicked([]);
      return setKept(r.data);
    }
    const byField: Record<string, string> = {};
    for (const x of r.errors) byField[x.field || ''] ??= x.message;
    setErrors(r.status === 0 ? { '': t('error.network') } : byField);
  }
  const set = (k: keyof Filters) => (e: Event) => setFilters({ ...filters, [k]: (e.currentTarget as HTMLInputElement | HTMLSelectElement).value });
  const error = (k: string) => errors[k] && <span class="field-error">{errors[k]}</span>;
  // The workbook of the result shown: its own filters, or its own pick.
  const shownFilters = (kept?.filters ?? {}) as Record<string, unknown>;
  const query = new URLSearchParams(Object.entries(shownFilters).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)])).toString();
  return (
    <section class="panel benchmark" aria-label={t('benchmark.title')}>
      <h2>{t('benchmark.title')}</h2>
      <p class="muted">{t('benchmark.intro')}</p>
      <form class="row wrap" onSubmit={run} noValidate>
        {model.model.regimes.length > 1 && (
          <div class="field">
            <label for="bm-regime">{t('benchmark.draft')}</label>
            <select id="bm-regime" value={filters.regime} onChange={set('regime')}>
              {model.model.regimes.map((r) => <option key={r.name} value={r.name}>{r.name}</option>)}
            </select>
          </div>
        )}
        <div class="field">
          <label for="bm-resource">{t('hub.filter.resource')}</label>
          <select id="bm-resource" value={filters.resource} onChange={set('resource')}>
            <option value="">{t('benchmark.any')}</option>
            {(lists.value?.commodities ?? []).map((c) => <option key={c} value={c}>{commodityLabel(c)}</option>)}
          </select>
          {error('resource')}
        </div>
        <div class="field">
          <label for="bm-region">{t('impact.region')}</label>
          <select id="bm-region" value={filters.region} onChange={set('region')}>
            <option value="">{t('benchmark.any')}</option>
            {regions.map((r) => <option key={r} value={r}>{regionLabel(r)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="bm-country">{t('hub.filter.country')}</label>
          <input id="bm-country" size={4} maxLength={3} value={filters.country} onInput={set('country')} aria-invalid={errors.country ? 'true' : undefined} />
          {error('country')}
        </div>
        <div class="field">
          <label for="bm-type">{t('hub.filter.contract_type')}</label>
          <select id="bm-type" value={filters.contract_type} onChange={set('contract_type')}>
            <option value="">{t('benchmark.any')}</option>
            {(hub?.contract_types ?? []).map((c) => <option key={c} value={c}>{contractTypeLabel(c)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="bm-from">{t('benchmark.fromYear')}</label>
          <input id="bm-from" inputMode="numeric" size={5} value={filters.from_year} onInput={set('from_year')} aria-invalid={errors.from_year ? 'true' : undefined} />
          {error('from_year')}
        </div>
        <div class="field">
          <label for="bm-to">{t('benchmark.toYear')}</label>
          <input id="bm-to" inputMode="numeric" size={5} value={filters.to_year} onInput={set('to_year')} aria-invalid={errors.to_year ? 'true' : undefined} />
          {error('to_year')}
        </div>
        <button type="submit" disabled={running}>{running ? t('benchmark.running') : t('benchmark.run')}</button>
      </form>
      {errors[''] && <p class="form-error" role="alert">{errors['']}</p>}
      {kept && (
        <BenchmarkView kept={kept} exportHref={`${base}/benchmark/export?${query}${query ? '&' : ''}regime=${encodeURIComponent(kept.regime)}`}
          picked={picked} setPicked={setPicked} comparePicked={(e) => run(e, picked)} running={running} />
      )}
    </section>
  );
}

function BenchmarkView({ kept, exportHref, picked, setPicked, comparePicked, running }: {
  kept: KeptBenchmark; exportHref: string; picked: string[]; setPicked: (ids: string[]) => void; comparePicked: (e: Event) => void; running: boolean;
}) {
  const r = kept.result;
  const currency = r.conventions.currency;
  const rate = formatPercent(r.conventions.discount_rate, 0);
  const evaluated = r.comparators.filter((c) => c.evaluated);
  const skipped = r.comparators.filter((c) => !c.evaluated);
  return (
    <div class="benchmark-result">
      <p class="muted" role="status">
        {t('benchmark.ran', { when: formatInstant(kept.run_at), draft: kept.regime, count: r.comparators.length, evaluated: evaluated.length })}{' '}
        <a href={exportHref} download>{t('benchmark.download')}</a>
      </p>
      {Array.isArray(kept.filters.documents) && <p class="muted">{t('benchmark.ownPick')}</p>}
      {evaluated.length === 0 && <p>{t('benchmark.noneEvaluated')}</p>}
      {evaluated.length > 0 && evaluated.length < 4 && <p class="attention">{t('benchmark.few', { count: evaluated.length })}</p>}
      <Additions r={r} currency={currency} rate={rate} />
      <div class="table-scroll">
        <table class="benchmark-standing">
          <caption>{t('benchmark.standing')}</caption>
          <thead>
            <tr><th scope="col">{t('benchmark.metric')}</th><th scope="col">{t('benchmark.draftValue')}</th><th scope="col">{t('benchmark.rank')}</th><th scope="col">{t('benchmark.percentile')}</th><th scope="col">{t('benchmark.middleHalf')}</th></tr>
          </thead>
          <tbody>
            {benchmarkMetrics.map((m) => {
              const st = r.draft.standing[m];
              const values = evaluated.map((c) => metricValue(c.metrics, m)).filter((v): v is number => v !== null).sort((a, b) => a - b);
              return (
                <tr key={m}>
                  <th scope="row">{t(`benchmark.metric.${m}` as MessageKey)}</th>
                  <td class="num">{show(m, metricValue(r.draft.metrics, m), currency)}</td>
                  <td class="num">{st.rank ? t('benchmark.rankOf', { rank: st.rank, of: st.of }) : '—'}</td>
                  <td class="num">{st.percentile === null ? '—' : formatNumber(st.percentile, 0)}</td>
                  <td class="num">{values.length ? `${show(m, quantile(values, 0.25), currency)} – ${show(m, quantile(values, 0.75), currency)}` : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p class="muted">{t('benchmark.rankHint')}</p>
      <BandChart r={r} />
      {evaluated.length > 0 && (
        <div class="table-scroll">
          <table class="benchmark-comparators">
            <caption>{t('benchmark.comparators')}</caption>
            <thead>
              <tr>
                <th scope="col"><span class="visually-hidden">{t('benchmark.pick')}</span></th>
                <th scope="col">{t('benchmark.contract')}</th>
                {(['pv_government_receipts', 'aetr', 'government_take', 'investor_irr', 'breakeven_post_tax', 'metr'] as const).map((m) => <th scope="col" key={m}>{t(`benchmark.metric.${m}` as MessageKey)}</th>)}
              </tr>
            </thead>
            <tbody>
              {evaluated.map((c) => (
                <tr key={c.source}>
                  <td>
                    <input type="checkbox" aria-label={t('benchmark.pickThis', { contract: c.document.title })} checked={picked.includes(c.document.id)}
                      onChange={(e) => setPicked((e.currentTarget as HTMLInputElement).checked ? [...picked, c.document.id] : picked.filter((id) => id !== c.document.id))} />
                  </td>
                  <th scope="row">
                    <Link href={`/hub/documents/${c.document.id}#terms`}><span lang="">{c.document.title}</span></Link>
                    <span class="muted"> · {[c.document.country, c.document.signature_year || ''].filter(Boolean).join(', ')}{c.document.sample ? ` · ${t('benchmark.sample')}` : ''}</span>
                  </th>
                  {(['pv_government_receipts', 'aetr', 'government_take', 'investor_irr', 'breakeven_post_tax', 'metr'] as const).map((m) => <td class="num" key={m}>{show(m, metricValue(c.metrics, m), currency)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
          {picked.length > 0 && (
            <p class="buttons">
              <button type="button" disabled={running} onClick={comparePicked}>{t('benchmark.comparePicked', { count: picked.length })}</button>
            </p>
          )}
        </div>
      )}
      {skipped.length > 0 && (
        <section aria-label={t('benchmark.notEvaluated')}>
          <h3>{t('benchmark.notEvaluated')}</h3>
          <ul>
            {skipped.map((c) => (
              <li key={c.source}>
                <Link href={`/hub/documents/${c.document.id}#terms`}><span lang="">{c.document.title}</span></Link>: {(c.reasons ?? []).map(reasonText).join(' ')}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

// PERCENTILE.INC of sorted values, as the workbook computes it.
function quantile(sorted: number[], q: number): number {
  const h = q * (sorted.length - 1);
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

function Additions({ r, currency, rate }: { r: BenchmarkResult; currency: string; rate: string }) {
  // With few contracts the median and upper-quartile contracts are one: said once.
  const same = r.median?.source === r.upper_quartile?.source;
  const rows = [['benchmark.median', 'benchmark.medianLess', r.median], ['benchmark.upperQuartile', 'benchmark.upperQuartileLess', same ? null : r.upper_quartile]] as const;
  if (!r.median) return null;
  return (
    <div class="additions">
      {rows.map(([more, less, add]) => add && (
        // A contract that gives less says so in words, not with a minus sign.
        // More for the state is a gain within reach; less means the draft already gives more.
        <p key={more} class={`delta-card ${add.pv_government_receipts >= 0 ? 'up' : 'even'}`}>
          {t(add.pv_government_receipts >= 0 ? more : less, {
            contract: r.comparators.find((c) => c.source === add.source)?.document.title ?? add.regime,
            pv: millions(Math.abs(add.pv_government_receipts), add.pv_government_receipts >= 0, currency),
            total: millions(Math.abs(add.government_receipts), false, currency),
            rate,
          })}
        </p>
      ))}
    </div>
  );
}

// The draft's AETR against the project's pre-tax IRR over the price sweep,
// over the band from the contracts' first to third quartile.
function BandChart({ r }: { r: BenchmarkResult }) {
  const points = r.aetr_band.filter((p) => p.pretax_irr !== null && (p.draft_aetr !== null || p.p25 !== null));
  if (points.length < 2) return null;
  const w = 640, h = 260, left = 56, bottom = 36, top = 12, right = 12;
  const xs = points.map((p) => p.pretax_irr as number);
  const ys = points.flatMap((p) => [p.draft_aetr, p.p25, p.p75]).filter((v): v is number => v !== null);
  const x0 = Math.min(...xs), x1 = Math.max(...xs);
  const y0 = Math.min(0, ...ys), y1 = Math.min(1.5, Math.max(...ys));
  const x = (v: number) => left + ((v - x0) / (x1 - x0 || 1)) * (w - left - right);
  const y = (v: number) => top + (1 - (Math.min(v, y1) - y0) / (y1 - y0 || 1)) * (h - top - bottom);
  const banded = points.filter((p) => p.p25 !== null && p.p75 !== null);
  const band = banded.length > 1
    ? [...banded.map((p) => `${x(p.pretax_irr as number)},${y(p.p75 as number)}`), ...banded.reverse().map((p) => `${x(p.pretax_irr as number)},${y(p.p25 as number)}`)].join(' ')
    : '';
  const line = (k: 'draft_aetr' | 'median') => points.filter((p) => p[k] !== null).map((p) => `${x(p.pretax_irr as number)},${y(p[k] as number)}`).join(' ');
  const yTicks = [y0, (y0 + y1) / 2, y1];
  return (
    <figure class="chart band-chart">
      <figcaption>{t('benchmark.bandTitle')}</figcaption>
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={t('benchmark.bandTitle')}>
        {yTicks.map((v) => (
          <g key={v}>
            <line x1={left} x2={w - right} y1={y(v)} y2={y(v)} stroke="#d9e1e8" />
            <text x={left - 4} y={y(v) + 4} text-anchor="end" font-size="10">{formatPercent(v, 0)}</text>
          </g>
        ))}
        {[x0, (x0 + x1) / 2, x1].map((v) => <text key={v} x={x(v)} y={h - bottom + 16} text-anchor="middle" font-size="10">{formatPercent(v, 0)}</text>)}
        <text x={(left + w) / 2} y={h - 4} text-anchor="middle" font-size="11">{t('benchmark.pretaxIrr')}</text>
        <text transform={`translate(12 ${(top + h - bottom) / 2}) rotate(-90)`} text-anchor="middle" font-size="11">{t('benchmark.aetrAxis')}</text>
        {band && <polygon points={band} fill="#c9dcec" stroke="none" />}
        <polyline points={line('median')} fill="none" stroke="#5b6b7c" stroke-dasharray="4 3" />
        <polyline points={line('draft_aetr')} fill="none" stroke="#a32020" stroke-width="2.5" />
      </svg>
      <p class="legend">
        <span class="swatch" style={{ background: '#a32020' }} /> {t('benchmark.legendDraft')}{' '}
        <span class="swatch" style={{ background: '#c9dcec' }} /> {t('benchmark.legendBand')}{' '}
        <span class="swatch dashed" /> {t('benchmark.legendMedian')}
      </p>
      {ys.some((v) => v > y1) && <p class="muted">{t('benchmark.capped')}</p>}
    </figure>
  );
}
