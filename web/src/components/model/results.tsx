// What a model's term sheets give, as the model page and its report show
// it: the summary of every term sheet side by side, the cash flows by year
// (the state's receipts stacked by instrument beside the investor's), and
// a comparison of two term sheets with its change by year.
import { BarChart } from '../bar_chart';
import { useState } from 'preact/hooks';
import { lists } from '../../codelists';
import { type ComparisonResult, type ModelDetail, type RunResult, type TaxExpenditure, instrumentColours, millions, percent } from '../../fiscal';
import { t } from '../../i18n';
import type { MessageKey } from '../../messages/en';
import { productsOf } from '../../model_form';
import { formatNumber, formatPercent } from '../../numbers';

// "10%": the discount rate of a run, as labels show it.
export const rateOf = (run: { conventions: { discount_rate: number } }) => formatPercent(run.conventions.discount_rate, 0);

export function SummaryTable({ run, model }: { run: RunResult; model: ModelDetail }) {
  const currency = run.conventions.currency;
  const rate = rateOf(run);
  // Real terms differ from nominal only with a deflation; years are never grouped.
  const c = run.conventions;
  const realYear = c.deflation && c.real_base_year ? String(c.real_base_year) : undefined;
  const forwardYear = c.point_forward_year ? String(c.point_forward_year) : undefined;
  // Each term sheet's change of terms, as its model says.
  const sheets = (model.model.regimes ?? []) as { name: string; change?: { year: number; to: string } }[];
  const changes = run.regimes.map((r) => sheets.find((s) => s.name === r.regime)?.change);
  return (
    <table class="summary">
      <thead>
        <tr><th>{t('models.termSheet')}</th>{run.regimes.map((r) => <th key={r.regime}>{r.regime}</th>)}</tr>
      </thead>
      <tbody>
        <tr><th>{t('models.stateTotal', { currency })}</th>{run.regimes.map((r) => <td key={r.regime}>{millions(r.metrics.government_receipts as number)}</td>)}</tr>
        <tr><th>{t('models.statePv', { rate, currency })}</th>{run.regimes.map((r) => <td key={r.regime}>{millions(r.metrics.pv_government_receipts as number)}</td>)}</tr>
        <tr><th>{t('models.investorNpv', { rate, currency })}</th>{run.regimes.map((r) => <td key={r.regime}>{millions(r.metrics.investor_npv as number)}</td>)}</tr>
        {realYear !== undefined && (
          <>
            <tr><th>{t('models.statePvReal', { rate, currency, year: realYear })}</th>{run.regimes.map((r) => <td key={r.regime}>{millions(r.real?.pv_government_receipts as number)}</td>)}</tr>
            <tr><th>{t('models.investorNpvReal', { rate, currency, year: realYear })}</th>{run.regimes.map((r) => <td key={r.regime}>{millions(r.real?.investor_npv as number)}</td>)}</tr>
          </>
        )}
        {forwardYear !== undefined && (
          <>
            <tr><th>{t('models.statePvForward', { rate, currency, year: forwardYear })}</th>{run.regimes.map((r) => <td key={r.regime}>{millions(r.point_forward?.pv_government_receipts as number)}</td>)}</tr>
            <tr><th>{t('models.investorNpvForward', { rate, currency, year: forwardYear })}</th>{run.regimes.map((r) => <td key={r.regime}>{millions(r.point_forward?.investor_npv as number)}</td>)}</tr>
          </>
        )}
        <tr><th>{t('models.take')}</th>{run.regimes.map((r) => <td key={r.regime}>{percent(r.metrics.government_take)}</td>)}</tr>
        <tr><th>{t('models.aetr', { rate })}</th>{run.regimes.map((r) => <td key={r.regime}>{percent(r.metrics.aetr)}</td>)}</tr>
        <tr><th>{t('models.irr')}</th>{run.regimes.map((r) => <td key={r.regime}>{percent(r.metrics.investor_irr)}</td>)}</tr>
        {run.regimes.some((r) => typeof r.metrics.profitability_index === 'number') && (
          <tr><th>{t('models.profitabilityIndex')}</th>{run.regimes.map((r) => <td key={r.regime}>{typeof r.metrics.profitability_index === 'number' ? formatNumber(r.metrics.profitability_index, 2) : '—'}</td>)}</tr>
        )}
        <tr><th>{t('models.breakeven')}</th>{run.regimes.map((r) => <td key={r.regime}>{breakeven(r.metrics.breakeven_post_tax, model)}</td>)}</tr>
        {run.regimes.some((r) => typeof r.metrics.economic_limit_year === 'number' || Number(r.metrics.production_years_cut ?? 0) > 0) && (
          <tr><th>{t('models.economicLimit')}</th>{run.regimes.map((r) => <td key={r.regime}>{lastYear(r.metrics)}</td>)}</tr>
        )}
        {changes.some((c) => c) && (
          <tr><th>{t('models.termsChange')}</th>{changes.map((c, i) => <td key={i}>{c ? t('models.termsChangeValue', { to: c.to, year: String(c.year) }) : t('models.termsUnchanged')}</td>)}</tr>
        )}
        {run.regimes.some(hasFund) && (
          <tr><th>{t('models.closureShortfall', { currency })}</th>{run.regimes.map((r) => <td key={r.regime}>{millions(r.metrics.closure_shortfall as number)}</td>)}</tr>
        )}
      </tbody>
    </table>
  );
}

// The state's receipts stacked by instrument beside the investor's cash flow.
export function CashFlows({ result }: { result: RunResult['regimes'][number] }) {
  const paid = (lists.value?.government_lines ?? []).filter((k) => result.ledger[k]?.some((v) => v !== 0));
  return (
    <BarChart title={t('models.cashFlows', { regime: result.regime })} years={result.ledger.year}
      series={[
        ...paid.map((k, i) => ({ label: t(`instrument.${k}` as MessageKey), values: result.ledger[k], colour: instrumentColours[i % instrumentColours.length], stack: 'state' })),
        { label: t('models.investor'), values: result.ledger.investor_cash_flow, colour: '#c2873a' },
      ]} />
  );
}

// A term sheet with a decommissioning fund pays into it.
const hasFund = (r: RunResult['regimes'][number]) => Number(r.metrics.fund_contributions ?? 0) !== 0;

// "2034 (2 years cut)": where the economic limit stops production.
function lastYear(metrics: Record<string, unknown>): string {
  const year = metrics.economic_limit_year;
  if (typeof year !== 'number') return t('models.economicLimitNone');
  return t('models.economicLimitValue', { year: String(year), cut: Number(metrics.production_years_cut ?? 0) });
}

// "72% of the model's prices (oil 54.46 USD/bbl, gas 4.67 USD/mcf)".
function breakeven(value: unknown, model: ModelDetail): string {
  const b = value as { price_factor?: number; first_production_year_price?: number[] } | null | undefined;
  if (!b || typeof b.price_factor !== 'number') return t('models.noBreakeven');
  const products = productsOf(model.model);
  const prices = (b.first_production_year_price ?? []).map((p, i) => `${products[i]?.name ?? ''} ${formatNumber(p, 2)} ${products[i]?.price?.unit ?? ''}`.trim());
  return t('models.breakevenValue', { factor: percent(b.price_factor), prices: prices.join(', ') });
}

export function ComparisonView({ answer, currency, rate }: { answer: ComparisonResult; currency: string; rate: string }) {
  return (
    <>
      <p class={`delta-card ${(answer.delta.government_receipts ?? 0) >= 0 ? 'up' : 'down'}`}>
        {t('models.delta', { total: millions(answer.delta.government_receipts ?? 0, true, currency), rate, pv: millions(answer.delta.pv_government_receipts ?? 0, true, currency) })}
      </p>
      <BarChart title={t('models.compareChart', { to: answer.to, from: answer.from })} years={answer.per_year.year}
        series={[{ label: t('models.state'), values: answer.per_year.government_receipts, colour: '#1f6b36' }, { label: t('models.investor'), values: answer.per_year.investor_cash_flow, colour: '#a32020' }]} />
    </>
  );
}

// The ledger lines a reader checks: the project's totals, each receipt of
// the state (the engine's list) and the split between state and investor,
// in the engine's order; a line that is zero in every year is left out.
const totals = ['gross_revenue', 'opex', 'capex', 'closure', 'pretax_cash_flow', 'government_receipts', 'investor_cash_flow'];
// Shown when the run uses them: why production stops, and how closure is paid.
const limitLines = ['operating_cash_flow'];
const fundLines = ['fund_contribution', 'fund_draw', 'closure_shortfall', 'fund_balance'];

// The state's receipts from each project of a taxpayer, term sheet by term
// sheet, and from the taxpayer as a whole.
export function ProjectsTable({ run }: { run: RunResult }) {
  const names = Object.keys(run.regimes[0]?.projects ?? {});
  if (names.length === 0) return null;
  const total = (ledger: Record<string, number[]>) => (ledger.government_receipts ?? []).reduce((a, b) => a + b, 0);
  return (
    <table class="summary by-project">
      <caption>{t('models.byProject', { currency: run.conventions.currency })}</caption>
      <thead>
        <tr><th>{t('models.project')}</th>{run.regimes.map((r) => <th key={r.regime}>{r.regime}</th>)}</tr>
      </thead>
      <tbody>
        {names.map((n) => (
          <tr key={n}><th>{n}</th>{run.regimes.map((r) => <td key={r.regime}>{millions(total(r.projects?.[n]?.ledger ?? {}))}</td>)}</tr>
        ))}
        <tr><th>{t('models.taxpayer')}</th>{run.regimes.map((r) => <td key={r.regime}>{millions(total(r.ledger))}</td>)}</tr>
      </tbody>
    </table>
  );
}

// What each incentive of one term sheet costs the state, the interaction
// of the incentives and their total: items plus interaction make the total.
export function TaxExpenditureTable({ result, currency, rate }: { result: RunResult['regimes'][number]; currency: string; rate: string }) {
  const te = result.tax_expenditure;
  if (!te || te.items.length === 0) return null;
  // The term sheet granting each item matters only when terms change.
  const several = te.items.some((i) => i.terms !== result.regime);
  const name = (i: TaxExpenditure['items'][number]) => {
    const cost = i.detail && i.incentive !== 'reduced_royalty_rate' ? t(`cost.${i.detail}` as MessageKey) : '';
    return t(`incentive.${i.incentive}` as MessageKey, { name: i.detail, cost });
  };
  return (
    <table class="summary tax-expenditure">
      <caption>{t('models.taxExpenditure', { regime: result.regime, currency })}<p class="muted">{t('models.taxExpenditureIntro')}</p></caption>
      <thead>
        <tr><th>{t('models.incentive')}</th>{several && <th>{t('models.grantedBy')}</th>}<th>{t('models.costLife')}</th><th>{t('models.costPv', { rate })}</th></tr>
      </thead>
      <tbody>
        {te.items.map((i, k) => (
          <tr key={k}><th>{name(i)}</th>{several && <td>{i.terms}</td>}<td>{millions(i.nominal)}</td><td>{millions(i.pv)}</td></tr>
        ))}
        <tr><th>{t('models.interaction')}</th>{several && <td />}<td>{millions(te.interaction.nominal)}</td><td>{millions(te.interaction.pv)}</td></tr>
        <tr class="total"><th>{t('models.allIncentives')}</th>{several && <td />}<td>{millions(te.total.nominal)}</td><td>{millions(te.total.pv)}</td></tr>
      </tbody>
    </table>
  );
}

// The ledger of one term sheet, a row per year, in millions; with several
// projects, the taxpayer's or one project's.
export function LedgerTable({ result, index }: { result: RunResult['regimes'][number]; index: number }) {
  const [project, setProject] = useState('');
  const names = Object.keys(result.projects ?? {});
  const ledger = (project && result.projects?.[project]?.ledger) || result.ledger;
  const state = lists.value?.government_lines ?? [];
  const shown = [...totals, ...(typeof result.metrics.economic_limit_year === 'number' ? limitLines : []), ...(hasFund(result) ? fundLines : [])];
  const lines = (lists.value?.ledger_lines ?? shown)
    .filter((l) => shown.includes(l) || state.includes(l))
    .filter((l) => ledger[l]?.some((v) => v !== 0));
  const name = (l: string) => t((state.includes(l) ? `instrument.${l}` : `ledger.${l}`) as MessageKey);
  // The ledger's columns; with several products sold, each one's revenue
  // follows the gross revenue (a project of a taxpayer lists only what it sells).
  const byProduct = (project && result.projects?.[project]?.revenue_by_product) || result.revenue_by_product || {};
  const sold = Object.entries(byProduct).filter(([, values]) => values.some((v) => v !== 0));
  const products = sold.length > 1 ? sold : [];
  const columns = lines.flatMap((l) => [
    { key: l, label: name(l), values: ledger[l] },
    ...(l === 'gross_revenue' ? products.map(([product, values]) => ({ key: `product-${product}`, label: t('models.revenueOf', { product }), values })) : []),
  ]);
  const chooser = `ledger-project-${index}`;
  return (
    <details class="ledger">
      <summary>{t('models.ledger', { regime: result.regime })}</summary>
      {names.length > 0 && (
        <div class="field">
          <label for={chooser}>{t('models.ledgerOf')}</label>
          <select id={chooser} value={project} onChange={(ev) => setProject((ev.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t('models.taxpayer')}</option>
            {names.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </div>
      )}
      <div class="year-table">
        <table>
          <thead><tr><th scope="col">{t('field.year')}</th>{columns.map((c) => <th scope="col" key={c.key}>{c.label}</th>)}</tr></thead>
          <tbody>
            {ledger.year.map((year, i) => (
              <tr key={year}>
                <th scope="row">{year}</th>
                {columns.map((c) => <td key={c.key} class="number">{formatNumber(c.values[i] / 1e6, 1)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
