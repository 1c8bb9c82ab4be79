// Types of the fiscal model API (docs/api.md, "Fiscal models") and helpers
// shared by the model pages: money in millions, the key terms of a model
// that the what-if panel offers as sliders.
import { formatMillions, formatPercent } from './numbers';

export interface ModelSummary {
  id: string;
  name: string;
  owner_id: string;
  request_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}
export interface ModelDetail extends ModelSummary {
  shown_version: number;
  model: FiscalModelJson;
  versions: { version: number; note: string; created_by: string; created_at: string }[];
}
export interface Instrument {
  type: string;
  name?: string;
  [field: string]: unknown;
}
export interface FiscalModelJson {
  name?: string;
  currency?: string;
  regimes: { name: string; instruments: Instrument[] }[];
  [field: string]: unknown;
}
export interface Conventions {
  currency: string;
  discount_rate: number;
  valuation_year: number;
  // Absent from runs kept before real terms were reported.
  real_base_year?: number;
  deflation?: number;
  point_forward_year?: number;
}
export interface RegimeResult {
  regime: string;
  metrics: Record<string, unknown>;
  real?: Record<string, unknown>;
  point_forward?: Record<string, unknown>;
  by_instrument: Record<string, { total: number; pv: number; share_of_government: number }>;
  ledger: Record<string, number[]>;
  // Each product's gross revenue by year, by the product's name.
  revenue_by_product?: Record<string, number[]>;
  // Several projects of one taxpayer: each project's ledger, by name (the
  // ledger above is the taxpayer's).
  projects?: Record<string, { ledger: Record<string, number[]>; revenue_by_product?: Record<string, number[]> }>;
  // What each incentive of the terms costs the state; absent without incentives.
  tax_expenditure?: TaxExpenditure;
}
export interface TaxExpenditure {
  items: { incentive: string; terms: string; detail: string; nominal: number; pv: number }[];
  interaction: { nominal: number; pv: number };
  total: { nominal: number; pv: number };
}
// One colour per instrument of the state's receipts, in the engine's order
// (the codelists' government_lines).
export const instrumentColours = ['#0b5c8a', '#3f8fc0', '#1f6b36', '#6aa84f', '#7a3fa0', '#b07cc6', '#8a5a0b', '#d4a017', '#5b6b7c', '#a32020', '#2b9e9e', '#c05a1f', '#4b3b8f', '#7d8f1f', '#b0306a'];
export interface RunResult {
  conventions: Conventions;
  regimes: RegimeResult[];
}
export interface ComparisonResult {
  conventions: Conventions;
  from: string;
  to: string;
  delta: Record<string, number | null>;
  per_year: { year: number[]; government_receipts: number[]; pv_government_receipts: number[]; investor_cash_flow: number[] };
  regimes: RegimeResult[];
}

// 312_400_000 -> "312 million"; with `sign`, "+USD 312 million" / "−USD 41.5 million",
// in the reader's language.
export function millions(value: number, sign = false, currency = ''): string {
  const digits = Math.abs(value) >= 100e6 ? 0 : 1;
  const prefix = value < 0 ? '−' : sign ? '+' : '';
  return `${prefix}${currency ? `${currency} ` : ''}${formatMillions(Math.abs(value), digits, true)}`;
}
export const percent = (v: unknown) => (typeof v === 'number' ? formatPercent(v, 1) : '—');

// A number of the term sheets a negotiator moves: rates, ceilings and shares
// held by an instrument, and each tier's rate of a sliding scale (the profit
// split by R-factor, a royalty by price).
export interface KeyTerm {
  path: string;
  label: string;
  value: number;
  max: number;
}
const termFields = ['rate', 'ceiling', 'share', 'state_share', 'participation', 'carried_share'];
interface Tier {
  from?: number;
  to?: number;
  rate?: unknown;
}
export function keyTerms(model: FiscalModelJson, regime: number): KeyTerm[] {
  const out: KeyTerm[] = [];
  const r = model.regimes[regime];
  if (!r) return out;
  const add = (path: string, label: string, v: number) => out.push({ path, label, value: v, max: v <= 1 ? Math.min(1, Math.max(0.3, v * 3)) : v * 3 });
  r.instruments.forEach((instrument, i) => {
    const what = instrument.name || instrument.type.replace(/_/g, ' ');
    for (const field of termFields) {
      const v = instrument[field];
      const name = field === 'rate' ? `${what} rate` : `${what} ${field.replace(/_/g, ' ')}`;
      const at = `regimes[${regime}].instruments[${i}].${field}`;
      if (typeof v === 'number') add(at, name, v);
      const tiers = (v as { tiers?: Tier[] } | null)?.tiers;
      if (Array.isArray(tiers)) {
        tiers.forEach((tier, k) => {
          const range = `${tier.from ?? 0}${tier.to === undefined ? '+' : `–${tier.to}`}`;
          if (typeof tier.rate === 'number') add(`${at}.tiers[${k}].rate`, `${name}, tier ${k + 1} (${range})`, tier.rate);
        });
      }
    }
  });
  return out;
}
