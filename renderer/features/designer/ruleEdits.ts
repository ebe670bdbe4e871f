// Edits of a scorecard's segment rules, as pure functions: segments in order (first match wins)
// with their conditions, and the value text of a condition read for the column it tests.

import { slugId } from '../../../shared/scorecard/propose';
import { segmentList } from '../../../shared/scorecard/resolve';
import type { Condition, ConditionOperator, ConditionScalar, Scorecard, SegmentDef } from '../../../shared/scorecard/types';
import type { FieldKind } from '../../../shared/dataset';

export const OPERATOR_TEXT: Record<ConditionOperator, string> = {
  eq: 'is',
  neq: 'is not',
  in: 'is one of',
  notIn: 'is none of',
  gte: '≥',
  gt: '>',
  lte: '≤',
  lt: '<',
  isTrue: 'is yes',
  isFalse: 'is no',
};

export function takesValue(op: ConditionOperator): boolean {
  return op !== 'isTrue' && op !== 'isFalse';
}

function scalar(text: string, kind: FieldKind | undefined): ConditionScalar {
  const t = text.trim();
  if ((kind === 'number' || kind === 'boolean') && t !== '' && Number.isFinite(Number(t))) return Number(t);
  if (kind === 'boolean' && /^(true|false)$/i.test(t)) return t.toLowerCase() === 'true';
  return t;
}

/** The rule value for what was typed: a list for in / not in (comma-separated), else one value. */
export function parseConditionValue(op: ConditionOperator, text: string, kind: FieldKind | undefined): Condition['value'] {
  if (!takesValue(op)) return undefined;
  if (op === 'in' || op === 'notIn') return text.split(',').map((part) => scalar(part, kind)).filter((v) => v !== '');
  if (op === 'gte' || op === 'gt' || op === 'lte' || op === 'lt') {
    const t = text.trim();
    return kind === 'date' || !Number.isFinite(Number(t)) || t === '' ? t : Number(t);
  }
  return scalar(text, kind);
}

export function conditionValueText(value: Condition['value']): string {
  if (value === undefined) return '';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

function withSegments(sc: Scorecard, segments: SegmentDef[]): Scorecard {
  return { ...sc, segments };
}

export function addSegment(sc: Scorecard, attribute: string): Scorecard {
  const taken = new Set(segmentList(sc).map((s) => s.id));
  const label = `Segment ${sc.segments.length + 1}`;
  const segment: SegmentDef = { id: slugId(label.toLowerCase().replace(/\s+/g, '-'), taken), label, when: [{ attribute, operator: 'eq', value: '' }], weights: {}, groupWeights: {} };
  return withSegments(sc, [...sc.segments, segment]);
}

export function removeSegment(sc: Scorecard, i: number): Scorecard {
  return withSegments(sc, sc.segments.filter((_, k) => k !== i));
}

/** Moves a segment up (−1) or down (+1) in the order rules are tried. */
export function moveSegment(sc: Scorecard, i: number, delta: -1 | 1): Scorecard {
  const j = i + delta;
  if (j < 0 || j >= sc.segments.length) return sc;
  const segments = [...sc.segments];
  [segments[i], segments[j]] = [segments[j], segments[i]];
  return withSegments(sc, segments);
}

export function updateSegment(sc: Scorecard, i: number, patch: Partial<SegmentDef>): Scorecard {
  return withSegments(sc, sc.segments.map((s, k) => (k === i ? { ...s, ...patch } : s)));
}

export function setCondition(sc: Scorecard, i: number, j: number, condition: Condition): Scorecard {
  return updateSegment(sc, i, { when: sc.segments[i].when.map((c, k) => (k === j ? condition : c)) });
}

export function addCondition(sc: Scorecard, i: number, attribute: string): Scorecard {
  return updateSegment(sc, i, { when: [...sc.segments[i].when, { attribute, operator: 'eq', value: '' }] });
}

export function removeCondition(sc: Scorecard, i: number, j: number): Scorecard {
  return updateSegment(sc, i, { when: sc.segments[i].when.filter((_, k) => k !== j) });
}
