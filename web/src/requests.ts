// Types of the request API (docs/api.md) and small helpers shared by the
// request pages.
import { locale, t } from './i18n';
import type { MessageKey } from './messages/en';

// The six ratings of the feedback survey, in the order the form asks them.
export const ratings = ['quality', 'timeliness', 'independence', 'multidisciplinarity', 'capacity_built', 'value_added'] as const;

export interface Clock {
  clock: string;
  status: string;
  started: string | null;
  stopped: string | null;
  elapsed_hours: number;
  target_hours: number;
  due: string | null;
  pauses: { from: string; to: string | null }[];
}
export interface Summary {
  id: string;
  reference: string;
  project_name: string;
  entity: string;
  country: string;
  commodity: string;
  deadline: string | null;
  state: string;
  engagement_phase: string | null;
  version: number;
  updated_at: string;
  allowed: string[];
  sla: Clock | null;
}
export interface FocalPoint {
  name: string;
  email: string;
  phone: string;
}
export interface Counterparty {
  name: string;
  affiliates: string[];
}
export interface Form {
  country: string;
  entity: string;
  focal_points: FocalPoint[];
  project_name: string;
  commodity: string;
  site: string;
  counterparties: Counterparty[];
  disciplines: string[];
  phase: string;
  timeline: string;
  deadline: string;
  language: string;
  background: string;
}
export interface Scope {
  summary: string;
  disciplines: string[];
  phases: string[];
  deliverables: string[];
  expert_days: number;
  publish_contract: boolean;
  publish_by: string;
}
// A commitment to publish the signed contract (the server's DisclosureState).
export interface Disclosure {
  request_id: string;
  reference: string;
  project_name: string;
  country: string;
  due: string;
  state: 'pending' | 'due_soon' | 'overdue' | 'met_on_time' | 'met_late';
  days_left: number;
  contract: { hub_document_id: string; title: string; linked_at: string; published_on: string | null } | null;
}
export interface Deliverable {
  id: string;
  kind: string;
  title: string;
  phase: string;
  due_date: string;
  status: string;
  delivered_at: string | null;
  version: number;
}
export interface Detail extends Summary {
  form: Form;
  clocks: Clock[];
  history: { seq: number; from: string | null; to: string; actor: string; at: string; reason: string }[];
  waiting_for: string | null;
  team: { user_id: string; name: string; role: string }[];
  scope: Scope | null;
  scope_version: number;
  deliverables: Deliverable[];
  // Scope versions carry their number and reason; deliverables their title and status.
  timeline: { at: string; kind: string; text: string; who: string; number?: number; reason?: string; title?: string; status?: string }[];
  created_at: string;
  disclosure: Disclosure | null;
}
export const stateLabel = (s: string) => t(`state.${s}` as MessageKey);
export const clockLabel = (c: string) => t(`clock.${c}` as MessageKey);

// "2026-11-23T15:00:00Z" as "23 Nov 15:00" in the reader's language, in UTC.
export function when(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return d.toLocaleString(locale(), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
}

// A scope version's reason: the first one, recorded at approval, in the reader's words.
export const scopeReason = (reason: string) => (reason === 'approval' ? t('scope.atApproval') : reason);
