// The numeric box beside a weight slider. While it has focus it keeps what is typed (so "1." or an
// empty box mid-edit is not overwritten); every parseable value is applied as it is typed.

import { useState } from 'react';

interface WeightNumberInputProps {
  value: number;
  label: string;
  disabled: boolean;
  onCommit(value: number): void;
}

/** Two decimals are plenty to read; the weight itself keeps full precision. */
export function formatWeight(w: number): string {
  return String(Math.round(w * 100) / 100);
}

export function WeightNumberInput({ value, label, disabled, onCommit }: WeightNumberInputProps) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <input
      className="input input--number weight-row__number"
      type="number"
      inputMode="decimal"
      min={0}
      step="any"
      aria-label={label}
      disabled={disabled}
      value={editing ?? formatWeight(value)}
      onFocus={() => setEditing(formatWeight(value))}
      onBlur={() => setEditing(null)}
      onChange={(event) => {
        setEditing(event.target.value);
        const parsed = event.target.valueAsNumber;
        if (Number.isFinite(parsed) && parsed >= 0) onCommit(parsed);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.currentTarget.blur();
      }}
    />
  );
}
