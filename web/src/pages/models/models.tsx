// Fiscal models: those of the user's workspace and of the engagements they
// take part in, and a new model from a model file (connex.fiscal/1), kept in
// the workspace or attached to a request (then confidential to it).
import { useEffect, useState } from 'preact/hooks';
import { byField, call } from '../../api';
import { FormError } from '../../components/field';
import { Link } from '../../components/link';
import type { ModelSummary } from '../../fiscal';
import { t } from '../../i18n';
import type { Summary } from '../../requests';
import { navigate } from '../../router';

export function Models() {
  const [items, setItems] = useState<ModelSummary[] | null>(null);
  const [requests, setRequests] = useState<Summary[]>([]);
  const [name, setName] = useState('');
  const [requestId, setRequestId] = useState('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<{ field: string; message: string }[]>([]);
  useEffect(() => {
    call<{ items: ModelSummary[] }>('GET', '/api/v1/fiscal/models').then((r) => setItems(r.data ? r.data.items : []));
    call<{ items: Summary[] }>('GET', '/api/v1/requests').then((r) => r.data && setRequests(r.data.items));
  }, []);
  async function onFile(e: Event) {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files && input.files[0];
    if (file) setText(await file.text());
  }
  async function create(e: Event) {
    e.preventDefault();
    let model: unknown;
    try {
      model = JSON.parse(text);
    } catch (x) {
      return setErrors([{ field: 'model', message: `${t('models.notJson')} ${(x as Error).message}` }]);
    }
    const r = await call<ModelSummary>('POST', '/api/v1/fiscal/models', { name, model, ...(requestId ? { request_id: requestId } : {}) });
    if (!r.data) return setErrors(r.status === 0 ? [{ field: '', message: t('error.network') }] : r.errors);
    navigate(`/models/${r.data.id}`);
  }
  const fields = byField(errors.map((e) => ({ code: '', ...e })));
  const modelErrors = errors.filter((e) => e.field.startsWith('model'));
  if (!items) return <p class="loading">{t('common.loading')}</p>;
  const requestName = (id: string | null) => requests.find((r) => r.id === id)?.reference || id || '';
  return (
    <div>
      <h1>{t('models.title')}</h1>
      <p class="lead">{t('models.intro')}</p>
      {items.length === 0 ? <p>{t('models.none')}</p> : (
        <table>
          <thead><tr><th>{t('models.name')}</th><th>{t('models.engagement')}</th><th>{t('models.version')}</th><th>{t('models.updated')}</th></tr></thead>
          <tbody>
            {items.map((m) => (
              <tr key={m.id}>
                <td><Link href={`/models/${m.id}`}>{m.name}</Link></td>
                <td>{m.request_id ? requestName(m.request_id) : t('models.workspace')}</td>
                <td>{m.version}</td>
                <td>{m.updated_at.slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="buttons"><Link href="/models/new">{t('editor.build')}</Link></p>
      <form class="panel wide" onSubmit={create}>
        <h2>{t('models.new')}</h2>
        <FormError message={fields['']} />
        <div class="field">
          <label for="model-name">{t('models.name')}</label>
          <input id="model-name" value={name} aria-invalid={fields.name ? 'true' : undefined} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
          {fields.name && <p class="field-error">{fields.name}</p>}
        </div>
        <div class="field">
          <label for="model-request">{t('models.attach')}</label>
          <select id="model-request" value={requestId} onChange={(e) => setRequestId((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t('models.workspace')}</option>
            {requests.map((r) => <option key={r.id} value={r.id}>{r.reference} — {r.project_name}</option>)}
          </select>
          {fields.request_id && <p class="field-error">{fields.request_id}</p>}
        </div>
        <div class="field">
          <label for="model-file">{t('models.file')}</label>
          <input id="model-file" type="file" accept=".json,application/json" onChange={onFile} />
        </div>
        <div class="field">
          <label for="model-text">{t('models.text')}</label>
          <textarea id="model-text" rows={8} value={text} aria-invalid={modelErrors.length ? 'true' : undefined} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
          {modelErrors.length > 0 && <ul class="row-errors">{modelErrors.map((e, i) => <li key={i} class="field-error">{e.field}: {e.message}</li>)}</ul>}
        </div>
        <button type="submit">{t('models.create')}</button>
      </form>
    </div>
  );
}
