// One condition of a segment rule: column, operator, value. The value box keeps what is typed while
// it has focus; the rule changes as it is typed.

import { useState } from 'react';
import { CONDITION_OPERATORS, type Condition, type ConditionOperator } from '../../../shared/scorecard/types';
import type { FieldDef } from '../../../shared/dataset';
import { OPERATOR_TEXT, conditionValueText, parseConditionValue, takesValue } from './ruleEdits';

interface ConditionRowProps {
  condition: Condition;
  fields: FieldDef[];
  /** "Enterprise, condition 1": the subject of the controls' names. */
  subject: string;
  canRemove: boolean;
  onChange(condition: Condition, mergeKey: string | null): void;
  onRemove(): void;
}

export function ConditionRow({ condition, fields, subject, canRemove, onChange, onRemove }: ConditionRowProps) {
  const [text, setText] = useState<string | null>(null);
  const kind = fields.find((f) => f.name === condition.attribute)?.kind;
  const set = (patch: Partial<Condition>, valueText: string, mergeKey: string | null) => {
    const next: Condition = { ...condition, ...patch };
    const value = parseConditionValue(next.operator, valueText, fields.find((f) => f.name === next.attribute)?.kind);
    if (value === undefined) delete next.value;
    else next.value = value;
    onChange(next, mergeKey);
  };
  const current = text ?? conditionValueText(condition.value);
  return (
    <div className="condition-row">
      <select className="select" aria-label={`Column (${subject})`} value={condition.attribute} onChange={(e) => set({ attribute: e.target.value }, current, null)}>
        {fields.map((f) => (
          <option key={f.name} value={f.name}>
            {f.name}
          </option>
        ))}
        {fields.some((f) => f.name === condition.attribute) ? null : <option value={condition.attribute}>{condition.attribute} (not in the data)</option>}
      </select>
      <select className="select" aria-label={`Operator (${subject})`} value={condition.operator} onChange={(e) => set({ operator: e.target.value as ConditionOperator }, current, null)}>
        {CONDITION_OPERATORS.map((op) => (
          <option key={op} value={op}>
            {OPERATOR_TEXT[op]}
          </option>
        ))}
      </select>
      {takesValue(condition.operator) ? (
        <input
          className="input"
          aria-label={`Value (${subject})`}
          placeholder={condition.operator === 'in' || condition.operator === 'notIn' ? 'a, b, c' : kind === 'date' ? 'YYYY-MM-DD' : 'value'}
          value={current}
          onFocus={() => setText(conditionValueText(condition.value))}
          onBlur={() => setText(null)}
          onChange={(e) => {
            setText(e.target.value);
            set({}, e.target.value, `value:${subject}`);
          }}
        />
      ) : (
        <span />
      )}
      <button type="button" className="button button--small button--ghost" aria-label={`Remove condition (${subject})`} disabled={!canRemove} onClick={onRemove}>
        Remove
      </button>
    </div>
  );
}
