// The public training catalog: published courses, their sessions (dates,
// place or online, language, trainers, seats) and their hub materials. The
// Support Unit also sees drafts and creates courses here.
import { useEffect, useState } from 'preact/hooks';
import { byField, call, currentUser } from '../../api';
import { Field, FormError } from '../../components/field';
import { Link } from '../../components/link';
import { t } from '../../i18n';
import { navigate } from '../../router';
import { type Course } from '../../training';
import { useSignal } from '../../state';
import { MaterialPicker } from './material_picker';
import { SessionLine } from './session_line';

function NewCourse() {
  const [form, setForm] = useState({ title: '', summary: '', audience: '', hours: '' });
  const [materials, setMaterials] = useState<{ id: string; title: string }[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  async function submit(e: Event) {
    e.preventDefault();
    const body: Record<string, unknown> = { title: form.title, summary: form.summary, audience: form.audience, materials: materials.map((m) => m.id) };
    if (form.hours.trim()) body.hours = Number(form.hours);
    const r = await call<Course>('POST', '/api/v1/training/courses', body);
    if (r.data) return navigate(`/training/courses/${r.data.id}`);
    setErrors(r.status === 0 ? { '': t('error.network') } : { ...byField(r.errors), '': t('monitoring.fix') });
  }
  return (
    <form class="panel" onSubmit={submit} aria-label={t('training.newCourse')}>
      <h2>{t('training.newCourse')}</h2>
      <FormError message={errors['']} />
      <Field id="course-title" label={t('training.courseTitle')} value={form.title} error={errors.title} onInput={set('title')} />
      <div class="field">
        <label for="course-summary">{t('training.summary')}</label>
        <textarea id="course-summary" rows={3} value={form.summary} onInput={(e) => set('summary')((e.currentTarget as HTMLTextAreaElement).value)} />
      </div>
      <Field id="course-audience" label={t('training.audience')} value={form.audience} error={errors.audience} onInput={set('audience')} />
      <Field id="course-hours" label={t('training.hours')} value={form.hours} error={errors.hours} onInput={set('hours')} />
      <MaterialPicker chosen={materials} onChange={setMaterials} error={Object.entries(errors).find(([k]) => k.startsWith('materials'))?.[1]} />
      <button type="submit">{t('training.createCourse')}</button>
    </form>
  );
}

export function TrainingCatalog() {
  const user = useSignal(currentUser);
  const staff = !!user && (user.role === 'coordinator' || user.role === 'admin');
  const [courses, setCourses] = useState<Course[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    call<{ items: Course[] }>('GET', '/api/v1/training/courses').then((r) => (r.data ? setCourses(r.data.items) : setError(t('error.network'))));
  }, [user?.id]);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div>
      <h1>{t('training.heading')}</h1>
      <p>{t('training.intro')}</p>
      <FormError message={error} />
      {courses === null && !error && <p>{t('common.loading')}</p>}
      {courses !== null && courses.length === 0 && <p class="muted">{t('training.noCourses')}</p>}
      {(courses || []).map((c) => {
        const coming = c.sessions.filter((s) => s.ends_on >= today && s.status !== 'cancelled');
        return (
          <article class="panel" key={c.id} aria-label={c.title}>
            <h2><Link href={`/training/courses/${c.id}`}><span lang="">{c.title}</span></Link>{!c.published && <> <span class="badge badge-sample">{t('training.draft')}</span></>}</h2>
            {c.summary && <p lang="">{c.summary}</p>}
            <p class="muted">
              {c.audience && <>{t('training.for', { audience: '' })}<span lang="">{c.audience}</span> · </>}
              {c.hours > 0 && t('training.hoursValue', { hours: c.hours })}
            </p>
            {coming.length > 0 ? (
              <ul class="plain">{coming.map((s) => <li key={s.id}><SessionLine s={s} /></li>)}</ul>
            ) : <p class="muted">{t('training.noUpcoming')}</p>}
            {c.material_documents.length > 0 && (
              <p>{t('training.materials')}: {c.material_documents.map((m, i) => <>{i > 0 && ', '}<Link key={m.id} href={`/hub/documents/${m.id}`}><span lang="">{m.title}</span></Link></>)}</p>
            )}
          </article>
        );
      })}
      {staff && <NewCourse />}
    </div>
  );
}
