import './Options.css';

export type SelectFieldProps = {
  id: string;
  label: string;
  /** '' stands for the automatic choice. */
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  hint?: string;
};

/** A labelled select list. */
export function SelectField({ id, label, value, options, onChange, hint }: SelectFieldProps) {
  return (
    <div class="bs-options__field">
      <label for={id}>{label}</label>
      <select id={id} value={value} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && (
        <p id={`${id}-hint`} class="bs-options__detail">
          {hint}
        </p>
      )}
    </div>
  );
}
