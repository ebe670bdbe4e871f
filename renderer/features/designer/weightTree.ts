// A segment's weights as the designer lists them: the weighting units (groups, and ungrouped
// metrics standing alone) with each group's metrics beneath, every row with its raw weight in this
// segment and its share of the total; and the way edits are written back as segment overrides.

import { effectiveWeights, segmentList, weightUnits } from '../../../shared/scorecard/resolve';
import type { Scorecard, Weight } from '../../../shared/scorecard/types';

export type WeightKind = 'metric' | 'group';

export interface WeightRow {
  kind: WeightKind;
  id: string;
  label: string;
  /** The weight in force in this segment: its override, else the metric's or group's own. */
  weight: Weight;
  /** Fraction of the segment's total score this row carries (effective weight; a group's sum). */
  share: number;
  /** A group's metrics; empty for a metric. */
  children: WeightRow[];
}

export interface WeightEdit {
  kind: WeightKind;
  id: string;
  weight: Weight;
}

export function weightKey(segmentId: string, kind: WeightKind, id: string): string {
  return `${segmentId}|${kind}|${id}`;
}

export function segmentIndexOf(sc: Scorecard, segmentId: string): number {
  return segmentList(sc).findIndex((s) => s.id === segmentId);
}

export function weightTree(sc: Scorecard, segmentIndex: number): WeightRow[] {
  const seg = segmentList(sc)[segmentIndex];
  if (!seg) return [];
  const eff = effectiveWeights(sc, segmentIndex);
  const metricRow = (mi: number): WeightRow => {
    const m = sc.metrics[mi];
    return { kind: 'metric', id: m.id, label: m.label, weight: seg.weights[m.id] ?? m.weight, share: eff[mi], children: [] };
  };
  return weightUnits(sc).map((unit) => {
    if (unit.groupIndex < 0) return metricRow(unit.metrics[0]);
    const g = sc.groups[unit.groupIndex];
    const children = unit.metrics.map(metricRow);
    const share = children.reduce((t, c) => t + c.share, 0);
    return { kind: 'group', id: g.id, label: g.label, weight: seg.groupWeights[g.id] ?? g.weight, share, children };
  });
}

/** A copy of `sc` with the edits written as overrides of segment `segmentIndex`. */
export function applyWeightEdits(sc: Scorecard, segmentIndex: number, edits: readonly WeightEdit[]): Scorecard {
  const seg = segmentList(sc)[segmentIndex];
  if (!seg || edits.length === 0) return sc;
  const weights = { ...seg.weights };
  const groupWeights = { ...seg.groupWeights };
  for (const e of edits) {
    if (e.kind === 'metric') weights[e.id] = e.weight;
    else groupWeights[e.id] = e.weight;
  }
  if (segmentIndex === sc.segments.length) return { ...sc, defaultSegment: { ...sc.defaultSegment, weights, groupWeights } };
  return { ...sc, segments: sc.segments.map((s, i) => (i === segmentIndex ? { ...s, weights, groupWeights } : s)) };
}
