// A labelled select over a list of names (columns, sheets, links), with an optional first choice
// that stands for "none" (value ''). The mapping step's many small pickers are all this one.

interface ChoiceFieldProps {
  label: string;
  value: string;
  choices: readonly string[];
  /** Text of a first option with the value '' (left out when undefined). */
  none?: string;
  /** What a choice reads as, when not its own name. */
  describe?(choice: string): string;
  onChange(value: string): void;
}

export function ChoiceField({ label, value, choices, none, describe, onChange }: ChoiceFieldProps) {
  return (
    <label className="inline-field">
      <span className="field__label">{label}</span>
      <select className="select" value={value} onChange={(e) => onChange(e.target.value)}>
        {none !== undefined ? <option value="">{none}</option> : null}
        {choices.map((c) => (
          <option key={c} value={c}>
            {describe ? describe(c) : c}
          </option>
        ))}
      </select>
    </label>
  );
}
