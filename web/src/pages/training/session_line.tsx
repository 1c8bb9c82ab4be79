// One session of a course on one line: dates, mode and place, language,
// trainers, seats and its status when not planned. Shared by the catalog and
// the course page, with dates in the reader's language.
import { locale, t } from '../../i18n';
import type { MessageKey } from '../../messages/en';
import { type TrainingSession, sessionDates } from '../../training';

export function SessionLine({ s }: { s: TrainingSession }) {
  return (
    <>
      <strong>{sessionDates(s, locale())}</strong> — {t(`training.mode.${s.mode}` as MessageKey)}
      {s.place && <>, <span lang="">{s.place}</span></>} — {t(`language.${s.language}` as MessageKey)} — {t('training.trainers', { names: s.trainers.join(', ') })}
      {s.capacity > 0 && ` — ${t('training.seats', { n: s.capacity })}`}
      {s.status !== 'planned' && <> <span class={`badge badge-session-${s.status}`}>{t(`training.status.${s.status}` as MessageKey)}</span></>}
    </>
  );
}
