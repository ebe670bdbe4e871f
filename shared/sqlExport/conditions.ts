// Segment rules and adjustment flags as SQL predicates, with the engine's comparison rules
// (shared/scoring/conditions.ts): how a cell is compared depends on the rule value and on whether
// the cell is text or a number, and a missing cell matches no operator, not even neq / notIn.
// Every predicate is TRUE, FALSE or NULL, and NULL (a missing cell) never matches in CASE WHEN.

import { isoToEpochDay } from '../dates';
import type { Condition, ConditionScalar } from '../scorecard/types';
import { parseNumberText } from '../scoring/values';
import type { ColumnRegistry } from './columns';
import { type Dialect, quoteString } from './dialect';
import { SqlExportError } from './errors';

/** The engine's ruleNumber for a number (or date) cell; NaN where the engine refuses the value. */
function ruleNumber(v: ConditionScalar): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const asDate = isoToEpochDay(v.trim());
  return Number.isNaN(asDate) ? parseNumberText(v) : asDate;
}

function scalarList(c: Condition, where: string): ConditionScalar[] {
  const v = c.value;
  if (v === undefined) throw new SqlExportError(`${where}.value: operator ${c.operator} needs a value`);
  return Array.isArray(v) ? v : [v];
}

const NUMERIC_OPERATORS: Record<string, string> = { gte: '>=', gt: '>', lte: '<=', lt: '<' };

/** `x = t`, `x IN (…)`, `x >= t`… for numbers. */
function numericComparison(d: Dialect, x: string, operator: string, targets: number[]): string {
  const list = targets.map((t) => d.num(t)).join(', ');
  switch (operator) {
    case 'eq':
      return `${x} = ${d.num(targets[0])}`;
    case 'neq':
      return `${x} <> ${d.num(targets[0])}`;
    case 'in':
      return `${x} IN (${list})`;
    case 'notIn':
      return `${x} NOT IN (${list})`;
    default:
      return `${x} ${NUMERIC_OPERATORS[operator]} ${d.num(targets[0])}`;
  }
}

/**
 * The predicate of one condition over the `typed` CTE. `where` names the condition in the
 * scorecard (`segments[0].when[1]`) for error messages.
 */
export function conditionSql(c: Condition, reg: ColumnRegistry, d: Dialect, where: string): string {
  const col = reg.column(c.attribute, `${where}.attribute`);
  const num = reg.num(col);
  const text = reg.text(col);

  if (c.operator === 'isTrue' || c.operator === 'isFalse') {
    // Number cells: any non-zero number is true. Text cells: the boolean tokens.
    const bool = reg.view(col, 'bool');
    return c.operator === 'isTrue' ? `(${num} <> ${d.num(0)} OR (${num} IS NULL AND ${bool} = ${d.num(1)}))` : `(${num} = ${d.num(0)} OR (${num} IS NULL AND ${bool} = ${d.num(0)}))`;
  }

  const list = scalarList(c, where);
  if (!(c.operator in NUMERIC_OPERATORS) && !['eq', 'neq', 'in', 'notIn'].includes(c.operator)) {
    throw new SqlExportError(`${where}.operator: unknown operator "${String(c.operator)}"`);
  }
  const targets = list.map(ruleNumber);
  const stringRule = list.every((v) => typeof v === 'string');

  if (stringRule && !(c.operator in NUMERIC_OPERATORS)) {
    // Text cells compare their trimmed text exactly; number cells compare numerically with the
    // values read as numbers or dates (the engine refuses a number column for a value that is
    // neither, so such a cell matches nothing here).
    const negate = c.operator === 'neq' || c.operator === 'notIn';
    const wanted = list.map((v, i) => quoteString(String(v).trim(), `${where}.value${Array.isArray(c.value) ? `[${i}]` : ''}`));
    const textPart = `${text} ${negate ? 'NOT IN' : 'IN'} (${wanted.join(', ')})`;
    if (targets.some((t) => Number.isNaN(t))) return `(${textPart})`;
    return `(${textPart} OR ${numericComparison(d, num, c.operator, targets)})`;
  }

  // Compared as numbers whatever the column: the engine reads every rule value as a number (a
  // YYYY-MM-DD text as a date), and refuses the scorecard when one cannot be.
  targets.forEach((t, i) => {
    if (Number.isNaN(t)) {
      const at = Array.isArray(c.value) ? `${where}.value[${i}]` : `${where}.value`;
      throw new SqlExportError(`${at}: ${JSON.stringify(list[i])} cannot be compared as a number or a date (the engine refuses this rule too)`);
    }
  });
  const sample = list[0];
  const cells =
    typeof sample === 'boolean'
      ? reg.view(col, 'bool')
      : typeof sample === 'string' && !Number.isNaN(isoToEpochDay(sample.trim()))
        ? reg.view(col, 'date')
        : reg.view(col, 'number');
  return `(${numericComparison(d, cells, c.operator, targets)})`;
}
