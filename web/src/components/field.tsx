import type { InputHTMLAttributes } from 'preact';
import { useState } from 'preact/hooks';

// A labelled input with its error message under it, tied by aria-describedby.
interface Props {
  id: string;
  label: string;
  type?: string;
  value: string;
  error?: string;
  autocomplete?: string;
  min?: string;  // dates: the earliest the picker offers
  onInput: (value: string) => void;
}

export function Field({ id, label, type = 'text', value, error, autocomplete, min, onInput }: Props) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        name={id}
        type={type}
        value={value}
        autocomplete={autocomplete}
        min={min}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
      />
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

// A text that becomes a value (a number, a list) keeps what was typed, an
// empty field, "0.", a trailing comma or an empty last line, while the value
// is what it reads as now. A value changed elsewhere (a reset, a reload)
// replaces the text.
function useTypedText<T>(value: T, read: (text: string) => T, write: (v: T) => string, same: (a: T, b: T) => boolean) {
  const [text, setText] = useState(() => write(value));
  return [same(read(text), value) ? text : write(value), setText] as const;
}

// A number input; an emptied field reads as `empty` (0 unless said).
export function NumberInput({ value, onInput, empty = 0, ...attrs }: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onInput' | 'type'> & {
  value: number; onInput: (value: number) => void; empty?: number;
}) {
  const read = (text: string) => (text.trim() === '' ? empty : Number(text));
  const [text, setText] = useTypedText(value, read, String, (a, b) => a === b || (Number.isNaN(a) && Number.isNaN(b)));
  return (
    <input {...attrs} type="number" value={text}
      onInput={(e) => { const v = (e.currentTarget as HTMLInputElement).value; setText(v); onInput(read(v)); }} />
  );
}

// A labelled number input with its error message under it.
export function NumberField({ id, label, error, ...rest }: {
  id: string; label: string; error?: string; value: number; onInput: (value: number) => void; empty?: number;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <NumberInput id={id} name={id} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined} {...rest} />
      {error && <p class="field-error" id={`${id}-error`}>{error}</p>}
    </div>
  );
}

// A list typed as text: one item per line (`separator` "\n", in a text area)
// or separated by commas; each item trimmed, empty ones dropped, and
// `transform` applied (upper case for country codes).
export function ListField({ id, label, value, error, onInput, separator = '\n', transform = (x) => x, rows = 3 }: {
  id: string; label: string; value: string[]; error?: string; onInput: (value: string[]) => void;
  separator?: '\n' | ','; transform?: (item: string) => string; rows?: number;
}) {
  const read = (text: string) => text.split(separator).map((x) => transform(x.trim())).filter(Boolean);
  const write = (list: string[]) => list.join(separator === ',' ? ', ' : '\n');
  const [text, setText] = useTypedText(value, read, write, (a, b) => a.length === b.length && a.every((x, i) => x === b[i]));
  const input = (v: string) => { setText(v); onInput(read(v)); };
  const described = error ? `${id}-error` : undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {separator === '\n'
        ? <textarea id={id} name={id} rows={rows} value={text} aria-invalid={error ? 'true' : undefined} aria-describedby={described}
            onInput={(e) => input((e.currentTarget as HTMLTextAreaElement).value)} />
        : <input id={id} name={id} value={text} aria-invalid={error ? 'true' : undefined} aria-describedby={described}
            onInput={(e) => input((e.currentTarget as HTMLInputElement).value)} />}
      {error && <p class="field-error" id={described}>{error}</p>}
    </div>
  );
}

// The message for problems not tied to one field (or the network).
export function FormError({ message }: { message?: string }) {
  return message ? (
    <p class="form-error" role="alert">
      {message}
    </p>
  ) : null;
}

// Some of `options` chosen with checkboxes, under a legend; errors first.
export function CheckList({ legend, options, chosen, labelOf, onChange, errors = [], hint, name }: {
  legend: string; options: string[]; chosen: string[]; labelOf: (o: string) => string;
  onChange: (chosen: string[]) => void; errors?: string[]; hint?: string; name?: string;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {hint && <p class="hint">{hint}</p>}
      {errors.map((e) => <p class="field-error" key={e}>{e}</p>)}
      <div class="checks">
        {options.map((o) => (
          <label key={o}>
            <input type="checkbox" name={name} value={o} checked={chosen.includes(o)} onChange={(e) => {
              const on = (e.currentTarget as HTMLInputElement).checked;
              onChange(on ? [...chosen, o] : chosen.filter((x) => x !== o));
            }} />
            {labelOf(o)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

// A labelled text area with its error below.
export function TextArea({ id, label, value, error, onInput, rows = 2 }: {
  id: string; label: string; value: string; error?: string; onInput: (v: string) => void; rows?: number;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <textarea id={id} rows={rows} value={value} aria-invalid={error ? 'true' : undefined}
        onInput={(e) => onInput((e.currentTarget as HTMLTextAreaElement).value)} />
      {error && <p class="field-error">{error}</p>}
    </div>
  );
}
