// The model editor's inputs. Each one edits one path of the model through
// the editor context and shows the message for that path: the server's
// (the model reader's, named by path) or its own when the text is not a
// number. Text that is not a number is kept as typed, never sent.
import { createContext } from 'preact';
import type { JSX } from 'preact';
import { useContext, useState } from 'preact/hooks';
import { getAt, parseNumber, showNumber, showPercent } from '../../model_form';

export interface EditorState {
  model: unknown;
  set: (path: string, value: unknown) => void;
  // Text typed that is not a number yet, by path.
  drafts: Record<string, string>;
  setDraft: (path: string, text: string | undefined) => void;
  // The server's messages by path (without the "model." prefix).
  errors: Record<string, string>;
  notANumber: string;
  // Forgets text typed at `prefix` or inside it (fields a choice hides).
  clearDrafts: (prefix: string) => void;
}
export const Editor = createContext<EditorState>(null as unknown as EditorState);

// `drafts` without the text typed at `prefix` or inside it (the same object
// when there is none): for clearDrafts.
export function draftsOutside(drafts: Record<string, string>, prefix: string): Record<string, string> {
  const inside = (path: string) => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
  return Object.keys(drafts).some(inside) ? Object.fromEntries(Object.entries(drafts).filter(([path]) => !inside(path))) : drafts;
}

// The element id of the input for `path` (errors link to it).
export const fieldId = (path: string) => `f-${path.replace(/[^A-Za-z0-9_-]/g, '_')}`;

// The words a person reads for the field of `path` on the page: its label,
// or the name of an input in a table; the path only when no field shows it.
export function fieldName(path: string): string {
  const input = document.getElementById(fieldId(path)) as HTMLInputElement | null;
  return (input?.labels?.[0]?.textContent ?? input?.getAttribute('aria-label') ?? path).trim();
}

function Message({ path }: { path: string }) {
  const e = useContext(Editor);
  const message = e.drafts[path] !== undefined ? e.notANumber : e.errors[path];
  return message ? <span class="field-error" id={`${fieldId(path)}-error`}>{message}</span> : null;
}

function invalid(e: EditorState, path: string) {
  return e.drafts[path] !== undefined || e.errors[path] !== undefined ? 'true' : undefined;
}

// A number's text box. The text typed stays while it still reads as the
// value, so that "2," and "0." survive on the way to "2,5" and "0.5";
// otherwise the value is written out as the reader's language does. `draft`
// is text that is not a number, kept as typed.
export function NumberText({ value, percent = false, draft, onText, ...attrs }: Omit<JSX.HTMLAttributes<HTMLInputElement>, 'value' | 'onInput'> & {
  value: unknown; percent?: boolean; draft?: string; onText: (text: string) => void;
}) {
  const [typed, setTyped] = useState<string | null>(null);
  const shown = draft ?? (typed !== null && parseNumber(typed, percent) === value ? typed : percent ? showPercent(value) : showNumber(value));
  return (
    <input {...attrs} inputMode="decimal" value={shown}
      onInput={(ev) => {
        const text = (ev.currentTarget as HTMLInputElement).value;
        setTyped(text);
        onText(text);
      }} />
  );
}

// A number; `percent` shows and reads a rate in percent (0.05 as "5").
export function NumberInput({ path, label, percent = false, hint }: { path: string; label: string; percent?: boolean; hint?: string }) {
  const e = useContext(Editor);
  return (
    <div class="field">
      <label for={fieldId(path)}>{label}{percent ? ' (%)' : ''}</label>
      <NumberText id={fieldId(path)} value={getAt(e.model, path)} percent={percent} draft={e.drafts[path]} aria-invalid={invalid(e, path)} aria-describedby={invalid(e, path) ? `${fieldId(path)}-error` : undefined}
        onText={(text) => {
          if (text.trim() === '') {
            e.setDraft(path, undefined);
            return e.set(path, undefined);
          }
          const n = parseNumber(text, percent);
          if (n === null) return e.setDraft(path, text);
          e.setDraft(path, undefined);
          e.set(path, n);
        }} />
      {hint && <span class="muted">{hint}</span>}
      <Message path={path} />
    </div>
  );
}

export function TextInput({ path, label, size }: { path: string; label: string; size?: number }) {
  const e = useContext(Editor);
  const v = getAt(e.model, path);
  return (
    <div class="field">
      <label for={fieldId(path)}>{label}</label>
      <input id={fieldId(path)} size={size} value={typeof v === 'string' ? v : ''} aria-invalid={invalid(e, path)}
        onInput={(ev) => {
          const text = (ev.currentTarget as HTMLInputElement).value;
          e.set(path, text === '' ? undefined : text);
        }} />
      <Message path={path} />
    </div>
  );
}

// One of `options` (value, label); `blank` offers "not set" (the file's default).
// `onChoose`, when given, runs after the choice is set (with the value chosen).
export function SelectInput({ path, label, options, blank, fallback, onChoose }: { path: string; label: string; options: [string, string][]; blank?: string; fallback?: string; onChoose?: (value: string) => void }) {
  const e = useContext(Editor);
  const v = getAt(e.model, path);
  return (
    <div class="field">
      <label for={fieldId(path)}>{label}</label>
      <select id={fieldId(path)} value={typeof v === 'string' ? v : fallback ?? ''} aria-invalid={invalid(e, path)}
        onChange={(ev) => {
          const value = (ev.currentTarget as HTMLSelectElement).value;
          e.set(path, value === '' ? undefined : value);
          onChoose?.(value);
        }}>
        {blank !== undefined && <option value="">{blank}</option>}
        {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
      </select>
      <Message path={path} />
    </div>
  );
}

export function CheckInput({ path, label, fallback }: { path: string; label: string; fallback: boolean }) {
  const e = useContext(Editor);
  const v = getAt(e.model, path);
  return (
    <div class="field check">
      <label>
        <input type="checkbox" id={fieldId(path)} checked={typeof v === 'boolean' ? v : fallback} onChange={(ev) => e.set(path, (ev.currentTarget as HTMLInputElement).checked)} /> {label}
      </label>
      <Message path={path} />
    </div>
  );
}

// A small table of rows (bonus payments, tiers): each column a number,
// percent or text of the row's object; rows added and removed.
export interface Column {
  key: string;
  label: string;
  kind: 'number' | 'percent' | 'text';
}
export function RowsInput({ path, label, columns, addLabel, removeLabel }: { path: string; label: string; columns: Column[]; addLabel: string; removeLabel: string }) {
  const e = useContext(Editor);
  const rows = (getAt(e.model, path) as Record<string, unknown>[] | undefined) ?? [];
  return (
    <fieldset class="rows">
      <legend>{label}</legend>
      <Message path={path} />
      {/* Tiers nested in a component are wider than a phone: the table scrolls, the page does not. */}
      {rows.length > 0 && (
        <div class="scroll-x">
        <table>
          <thead><tr>{columns.map((c) => <th key={c.key}>{c.label}{c.kind === 'percent' ? ' (%)' : ''}</th>)}<th /></tr></thead>
          <tbody>
            {rows.map((_, i) => (
              <tr key={i}>
                {columns.map((c) => {
                  const at = `${path}[${i}].${c.key}`;
                  const v = getAt(e.model, at);
                  const name = `${label} ${i + 1}: ${c.label}`;
                  const onText = (text: string) => {
                    if (c.kind === 'text' || text.trim() === '') {
                      e.setDraft(at, undefined);
                      return e.set(at, text.trim() === '' ? undefined : text);
                    }
                    const n = parseNumber(text, c.kind === 'percent');
                    if (n === null) return e.setDraft(at, text);
                    e.setDraft(at, undefined);
                    e.set(at, n);
                  };
                  return (
                    <td key={c.key}>
                      {c.kind === 'text'
                        ? <input id={fieldId(at)} aria-label={name} value={v === undefined ? '' : String(v)} aria-invalid={invalid(e, at)} onInput={(ev) => onText((ev.currentTarget as HTMLInputElement).value)} />
                        : <NumberText id={fieldId(at)} aria-label={name} value={v} percent={c.kind === 'percent'} draft={e.drafts[at]} aria-invalid={invalid(e, at)} onText={onText} />}
                      <Message path={at} />
                    </td>
                  );
                })}
                <td><button type="button" class="link" onClick={() => e.set(path, rows.filter((__, k) => k !== i))}>{removeLabel}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
      <button type="button" class="secondary" onClick={() => e.set(path, [...rows, {}])}>{addLabel}</button>
    </fieldset>
  );
}
