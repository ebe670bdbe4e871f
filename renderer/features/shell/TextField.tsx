// A labelled one-line text input in the `.field` layout of the small dialogs (FormDialog).

import type { InputHTMLAttributes } from 'react';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'className' | 'type'>;

interface TextFieldProps extends InputProps {
  label: string;
  value: string;
  onChange(value: string): void;
  /** Monospace, for paths and ids. */
  mono?: boolean;
}

export function TextField({ label, value, onChange, mono = false, ...input }: TextFieldProps) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <input {...input} className={mono ? 'input input--mono' : 'input'} type="text" value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}
