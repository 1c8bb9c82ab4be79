// The disciplines codelist: administrators add, relabel, reorder and retire
// disciplines. A retired one is no longer offered on forms and profiles but
// stays on the records that name it.
import { useEffect, useState } from 'preact/hooks';
import { byField, call } from '../../api';
import { FormError, NumberInput } from '../../components/field';
import { language, t } from '../../i18n';
import { reloadCodelists } from '../../codelists';

interface Discipline {
  code: string;
  label_en: string;
  label_fr: string;
  label_es: string;
  label_pt: string;
  active: boolean;
  position: number;
  updated_at: string;
}
const blank: Discipline = { code: '', label_en: '', label_fr: '', label_es: '', label_pt: '', active: true, position: 200, updated_at: '' };
type LabelField = 'label_en' | 'label_fr' | 'label_es' | 'label_pt';
const labelFields: [LabelField, 'disciplines.labelEn' | 'disciplines.labelFr' | 'disciplines.labelEs' | 'disciplines.labelPt'][] = [
  ['label_en', 'disciplines.labelEn'],
  ['label_fr', 'disciplines.labelFr'],
  ['label_es', 'disciplines.labelEs'],
  ['label_pt', 'disciplines.labelPt'],
];
// An entry's name in the page's language (English where it has none yet).
const nameOf = (d: Discipline) => d[`label_${language.value}` as LabelField] || d.label_en || d.code;

export function Disciplines() {
  const [items, setItems] = useState<Discipline[] | null>(null);
  const [errors, setErrors] = useState<Record<string, Record<string, string>>>({});
  const [notice, setNotice] = useState('');
  const [adding, setAdding] = useState<Discipline>(blank);
  useEffect(() => {
    call<{ items: Discipline[] }>('GET', '/api/v1/disciplines').then((r) => r.data && setItems(r.data.items));
  }, []);
  if (!items) return <p class="loading">{t('common.loading')}</p>;

  // Saves one entry; `key` says which row shows the errors ('new' for the addition).
  async function save(d: Discipline, key: string) {
    const { code, label_en, label_fr, label_es, label_pt, active, position } = d;
    const r = await call<Discipline>('PUT', `/api/v1/disciplines/${encodeURIComponent(code)}`, {
      label_en, label_fr, label_es, label_pt, active, position,
    });
    if (!r.data) {
      setNotice('');
      return setErrors({ [key]: r.status === 0 ? { '': t('error.network') } : byField(r.errors) });
    }
    // The table is fresh before the notice says so; other rows keep the
    // changes not saved yet, so a save never undoes an edit in progress.
    const fresh = await call<{ items: Discipline[] }>('GET', '/api/v1/disciplines');
    if (fresh.data) {
      const saved = fresh.data.items;
      setItems((shown) => {
        const edited = new Map((shown ?? []).filter((i) => i.code !== code).map((i) => [i.code, i]));
        return saved.map((i) => edited.get(i.code) ?? i);
      });
    }
    await reloadCodelists();
    setErrors({});
    if (key === 'new') setAdding(blank);
    setNotice(t('disciplines.saved', { code: nameOf(d) }));
  }
  const edit = (i: number, change: Partial<Discipline>) => setItems(items.map((d, j) => (j === i ? { ...d, ...change } : d)));
  const cells = (d: Discipline, key: string, change: (c: Partial<Discipline>) => void) => {
    const e = errors[key] ?? {};
    // Each control names its column and, but on the new entry's row, its entry.
    const about = (label: string) => (d.code && key !== 'new' ? `${label} (${nameOf(d)})` : label);
    const text = (field: LabelField, label: string) => (
      <td>
        <input aria-label={about(label)} value={d[field]} aria-invalid={e[field] ? 'true' : undefined}
          onInput={(ev) => change({ [field]: (ev.currentTarget as HTMLInputElement).value })} />
        {e[field] && <p class="field-error">{e[field]}</p>}
      </td>
    );
    return (
      <>
        {labelFields.map(([field, label]) => text(field, t(label)))}
        <td>
          <NumberInput class="short" aria-label={about(t('disciplines.position'))} value={d.position}
            onInput={(position) => change({ position })} />
          {e.position && <p class="field-error">{e.position}</p>}
        </td>
        <td>
          <input type="checkbox" aria-label={about(t('disciplines.active'))} checked={d.active}
            onChange={(ev) => change({ active: (ev.currentTarget as HTMLInputElement).checked })} />
        </td>
      </>
    );
  };

  return (
    <div>
      <h1>{t('disciplines.title')}</h1>
      <p>{t('disciplines.intro')}</p>
      {notice && <p class="notice" role="status">{notice}</p>}
      {/* Four languages' labels are wider than a screen: the table scrolls, the page does not. */}
      <div class="scroll-x">
      <table class="list">
        <thead>
          <tr>
            <th>{t('disciplines.code')}</th>
            {labelFields.map(([field, label]) => <th key={field}>{t(label)}</th>)}
            <th>{t('disciplines.position')}</th>
            <th>{t('disciplines.active')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {items.map((d, i) => (
            <tr key={d.code} class={d.active ? '' : 'retired'}>
              <td><code>{d.code}</code><FormError message={errors[d.code]?.['']} /></td>
              {cells(d, d.code, (c) => edit(i, c))}
              <td><button type="button" onClick={() => save(d, d.code)}>{t('disciplines.save')}</button></td>
            </tr>
          ))}
          <tr>
            <td>
              <input aria-label={t('disciplines.newCode')} placeholder="hydrogeology" value={adding.code}
                aria-invalid={errors.new?.code ? 'true' : undefined}
                onInput={(ev) => setAdding({ ...adding, code: (ev.currentTarget as HTMLInputElement).value.trim() })} />
              {errors.new?.code && <p class="field-error">{errors.new.code}</p>}
              <FormError message={errors.new?.['']} />
            </td>
            {cells(adding, 'new', (c) => setAdding({ ...adding, ...c }))}
            <td><button type="button" onClick={() => save(adding, 'new')}>{t('disciplines.add')}</button></td>
          </tr>
        </tbody>
      </table>
      </div>
    </div>
  );
}
