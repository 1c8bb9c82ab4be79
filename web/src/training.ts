// Capacity building as the pages read it: courses of the catalog with their
// sessions and hub materials, participants, certificates.
export const sessionModes = ['in_person', 'online', 'hybrid'] as const;
export const sessionStatuses = ['planned', 'held', 'cancelled'] as const;

export interface TrainingSession {
  id: string;
  course_id: string;
  starts_on: string;
  ends_on: string;
  days: number;
  mode: string;
  place: string;
  language: string;
  trainers: string[];
  capacity: number;
  status: string;
  version: number;
}
export interface Course {
  id: string;
  title: string;
  summary: string;
  audience: string;
  hours: number;
  materials: string[];
  published: boolean;
  version: number;
  sessions: TrainingSession[];
  material_documents: { id: string; title: string; kind: string }[];
}
export interface Participant {
  id: string;
  name: string;
  email: string;
  position: string;
  organisation: string;
  attended_days: number;
  completed: boolean;
  certificate_id: string | null;
  version: number;
}

// "7–9 Dec 2026", or one day.
export function sessionDates(s: TrainingSession, locale: string): string {
  const fmt = (d: string) => new Date(`${d}T00:00:00`).toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' });
  return s.starts_on === s.ends_on ? fmt(s.starts_on) : `${fmt(s.starts_on)} – ${fmt(s.ends_on)}`;
}
