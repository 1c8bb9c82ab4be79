// Fiscal terms of hub contracts and benchmarks against them (docs/api.md,
// "Fiscal terms of a contract" and ".../benchmark"): the types the pages
// read, and each parameter of a term sheet in words — "Royalty (sliding
// royalty) — rate when the price is from 1,300 to 2,000: 4%".
import type { Instrument } from './fiscal';
import { t, tOr } from './i18n';
import type { MessageKey } from './messages/en';
import { formatNumber, formatPercent } from './numbers';

export interface TermCitation {
  parameter: string;
  document_id: string;
  page: number;
  article: string;
  annotation_id: string;
  document_title?: string;
  annotation?: { category: string; summary: string; language: string; pages: number[] };
}
export interface TermSheet {
  name: string;
  instruments: Instrument[];
}
export interface ContractTerms {
  document_id: string;
  terms: TermSheet;
  currency: string;
  products: { name: string; unit: string }[];
  base_year: number;
  citations: TermCitation[];
  status: 'draft' | 'reviewed';
  updated_by: string;
  reviewed_by: string;
  updated_at: string;
  version: number;
  history?: { version: number; action: 'saved' | 'reviewed' | 'removed'; actor: string; at: string }[];
}
export interface TermSuggestion {
  instrument: string;
  field: string;
  value: number;
  option: string;
  quote: string;
  language: string;
  document_id: string;
  document_title: string;
  annotation_id: string;
  category: string;
  pages: number[];
  article: string;
}

type Metric = number | null;
export interface BenchmarkMetrics {
  pv_government_receipts: number;
  government_receipts: number;
  aetr: Metric;
  government_take: Metric;
  investor_irr: Metric;
  investor_npv: number;
  breakeven_post_tax: { price_factor: Metric };
  metr: Metric;
  front_loading: Metric;
}
export const benchmarkMetrics = ['pv_government_receipts', 'government_receipts', 'aetr', 'government_take', 'investor_irr', 'investor_npv', 'breakeven_post_tax', 'metr', 'front_loading'] as const;
export type BenchmarkMetric = (typeof benchmarkMetrics)[number];
export interface ComparatorDocument {
  id: string;
  title: string;
  country: string;
  resources: string[];
  contract_type: string;
  signature_year: number;
  sample: boolean;
}
export type Reason = { kind: 'product'; product: string } | { kind: 'currency'; message: string } | { kind: 'term'; field: string; message: string };
export interface Comparator {
  regime: string;
  source: string;
  evaluated: boolean;
  metrics?: BenchmarkMetrics;
  document: ComparatorDocument;
  terms_name: string;
  reasons?: Reason[];
}
export interface Addition {
  regime: string;
  source: string;
  government_receipts: number;
  pv_government_receipts: number;
}
export interface BenchmarkResult {
  conventions: { currency: string; discount_rate: number; valuation_year: number };
  draft: { regime: string; metrics: BenchmarkMetrics; standing: Record<BenchmarkMetric, { rank: number | null; of: number; percentile: number | null }> };
  comparators: Comparator[];
  aetr_band: { price_factor: number; pretax_irr: Metric; draft_aetr: Metric; p25: Metric; median: Metric; p75: Metric; comparators: number }[];
  median: Addition | null;
  upper_quartile: Addition | null;
}
export interface KeptBenchmark {
  version: number;
  regime: string;
  filters: Record<string, unknown>;
  run_at: string;
  result: BenchmarkResult;
}

// The value of a metric (the breakeven is its price factor).
export function metricValue(m: BenchmarkMetrics | undefined, metric: BenchmarkMetric): number | null {
  if (!m) return null;
  const v = metric === 'breakeven_post_tax' ? m.breakeven_post_tax?.price_factor : m[metric];
  return typeof v === 'number' ? v : null;
}

// Fields whose numbers are shares, shown in percent.
const shares = new Set(['rate', 'ceiling', 'state_share', 'share', 'uplift', 'price_fraction', 'carry_interest', 'minimum_tax_on_turnover', 'cap', 'threshold']);
// Choices shown by their words: the catalog group of each field's values.
const choices: Record<string, string> = { base: 'base', mode: 'participation', method: 'method', driver: 'driver', ceiling_base: 'base', depreciation_start: 'start', carry_forward: 'losses' };
// Fields of the forms, by their catalog words.
const fieldWords: Record<string, MessageKey> = {
  rate: 'field.rate', ceiling: 'field.ceiling', state_share: 'field.state_share', share: 'field.share', years: 'field.years',
  amount: 'field.amount', year: 'field.year', cumulative: 'field.cumulative', area_km2: 'field.area_km2', rate_per_km2: 'field.rate_per_km2',
  uplift: 'field.uplift', capex_recovery_years: 'field.capex_recovery_years', price_fraction: 'field.price_fraction', holiday_years: 'field.holiday_years',
  carry_interest: 'field.carry_interest', minimum_tax_on_turnover: 'field.minimum_tax_on_turnover', cap: 'field.cap', threshold: 'field.threshold',
  trigger: 'field.trigger', base: 'field.base', mode: 'field.mode', method: 'field.method', ceiling_base: 'field.ceiling_base',
  deductible: 'field.deductible', shared: 'field.shared', product: 'field.product', driver: 'field.driver', depreciation_start: 'field.depreciation_start',
  deduct_closure: 'field.deduct_closure', carry_forward: 'field.losses', first_production_years: 'field.holiday_years',
};

export interface TermParameter {
  path: string; // in the term sheet: "instruments[0].rate.tiers[1].rate"
  type: string; // the instrument's type in words: "Royalty"
  name: string; // the name a person gave it: "sliding royalty" ("" when none)
  label: string; // "Rate, price from 1,300 to 2,000"
  value: string; // "4%"
  own: boolean; // the value is a person's words (a product's name), not the catalog's
  numeric: boolean; // a number, which a citation should back
}

// A term's share with the decimals it has: 5%, 3.5%, 12.25%.
const whole = (x: number) => Math.abs(Math.round(x) - x) < 1e-9;
export const termPercent = (v: number) => formatPercent(v, whole(v * 100) ? 0 : whole(v * 1000) ? 1 : 2);

const typeWords = (i: Instrument) => t(`type.${i.type}` as MessageKey);
// "Royalty (sliding royalty)": the type and the name a person gave it.
export const parameterInstrument = (p: TermParameter) => `${p.type}${p.name ? ` (${p.name})` : ''}`;

function shown(key: string, v: unknown, volume: boolean): string {
  if (typeof v === 'boolean') return t(v ? 'terms.yes' : 'terms.no');
  if (typeof v === 'string') return choices[key] ? t(`${choices[key]}.${v}` as MessageKey) : productWords(v);
  if (typeof v !== 'number') return '';
  if (key === 'year') return String(v); // a year is never grouped
  return shares.has(key) && !volume ? termPercent(v) : formatNumber(v, 2, false);
}

// Every number and choice of a term sheet, in the order the instruments hold them.
export function termParameters(terms: TermSheet): TermParameter[] {
  const out: TermParameter[] = [];
  terms.instruments.forEach((instrument, i) => {
    const volume = instrument.base === 'volume';
    const walk = (v: unknown, path: string, key: string, context: string[]) => {
      if (Array.isArray(v)) {
        v.forEach((x, k) => walk(x, `${path}[${k}]`, key, context));
        return;
      }
      if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (Array.isArray(o.tiers)) {
          const driver = t(`driver.${String(o.driver ?? 'price')}` as MessageKey);
          (o.tiers as { from?: number; to?: number; rate?: unknown }[]).forEach((tier, k) => {
            const range = tier.to === undefined
              ? t('terms.tierFrom', { driver, from: formatNumber(tier.from ?? 0, 2, false) })
              : t('terms.tierRange', { driver, from: formatNumber(tier.from ?? 0, 2, false), to: formatNumber(tier.to, 2, false) });
            // The field's words are the context already: "Rate · Price from 1,300 to 2,000".
            out.push({ path: `${path}.tiers[${k}].rate`, type: typeWords(instrument), name: instrument.name ?? '', label: [...context, range].join(' · '), value: shown(key, tier.rate, volume), own: false, numeric: true });
          });
          return;
        }
        if ('schedule' in o) return;
        for (const [k, x] of Object.entries(o)) {
          if (k === 'type' || k === 'name' || k === 'unit') continue;
          const words = fieldWords[k] ? t(fieldWords[k]) : null;
          walk(x, `${path}.${k}`, k, words && typeof x === 'object' ? [...context, words] : context);
        }
        return;
      }
      const words = fieldWords[key];
      if (!words) return;
      out.push({ path, type: typeWords(instrument), name: instrument.name ?? '', label: [...context, t(words)].filter((w, k, a) => a.indexOf(w) === k).join(' · '), value: shown(key, v, volume), own: typeof v === 'string' && !choices[key], numeric: typeof v === 'number' });
    };
    walk(instrument, `instruments[${i}]`, '', []);
  });
  return out;
}

// A product's name as the reader's language writes it when it is a
// commodity of the codelist ("gold" -> "or"); else as its author wrote it.
export const productWords = (name: string) => tOr(`commodity.${name}`, name);

// Why a comparator could not run on the project, in words.
export function reasonText(r: Reason): string {
  // Mid-sentence, a commodity is a common noun: "tax gold", not "tax Gold".
  if (r.kind === 'product') return t('benchmark.needsProduct', { product: productWords(r.product).toLocaleLowerCase() });
  return r.message;
}
