// The obligations register as the pages read it: contracts, obligations,
// due dates with their state, and the codelists the forms offer.
import { formatNumber } from './numbers';

export const obligationTypes = ['payment', 'local_content', 'reporting', 'environmental', 'community'] as const;
export const recurrences = ['once', 'monthly', 'quarterly', 'yearly'] as const;
export const fulfilmentStatuses = ['met', 'partly_met', 'waived'] as const;

export interface MonitoredContract {
  id: string;
  organisation_id: string;
  title: string;
  hub_document_id: string;
  counterparty: string;
  signed_on: string;
  timezone: string;
  notes: string;
  version: number;
  published_at: string | null;
}
export interface Obligation {
  id: string;
  contract_id: string;
  type: string;
  title: string;
  description: string;
  party: string;
  amount: number | null;
  currency: string;
  target: string;
  first_due: string;
  recurrence: string;
  end_of_month: boolean;
  until: string;
  remind_days: number;
  clause: string;
  source_annotation_id: string;
  status: string;
  version: number;
}
export interface Fulfilment {
  due_date: string;
  status: string;
  evidence: string;
  evidence_public: boolean;
  recorded_at: string;
}
export interface Occurrence {
  obligation: Obligation;
  contract_title: string;
  timezone: string;
  due_date: string;
  state: 'upcoming' | 'due_soon' | 'overdue' | 'met' | 'waived';
  fulfilment: Fulfilment | null;
}

// "USD 1,250,000" ("USD 1 250 000" in French), or the target when there is no amount.
export function owed(o: Obligation): string {
  if (o.amount === null) return o.target;
  return `${o.currency} ${formatNumber(o.amount, 2, false)}`;
}

// YYYY-MM-DD of a local Date, without the time zone shift toISOString makes.
export function isoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
