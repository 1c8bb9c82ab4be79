// Lessons learned from an engagement, for its team and the Support Unit:
// written once the engagement runs, checked against the engagement's own
// names (each flag says what to take out), sent to review, and approved by
// another member of the Support Unit into the resource hub, where the public
// reads them with no trace of the engagement.
import { useEffect, useState } from 'preact/hooks';
import { byField, call } from '../../api';
import { CheckList, Field, FormError, TextArea } from '../../components/field';
import { Link } from '../../components/link';
import { disciplineLabel } from '../../codelists';
import { stageLabel } from '../../hub';
import { t } from '../../i18n';
import type { MessageKey } from '../../messages/en';
import type { Detail } from '../../requests';

interface Flag { field: 'title' | 'worked' | 'did_not_work'; term: string; kind: string }
interface Lesson {
  id: string;
  title: string;
  stage: string;
  disciplines: string[];
  language: string;
  worked: string;
  did_not_work: string;
  status: 'draft' | 'in_review' | 'published';
  hub_document_id: string;
  version: number;
  flags: Flag[];
}
type Words = Pick<Lesson, 'title' | 'stage' | 'disciplines' | 'language' | 'worked' | 'did_not_work'>;

const stages = ['planning', 'negotiating', 'monitoring'];
const languages = ['en', 'fr', 'es', 'pt'];
const writable = ['active', 'closed', 'evaluated'];

function LessonForm({ request, lesson, onDone, onCancel }: { request: Detail; lesson: Lesson | null; onDone: () => void; onCancel: () => void }) {
  const [words, setWords] = useState<Words>(lesson
    ? { title: lesson.title, stage: lesson.stage, disciplines: lesson.disciplines, language: lesson.language, worked: lesson.worked, did_not_work: lesson.did_not_work }
    : { title: '', stage: 'negotiating', disciplines: [], language: request.form.language || 'en', worked: '', did_not_work: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  async function save(e: Event) {
    e.preventDefault();
    const r = lesson
      ? await call('PUT', `/api/v1/lessons/${lesson.id}`, { ...words, version: lesson.version })
      : await call('POST', `/api/v1/requests/${request.id}/lessons`, words);
    if (r.status === 200 || r.status === 201) return onDone();
    setErrors(r.status === 0 ? { '': t('error.network') } : { ...byField(r.errors), '': r.errors[0]?.message || t('lesson.fix') });
  }
  const id = lesson ? `lesson-${lesson.id}` : 'lesson-new';
  return (
    <form class="panel" onSubmit={save} aria-label={lesson ? t('lesson.editTitle', { title: lesson.title }) : t('lesson.write')}>
      <FormError message={errors['']} />
      <Field id={`${id}-title`} label={t('lesson.field.title')} value={words.title} error={errors.title} onInput={(v) => setWords({ ...words, title: v })} />
      <div class="field">
        <label for={`${id}-stage`}>{t('lesson.field.stage')}</label>
        <select id={`${id}-stage`} value={words.stage} onChange={(e) => setWords({ ...words, stage: (e.currentTarget as HTMLSelectElement).value })}>
          {stages.map((s) => <option key={s} value={s}>{stageLabel(s)}</option>)}
        </select>
      </div>
      <div class="field">
        <label for={`${id}-language`}>{t('lesson.field.language')}</label>
        <select id={`${id}-language`} value={words.language} onChange={(e) => setWords({ ...words, language: (e.currentTarget as HTMLSelectElement).value })}>
          {languages.map((l) => <option key={l} value={l}>{t(`language.${l}` as MessageKey)}</option>)}
        </select>
      </div>
      <CheckList legend={t('lesson.field.disciplines')} options={request.form.disciplines} chosen={words.disciplines}
        labelOf={disciplineLabel} onChange={(disciplines) => setWords({ ...words, disciplines })} name={`${id}-disciplines`} />
      <TextArea id={`${id}-worked`} label={t('lesson.field.worked')} rows={4} value={words.worked} error={errors.worked} onInput={(v) => setWords({ ...words, worked: v })} />
      <TextArea id={`${id}-did-not-work`} label={t('lesson.field.did_not_work')} rows={4} value={words.did_not_work} error={errors.did_not_work} onInput={(v) => setWords({ ...words, did_not_work: v })} />
      <div class="buttons">
        <button type="submit">{t('lesson.save')}</button>
        <button type="button" class="secondary" onClick={onCancel}>{t('lesson.cancel')}</button>
      </div>
    </form>
  );
}

function LessonItem({ request, lesson, staff, onChange }: { request: Detail; lesson: Lesson; staff: boolean; onChange: () => void }) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState('');
  async function move(to: string) {
    const r = await call('POST', `/api/v1/lessons/${lesson.id}/status`, { to, version: lesson.version });
    if (r.status === 200) {
      setError('');
      return onChange();
    }
    setError(r.status === 0 ? t('error.network') : r.errors.map((e) => e.message).join(' '));
  }
  if (editing) return <LessonForm request={request} lesson={lesson} onDone={() => { setEditing(false); onChange(); }} onCancel={() => setEditing(false)} />;
  return (
    <li class="panel">
      <h3><span lang={lesson.language}>{lesson.title}</span> <span class={`badge badge-lesson-${lesson.status}`}>{t(`lesson.status.${lesson.status}` as MessageKey)}</span></h3>
      <p class="muted">{stageLabel(lesson.stage)}{lesson.disciplines.length > 0 && ` · ${lesson.disciplines.map(disciplineLabel).join(', ')}`}</p>
      <h4>{t('lesson.field.worked')}</h4>
      <p class="text" lang={lesson.language}>{lesson.worked}</p>
      {lesson.did_not_work && <><h4>{t('lesson.field.did_not_work')}</h4><p class="text" lang={lesson.language}>{lesson.did_not_work}</p></>}
      {lesson.flags.length > 0 && (
        <div class="warning" role="note">
          <p>{t('lesson.flagsIntro')}</p>
          <ul>
            {lesson.flags.map((f) => (
              <li key={`${f.field}-${f.term}`}>{t('lesson.flag', { term: f.term, kind: t(`lesson.kind.${f.kind}` as MessageKey), field: t(`lesson.field.${f.field}` as MessageKey) })}</li>
            ))}
          </ul>
        </div>
      )}
      <FormError message={error} />
      {lesson.status === 'published'
        ? <p><Link href={`/hub/documents/${lesson.hub_document_id}`}>{t('lesson.inHub')}</Link></p>
        : (
          <div class="buttons">
            <button type="button" class="secondary" onClick={() => setEditing(true)}>{t('lesson.edit')}</button>
            {lesson.status === 'draft' && <button type="button" onClick={() => move('in_review')}>{t('lesson.sendToReview')}</button>}
            {lesson.status === 'in_review' && staff && <button type="button" onClick={() => move('published')}>{t('lesson.approve')}</button>}
          </div>
        )}
    </li>
  );
}

export function LessonsPanel({ request, staff, expert }: { request: Detail; staff: boolean; expert: boolean }) {
  const [items, setItems] = useState<Lesson[] | null>(null);
  const [writing, setWriting] = useState(false);
  const [reloads, setReloads] = useState(0);
  const open = (staff || expert) && writable.includes(request.state);
  useEffect(() => {
    if (!staff && !expert) return;
    let latest = true;
    call<{ items: Lesson[] }>('GET', `/api/v1/requests/${request.id}/lessons`).then((r) => latest && setItems(r.data ? r.data.items : []));
    return () => { latest = false; };
  }, [request.id, reloads]);
  if (!items || (items.length === 0 && !open)) return null;
  const reload = () => { setWriting(false); setReloads((n) => n + 1); };
  return (
    <section aria-labelledby="lessons-title">
      <h2 id="lessons-title">{t('lesson.title')}</h2>
      <p class="muted">{t('lesson.intro')}</p>
      <ul class="plain lessons">
        {items.map((l) => <LessonItem key={l.id} request={request} lesson={l} staff={staff} onChange={reload} />)}
      </ul>
      {open && (writing
        ? <LessonForm request={request} lesson={null} onDone={reload} onCancel={() => setWriting(false)} />
        : <button type="button" class="secondary" onClick={() => setWriting(true)}>{t('lesson.write')}</button>)}
    </section>
  );
}
