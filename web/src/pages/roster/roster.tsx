// The coordinator's roster search: experts by discipline, language and words
// of their name or experience.
import { useEffect, useState } from 'preact/hooks';
import { call, upload } from '../../api';
import { Link } from '../../components/link';
import { t } from '../../i18n';
import type { MessageKey } from '../../messages/en';
import { disciplineLabel, loadCodelists, type Codelists } from '../../codelists';

interface Expert {
  user_id: string;
  name: string;
  seniority: string;
  disciplines: string[];
  languages: string[];
  day_rate: number;
  readiness: string;
}

export function Roster() {
  const [lists, setLists] = useState<Codelists | null>(null);
  const [discipline, setDiscipline] = useState('');
  const [language, setLanguage] = useState('');
  const [q, setQ] = useState('');
  const [items, setItems] = useState<Expert[] | null>(null);
  const [reloads, setReloads] = useState(0);
  useEffect(() => void loadCodelists().then(setLists), []);
  useEffect(() => {
    const params = new URLSearchParams();
    if (discipline) params.set('discipline', discipline);
    if (language) params.set('language', language);
    if (q) params.set('q', q);
    // Only the answer to the latest filters counts: the whole roster, asked
    // first and slower, must not replace the list filtered since.
    let latest = true;
    call<{ items: Expert[] }>('GET', `/api/v1/experts?${params}`).then((r) => latest && r.data && setItems(r.data.items));
    return () => { latest = false; };
  }, [discipline, language, q, reloads]);
  const [validOnly, setValidOnly] = useState(false);
  const [report, setReport] = useState<{ imported: number; rows: { line: number; field: string; message: string }[] } | null>(null);
  async function onImport(e: Event) {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files && input.files[0];
    if (!file) return;
    const r = await upload<{ imported: number; rows: [] }>(`/api/v1/experts/import${validOnly ? '?valid_only=true' : ''}`,
      new Blob([await file.text()], { type: 'text/csv' }));
    input.value = '';
    // A refused file answers 400; its errors name the line ("line 3: ...") and the column.
    setReport(r.data ? r.data : { imported: 0, rows: r.errors.map((x) => ({ line: 0, field: x.field, message: x.message })) });
    setReloads(reloads + 1);
  }
  if (!lists) return <p class="loading">{t('common.loading')}</p>;
  return (
    <div>
      <h1>{t('roster.title')}</h1>
      <div class="filters">
        <div class="field">
          <label for="roster-discipline">{t('roster.discipline')}</label>
          <select id="roster-discipline" value={discipline} onChange={(e) => setDiscipline((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t('roster.any')}</option>
            {lists.disciplines.map((d) => <option key={d} value={d}>{disciplineLabel(d)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="roster-language">{t('roster.language')}</label>
          <select id="roster-language" value={language} onChange={(e) => setLanguage((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t('roster.any')}</option>
            {lists.languages.map((l) => <option key={l} value={l}>{t(`language.${l}` as MessageKey)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="roster-q">{t('roster.search')}</label>
          <input id="roster-q" value={q} onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)} />
        </div>
      </div>
      <p><a href="/api/v1/experts/export.csv" download="roster.csv">{t('roster.export')}</a></p>
      <div class="field">
        <label for="roster-import">{t('roster.import')}</label>
        <input id="roster-import" type="file" accept=".csv,text/csv" onChange={onImport} />
        <label class="inline"><input type="checkbox" checked={validOnly} onChange={(e) => setValidOnly((e.currentTarget as HTMLInputElement).checked)} /> {t('roster.validOnly')}</label>
      </div>
      {report && (
        <div role="status">
          <p class="notice">{t('roster.imported', { count: report.imported })}</p>
          {report.rows.length > 0 && (
            <>
              <p>{t('roster.rowErrors')}</p>
              <ul class="row-errors">{report.rows.map((x, i) => <li key={i}>{x.line ? `${t('roster.line')} ${x.line}: ` : ''}{x.message} ({x.field})</li>)}</ul>
            </>
          )}
        </div>
      )}
      {items && items.length === 0 && <p>{t('roster.empty')}</p>}
      {items && items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t('people.name')}</th>
              <th>{t('profile.seniority')}</th>
              <th>{t('profile.disciplines')}</th>
              <th>{t('profile.languages')}</th>
              <th>{t('profile.dayRate')}</th>
              <th>{t('profile.readiness')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.user_id}>
                <td><Link href={`/experts/${e.user_id}`}>{e.name}</Link></td>
                <td>{t(`seniority.${e.seniority}` as MessageKey)}</td>
                <td>{e.disciplines.map(disciplineLabel).join(', ')}</td>
                <td>{e.languages.join(', ')}</td>
                <td>{e.day_rate}</td>
                <td>{t(`readiness.${e.readiness}` as MessageKey)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
