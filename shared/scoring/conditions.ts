// Conditions over account columns (segment rules, adjustment flags), compiled once into a
// predicate per account index. How a cell is compared depends on the rule value:
// - a number (or a YYYY-MM-DD date for date columns) compares numerically, text cells parsed strictly;
// - a boolean compares as true/false (1/0, yes/no…);
// - a string against a text column compares the trimmed text exactly; against a number or date
//   column it is first read as a number or date.
// A missing cell matches no operator at all (not even neq / notIn): such accounts fall through to
// later rules and finally to the default segment.

import { isoToEpochDay } from '../dates';
import { type DatasetColumn, isTextColumn } from '../dataset';
import type { Condition, ConditionScalar } from '../scorecard/types';
import { ScoringError } from './data';
import { booleanColumn, numericColumn, parseBooleanText, parseNumberText, textOf } from './values';

export type AccountPredicate = (i: number) => boolean;

function ruleNumber(v: ConditionScalar, column: DatasetColumn, where: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const asDate = isoToEpochDay(v.trim());
  const x = column.field.kind === 'date' || !Number.isNaN(asDate) ? asDate : parseNumberText(v);
  if (Number.isNaN(x)) {
    throw new ScoringError(`${where}: "${v}" cannot be compared with the ${column.field.kind} column "${column.field.name}"`);
  }
  return x;
}

/** The cells of `column` as numbers for comparison with rule values like `sample`. */
function cellsAsNumbers(column: DatasetColumn, sample: ConditionScalar): Float64Array {
  if (typeof sample === 'boolean') return booleanColumn(column.values);
  const asDate = typeof sample === 'string' && !Number.isNaN(isoToEpochDay(sample.trim()));
  return numericColumn(column.values, asDate || column.field.kind === 'date');
}

function scalarList(c: Condition, where: string): ConditionScalar[] {
  const v = c.value;
  if (v === undefined) throw new ScoringError(`${where}.value: operator ${c.operator} needs a value`);
  return Array.isArray(v) ? v : [v];
}

export function compileCondition(c: Condition, column: DatasetColumn, where: string): AccountPredicate {
  const values = column.values;
  if (c.operator === 'isTrue' || c.operator === 'isFalse') {
    const want = c.operator === 'isTrue' ? 1 : 0;
    if (isTextColumn(values)) return (i) => parseBooleanText(values[i]) === want;
    // Any non-zero number counts as true for a number column; 0 is false.
    return (i) => {
      const x = values[i];
      return Number.isFinite(x) && (x !== 0 ? 1 : 0) === want;
    };
  }

  const list = scalarList(c, where);
  const stringRule = list.every((v) => typeof v === 'string');
  if (isTextColumn(values) && stringRule && ['eq', 'neq', 'in', 'notIn'].includes(c.operator)) {
    const wanted = new Set(list.map((v) => String(v).trim()));
    const negate = c.operator === 'neq' || c.operator === 'notIn';
    return (i) => {
      const t = textOf(values[i]);
      return t !== null && wanted.has(t) !== negate;
    };
  }

  const cells = cellsAsNumbers(column, list[0]);
  const targets = list.map((v) => ruleNumber(v, column, `${where}.value`));
  const t = targets[0];
  switch (c.operator) {
    case 'eq':
      return (i) => cells[i] === t;
    case 'neq':
      return (i) => cells[i] === cells[i] && cells[i] !== t;
    case 'in':
      return (i) => targets.includes(cells[i]);
    case 'notIn':
      return (i) => cells[i] === cells[i] && !targets.includes(cells[i]);
    case 'gte':
      return (i) => cells[i] >= t;
    case 'gt':
      return (i) => cells[i] > t;
    case 'lte':
      return (i) => cells[i] <= t;
    case 'lt':
      return (i) => cells[i] < t;
    default:
      throw new ScoringError(`${where}.operator: unknown operator ${String(c.operator)}`);
  }
}
