// Panels of the Support Unit's work on a request: due diligence and approval
// with a first scope, scope versions with what changed, the team, and the
// deliverables and milestones.
import { useEffect, useState } from 'preact/hooks';
import { byField, call, type User } from '../../api';
import { CheckList, Field, FormError, ListField, NumberField, TextArea } from '../../components/field';
import { t } from '../../i18n';
import { formatLongDate } from '../../numbers';
import type { MessageKey } from '../../messages/en';
import { scopeReason, when, type Deliverable, type Detail, type Scope } from '../../requests';
import { disciplineLabel, loadCodelists, lists, withChosen } from '../../codelists';
import { TeamBuilder } from './team_builder';

const risks = ['unassessed', 'low', 'medium', 'high'];
const decisions = ['pending', 'approve', 'decline'];

interface DueDiligence {
  human_rights: string;
  environmental: string;
  legal: string;
  reputational: string;
  other_providers: string;
  notes: string;
  decision: string;
  reasons: string;
  version: number;
}

function Select({ id, label, value, options, labelOf, error, onChange }: {
  id: string; label: string; value: string; options: string[]; labelOf: (o: string) => string; error?: string;
  onChange: (v: string) => void;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        {options.map((o) => <option key={o} value={o}>{labelOf(o)}</option>)}
      </select>
      {error && <p class="field-error">{error}</p>}
    </div>
  );
}


// The scope's fields, shared by the approval and by later versions.
function ScopeFields({ scope, setScope, errors, prefix }: {
  scope: Scope; setScope: (s: Scope) => void; errors: Record<string, string>; prefix: string;
}) {
  return (
    <>
      <TextArea id={`${prefix}-summary`} label={t('detail.scopeSummary')} value={scope.summary}
        error={errors['scope.summary']} onInput={(v) => setScope({ ...scope, summary: v })} />
      <CheckList legend={t('form.phase')} options={lists.value?.phases ?? []} chosen={scope.phases}
        labelOf={(p) => t(`phase.${p}` as MessageKey)} onChange={(phases) => setScope({ ...scope, phases })} />
      <CheckList legend={t('scope.field.disciplines')} hint={t('scope.disciplinesHint')}
        options={withChosen(lists.value?.disciplines ?? [], scope.disciplines)} chosen={scope.disciplines}
        labelOf={disciplineLabel} onChange={(disciplines) => setScope({ ...scope, disciplines })}
        errors={errors['scope.disciplines'] ? [errors['scope.disciplines']] : []} />
      <NumberField id={`${prefix}-days`} label={t('detail.scopeDays')} value={scope.expert_days}
        error={errors['scope.expert_days']} onInput={(v) => setScope({ ...scope, expert_days: v })} />
      <ListField id={`${prefix}-deliverables`} label={t('detail.scopeDeliverables')} value={scope.deliverables}
        error={errors['scope.deliverables']} onInput={(v) => setScope({ ...scope, deliverables: v })} />
      <div class="field">
        <label class="inline">
          <input type="checkbox" checked={scope.publish_contract}
            onChange={(e) => setScope({ ...scope, publish_contract: (e.currentTarget as HTMLInputElement).checked })} /> {t('scope.publishContract')}
        </label>
        <p class="hint">{t('scope.publishContractHint')}</p>
      </div>
      {scope.publish_contract && (
        <Field id={`${prefix}-publish-by`} type="date" min={new Date().toISOString().slice(0, 10)} label={t('scope.field.publish_by')} value={scope.publish_by}
          error={errors['scope.publish_by']} onInput={(v) => setScope({ ...scope, publish_by: v })} />
      )}
    </>
  );
}

export function ApprovalPanel({ request, onApprove }: { request: Detail; onApprove: (scope: Scope) => Promise<boolean> }) {
  const [dd, setDd] = useState<DueDiligence | null>(null);
  const [scope, setScope] = useState<Scope>({
    summary: '', disciplines: request.form.disciplines, phases: request.form.phase ? [request.form.phase] : [],
    deliverables: [], expert_days: 0, publish_contract: false, publish_by: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');
  useEffect(() => {
    call<DueDiligence>('GET', `/api/v1/requests/${request.id}/due-diligence`).then((r) => r.data && setDd(r.data));
  }, [request.id]);
  if (!dd) return null;
  const set = (k: keyof DueDiligence) => (v: string) => setDd({ ...dd, [k]: v });

  async function saveDd(): Promise<boolean> {
    const { human_rights, environmental, legal, reputational, other_providers, notes, decision, reasons, version } = dd!;
    const r = await call<DueDiligence>('PUT', `/api/v1/requests/${request.id}/due-diligence`, {
      human_rights, environmental, legal, reputational, other_providers, notes, decision, reasons, version,
    });
    if (!r.data) {
      const fields = byField(r.errors);
      setErrors(r.status === 0 ? { '': t('error.network') } : { ...fields, '': fields[''] || r.errors[0]?.message || '' });
      return false;
    }
    setDd(r.data);
    setErrors({});
    setNotice(t('dd.saved'));
    return true;
  }

  return (
    <section class="panel">
      <h2>{t('detail.dueDiligence')}</h2>
      <FormError message={errors['']} />
      <div class="grid">
        {(['human_rights', 'environmental', 'legal', 'reputational'] as const).map((k) => (
          <Select key={k} id={`dd-${k}`} label={t(`dd.${k}`)} value={dd[k]} options={risks}
            labelOf={(o) => t(`risk.${o}` as MessageKey)} error={errors[k]} onChange={set(k)} />
        ))}
      </div>
      <TextArea id="dd-other_providers" label={t('dd.other_providers')} value={dd.other_providers} onInput={set('other_providers')} />
      <TextArea id="dd-notes" label={t('dd.notes')} value={dd.notes} onInput={set('notes')} />
      <Select id="dd-decision" label={t('dd.decision')} value={dd.decision} options={decisions}
        labelOf={(o) => t(`decision.${o}` as MessageKey)} error={errors.decision} onChange={set('decision')} />
      <TextArea id="dd-reasons" label={t('dd.reasons')} value={dd.reasons} error={errors.reasons} onInput={set('reasons')} />
      <button type="button" class="secondary" onClick={saveDd}>{t('dd.save')}</button>
      {notice && <p class="notice" role="status">{notice}</p>}
      {dd.decision === 'approve' && (
        <>
          <h3>{t('detail.approveTitle')}</h3>
          <ScopeFields scope={scope} setScope={setScope} errors={errors} prefix="approve" />
          <button type="button" onClick={async () => {
            if (await saveDd()) await onApprove(scope);
          }}>{t('detail.approve')}</button>
        </>
      )}
    </section>
  );
}

interface ScopeVersion {
  number: number;
  author: string;
  at: string;
  reason: string;
  scope: Scope;
  changes: { field: string; before?: unknown; after?: unknown; added?: string[]; removed?: string[] }[];
}

type ScopeChange = ScopeVersion['changes'][number];

// One change of a scope version in words: "Disciplines: + Geology − Legal",
// "Expert days: 30 → 40".
function changeText(c: ScopeChange): string {
  const name = (v: string) =>
    c.field === 'disciplines' ? disciplineLabel(v) : c.field === 'phases' ? t(`phase.${v}` as MessageKey) : v;
  const label = t(`scope.field.${c.field}` as MessageKey);
  if (c.field === 'publish_contract') return t(c.after ? 'scope.commitmentMade' : 'scope.commitmentDropped');
  if (c.added || c.removed) {
    const added = (c.added ?? []).map((v) => `+ ${name(v)}`);
    const removed = (c.removed ?? []).map((v) => `− ${name(v)}`);
    return t('common.labelValue', { label, value: [...added, ...removed].join(' ') });
  }
  return t('common.labelValue', { label, value: `${String(c.before ?? '')} → ${String(c.after ?? '')}` });
}

const scopeStates = ['approved', 'scoping', 'team_proposed', 'team_confirmed', 'active'];

export function ScopePanel({ request, staff, onChange }: { request: Detail; staff: boolean; onChange: () => void }) {
  const [versions, setVersions] = useState<ScopeVersion[]>([]);
  const [draft, setDraft] = useState<Scope | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    call<{ items: ScopeVersion[] }>('GET', `/api/v1/requests/${request.id}/scope`).then((r) => r.data && setVersions(r.data.items));
  }, [request.id, request.version, request.scope_version]);

  async function save() {
    const r = await call<ScopeVersion>('POST', `/api/v1/requests/${request.id}/scope`, { scope: draft, reason });
    if (!r.data) return setErrors(r.status === 0 ? { '': t('error.network') } : byField(r.errors));
    setDraft(null);
    setReason('');
    setErrors({});
    onChange();
  }

  const current = versions[versions.length - 1];
  return (
    <section>
      <h2>{t('detail.scope')}</h2>
      {!current && <p>{t('detail.noScope')}</p>}
      {current && (
        <>
          <p class="text">{current.scope.summary}</p>
          <p>
            {current.scope.phases.map((p) => t(`phase.${p}` as MessageKey)).join(', ')}
            {current.scope.phases.length > 0 && ' · '}
            {t('common.labelValue', { label: t('detail.scopeDays'), value: current.scope.expert_days })}
          </p>
          {current.scope.disciplines.length > 0 && (
            <p>{t('common.labelValue', { label: t('scope.field.disciplines'), value: current.scope.disciplines.map(disciplineLabel).join(', ') })}</p>
          )}
          {current.scope.deliverables.length > 0 && <ul>{current.scope.deliverables.map((d) => <li key={d}>{d}</li>)}</ul>}
          {current.scope.publish_contract && <p>{t('scope.commitsBy', { date: formatLongDate(current.scope.publish_by) })}</p>}
          <ol class="versions">
            {versions.map((v) => (
              <li key={v.number}>
                {t('detail.scopeVersion', { number: v.number, author: v.author, at: when(v.at), reason: scopeReason(v.reason) })}
                {/* The first version is the scope itself, shown above; later ones say what changed. */}
                {v.number > 1 && (
                  <ul>
                    {v.changes.map((c, i) => <li key={i}>{changeText(c)}</li>)}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      {staff && current && scopeStates.includes(request.state) && !draft && (
        <button type="button" class="secondary" onClick={() => setDraft({ ...current.scope })}>{t('detail.newScope')}</button>
      )}
      {draft && (
        <div class="panel">
          <FormError message={errors['']} />
          <ScopeFields scope={draft} setScope={setDraft} errors={errors} prefix="scope" />
          <Field id="scope-reason" label={t('detail.scopeReason')} value={reason} error={errors.reason} onInput={setReason} />
          <button type="button" onClick={save}>{t('detail.saveScope')}</button>
        </div>
      )}
    </section>
  );
}

export function TeamPanel({ request, staff, onChange }: { request: Detail; staff: boolean; onChange: () => void }) {
  const [experts, setExperts] = useState<User[]>([]);
  const [expert, setExpert] = useState('');
  const [role, setRole] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [disciplines, setDisciplines] = useState<string[]>([]);
  useEffect(() => {
    if (!staff) return;
    call<{ items: User[] }>('GET', '/api/v1/users?limit=200').then((r) => {
      if (r.data) setExperts(r.data.items.filter((u) => u.role === 'expert'));
    });
    loadCodelists().then((c) => c && setDisciplines(c.disciplines));
  }, [staff]);
  const building = staff && (request.state === 'approved' || request.state === 'scoping') && disciplines.length > 0;
  const open = !['declined', 'withdrawn', 'closed', 'evaluated'].includes(request.state);

  async function add() {
    const r = await call('POST', `/api/v1/requests/${request.id}/team`, { user_id: expert, role });
    if (r.status !== 201) return setErrors(r.status === 0 ? { '': t('error.network') } : byField(r.errors));
    setErrors({});
    setRole('');
    onChange();
  }
  async function remove(userId: string) {
    await call('DELETE', `/api/v1/requests/${request.id}/team/${userId}`);
    onChange();
  }

  return (
    <section>
      <h2>{t('detail.team')}</h2>
      {request.team.length === 0 && <p>{t('detail.noTeam')}</p>}
      <ul class="team">
        {request.team.map((m) => (
          <li key={m.user_id}>
            {m.name} — {m.role}{' '}
            {staff && open && <button type="button" class="link" onClick={() => remove(m.user_id)}>{t('detail.remove')}</button>}
            {staff && (request.state === 'closed' || request.state === 'evaluated') && <Appraise request={request} userId={m.user_id} />}
          </li>
        ))}
      </ul>
      {/* A new scope version starts the builder again from its disciplines. */}
      {building && <TeamBuilder key={request.scope_version} request={request} disciplines={disciplines} onChange={onChange} />}
      {staff && open && (
        <div class="row">
          <FormError message={errors['']} />
          <Select id="team-expert" label={t('detail.expert')} value={expert} options={['', ...experts.map((e) => e.id)]}
            labelOf={(id) => experts.find((e) => e.id === id)?.name || t('form.choose')} error={errors.user_id} onChange={setExpert} />
          <Field id="team-role" label={t('detail.memberRole')} value={role} error={errors.role} onInput={setRole} />
          <button type="button" class="secondary" onClick={add}>{t('detail.add')}</button>
        </div>
      )}
    </section>
  );
}

const planStates = ['approved', 'scoping', 'team_proposed', 'team_confirmed', 'active'];

export function DeliverablesPanel({ request, staff, expert, onChange }: {
  request: Detail; staff: boolean; expert: boolean; onChange: () => void;
}) {
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState('deliverable');
  const [phase, setPhase] = useState(request.engagement_phase || 'preparation');
  const [due, setDue] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function plan() {
    const r = await call('POST', `/api/v1/requests/${request.id}/deliverables`, { title, kind, phase, due_date: due });
    if (r.status !== 201) return setErrors(r.status === 0 ? { '': t('error.network') } : byField(r.errors));
    setErrors({});
    setTitle('');
    onChange();
  }
  async function setStatus(d: Deliverable, status: string) {
    const r = await call('PUT', `/api/v1/requests/${request.id}/deliverables/${d.id}`, { status, version: d.version });
    if (r.status !== 200) setErrors(byField(r.errors));
    onChange();
  }
  // The team may start and deliver; the Support Unit may set anything.
  const choices = staff ? ['planned', 'in_progress', 'delivered', 'accepted', 'cancelled'] : ['in_progress', 'delivered'];

  return (
    <section>
      <h2>{t('detail.deliverables')}</h2>
      <FormError message={errors['']} />
      {request.deliverables.length === 0 && <p>{t('detail.noDeliverables')}</p>}
      {request.deliverables.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t('detail.deliverableTitle')}</th>
              <th>{t('detail.kind')}</th>
              <th>{t('form.phase')}</th>
              <th>{t('detail.dueDate')}</th>
              <th>{t('detail.deliverableStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {request.deliverables.map((d) => (
              <tr key={d.id}>
                <td>{d.title}</td>
                <td>{t(`kind.${d.kind}` as MessageKey)}</td>
                <td>{t(`phase.${d.phase}` as MessageKey)}</td>
                <td>{d.due_date}</td>
                <td>
                  {(staff || expert) && request.state === 'active' ? (
                    <select aria-label={t('detail.deliverableStatus')} value={d.status}
                      onChange={(e) => setStatus(d, (e.currentTarget as HTMLSelectElement).value)}>
                      {[d.status, ...choices.filter((c) => c !== d.status)].map((c) => (
                        <option key={c} value={c}>{t(`dstatus.${c}` as MessageKey)}</option>
                      ))}
                    </select>
                  ) : (
                    t(`dstatus.${d.status}` as MessageKey)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {staff && planStates.includes(request.state) && (
        <div class="row">
          <Field id="deliverable-title" label={t('detail.deliverableTitle')} value={title} error={errors.title} onInput={setTitle} />
          <Select id="deliverable-kind" label={t('detail.kind')} value={kind} options={['deliverable', 'milestone']}
            labelOf={(k) => t(`kind.${k}` as MessageKey)} onChange={setKind} />
          <Select id="deliverable-phase" label={t('form.phase')} value={phase} options={lists.value?.phases ?? []}
            labelOf={(p) => t(`phase.${p}` as MessageKey)} error={errors.phase} onChange={setPhase} />
          <Field id="deliverable-due" label={t('detail.dueDate')} type="date" value={due} error={errors.due_date} onInput={setDue} />
          <button type="button" class="secondary" onClick={plan}>{t('detail.plan')}</button>
        </div>
      )}
    </section>
  );
}

// The Support Unit's appraisal of one team member after the engagement.
function Appraise({ request, userId }: { request: Detail; userId: string }) {
  const [rating, setRating] = useState('5');
  const [comments, setComments] = useState('');
  const [notice, setNotice] = useState('');
  async function save() {
    const r = await call('POST', `/api/v1/requests/${request.id}/appraisals`, { user_id: userId, rating: Number(rating), comments });
    setNotice(r.status === 201 ? t('appraisal.saved') : r.errors[0]?.message || t('error.generic', { status: r.status }));
  }
  return (
    <div class="row">
      <Select id={`appraise-${userId}`} label={t('appraisal.rate')} value={rating} options={['1', '2', '3', '4', '5']}
        labelOf={(o) => t('appraisals.rating', { rating: o })} onChange={setRating} />
      <Field id={`appraise-${userId}-comments`} label={t('appraisal.comments')} value={comments} onInput={setComments} />
      <button type="button" class="secondary" onClick={save}>{t('appraisal.rate')}</button>
      {notice && <span role="status">{notice}</span>}
    </div>
  );
}
