import { useState } from 'preact/hooks';
import { call } from '../../api';
import type { HubHit } from '../../hub';
import { t } from '../../i18n';

// Hub documents chosen as a course's materials, found by searching the hub.
export function MaterialPicker({ chosen, onChange, error }: { chosen: { id: string; title: string }[]; onChange: (v: { id: string; title: string }[]) => void; error?: string }) {
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<HubHit[]>([]);
  async function search() {
    const r = await call<{ items: HubHit[] }>('GET', `/api/v1/hub/search?q=${encodeURIComponent(q)}&limit=10`);
    setHits(r.data ? r.data.items : []);
  }
  return (
    <fieldset>
      <legend>{t('training.materials')}</legend>
      <ul class="plain">
        {chosen.map((m) => (
          <li key={m.id}>{m.title} <button type="button" class="link" onClick={() => onChange(chosen.filter((x) => x.id !== m.id))}>{t('training.remove')}</button></li>
        ))}
      </ul>
      {error && <p class="field-error">{error}</p>}
      <div class="inline-form">
        <label for="material-search" class="visually-hidden">{t('training.searchHub')}</label>
        <input id="material-search" type="search" placeholder={t('training.searchHub')} value={q} onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)} onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), search())} />
        <button type="button" class="secondary" onClick={search}>{t('training.find')}</button>
      </div>
      <ul class="plain">
        {hits.filter((h) => !chosen.some((c) => c.id === h.id)).map((h) => (
          <li key={h.id}>{h.title} <button type="button" class="secondary" onClick={() => onChange([...chosen, { id: h.id, title: h.title }])}>{t('training.addMaterial', { title: h.title })}</button></li>
        ))}
      </ul>
    </fieldset>
  );
}
