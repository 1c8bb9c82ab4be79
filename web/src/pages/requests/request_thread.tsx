// The confidential side of a request: documents (upload, download), the
// message thread, and the decision letter generated from the record.
import { useEffect, useState } from 'preact/hooks';
import { byField, call, upload } from '../../api';
import { FormError } from '../../components/field';
import { t } from '../../i18n';
import { when, type Detail } from '../../requests';
import { formatNumber } from '../../numbers';
import { useSignal } from '../../state';
import { keep, mustWait, outcomes, takeOutcome, waiting } from '../../waiting';

interface Document {
  id: string;
  name: string;
  media_type: string;
  size: number;
  uploaded_by: string;
  uploaded_at: string;
}
interface Message {
  id: string;
  author: string;
  at: string;
  body: string;
}
const closed = ['declined', 'withdrawn', 'evaluated'];

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${formatNumber(Math.ceil(bytes / 1024))} kB` : `${formatNumber(bytes / 1024 / 1024, 1)} MB`;
}

export function DocumentsPanel({ request }: { request: Detail }) {
  const [docs, setDocs] = useState<Document[]>([]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const base = `/api/v1/requests/${request.id}/documents`;
  const load = () => call<{ items: Document[] }>('GET', base).then((r) => r.data && setDocs(r.data.items));
  useEffect(() => void load(), [request.id]);

  async function onFile(e: Event) {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files && input.files[0];
    if (!file) return;
    setBusy(true);
    const r = await upload<Document>(`${base}?name=${encodeURIComponent(file.name)}`, file);
    setBusy(false);
    input.value = '';
    if (r.data) {
      setError('');
      load();
    } else {
      setError(r.status === 0 ? t('error.network') : r.errors.map((x) => x.message).join(' '));
    }
  }

  return (
    <section>
      <h2>{t('detail.documents')}</h2>
      {docs.length === 0 && <p>{t('detail.noDocuments')}</p>}
      <ul class="documents">
        {docs.map((d) => (
          <li key={d.id}>
            <a href={`${base}/${d.id}`} download={d.name}>{d.name}</a> · {size(d.size)} · {d.uploaded_by} · {when(d.uploaded_at)}
          </li>
        ))}
      </ul>
      {!closed.includes(request.state) && (
        <div class="field">
          <label for="document-file">{t('detail.upload', { size: 25 })}</label>
          <input id="document-file" type="file" disabled={busy}
            accept=".pdf,.docx,.xlsx,.pptx,.png,.jpg,.jpeg,.txt,.csv" onChange={onFile} />
          {busy && <p role="status">{t('detail.uploading')}</p>}
          {error && <p class="field-error" role="alert">{error}</p>}
        </div>
      )}
    </section>
  );
}

export function MessagesPanel({ request }: { request: Detail }) {
  const [messages, setMessages] = useState<Message[]>([]);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const base = `/api/v1/requests/${request.id}/messages`;
  const load = () => call<{ items: Message[] }>('GET', base).then((r) => r.data && setMessages(r.data.items));
  useEffect(() => void load(), [request.id]);
  // Messages typed while the connection was down (waiting.ts), and what became of them.
  const mine = `message:${request.id}:`;
  const held = useSignal(waiting).filter((w) => w.key.startsWith(mine));
  const done = useSignal(outcomes);
  useEffect(() => {
    const sent = done.filter((o) => o.key.startsWith(mine)).map((o) => takeOutcome(o.key)!);
    if (sent.length === 0) return;
    const refused = sent.find((o) => o.errors.length > 0);
    if (refused) {
      // The words come back to the box, to be corrected or kept.
      setText((typed) => typed || (refused.sent as { body: string }).body);
      setErrors({ '': t('waiting.refused', { reason: refused.errors[0].message }) });
    }
    load();
  }, [done]);

  async function send(e: Event) {
    e.preventDefault();
    const r = await call<Message>('POST', base, { body: text });
    if (mustWait(r.status)) {
      keep({ key: `${mine}${Date.now()}`, method: 'POST', path: base, body: { body: text } });
      setText('');
      return setErrors({});
    }
    if (!r.data) return setErrors(byField(r.errors));
    setText('');
    setErrors({});
    load();
  }

  return (
    <section>
      <h2>{t('detail.messages')}</h2>
      {messages.length === 0 && held.length === 0 && <p>{t('detail.noMessages')}</p>}
      <ol class="messages">
        {messages.map((m) => (
          <li key={m.id}>
            <strong>{m.author}</strong> <time dateTime={m.at}>{when(m.at)}</time>
            <p class="text">{m.body}</p>
          </li>
        ))}
        {held.map((w) => (
          <li key={w.key} class="waiting-item">
            <strong>{t('waiting.you')}</strong> <em role="status">{t('waiting.message')}</em>
            <p class="text">{(w.body as { body: string }).body}</p>
          </li>
        ))}
      </ol>
      {!closed.includes(request.state) && (
        <form onSubmit={send} noValidate>
          <FormError message={errors['']} />
          <div class="field">
            <label for="message-body">{t('detail.message')}</label>
            <textarea id="message-body" rows={3} value={text} aria-invalid={errors.body ? 'true' : undefined}
              onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
            {errors.body && <p class="field-error">{errors.body}</p>}
          </div>
          <button type="submit">{t('detail.send')}</button>
        </form>
      )}
    </section>
  );
}

export function LetterPanel({ request }: { request: Detail }) {
  const [letter, setLetter] = useState<{ language: string; text: string } | null>(null);
  // A letter exists once the request was approved or declined.
  const decided = request.history.some((h) => h.to === 'approved' || h.to === 'declined');
  useEffect(() => {
    if (!decided) return setLetter(null);
    call<{ language: string; text: string }>('GET', `/api/v1/requests/${request.id}/letter`).then((r) => setLetter(r.data));
  }, [request.id, request.version, decided]);
  if (!letter) return null;
  return (
    <section class="letter-section">
      <h2>{t('detail.letter')}</h2>
      {/* Written in the request's working language, which may not be the page's. */}
      <pre class="letter" lang={letter.language}>{letter.text}</pre>
      <button type="button" class="secondary" onClick={() => window.print()}>{t('detail.print')}</button>
    </section>
  );
}
