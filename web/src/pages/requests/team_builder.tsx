// The team builder on a request: the coordinator names the slots, languages,
// window and budget; the server screens the roster and proposes the best
// teams; every expert not chosen is listed with why. "Use this team" puts the
// chosen experts on the request's team.
import { useState } from 'preact/hooks';
import { byField, call } from '../../api';
import { Field, FormError, NumberField } from '../../components/field';
import { t } from '../../i18n';
import type { MessageKey } from '../../messages/en';
import { type Detail } from '../../requests';
import { disciplineLabel, lists } from '../../codelists';
import { formatLongDate, formatNumber } from '../../numbers';

interface Member {
  user_id: string;
  name: string;
  discipline: string;
  cost: number;
}
interface NotChosen {
  user_id: string;
  name: string;
  reason: string;
  detail: string;
  declaration_id: string | null;
  from: string | null;
  to: string | null;
}
// Why no team exists, and how many more experts a relaxed language, window or
// budget would let in (see the server's team proposal).
interface Shortfall {
  kind: 'slot' | 'team_language' | 'budget' | 'distinct' | 'required';
  slot: number | null;
  needed: number;
  available: number;
  language: string | null;
  expert_id: string | null;
  name: string | null;
  reason: string | null;
  detail: string | null;
  cheapest: number;
  without_language: number;
  other_window: number;
  higher_budget: number;
}
interface Proposal {
  teams: { members: Member[]; cost: number }[];
  not_chosen: NotChosen[];
  shortfalls: Shortfall[];
}
interface SlotRow {
  discipline: string;
  count: number;
  language: string;
}

export function TeamBuilder({ request, disciplines, onChange }: { request: Detail; disciplines: string[]; onChange: () => void }) {
  const [slots, setSlotRows] = useState<SlotRow[]>(
    (request.scope?.disciplines.length ? request.scope.disciplines : request.form.disciplines).map((d) => ({ discipline: d, count: 1, language: '' })),
  );
  const [teamLanguage, setTeamLanguage] = useState(request.form.language || '');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [days, setDays] = useState('10');
  const [budget, setBudget] = useState('0');
  const [proposal, setProposal] = useState<Proposal | null>(null);
  // Changed slots make the shown proposal an answer to another question: it goes.
  const setSlots = (next: SlotRow[]) => {
    setSlotRows(next);
    setProposal(null);
  };
  // The slots and budget the shown proposal answers (its shortfalls name them).
  const [asked, setAsked] = useState<{ slots: SlotRow[]; budget: number }>({ slots: [], budget: 0 });
  // The coordinator's constraints for the next run.
  const [include, setInclude] = useState<{ id: string; name: string }[]>([]);
  const [exclude, setExclude] = useState<{ id: string; name: string }[]>([]);
  const [documents, setDocuments] = useState<{ id: string; name: string }[]>([]);
  const [consent, setConsent] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function propose(e?: Event) {
    e?.preventDefault();
    const r = await call<Proposal>('POST', `/api/v1/requests/${request.id}/team-proposals`, {
      slots: slots.map((s) => ({ discipline: s.discipline, count: s.count, languages: s.language ? [s.language] : [] })),
      team_languages: teamLanguage ? [teamLanguage] : [],
      start, end, days_per_expert: Number(days) || 0, budget: Number(budget) || 0,
      must_include: include.map((x) => x.id), must_exclude: exclude.map((x) => x.id),
    });
    if (!r.data) {
      setProposal(null);
      const fields = byField(r.errors);
      return setErrors(r.status === 0 ? { '': t('error.network') } : { ...fields, '': fields[''] || r.errors[0]?.message || '' });
    }
    setErrors({});
    setAsked({ slots, budget: Number(budget) || 0 });
    setProposal(r.data);
    if (r.data.not_chosen.some((x) => x.reason === 'conflict')) {
      call<{ items: { id: string; name: string }[] }>('GET', `/api/v1/requests/${request.id}/documents`).then(
        (d) => d.data && setDocuments(d.data.items),
      );
    }
  }

  async function waive(declaration: string) {
    const r = await call('POST', `/api/v1/requests/${request.id}/waivers`, { declaration_id: declaration, consent_document_id: consent });
    if (r.status !== 201) return setErrors({ '': r.errors[0]?.message || t('error.generic', { status: r.status }) });
    propose();
  }
  const toggle = (list: { id: string; name: string }[], set: (v: { id: string; name: string }[]) => void, id: string, name: string) =>
    set(list.some((x) => x.id === id) ? list.filter((x) => x.id !== id) : [...list, { id, name }]);

  async function use(members: Member[]) {
    for (const m of members) {
      if (request.team.some((x) => x.user_id === m.user_id)) continue;
      const r = await call('POST', `/api/v1/requests/${request.id}/team`, {
        user_id: m.user_id, role: disciplineLabel(m.discipline),
        start, end, days: Number(days) || 0,
      });
      if (r.status !== 201) return setErrors({ '': r.errors[0]?.message || t('error.generic', { status: r.status }) });
    }
    setProposal(null);
    onChange();
  }

  const setSlot = (i: number, patch: Partial<SlotRow>) => setSlots(slots.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <section class="panel team-builder">
      <h2>{t('team.builder')}</h2>
      <form onSubmit={propose} noValidate>
        <FormError message={errors['']} />
        <fieldset>
          <legend>{t('team.slots')}</legend>
          {slots.map((s, i) => (
            <div class="row" key={i}>
              <div class="field">
                <label for={`slot-${i}-discipline`}>{t('roster.discipline')}</label>
                <select id={`slot-${i}-discipline`} value={s.discipline} onChange={(e) => setSlot(i, { discipline: (e.currentTarget as HTMLSelectElement).value })}>
                  {disciplines.map((d) => <option key={d} value={d}>{disciplineLabel(d)}</option>)}
                </select>
              </div>
              <NumberField id={`slot-${i}-count`} label={t('team.count')} value={s.count} empty={1} onInput={(v) => setSlot(i, { count: v })} />
              <div class="field">
                <label for={`slot-${i}-language`}>{t('team.slotLanguage')}</label>
                <select id={`slot-${i}-language`} value={s.language} onChange={(e) => setSlot(i, { language: (e.currentTarget as HTMLSelectElement).value })}>
                  <option value="">—</option>
                  {(lists.value?.languages ?? []).map((l) => <option key={l} value={l}>{t(`language.${l}` as MessageKey)}</option>)}
                </select>
              </div>
              {slots.length > 1 && (
                <button type="button" class="link remove-slot" onClick={() => setSlots(slots.filter((_, j) => j !== i))}>
                  {t('team.removeSlot', { n: i + 1 })}
                </button>
              )}
            </div>
          ))}
          <button type="button" class="link" onClick={() => setSlots([...slots, { discipline: disciplines[0], count: 1, language: '' }])}>
            {t('team.addSlot')}
          </button>
        </fieldset>
        <div class="row">
          <div class="field">
            <label for="team-language">{t('team.teamLanguages')}</label>
            <select id="team-language" value={teamLanguage} onChange={(e) => setTeamLanguage((e.currentTarget as HTMLSelectElement).value)}>
              <option value="">—</option>
              {(lists.value?.languages ?? []).map((l) => <option key={l} value={l}>{t(`language.${l}` as MessageKey)}</option>)}
            </select>
          </div>
          <Field id="team-start" label={t('team.start')} type="date" value={start} error={errors.start} onInput={setStart} />
          <Field id="team-end" label={t('team.end')} type="date" value={end} error={errors.end} onInput={setEnd} />
          <Field id="team-days" label={t('team.days')} type="number" value={days} error={errors.days_per_expert} onInput={setDays} />
          <Field id="team-budget" label={t('team.budget')} type="number" value={budget} error={errors.budget} onInput={setBudget} />
        </div>
        {(include.length > 0 || exclude.length > 0) && (
          <p class="constraints">
            {t('team.constraints', {
              include: include.map((x) => x.name).join(', ') || t('team.none'),
              exclude: exclude.map((x) => x.name).join(', ') || t('team.none'),
            })}
          </p>
        )}
        <button type="submit">{t('team.propose')}</button>
      </form>
      {proposal && proposal.shortfalls.length > 0 && (
        <div class="attention shortfalls" role="status">
          <p>{t('team.noTeam')}</p>
          <ul>
            {proposal.shortfalls.map((f, i) => (
              <li key={i} data-kind={f.kind}>
                {shortfallText(f, asked.slots, asked.budget)}
                {shortfallHelp(f).length > 0 && <ul>{shortfallHelp(f).map((h) => <li key={h}>{h}</li>)}</ul>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {proposal && proposal.teams.map((team, n) => (
        <div class="option" key={n}>
          <h3>{t('team.option', { n: n + 1, cost: formatNumber(team.cost) })}</h3>
          <ul>
            {team.members.map((m) => (
              <li key={m.user_id}>
                {m.name} — {disciplineLabel(m.discipline)} (USD {formatNumber(m.cost)}){' '}
                <button type="button" class="link" onClick={() => toggle(exclude, setExclude, m.user_id, m.name)}>{t('team.exclude')}</button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => use(team.members)}>{t('team.use')}</button>
        </div>
      ))}
      {proposal && proposal.not_chosen.length > 0 && (
        <>
          <h3>{t('team.notChosen')}</h3>
          <table class="exclusions">
            <thead><tr><th>{t('people.name')}</th><th>{t('team.reason')}</th><th></th></tr></thead>
            <tbody>
              {byReason(proposal.not_chosen).map((x) => (
                <tr key={x.user_id} data-reason={x.reason}>
                  <td>{x.name}</td>
                  <td>{t(`reason.${x.reason}` as MessageKey)}</td>
                  <td>
                    {reasonDetail(x, optionsOf(proposal, x.user_id))}{' '}
                    {x.reason === 'eligible' && (
                      <button type="button" class="link" onClick={() => toggle(include, setInclude, x.user_id, x.name)}>{t('team.require')}</button>
                    )}
                    {x.reason === 'conflict' && x.declaration_id && documents.length > 0 && (
                      <div class="row">
                        <select aria-label={t('team.consent')} value={consent} onChange={(e) => setConsent((e.currentTarget as HTMLSelectElement).value)}>
                          <option value="">{t('team.consent')}</option>
                          {documents.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
                        </select>
                        <button type="button" class="secondary" disabled={!consent} onClick={() => waive(x.declaration_id!)}>{t('team.waiver')}</button>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

const languageName = (code: string) => t(`language.${code}` as MessageKey);

// What a shortfall says, in the reader's words.
function shortfallText(f: Shortfall, slots: SlotRow[], budget: number): string {
  switch (f.kind) {
    case 'slot':
      return t('team.short.slot', {
        n: (f.slot ?? 0) + 1, discipline: slotName(slots[f.slot ?? 0]), needed: f.needed, available: f.available,
      });
    case 'team_language':
      return t('team.short.teamLanguage', { language: languageName(f.language ?? '') });
    case 'budget':
      return t('team.short.budget', { cheapest: formatNumber(f.cheapest), budget: formatNumber(budget) });
    case 'distinct':
      return t('team.short.distinct');
    case 'required':
      if (f.reason === 'not_on_roster') return t('team.short.notOnRoster', { name: f.name || (f.expert_id ?? '') });
      if (f.reason === 'together') return t('team.short.together', { name: f.name || (f.expert_id ?? '') });
      return t('team.short.required', {
        name: f.name || (f.expert_id ?? ''), reason: f.detail || t(`reason.${f.reason}` as MessageKey),
      });
  }
}

// What would make a team possible, for the slot or language that blocks it.
function shortfallHelp(f: Shortfall): string[] {
  if (f.kind === 'budget') return [t('team.help.budgetRaise', { cheapest: formatNumber(f.cheapest) })];
  if (f.kind !== 'slot' && f.kind !== 'team_language') return [];
  const help: string[] = [];
  if (f.without_language > 0) help.push(t('team.help.language', { count: f.without_language }));
  if (f.other_window > 0) help.push(t('team.help.window', { count: f.other_window }));
  if (f.higher_budget > 0) help.push(t('team.help.budget', { count: f.higher_budget }));
  if (f.kind === 'team_language') help.push(t('team.help.dropTeamLanguage'));
  if (f.kind === 'slot' && f.available > 0) help.push(t('team.help.lowerCount'));
  if (help.length === 0) help.push(t('team.help.nobody'));
  // Each count is what one change alone lets in; even all of them together may fall short.
  const short = f.needed - f.available - f.without_language - f.other_window - f.higher_budget;
  if (f.kind === 'slot' && short > 0 && help.length > 1) help.push(t('team.help.stillShort', { count: short }));
  return help;
}

function slotName(s: SlotRow | undefined): string {
  if (!s) return '';
  return s.language ? `${disciplineLabel(s.discipline)}, ${languageName(s.language)}` : disciplineLabel(s.discipline);
}

// The numbers of the options an expert is in ("2, 3"), or "" for none.
function optionsOf(p: Proposal, id: string): string {
  return p.teams.flatMap((team, n) => (team.members.some((m) => m.user_id === id) ? [String(n + 1)] : [])).join(', ');
}

// Why an expert was not chosen, beyond the reason's name; `options`: the
// other options they are in.
function reasonDetail(x: NotChosen, options: string): string {
  switch (x.reason) {
    case 'conflict': return x.detail;
    case 'unavailable': return t('team.awayDetail', { from: formatLongDate(x.from ?? ''), to: formatLongDate(x.to ?? '') });
    case 'over_budget': return t('team.overBudgetDetail');
    case 'no_attestation': return t('team.noAttestationDetail');
    case 'no_matching_slot': return t('team.noMatchingDetail');
    case 'excluded': return t('team.excludedDetail');
    case 'eligible': return options ? t('team.inOptions', { options }) : t('team.eligibleDetail');
    default: return '';
  }
}

// Those the coordinator may act on first (a conflict to waive, an eligible
// expert to require, someone away), those no slot asks for last.
const reasonOrder = ['conflict', 'eligible', 'unavailable', 'over_budget', 'no_attestation', 'excluded', 'no_matching_slot'];
const byReason = (list: NotChosen[]) =>
  [...list].sort((a, b) => reasonOrder.indexOf(a.reason) - reasonOrder.indexOf(b.reason) || a.name.localeCompare(b.name));
