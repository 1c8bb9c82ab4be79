// Types of the resource hub's API (docs/api.md, "Resource hub") and helpers
// shared by the hub pages.
import { call } from './api';
import { language, t, tOr } from './i18n';
import type { MessageKey } from './messages/en';

export interface SnippetPart {
  text: string;
  hit: boolean;
}
export interface HubSummary {
  id: string;
  title: string;
  kind: string;
  country: string;
  year: number;
  resources: string[];
  contract_type: string;
  document_type: string;
  language: string;
  stage: string;
  summary: string;
  status: string;
  confidential: boolean;
  sample: boolean;
  page_count: number;
}
export interface HubHit extends HubSummary {
  page: number;
  snippet: SnippetPart[];
}
export interface Facet {
  value: string;
  count: number;
}
export interface SearchAnswer {
  total: number;
  items: HubHit[];
  facets: Record<string, Facet[]>;
}
export interface Annotation {
  id: string;
  document_id: string;
  category: string;
  category_label: string;
  cluster: string;
  summary: string;
  language: string;
  pages: number[];
  article: string;
  translations: { language: string; summary: string }[];
  status: string;
  version: number;
}
export interface Company {
  name: string;
  share: number;
  jurisdiction: string;
  operator: boolean;
}
export interface HubDocument extends HubSummary {
  ocid: string;
  identifier: string;
  signature_date: string;
  government_entity: string;
  companies: Company[];
  project: string;
  concession: string;
  source_url: string;
  disclosure_mode: string;
  pages_missing: boolean;
  annexes_missing: boolean;
  file: { name: string; sha256: string } | null;
  ocr: boolean;
  version: number;
  pages: { number: number; quality: string; source: string; length: number }[];
  annotations: Annotation[];
  related: HubSummary[];
  parent?: HubSummary;
  hits: { page: number; snippet: SnippetPart[] }[];
  history?: { from: string; to: string; actor: string; reason: string; at: string }[];
  moves?: string[];
}
// A clause category of the annotation codelist: `label`, `section` and
// `cluster` in English, as the codelist has them; the same in each language
// of the portal in `labels`, `section_labels` and `cluster_labels`.
export interface Category {
  key: string;
  label: string;
  section: string;
  cluster: string;
  labels: Record<string, string>;
  section_labels: Record<string, string>;
  cluster_labels: Record<string, string>;
}
// A category's words, and its section's, in the reader's language.
export const categoryLabel = (c: Category) => c.labels[language.value] || c.label;
export const sectionLabel = (c: Category) => c.section_labels[language.value] || c.section;
// The words of the category `key`, or the key itself when the codelist has no such category.
export function categoryLabelOf(lists: HubCodelists | null, key: string): string {
  const c = lists?.categories.find((x) => x.key === key);
  return c ? categoryLabel(c) : key;
}
// The codelist's categories by section, in its order, with each section's words.
export function categoriesBySection(lists: HubCodelists): { section: string; label: string; categories: Category[] }[] {
  const out: { section: string; label: string; categories: Category[] }[] = [];
  for (const c of lists.categories) {
    let group = out.find((g) => g.section === c.section);
    if (!group) out.push((group = { section: c.section, label: sectionLabel(c), categories: [] }));
    group.categories.push(c);
  }
  return out;
}
export interface HubCodelists {
  kinds: string[];
  contract_types: string[];
  document_types: string[];
  resources: string[];
  languages: string[];
  stages: string[];
  statuses: string[];
  page_qualities: string[];
  disclosure_modes: string[];
  categories: Category[];
}
export interface Provider {
  id: string;
  name: string;
  kind: string;
  description: string;
  regions: string[];
  sectors: string[];
  expertise: string[];
  stages: string[];
  languages: string[];
  assistance_criteria: string;
  cost: string;
  in_house_experts: number;
  contact_email: string;
  website: string;
  sample: boolean;
  version: number;
}
export interface ProviderList {
  items: Provider[];
  kinds: string[];
  regions: string[];
  sectors: string[];
  costs: string[];
}

let lists: Promise<HubCodelists | null> | null = null;
// The hub's codelists, fetched once per page load.
export function loadHubCodelists(): Promise<HubCodelists | null> {
  if (!lists) lists = call<HubCodelists>('GET', '/api/v1/hub/codelists').then((r) => r.data);
  return lists;
}

// A code as words ("production_sharing" -> "Production sharing") where the
// catalogs have no label of their own.
export function words(code: string): string {
  const s = code.replace(/[_-]/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}
export const kindLabel = (k: string) => t(`hubKind.${k}` as MessageKey);
export const contractTypeLabel = (c: string) => t(`contractType.${c}` as MessageKey);
export const documentTypeLabel = (d: string) => t(`documentType.${d}` as MessageKey);
export const stageLabel = (s: string) => t(`stage.${s}` as MessageKey);
export const hubStatusLabel = (s: string) => t(`hubStatus.${s}` as MessageKey);
export const qualityLabel = (q: string) => t(`quality.${q}` as MessageKey);
export const providerKindLabel = (k: string) => tOr(`providerKind.${k}`, words(k));
export const regionLabel = (r: string) => t(`region.${r}` as MessageKey);
export const sectorLabel = (s: string) => t(`sector.${s}` as MessageKey);

// The parts of `text` matching one of the words of `q` (case and accents
// ignored), for highlighting a page's text as the search did.
export function highlight(text: string, q: string): SnippetPart[] {
  const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const terms = fold(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1);
  if (terms.length === 0) return [{ text, hit: false }];
  // Folding keeps one character per character for the Latin scripts searched here.
  const folded = fold(text);
  if (folded.length !== text.length) return [{ text, hit: false }];
  const parts: SnippetPart[] = [];
  const word = /[\p{L}\p{N}]+/gu;
  let last = 0;
  for (let m = word.exec(folded); m; m = word.exec(folded)) {
    // Like the index's stemmer, a word matches when it starts with a term ("royalties", "royalty").
    const w = m[0];
    if (!terms.some((term) => w.startsWith(term) || (term.length > 4 && w.startsWith(term.slice(0, -1))))) continue;
    if (m.index > last) parts.push({ text: text.slice(last, m.index), hit: false });
    parts.push({ text: text.slice(m.index, m.index + w.length), hit: true });
    last = m.index + w.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), hit: false });
  return parts;
}
