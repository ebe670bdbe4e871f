// What changed between two versions of a scorecard, as a list a person can read ("Enterprise:
// weight of NPS 2 → 3"). Items are matched by id, so renaming a label is a change, not a
// removal plus an addition.

import { segmentList } from './resolve';
import type { DefaultSegmentDef, GroupDef, MetricDef, Scorecard, SegmentDef, Weight } from './types';

export type ChangeKind =
  | 'setting'
  | 'metricAdded'
  | 'metricRemoved'
  | 'metricChanged'
  | 'groupAdded'
  | 'groupRemoved'
  | 'groupChanged'
  | 'weight'
  | 'segmentAdded'
  | 'segmentRemoved'
  | 'segmentOrder'
  | 'segmentRule'
  | 'thresholds'
  | 'adjustment'
  | 'override';

export interface ScorecardChange {
  kind: ChangeKind;
  /** Where in the file, e.g. `segments[enterprise].weights.nps` (items named by id). */
  path: string;
  before: unknown;
  after: unknown;
  message: string;
}

/** Compact, stable text for a value in a message. */
export function showValue(v: unknown): string {
  if (v === undefined) return '(not set)';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((x) => [x.id, x]));
}

type Emit = (kind: ChangeKind, path: string, before: unknown, after: unknown, message: string) => void;

function diffFields<T extends object>(a: T, b: T, fields: (keyof T & string)[], kind: ChangeKind, path: string, what: string, emit: Emit): void {
  for (const f of fields) {
    if (!same(a[f], b[f])) emit(kind, `${path}.${f}`, a[f], b[f], `${what}: ${f} ${showValue(a[f])} → ${showValue(b[f])}`);
  }
}

/** Added, removed and changed items of a list matched by id. */
function diffList<T extends { id: string; label: string }>(
  a: readonly T[],
  b: readonly T[],
  path: string,
  noun: string,
  kinds: [ChangeKind, ChangeKind, ChangeKind],
  fields: (keyof T & string)[],
  emit: Emit,
): void {
  const before = byId(a);
  const after = byId(b);
  for (const x of a) if (!after.has(x.id)) emit(kinds[1], `${path}[${x.id}]`, x, undefined, `Removed ${noun} "${x.label}"`);
  for (const y of b) {
    const x = before.get(y.id);
    if (!x) emit(kinds[0], `${path}[${y.id}]`, undefined, y, `Added ${noun} "${y.label}"`);
    else diffFields(x, y, fields, kinds[2], `${path}[${y.id}]`, `${noun[0].toUpperCase()}${noun.slice(1)} "${y.label}"`, emit);
  }
}

function diffWeights(
  a: Record<string, Weight>,
  b: Record<string, Weight>,
  path: string,
  segLabel: string,
  labelOf: (id: string) => string,
  emit: Emit,
): void {
  for (const id of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (same(a[id], b[id])) continue;
    emit('weight', `${path}.${id}`, a[id], b[id], `${segLabel}: weight of ${labelOf(id)} ${showValue(a[id] ?? 'default')} → ${showValue(b[id] ?? 'default')}`);
  }
}

function diffSegment(a: SegmentDef | DefaultSegmentDef, b: SegmentDef | DefaultSegmentDef, sa: Scorecard, sb: Scorecard, emit: Emit): void {
  const path = `segments[${b.id}]`;
  const name = `Segment "${b.label}"`;
  if (a.label !== b.label) emit('segmentRule', `${path}.label`, a.label, b.label, `${name}: label "${a.label}" → "${b.label}"`);
  const ra = 'when' in a ? a.when : undefined;
  const rb = 'when' in b ? b.when : undefined;
  if (!same(ra, rb)) emit('segmentRule', `${path}.when`, ra, rb, `${name}: rule ${showValue(ra)} → ${showValue(rb)}`);
  const metricLabel = (id: string) => `"${(byId(sb.metrics).get(id) ?? byId(sa.metrics).get(id))?.label ?? id}"`;
  const groupLabel = (id: string) => `group "${(byId(sb.groups).get(id) ?? byId(sa.groups).get(id))?.label ?? id}"`;
  diffWeights(a.weights, b.weights, `${path}.weights`, name, metricLabel, emit);
  diffWeights(a.groupWeights, b.groupWeights, `${path}.groupWeights`, name, groupLabel, emit);
  if (!same(a.thresholds, b.thresholds)) {
    emit('thresholds', `${path}.thresholds`, a.thresholds, b.thresholds, `${name}: thresholds ${showValue(a.thresholds)} → ${showValue(b.thresholds)}`);
  }
}

export function diffScorecards(a: Scorecard, b: Scorecard): ScorecardChange[] {
  const out: ScorecardChange[] = [];
  const emit: Emit = (kind, path, before, after, message) => out.push({ kind, path, before, after, message });

  for (const f of ['name', 'description', 'missingPolicy', 'minCoverage', 'grades'] as const) {
    if (!same(a[f], b[f])) emit('setting', f, a[f], b[f], `${f} ${showValue(a[f])} → ${showValue(b[f])}`);
  }
  for (const t of ['red', 'green'] as const) {
    if (a.thresholds[t] !== b.thresholds[t]) {
      emit('thresholds', `thresholds.${t}`, a.thresholds[t], b.thresholds[t], `${t} threshold ${a.thresholds[t]} → ${b.thresholds[t]}`);
    }
  }
  diffList<GroupDef>(a.groups, b.groups, 'groups', 'group', ['groupAdded', 'groupRemoved', 'groupChanged'], ['label', 'weight'], emit);
  const metricFields: (keyof MetricDef & string)[] = ['label', 'source', 'method', 'direction', 'group', 'weight', 'missing'];
  diffList<MetricDef>(a.metrics, b.metrics, 'metrics', 'metric', ['metricAdded', 'metricRemoved', 'metricChanged'], metricFields, emit);
  for (const c of out) {
    if (c.kind === 'metricChanged' && c.path.endsWith('.weight')) c.kind = 'weight';
    if (c.kind === 'groupChanged' && c.path.endsWith('.weight')) c.kind = 'weight';
  }

  const segA = segmentList(a);
  const segB = segmentList(b);
  const mapA = byId(segA);
  const mapB = byId(segB);
  for (const s of a.segments) if (!mapB.has(s.id)) emit('segmentRemoved', `segments[${s.id}]`, s, undefined, `Removed segment "${s.label}"`);
  for (const s of b.segments) if (!mapA.has(s.id)) emit('segmentAdded', `segments[${s.id}]`, undefined, s, `Added segment "${s.label}"`);
  const orderA = a.segments.filter((s) => mapB.has(s.id)).map((s) => s.id);
  const orderB = b.segments.filter((s) => mapA.has(s.id)).map((s) => s.id);
  if (!same(orderA, orderB)) emit('segmentOrder', 'segments', orderA, orderB, `Segment order ${orderA.join(', ')} → ${orderB.join(', ')} (first match wins)`);
  for (const sb of segB) {
    const sa = sb === b.defaultSegment ? a.defaultSegment : mapA.get(sb.id);
    if (sa && (sa === a.defaultSegment) === (sb === b.defaultSegment)) diffSegment(sa, sb, a, b, emit);
  }

  diffList(a.adjustments, b.adjustments, 'adjustments', 'adjustment', ['adjustment', 'adjustment', 'adjustment'], ['label', 'when', 'points'], emit);
  const ovA = a.overrides.map((o) => ({ ...o, id: o.accountKey, label: o.accountKey }));
  const ovB = b.overrides.map((o) => ({ ...o, id: o.accountKey, label: o.accountKey }));
  diffList(ovA, ovB, 'overrides', 'override for', ['override', 'override', 'override'], ['score', 'band', 'reason', 'expires'], emit);
  return out;
}
