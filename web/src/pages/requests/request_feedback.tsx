// The feedback survey of a closed engagement: the government rates the
// support (1 poor to 5 excellent) on six counts, comments, and estimates
// the revenue it added — its own figure, or one of the fiscal comparisons
// recorded on the engagement. Answering moves the request to evaluated.
// The government and the Support Unit then read the answer; the team does not.
import { useEffect, useState } from 'preact/hooks';
import { byField, call } from '../../api';
import { FormError } from '../../components/field';
import { millions } from '../../fiscal';
import { t } from '../../i18n';
import type { MessageKey } from '../../messages/en';
import { type Detail, ratings, when } from '../../requests';


interface Feedback {
  comments: string;
  estimated_added_value: number | null;
  currency: string;
  answered_at: string;
  [rating: string]: unknown;
}
interface ValueAdded {
  id: string;
  from: string;
  to: string;
  currency: string;
  government_total: number;
  recorded_at: string;
}

export function FeedbackPanel({ request, government, onAnswered }: { request: Detail; government: boolean; onAnswered: () => void }) {
  const [feedback, setFeedback] = useState<Feedback | null | undefined>(undefined);
  const [estimates, setEstimates] = useState<ValueAdded[]>([]);
  const [scores, setScores] = useState<Record<string, number>>({});
  const [comments, setComments] = useState('');
  const [estimate, setEstimate] = useState('');
  const [valueAdded, setValueAdded] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const closed = request.state === 'closed' || request.state === 'evaluated';
  useEffect(() => {
    if (!closed) return;
    call<{ feedback: Feedback | null }>('GET', `/api/v1/requests/${request.id}/feedback`).then((r) => setFeedback(r.data ? r.data.feedback : null));
    call<{ items: ValueAdded[] }>('GET', `/api/v1/requests/${request.id}/value-added`).then((r) => r.data && setEstimates(r.data.items));
  }, [request.id, request.state]);
  if (!closed || feedback === undefined) return null;
  if (feedback) {
    return (
      <section aria-label={t('feedback.title')}>
        <h2>{t('feedback.title')}</h2>
        <p class="muted">{t('feedback.answeredOn', { date: when(feedback.answered_at) })}</p>
        <table class="summary">
          <tbody>
            {ratings.map((k) => <tr key={k}><th>{t(`feedback.${k}` as MessageKey)}</th><td>{t('feedback.outOf', { score: String(feedback[k]) })}</td></tr>)}
            {feedback.estimated_added_value !== null && <tr><th>{t('feedback.estimate')}</th><td>{millions(feedback.estimated_added_value, false, feedback.currency || 'USD')}</td></tr>}
          </tbody>
        </table>
        {feedback.comments && <blockquote class="text">{feedback.comments}</blockquote>}
      </section>
    );
  }
  if (!government || request.state !== 'closed') return null;
  const amount = wholeAmount(estimate);
  async function answer(e: Event) {
    e.preventDefault();
    const body: Record<string, unknown> = { version: request.version, ...scores, comments };
    if (estimate.trim() !== '') {
      if (amount === null) return setErrors({ estimated_added_value: t('feedback.estimateInvalid'), '': t('feedback.fix') });
      body.estimated_added_value = amount;
    }
    if (valueAdded) body.value_added_id = valueAdded;
    const r = await call('POST', `/api/v1/requests/${request.id}/feedback`, body);
    if (r.status === 201) return onAnswered();
    const fields = byField(r.errors);
    setErrors(r.status === 0 ? { '': t('error.network') } : { ...fields, '': fields[''] || (fields.version || fields.state || fields.id ? r.errors[0].message : t('feedback.fix')) });
  }
  return (
    <section aria-label={t('feedback.title')}>
      <h2>{t('feedback.title')}</h2>
      <form class="panel" onSubmit={answer}>
        <p>{t('feedback.intro')}</p>
        <FormError message={errors['']} />
        {ratings.map((k) => (
          <fieldset key={k} class="rating" aria-invalid={errors[k] ? 'true' : undefined}>
            <legend>{t(`feedback.${k}` as MessageKey)}</legend>
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n} class="inline">
                <input type="radio" name={k} value={n} checked={scores[k] === n} onChange={() => { setScores({ ...scores, [k]: n }); setErrors(({ [k]: _answered, ...rest }) => rest); }} /> {n}
                {n === 1 ? ` — ${t('feedback.poor')}` : n === 5 ? ` — ${t('feedback.excellent')}` : ''}
              </label>
            ))}
            {errors[k] && <p class="field-error">{errors[k]}</p>}
          </fieldset>
        ))}
        <div class="field">
          <label for="feedback-comments">{t('feedback.comments')}</label>
          <textarea id="feedback-comments" rows={4} maxLength={5000} value={comments} onInput={(e) => setComments((e.currentTarget as HTMLTextAreaElement).value)} />
          {errors.comments && <p class="field-error">{errors.comments}</p>}
        </div>
        {estimates.length > 0 && (
          <div class="field">
            <label for="feedback-value-added">{t('feedback.fromComparison')}</label>
            <select id="feedback-value-added" value={valueAdded} onChange={(e) => setValueAdded((e.currentTarget as HTMLSelectElement).value)}>
              <option value="">{t('feedback.ownEstimate')}</option>
              {estimates.map((v) => <option key={v.id} value={v.id}>{`${millions(v.government_total, true, v.currency)} — ${v.to} / ${v.from} (${when(v.recorded_at)})`}</option>)}
            </select>
            {errors.value_added_id && <p class="field-error">{errors.value_added_id}</p>}
          </div>
        )}
        {!valueAdded && (
          <div class="field">
            <label for="feedback-estimate">{t('feedback.estimateInput')}</label>
            <input id="feedback-estimate" inputMode="numeric" value={estimate} aria-describedby="feedback-estimate-reads"
              aria-invalid={errors.estimated_added_value ? 'true' : undefined} onInput={(e) => setEstimate((e.currentTarget as HTMLInputElement).value)} />
            {amount !== null && amount > 0 && <p class="muted" id="feedback-estimate-reads">{t('feedback.estimateReads', { amount: millions(amount, false, 'USD') })}</p>}
            {errors.estimated_added_value && <p class="field-error">{errors.estimated_added_value}</p>}
          </div>
        )}
        <button type="submit">{t('feedback.send')}</button>
      </form>
    </section>
  );
}

// A whole amount as people type it, grouped or not: "45 000 000",
// "45,000,000", "45.000.000"; null when it is not one.
function wholeAmount(text: string): number | null {
  const digits = text.replace(/[\s\u00a0\u202f,.'’]/g, '');
  return /^\d{1,15}$/.test(digits) ? Number(digits) : null;
}
