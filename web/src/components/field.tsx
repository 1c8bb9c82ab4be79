// A labelled input with its error message under it, tied by aria-describedby.
interface Props {
  id: string;
  label: string;
  type?: string;
  value: string;
  error?: string;
  autocomplete?: string;
  onInput: (value: string) => void;
}

export function Field({ id, label, type = 'text', value, error, autocomplete, onInput }: Props) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        name={id}
        type={type}
        value={value}
        autocomplete={autocomplete}
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

// The message for problems not tied to one field (or the network).
export function FormError({ message }: { message?: string }) {
  return message ? (
    <p class="form-error" role="alert">
      {message}
    </p>
  ) : null;
}
