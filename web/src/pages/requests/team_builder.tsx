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
import { formatNumber } from '../../numbers';

interface Member {
  user_id: string;
  name: string;
  discipline: string;
  cost: number;
}
interface Proposal {
  teams: { members: Member[]; cost: number }[];
  not_chosen: { user_id: string; name: string; reason: string; detail: string; declaration_id: string | null }[];
  missing: string[];
}
interface SlotRow {
  discipline: string;
  count: number;
  language: string;
}

export function TeamBuilder({ request, disciplines, onChange }: { request: Detail; disciplines: string[]; onChange: () => void }) {
  const [slots, setSlots] = useState<SlotRow[]>(
    (request.scope?.disciplines.length ? request.scope.disciplines : request.form.disciplines).map((d) => ({ discipline: d, count: 1, language: '' })),
  );
  const [teamLanguage, setTeamLanguage] = useState(request.form.language || '');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [days, setDays] = useState('10');
  const [budget, setBudget] = useState('0');
  const [proposal, setProposal] = useState<Proposal | null>(null);
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
      {proposal && proposal.missing.length > 0 && (
        <div class="attention" role="status">
          <p>{t('team.missing')}</p>
          <ul>{proposal.missing.map((m) => <li key={m}>{m}</li>)}</ul>
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
              {proposal.not_chosen.map((x) => (
                <tr key={x.user_id} data-reason={x.reason}>
                  <td>{x.name}</td>
                  <td>{t(`reason.${x.reason}` as MessageKey)}</td>
                  <td>
                    {x.detail}
                    {x.reason === 'not_needed' && (
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
