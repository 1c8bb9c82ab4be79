// One course: its sessions and materials for everyone; for the Support Unit
// publishing, sessions, attendance and completion; for governments the
// nomination of their officials and the list of their own nominees, with
// links to the certificates they earned.
import { useEffect, useState } from 'preact/hooks';
import { byField, call, currentUser } from '../../api';
import { Field, FormError } from '../../components/field';
import { Link } from '../../components/link';
import { t } from '../../i18n';
import type { MessageKey } from '../../messages/en';
import { useSignal } from '../../state';
import { type Course, type Participant, type TrainingSession, sessionModes, sessionStatuses } from '../../training';
import { lists } from '../../codelists';
import { MaterialPicker } from './material_picker';
import { SessionLine } from './session_line';

function SessionForm({ course, onAdded }: { course: Course; onAdded: () => void }) {
  const blank = { starts_on: '', ends_on: '', mode: 'in_person', place: '', language: 'en', trainers: '', capacity: '' };
  const [form, setForm] = useState(blank);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (k: keyof typeof blank) => (v: string) => setForm({ ...form, [k]: v });
  async function submit(e: Event) {
    e.preventDefault();
    const body: Record<string, unknown> = { starts_on: form.starts_on, mode: form.mode, place: form.place, language: form.language, trainers: form.trainers.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean) };
    if (form.ends_on) body.ends_on = form.ends_on;
    if (form.capacity.trim()) body.capacity = Number(form.capacity);
    const r = await call<TrainingSession>('POST', `/api/v1/training/courses/${course.id}/sessions`, body);
    if (r.data) {
      setForm(blank);
      setErrors({});
      return onAdded();
    }
    setErrors(r.status === 0 ? { '': t('error.network') } : { ...byField(r.errors), '': t('monitoring.fix') });
  }
  const select = (k: 'mode' | 'language', options: readonly string[], label: (o: string) => string) => (
    <div class="field">
      <label for={`session-${k}`}>{t(`training.${k}` as MessageKey)}</label>
      <select id={`session-${k}`} value={form[k]} onChange={(e) => set(k)((e.currentTarget as HTMLSelectElement).value)}>
        {options.map((o) => <option key={o} value={o}>{label(o)}</option>)}
      </select>
      {errors[k] && <p class="field-error">{errors[k]}</p>}
    </div>
  );
  return (
    <form class="panel" onSubmit={submit} aria-label={t('training.addSession')}>
      <h2>{t('training.addSession')}</h2>
      <FormError message={errors['']} />
      <Field id="session-starts" type="date" label={t('training.startsOn')} value={form.starts_on} error={errors.starts_on} onInput={set('starts_on')} />
      <Field id="session-ends" type="date" label={t('training.endsOn')} value={form.ends_on} error={errors.ends_on} onInput={set('ends_on')} />
      {select('mode', sessionModes, (o) => t(`training.mode.${o}` as MessageKey))}
      <Field id="session-place" label={t('training.place')} value={form.place} error={errors.place} onInput={set('place')} />
      {select('language', lists.value?.languages ?? [], (o) => t(`language.${o}` as MessageKey))}
      <Field id="session-trainers" label={t('training.trainersLabel')} value={form.trainers} error={errors.trainers} onInput={set('trainers')} />
      <Field id="session-capacity" label={t('training.capacity')} value={form.capacity} error={errors.capacity} onInput={set('capacity')} />
      <button type="submit">{t('training.addSessionButton')}</button>
    </form>
  );
}

function AttendanceForm({ person, session, onSaved }: { person: Participant; session: TrainingSession; onSaved: () => void }) {
  const [days, setDays] = useState(String(person.attended_days));
  const [completed, setCompleted] = useState(person.completed);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    setDays(String(person.attended_days));
    setCompleted(person.completed);
  }, [person.version]);
  async function save(e: Event) {
    e.preventDefault();
    const r = await call<Participant>('PUT', `/api/v1/training/participants/${person.id}`, { attended_days: Number(days), completed, version: person.version });
    if (r.data) {
      setErrors({});
      return onSaved();
    }
    setErrors(r.status === 0 ? { '': t('error.network') } : byField(r.errors));
  }
  return (
    <form class="inline-form" onSubmit={save} aria-label={t('training.attendanceOf', { name: person.name })}>
      <label for={`days-${person.id}`}>{t('training.daysAttended', { days: session.days })}</label>
      <input id={`days-${person.id}`} inputMode="numeric" size={3} value={days} onInput={(e) => setDays((e.currentTarget as HTMLInputElement).value)} />
      <label class="inline"><input type="checkbox" checked={completed} onChange={(e) => setCompleted((e.currentTarget as HTMLInputElement).checked)} /> {t('training.completed')}</label>
      <button type="submit">{t('monitoring.save')}</button>
      {Object.values(errors).map((m) => <p class="field-error" key={m}>{m}</p>)}
    </form>
  );
}

function Participants({ session, staff }: { session: TrainingSession; staff: boolean }) {
  const [people, setPeople] = useState<Participant[] | null>(null);
  const [form, setForm] = useState({ name: '', email: '', position: '', organisation: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const load = () => call<{ items: Participant[] }>('GET', `/api/v1/training/sessions/${session.id}/participants`).then((r) => setPeople(r.data ? r.data.items : []));
  useEffect(() => void load(), [session.id]);
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  async function nominate(e: Event) {
    e.preventDefault();
    const body: Record<string, string> = { name: form.name };
    for (const k of ['email', 'position', 'organisation'] as const) if (form[k]) body[k] = form[k];
    const r = await call<Participant>('POST', `/api/v1/training/sessions/${session.id}/participants`, body);
    if (r.data) {
      setForm({ name: '', email: '', position: '', organisation: '' });
      setErrors({});
      return load();
    }
    const fields = byField(r.errors);
    setErrors(r.status === 0 ? { '': t('error.network') } : { ...fields, '': fields.session || t('monitoring.fix') });
  }
  const id = (k: string) => `nominee-${session.id}-${k}`;
  return (
    <div>
      <h3>{staff ? t('training.participants') : t('training.yourNominees')}</h3>
      {people !== null && people.length === 0 && <p class="muted">{t('training.noParticipants')}</p>}
      {people !== null && people.length > 0 && (
        <table>
          <thead>
            <tr><th>{t('training.name')}</th><th>{t('training.organisation')}</th><th>{t('training.attendance')}</th><th>{t('training.certificate')}</th></tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id}>
                <td>{p.name}{p.position && <span class="muted"> — {p.position}</span>}</td>
                <td>{p.organisation}</td>
                <td>{staff ? <AttendanceForm person={p} session={session} onSaved={load} /> : t('training.daysOf', { days: p.attended_days, of: session.days })}</td>
                <td>{p.certificate_id ? <Link href={`/training/certificates/${p.certificate_id}`}>{t('training.viewCertificate', { name: p.name })}</Link> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {session.status === 'planned' && (
        <form class="panel" onSubmit={nominate} aria-label={t('training.nominateFor', { dates: session.starts_on })}>
          <h4>{t('training.nominate')}</h4>
          <FormError message={errors['']} />
          <Field id={id('name')} label={t('training.name')} value={form.name} error={errors.name} onInput={set('name')} />
          <Field id={id('email')} type="email" label={t('training.email')} value={form.email} error={errors.email} onInput={set('email')} />
          <Field id={id('position')} label={t('training.position')} value={form.position} error={errors.position} onInput={set('position')} />
          <Field id={id('organisation')} label={staff ? t('training.organisation') : t('training.organisationOptional')} value={form.organisation} error={errors.organisation} onInput={set('organisation')} />
          <button type="submit">{t('training.nominateButton')}</button>
        </form>
      )}
    </div>
  );
}

export function TrainingCoursePage({ id }: { id: string }) {
  const user = useSignal(currentUser);
  const staff = !!user && (user.role === 'coordinator' || user.role === 'admin');
  const takesPart = staff || user?.role === 'government';
  const [course, setCourse] = useState<Course | null | undefined>(undefined);
  const [error, setError] = useState('');
  const load = () => call<Course>('GET', `/api/v1/training/courses/${id}`).then((r) => setCourse(r.data));
  useEffect(() => void load(), [id, user?.id]);
  if (course === undefined) return <p>{t('common.loading')}</p>;
  if (course === null) {
    return (
      <div>
        <h1>{t('notFound.title')}</h1>
        <p>{t('notFound.body')}</p>
      </div>
    );
  }
  async function update(change: Record<string, unknown>) {
    const c = course!;
    const r = await call('PUT', `/api/v1/training/courses/${c.id}`, { title: c.title, summary: c.summary, audience: c.audience, hours: c.hours, materials: c.materials, published: c.published, version: c.version, ...change });
    setError(r.status === 200 ? '' : r.errors[0]?.message || t('error.network'));
    load();
  }
  async function setStatus(s: TrainingSession, status: string) {
    const { id: _id, course_id: _c, days: _d, ...fields } = s;
    const r = await call('PUT', `/api/v1/training/sessions/${s.id}`, { ...fields, status });
    setError(r.status === 200 ? '' : r.errors[0]?.message || t('error.network'));
    load();
  }
  return (
    <div>
      <p><Link href="/training">{t('training.back')}</Link></p>
      <h1 lang="">{course.title}</h1>
      {course.summary && <p lang="">{course.summary}</p>}
      <p class="muted">
        {course.audience && <>{t('training.for', { audience: '' })}<span lang="">{course.audience}</span> · </>}
        {course.hours > 0 && t('training.hoursValue', { hours: course.hours })}
      </p>
      <FormError message={error} />
      {staff && (
        <p>
          <label class="inline"><input type="checkbox" checked={course.published} onChange={(e) => update({ published: (e.currentTarget as HTMLInputElement).checked })} /> {t('training.published')}</label>
        </p>
      )}
      {staff ? (
        <MaterialPicker chosen={course.material_documents} onChange={(v) => update({ materials: v.map((m) => m.id) })} />
      ) : course.material_documents.length > 0 && (
        <section aria-label={t('training.materials')}>
          <h2>{t('training.materials')}</h2>
          <ul>{course.material_documents.map((m) => <li key={m.id}><Link href={`/hub/documents/${m.id}`}><span lang="">{m.title}</span></Link></li>)}</ul>
        </section>
      )}
      <section aria-label={t('training.sessions')}>
        <h2>{t('training.sessions')}</h2>
        {course.sessions.length === 0 && <p class="muted">{t('training.noUpcoming')}</p>}
        {course.sessions.map((s) => (
          <article key={s.id} class="panel" aria-label={t('training.sessionOf', { dates: s.starts_on })}>
            <p><SessionLine s={s} /></p>
            {staff && (
              <p>
                <label for={`session-status-${s.id}`}>{t('training.sessionStatus')}</label>{' '}
                <select id={`session-status-${s.id}`} value={s.status} onChange={(e) => setStatus(s, (e.currentTarget as HTMLSelectElement).value)}>
                  {sessionStatuses.map((o) => <option key={o} value={o}>{t(`training.status.${o}` as MessageKey)}</option>)}
                </select>
              </p>
            )}
            {takesPart && <Participants session={s} staff={staff} />}
          </article>
        ))}
      </section>
      {staff && <SessionForm course={course} onAdded={load} />}
    </div>
  );
}
