// A certificate of completion as a printable page: whoever holds its link
// (the official, an employer checking it) reads it; printing leaves out the
// portal's navigation. The link's id is the check: an unknown one is not found.
import { useEffect, useState } from 'preact/hooks';
import { call } from '../../api';
import { t } from '../../i18n';
import type { MessageKey } from '../../messages/en';
import { type TrainingSession, sessionDates } from '../../training';
import { locale } from '../../i18n';
import { formatLongDate } from '../../numbers';

interface CertificateView {
  id: string;
  name: string;
  position: string;
  organisation: string;
  attended_days: number;
  issued_at: string;
  course: { id: string; title: string; hours: number };
  session: TrainingSession;
}

export function CertificatePage({ id }: { id: string }) {
  const [c, setC] = useState<CertificateView | null | undefined>(undefined);
  useEffect(() => void call<CertificateView>('GET', `/api/v1/training/certificates/${id}`).then((r) => setC(r.data)), [id]);
  if (c === undefined) return <p>{t('common.loading')}</p>;
  if (c === null) {
    return (
      <div>
        <h1>{t('notFound.title')}</h1>
        <p>{t('training.certificateNotFound')}</p>
      </div>
    );
  }
  const s = c.session;
  return (
    <div>
      <article class="certificate" aria-label={t('training.certificateTitle')}>
        <p class="issuer">CONNEX — {t('training.issuer')}</p>
        <h1>{t('training.certificateTitle')}</h1>
        <p>{t('training.certifies')}</p>
        <p class="recipient">{c.name}</p>
        {(c.position || c.organisation) && <p>{[c.position, c.organisation].filter(Boolean).join(', ')}</p>}
        <p>{t('training.completedCourse')}</p>
        <p class="course">{c.course.title}</p>
        <p>
          {sessionDates(s, locale())} — {t(`training.mode.${s.mode}` as MessageKey)}{s.place && `, ${s.place}`}
          {c.course.hours > 0 && ` — ${t('training.hoursValue', { hours: c.course.hours })}`}
        </p>
        <p>{t('training.attendedDays', { days: c.attended_days, of: s.days })}</p>
        <p>{t('training.trainers', { names: s.trainers.join(', ') })}</p>
        <p class="muted">{t('training.issuedOn', { date: formatLongDate(c.issued_at) })} · {t('training.verify', { id: c.id })}</p>
      </article>
      <p class="actions"><button type="button" onClick={() => window.print()}>{t('training.print')}</button></p>
    </div>
  );
}
