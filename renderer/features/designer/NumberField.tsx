// A labelled number box for the editors. What is typed stays while the box has focus; each
// parseable value is applied at once, and an empty box means "none" when the field is optional.

import { useState } from 'react';

interface NumberFieldProps {
  label: string;
  value: number | undefined;
  onChange(value: number | undefined): void;
  optional?: boolean;
  placeholder?: string;
  min?: number;
  max?: number;
  /** Render the label visually hidden (the column header says it). */
  hideLabel?: boolean;
}

function shown(v: number | undefined): string {
  return v === undefined ? '' : String(Math.round(v * 1e6) / 1e6);
}

export function NumberField({ label, value, onChange, optional = false, placeholder, min, max, hideLabel = false }: NumberFieldProps) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <label className="editor-field">
      <span className={hideLabel ? 'visually-hidden' : 'editor-field__label'}>{label}</span>
      <input
        className="input input--number"
        type="number"
        step="any"
        min={min}
        max={max}
        placeholder={placeholder}
        value={editing ?? shown(value)}
        onFocus={() => setEditing(shown(value))}
        onBlur={() => setEditing(null)}
        onChange={(event) => {
          setEditing(event.target.value);
          if (event.target.value.trim() === '') {
            if (optional) onChange(undefined);
            return;
          }
          const parsed = event.target.valueAsNumber;
          if (Number.isFinite(parsed) && (min === undefined || parsed >= min) && (max === undefined || parsed <= max)) onChange(parsed);
        }}
      />
    </label>
  );
}
