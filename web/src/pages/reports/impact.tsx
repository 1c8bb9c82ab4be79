// The impact dashboard of the Support Unit and funders: what the requests
// add up to over a chosen period and slice. The server sends aggregates only
// and hides every figure that rests on fewer than three requests; the page
// says so where a figure is missing rather than showing a zero.
import { useEffect, useState } from 'preact/hooks';
import { call, type ApiError } from '../../api';
import { BarChart } from '../../components/bar_chart';
import { FormError } from '../../components/field';
import { t } from '../../i18n';
import type { MessageKey } from '../../messages/en';
import { clockLabel, ratings } from '../../requests';
import { commodityLabel, disciplineLabel, loadCodelists, type Codelists } from '../../codelists';
import { formatMillions, formatNumber, formatPercent } from '../../numbers';

interface Row { key: string; suppressed: boolean; requests: number | null; engagements: number | null }
interface ClockRow { clock: string; target_hours: number; suppressed: boolean; measured: number | null; met: number | null; share_met: number | null; median_hours: number | null }
interface Revenue { currency: string; suppressed: boolean; estimates: number | null; total: number | null; median: number | null }
interface ReferralRow { provider: string; suppressed: boolean; referrals: number | null; accepted: number | null; declined: number | null; completed: number | null; answered: number | null; median_response_days: number | null }
interface Report {
  suppressed: boolean;
  minimum_group: number;
  requests: number | null;
  engagements: number | null;
  closed: number | null;
  answered: number | null;
  over_time: Row[];
  by_country: Row[];
  by_region: Row[];
  by_commodity: Row[];
  by_discipline: Row[];
  response_times: ClockRow[];
  durations: { suppressed: boolean; closed: number | null; median_days: number | null; mean_days: number | null };
  satisfaction: { suppressed: boolean; answers: number | null; mean: Record<string, number | null> };
  added_revenue: Revenue[];
  disclosure: { suppressed: boolean; committed: number | null; due: number | null; on_time: number | null; late: number | null; overdue: number | null; share_published: number | null; share_on_time: number | null };
  referrals: ReferralRow;
  referrals_by_provider: ReferralRow[];
  regions: string[];
}
interface Filters { from: string; to: string; interval: string; country: string; region: string; commodity: string; discipline: string }

const noFilters: Filters = { from: '', to: '', interval: 'quarter', country: '', region: '', commodity: '', discipline: '' };

function query(f: Filters, format?: string): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
  if (format) q.set('format', format);
  return `/api/v1/reports/impact?${q}`;
}

const hidden = () => <span class="muted" title={t('impact.suppressedWhy')}>{t('impact.suppressed')}</span>;
const num = (v: number | null, digits = 0) => (v === null ? hidden() : formatNumber(v, digits));
const regionLabel = (r: string) => (r === 'other' || r === 'north_america' ? t(`impact.region.${r}` as MessageKey) : t(`region.${r}` as MessageKey));

// Commitments to publish signed contracts, and referrals to other providers.
function Outward({ r }: { r: Report }) {
  const d = r.disclosure;
  const rows = [r.referrals, ...r.referrals_by_provider];
  return (
    <>
      <section class="panel" aria-label={t('impact.disclosure')}>
        <h2>{t('impact.disclosure')}</h2>
        {d.suppressed ? <p class="muted" role="status">{t('impact.fewCommitments', { count: r.minimum_group })}</p> : (
          <>
            <p>{t('impact.disclosureText', { published: formatPercent(d.share_published ?? 0, 0), onTime: formatPercent(d.share_on_time ?? 0, 0), due: d.due ?? 0 })}</p>
            <dl class="facts">
              <dt>{t('impact.committed')}</dt><dd>{num(d.committed)}</dd>
              <dt>{t('impact.onTime')}</dt><dd>{num(d.on_time)}</dd>
              <dt>{t('impact.late')}</dt><dd>{num(d.late)}</dd>
              <dt>{t('impact.notPublished')}</dt><dd>{num(d.overdue)}</dd>
            </dl>
          </>
        )}
      </section>
      <section class="panel" aria-label={t('impact.referrals')}>
        <h2>{t('impact.referrals')}</h2>
        {r.referrals.suppressed && r.referrals_by_provider.length === 0 ? <p class="muted">{t('impact.none')}</p>
          : r.referrals.suppressed ? <p class="muted" role="status">{t('impact.fewReferrals', { count: r.minimum_group })}</p> : (
            <table>
              <thead><tr><th>{t('impact.provider')}</th><th>{t('impact.referred')}</th><th>{t('impact.accepted')}</th><th>{t('impact.declined')}</th><th>{t('impact.awaiting')}</th><th>{t('impact.daysToAnswer')}</th></tr></thead>
              <tbody>
                {rows.map((p) => (
                  <tr key={p.provider || '*'}>
                    <th>{p.provider ? <span lang="">{p.provider}</span> : t('impact.allProviders')}</th><td>{num(p.referrals)}</td><td>{num(p.accepted)}</td><td>{num(p.declined)}</td>
                    <td>{p.referrals === null || p.accepted === null || p.declined === null ? hidden() : formatNumber(p.referrals - p.accepted - p.declined)}</td>
                    <td>{p.suppressed ? hidden() : p.median_response_days === null ? '—' : formatNumber(p.median_response_days, 1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
        )}
      </section>
    </>
  );
}

function Breakdown({ title, rows, label }: { title: string; rows: Row[]; label: (key: string) => string }) {
  return (
    <section class="panel" aria-label={title}>
      <h2>{title}</h2>
      {rows.length === 0 ? <p class="muted">{t('impact.none')}</p> : (
        <table>
          <thead><tr><th>{title}</th><th>{t('impact.requests')}</th><th>{t('impact.engagements')}</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}><th>{label(r.key)}</th><td>{num(r.requests)}</td><td>{num(r.engagements)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function Impact() {
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [applied, setApplied] = useState<Filters>(noFilters);
  const [report, setReport] = useState<Report | null>(null);
  const [errors, setErrors] = useState<ApiError[]>([]);
  const [failure, setFailure] = useState('');
  const [codelists, setCodelists] = useState<Codelists | null>(null);

  useEffect(() => { loadCodelists().then(setCodelists); }, []);
  useEffect(() => {
    call<Report>('GET', query(applied)).then((r) => {
      setErrors(r.errors);
      if (r.data) { setReport(r.data); setFailure(''); }
      else if (r.status !== 400) setFailure(r.status === 0 ? t('error.network') : t('error.generic', { status: r.status }));
    });
  }, [applied]);

  const set = (k: keyof Filters) => (e: Event) => setFilters({ ...filters, [k]: (e.target as HTMLInputElement).value });
  const fieldError = (k: string) => errors.find((e) => e.field === k)?.message;
  const select = (k: keyof Filters, label: string, options: string[], show: (v: string) => string, all = true) => (
    <div class="field">
      <label for={`impact-${k}`}>{label}</label>
      <select id={`impact-${k}`} value={filters[k]} onChange={set(k)}>
        {all && <option value="">{t('impact.all')}</option>}
        {options.map((o) => <option key={o} value={o}>{show(o)}</option>)}
      </select>
      {fieldError(k) && <span class="field-error">{fieldError(k)}</span>}
    </div>
  );
  const input = (k: keyof Filters, label: string, type: string) => (
    <div class="field">
      <label for={`impact-${k}`}>{label}</label>
      <input id={`impact-${k}`} type={type} value={filters[k]} onChange={set(k)} size={8} placeholder={type === 'month' ? 'YYYY-MM' : 'GHA'} />
      {fieldError(k) && <span class="field-error">{fieldError(k)}</span>}
    </div>
  );

  const r = report;
  return (
    <div>
      <h1>{t('impact.title')}</h1>
      <p class="lead">{t('impact.intro')}</p>
      <form class="row" onSubmit={(e) => { e.preventDefault(); setApplied({ ...filters, country: filters.country.trim().toUpperCase() }); }}>
        {input('from', t('impact.from'), 'month')}
        {input('to', t('impact.to'), 'month')}
        {select('interval', t('impact.interval'), ['month', 'quarter', 'year'], (v) => t(`impact.interval.${v}` as MessageKey), false)}
        {input('country', t('impact.country'), 'text')}
        {select('region', t('impact.region'), r?.regions ?? [], regionLabel)}
        {select('commodity', t('impact.commodity'), codelists?.commodities ?? [], commodityLabel)}
        {select('discipline', t('impact.discipline'), codelists?.disciplines ?? [], disciplineLabel)}
        <div class="buttons">
          <button type="submit">{t('impact.apply')}</button>
          <a href={query(applied, 'csv')} download>{t('impact.csv')}</a>
          <a href={query(applied, 'xlsx')} download>{t('impact.xlsx')}</a>
        </div>
      </form>
      <FormError message={failure || (errors.length > 0 ? t('impact.fix') : '')} />
      {!r ? (!failure && <p>{t('common.loading')}</p>) : r.suppressed ? (
        <p class="attention" role="status">{t('impact.tooFew', { count: r.minimum_group })}</p>
      ) : (
        <>
          <dl class="facts" aria-label={t('impact.totals')}>
            <dt>{t('impact.requests')}</dt><dd data-figure="requests">{num(r.requests)}</dd>
            <dt>{t('impact.engagements')}</dt><dd data-figure="engagements">{num(r.engagements)}</dd>
            <dt>{t('impact.closed')}</dt><dd data-figure="closed">{num(r.closed)}</dd>
            <dt>{t('impact.answered')}</dt><dd data-figure="answered">{num(r.answered)}</dd>
          </dl>
          <p class="muted">{t('impact.suppressedWhy')}</p>

          <section class="panel" aria-label={t('impact.satisfaction')}>
            <h2>{t('impact.satisfaction')}</h2>
            {r.satisfaction.suppressed ? <p class="muted" role="status">{t('impact.fewAnswers', { count: r.minimum_group })}</p> : (
              <table>
                <caption>{t('impact.answers', { count: r.satisfaction.answers ?? 0 })}</caption>
                <tbody>
                  {ratings.map((k) => (
                    <tr key={k}><th>{t(`feedback.${k}` as MessageKey)}</th><td>{t('impact.meanOutOf', { mean: formatNumber(r.satisfaction.mean[k] ?? 0, 1) })}</td></tr>
                  ))}
                </tbody>
              </table>
            )}
            <h3>{t('impact.revenue')}</h3>
            {r.added_revenue.length === 0 ? <p class="muted">{t('impact.noEstimates')}</p> : (
              <table>
                <thead><tr><th>{t('impact.currency')}</th><th>{t('impact.estimates')}</th><th>{t('impact.total')}</th><th>{t('impact.median')}</th></tr></thead>
                <tbody>
                  {r.added_revenue.map((v) => (
                    <tr key={v.currency}>
                      <th>{v.currency}</th><td>{num(v.estimates)}</td>
                      <td>{v.total === null ? hidden() : formatMillions(v.total)}</td>
                      <td>{v.median === null ? hidden() : formatMillions(v.median)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>

          <section class="panel" aria-label={t('impact.responseTimes')}>
            <h2>{t('impact.responseTimes')}</h2>
            <table>
              <thead><tr><th>{t('impact.clock')}</th><th>{t('impact.target')}</th><th>{t('impact.measured')}</th><th>{t('impact.shareMet')}</th><th>{t('impact.medianHours')}</th></tr></thead>
              <tbody>
                {r.response_times.map((c) => (
                  <tr key={c.clock}>
                    <th>{clockLabel(c.clock)}</th>
                    <td>{c.target_hours}</td>
                    <td>{num(c.measured)}</td>
                    <td>{c.share_met === null ? hidden() : formatPercent(c.share_met, 0)}</td>
                    <td>{c.suppressed ? hidden() : c.median_hours === null ? '—' : formatNumber(c.median_hours, 1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h3>{t('impact.durations')}</h3>
            {r.durations.suppressed ? <p class="muted">{t('impact.fewClosed', { count: r.minimum_group })}</p> : (
              <p>{t('impact.durationsText', { count: r.durations.closed ?? 0, median: formatNumber(r.durations.median_days ?? 0), mean: formatNumber(r.durations.mean_days ?? 0) })}</p>
            )}
          </section>

          <Outward r={r} />

          <section class="panel" aria-label={t('impact.overTime')}>
            <h2>{t('impact.overTime')}</h2>
            <BarChart title={t('impact.requestsPerPeriod')} years={r.over_time.map((p) => p.key)} divisor={1} unit={t('impact.requestsUnit')}
              series={[{ label: t('impact.requests'), values: r.over_time.map((p) => p.requests ?? NaN), colour: '#2a6f97' },
                       { label: t('impact.engagements'), values: r.over_time.map((p) => p.engagements ?? NaN), colour: '#8ab17d' }]} />
            <Breakdown title={t('impact.period')} rows={r.over_time} label={(k) => k} />
          </section>
          <div class="breakdowns">
            <Breakdown title={t('impact.region')} rows={r.by_region} label={regionLabel} />
            <Breakdown title={t('impact.country')} rows={r.by_country} label={(k) => k} />
            <Breakdown title={t('impact.commodity')} rows={r.by_commodity} label={commodityLabel} />
            <Breakdown title={t('impact.discipline')} rows={r.by_discipline} label={disciplineLabel} />
          </div>
        </>
      )}
    </div>
  );
}
