// The code lists the forms and reports offer, served by GET /api/v1/codelists
// from the one place each is kept (the domain's vocabulary, the disciplines
// table, the fiscal engine): the app keeps no copy of them.
import { call } from './api';
import { type Language, language, t } from './i18n';
import type { MessageKey } from './messages/en';
import { signal } from './state';

export interface Codelists {
  disciplines: string[];
  discipline_labels: Record<string, { en: string; fr: string }>;
  commodities: string[];
  phases: string[];
  stages: string[];
  languages: string[];
  states: string[];
  instrument_types: string[];
  ledger_lines: string[];
  government_lines: string[];
}

let codelists: Promise<Codelists | null> | null = null;
// The codelists, fetched once per page load (main.tsx starts it).
export function loadCodelists(): Promise<Codelists | null> {
  if (!codelists) {
    codelists = call<Codelists>('GET', '/api/v1/codelists').then((r) => {
      if (!r.data) codelists = null; // asked again by the next page
      if (r.data) {
        disciplineLabels.value = r.data.discipline_labels;
        lists.value = r.data;
      }
      return r.data;
    });
  }
  return codelists;
}
// The codelists once they have arrived, for components that render from them
// as they come (they re-render when the signal is set).
export const lists = signal<Codelists | null>(null);
// After an administrator changes the codelist.
export function reloadCodelists(): Promise<Codelists | null> {
  codelists = null;
  return loadCodelists();
}

// Labels of every discipline, retired ones too; the app re-renders when they arrive.
// Until a discipline has words in every language, English stands in.
export const disciplineLabels = signal<Record<string, { en: string } & Partial<Record<Language, string>>>>({});
// The codes offered, then those a record already holds that are no longer
// offered (a retired discipline stays on the records that name it).
export function withChosen(offered: string[], chosen: string[]): string[] {
  return [...offered, ...chosen.filter((c) => !offered.includes(c))];
}
export function disciplineLabel(code: string): string {
  const label = disciplineLabels.value[code];
  return label ? label[language.value] || label.en : code.replace(/_/g, ' ');
}

export const commodityLabel = (c: string) => t(`commodity.${c}` as MessageKey);
