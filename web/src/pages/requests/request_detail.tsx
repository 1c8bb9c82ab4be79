// One request as its participants see it: status and what happens next, the
// response-time clocks, the request itself, the timeline; then the panels of
// the engagement (request_panels.tsx) and its documents and messages
// (request_thread.tsx). Each role sees the actions the server allows it.
import { useEffect, useState } from 'preact/hooks';
import { byField, call, currentUser, type User } from '../../api';
import { FormError } from '../../components/field';
import { Link } from '../../components/link';
import { SlaBadge } from '../../components/sla_badge';
import { t } from '../../i18n';
import type { MessageKey } from '../../messages/en';
import { clockLabel, scopeReason, stateLabel, when, type Detail } from '../../requests';
import { commodityLabel, disciplineLabel } from '../../codelists';
import { useSignal } from '../../state';
import { DisclosurePanel } from './disclosure_panel';
import { LessonsPanel } from './lessons_panel';
import { ReferralsPanel } from './referrals_panel';
import { ApprovalPanel, DeliverablesPanel, ScopePanel, TeamPanel } from './request_panels';
import { FeedbackPanel } from './request_feedback';
import { DocumentsPanel, LetterPanel, MessagesPanel } from './request_thread';
import { formatLongDate, formatNumber } from '../../numbers';

// Moves that must say why; the server refuses them without a reason.
const needsReason = ['declined', 'withdrawn', 'awaiting_information'];

export function RequestDetail({ id }: { id: string }) {
  const me = useSignal(currentUser) as User;
  const staff = me.role === 'coordinator' || me.role === 'admin';
  const [r, setR] = useState<Detail | null>(null);
  const [missing, setMissing] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function load() {
    const got = await call<Detail>('GET', `/api/v1/requests/${id}`);
    if (got.data) setR(got.data);
    else setMissing(true);
  }
  useEffect(() => void load(), [id]);

  if (missing) {
    return (
      <div>
        <h1>{t('notFound.title')}</h1>
        <p>{t('notFound.body')}</p>
      </div>
    );
  }
  if (!r) return <p class="loading">{t('common.loading')}</p>;

  async function move(to: string, extra: Record<string, unknown> = {}) {
    const res = await call<Detail>('POST', `/api/v1/requests/${id}/transitions`, {
      to, version: r!.version, ...(reason ? { reason } : {}), ...extra,
    });
    if (res.data) {
      setR(res.data);
      setReason('');
      setErrors({});
      return true;
    }
    const fields = byField(res.errors);
    if (fields.version) {
      await load();
      setErrors({ '': t('detail.stale') });
    } else {
      setErrors(res.status === 0 ? { '': t('error.network') } : { ...fields, '': fields[''] || res.errors[0]?.message || '' });
    }
    return false;
  }

  async function setPhase(phase: string) {
    const res = await call<Detail>('PUT', `/api/v1/requests/${id}/phase`, { phase, version: r!.version });
    if (res.data) return setR(res.data);
    await load();
    setErrors({ '': res.errors[0]?.message || t('detail.stale') });
  }

  // Approval has its panel; evaluation comes from the feedback survey.
  const moves = r.allowed.filter((s) => s !== 'approved' && s !== 'evaluated');
  const editable = me.role === 'government' && (r.state === 'draft' || r.state === 'awaiting_information');
  // The government answering the Support Unit's question does not "move" the
  // request: it sends what was asked for, with a note to the Unit.
  const answering = me.role === 'government' && r.state === 'awaiting_information';
  const moveLabel = (m: string) =>
    answering && m !== 'withdrawn' ? t('detail.sendInformation') : t('detail.move', { state: stateLabel(m) });
  return (
    <div class="request">
      <p class="crumbs"><Link href="/requests">{t('nav.requests')}</Link> › {r.reference}</p>
      <h1>{r.form.project_name || r.reference}</h1>
      <dl class="facts">
        <dt>{t('requests.reference')}</dt>
        <dd>{r.reference}</dd>
        <dt>{t('detail.status')}</dt>
        <dd class="state" data-state={r.state}>{stateLabel(r.state)}</dd>
        {r.engagement_phase && (
          <>
            <dt>{t('detail.phase')}</dt>
            <dd>
              {staff && r.state === 'active' ? (
                <select aria-label={t('detail.phase')} value={r.engagement_phase} onChange={(e) => setPhase((e.currentTarget as HTMLSelectElement).value)}>
                  {['preparation', 'negotiation', 'implementation'].map((p) => (
                    <option key={p} value={p}>{t(`phase.${p}` as MessageKey)}</option>
                  ))}
                </select>
              ) : (
                t(`phase.${r.engagement_phase}` as MessageKey)
              )}
            </dd>
          </>
        )}
        <dt>{t('requests.sla')}</dt>
        <dd><SlaBadge clock={r.sla} /></dd>
      </dl>
      {r.waiting_for && <p class="attention" role="status">{t('detail.waitingFor', { what: r.waiting_for })}</p>}
      {editable && <p><Link href={`/requests/${id}/edit`}>{t('detail.edit')}</Link></p>}

      {moves.length > 0 && (
        <section class="actions">
          <h2>{t('detail.actions')}</h2>
          <FormError message={errors['']} />
          {moves.some((m) => needsReason.includes(m)) && (
            <div class="field">
              <label for="move-reason">{me.role === 'government' ? t('detail.noteForUnit') : t('detail.reason')}</label>
              <textarea id="move-reason" rows={2} value={reason} aria-invalid={errors.reason ? 'true' : undefined}
                onInput={(e) => setReason((e.currentTarget as HTMLTextAreaElement).value)} />
              {errors.reason && <p class="field-error">{errors.reason}</p>}
            </div>
          )}
          <div class="buttons">
            {moves.map((m) => (
              <button type="button" key={m} class={m === 'withdrawn' || m === 'declined' ? 'secondary' : ''}
                onClick={() => move(m)}>
                {moveLabel(m)}
              </button>
            ))}
          </div>
        </section>
      )}
      {staff && r.allowed.includes('approved') && <ApprovalPanel request={r} onApprove={(scope) => move('approved', { scope })} />}

      {r.clocks.length > 0 && (
        <section>
          <h2>{t('detail.clocks')}</h2>
          <table class="clocks">
            <thead>
              <tr>
                <th>{t('detail.clock')}</th>
                <th>{t('requests.state')}</th>
                <th>{t('detail.elapsed')}</th>
                <th>{t('detail.target')}</th>
                <th>{t('detail.due')}</th>
              </tr>
            </thead>
            <tbody>
              {r.clocks.map((c) => (
                <tr key={c.clock}>
                  <td>{clockLabel(c.clock)}</td>
                  <td>{t(`clockStatus.${c.status}` as MessageKey)}</td>
                  <td>{formatNumber(c.elapsed_hours, 1)}</td>
                  <td>{c.target_hours}</td>
                  <td>{when(c.due)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <section>
        <h2>{t('detail.request')}</h2>
        <dl class="facts">
          <dt>{t('requests.entity')}</dt>
          <dd>{r.form.entity} ({r.form.country})</dd>
          <dt>{t('form.project')}</dt>
          <dd lang="">{r.form.project_name}</dd>
          <dt>{t('form.commodity')}</dt>
          <dd>{commodityLabel(r.form.commodity)}</dd>
          {r.form.site && <><dt>{t('form.site')}</dt><dd lang="">{r.form.site}</dd></>}
          <dt>{t('form.focalPoints')}</dt>
          <dd>
            {r.form.focal_points.map((p, i) => (
              <span key={i} class="person">
                {i > 0 && '; '}{p.name}
                {p.email && <> · <a href={`mailto:${p.email}`}>{p.email}</a></>}
                {p.phone && <> · <a href={`tel:${p.phone.replace(/[^\d+]/g, '')}`}>{p.phone}</a></>}
              </span>
            ))}
          </dd>
          <dt>{t('detail.counterparties')}</dt>
          <dd>{r.form.counterparties.map((c) => c.name + (c.affiliates.length ? ` (${c.affiliates.join(', ')})` : '')).join('; ')}</dd>
          <dt>{t('form.disciplines')}</dt>
          <dd>{r.form.disciplines.map(disciplineLabel).join(', ')}</dd>
          {r.form.phase && <><dt>{t('form.phase')}</dt><dd>{t(`phase.${r.form.phase}` as MessageKey)}</dd></>}
          {r.form.language && <><dt>{t('form.language')}</dt><dd>{t(`language.${r.form.language}` as MessageKey)}</dd></>}
          {r.form.deadline && <><dt>{t('form.deadline')}</dt><dd>{formatLongDate(r.form.deadline)}</dd></>}
          {r.form.timeline && <><dt>{t('form.timeline')}</dt><dd class="text" lang="">{r.form.timeline}</dd></>}
          <dt>{t('detail.background')}</dt>
          <dd class="text" lang="">{r.form.background}</dd>
        </dl>
      </section>

      <ScopePanel request={r} staff={staff} onChange={load} />
      <DisclosurePanel request={r} staff={staff} onChange={load} />
      <ReferralsPanel request={r} staff={staff} />
      <LessonsPanel request={r} staff={staff} expert={me.role === 'expert'} />
      <TeamPanel request={r} staff={staff} onChange={load} />
      <DeliverablesPanel request={r} staff={staff} expert={me.role === 'expert'} onChange={load} />
      <DocumentsPanel request={r} />
      <MessagesPanel request={r} />
      {me.role !== 'expert' && <LetterPanel request={r} />}
      {me.role !== 'expert' && <FeedbackPanel request={r} government={me.role === 'government'} onAnswered={load} />}

      <section>
        <h2>{t('detail.timeline')}</h2>
        <ol class="timeline">
          {r.timeline.map((e, i) => (
            <li key={i} data-kind={e.kind}>
              <time dateTime={e.at}>{when(e.at)}</time> {e.who && <strong>{e.who}</strong>}{' '}
              {timelineText(e)}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

// A timeline entry in the reader's words: states, scope versions and
// deliverables from their codes, documents and the rest as written.
function timelineText(e: Detail['timeline'][number]): string {
  if (e.kind === 'state') return stateLabel(e.text.split(':')[0]) + e.text.slice(e.text.split(':')[0].length);
  if (e.kind === 'scope' && e.number !== undefined) return t('timeline.scope', { number: e.number, reason: scopeReason(e.reason ?? '') });
  if (e.title !== undefined && e.status) return `${e.title} — ${t(`dstatus.${e.status}` as MessageKey)}`;
  return e.text;
}
