// Resolution of what a scorecard means for one segment: the numeric weight of every metric and
// group after segment overrides, the effective weights of the contract, and thresholds.
// The engine, the contributions view and the diff all read weights through here.

import {
  type DefaultSegmentDef,
  type Scorecard,
  type SegmentDef,
  type Thresholds,
  type Weight,
} from './types';

/** Segments in evaluation order; the default segment is always last. */
export function segmentList(sc: Scorecard): (SegmentDef | DefaultSegmentDef)[] {
  return [...sc.segments, sc.defaultSegment];
}

export function weightValue(w: Weight | undefined): number {
  return typeof w === 'number' && w > 0 ? w : 0;
}

export interface ResolvedWeights {
  /** Per metric (scorecard order): its weight in this segment, 0 when excluded. */
  metric: number[];
  /** Per group (scorecard order): its weight in this segment, 0 when excluded. */
  group: number[];
}

export function resolveSegmentWeights(sc: Scorecard, segmentIndex: number): ResolvedWeights {
  const seg = segmentList(sc)[segmentIndex];
  if (!seg) throw new RangeError(`segment index ${segmentIndex} out of range`);
  return {
    metric: sc.metrics.map((m) => weightValue(m.id in seg.weights ? seg.weights[m.id] : m.weight)),
    group: sc.groups.map((g) => weightValue(g.id in seg.groupWeights ? seg.groupWeights[g.id] : g.weight)),
  };
}

/**
 * A weighting unit: a group, or an ungrouped metric standing as a group of one. Units are the
 * groups in scorecard order (those with at least one metric), then the ungrouped metrics.
 */
export interface WeightUnit {
  /** Group id, or the metric id for a group of one. */
  id: string;
  /** Index into sc.groups, or -1 for an ungrouped metric. */
  groupIndex: number;
  /** Metric indices (scorecard order). */
  metrics: number[];
}

export function weightUnits(sc: Scorecard): WeightUnit[] {
  const units: WeightUnit[] = [];
  sc.groups.forEach((g, gi) => {
    const metrics = sc.metrics.flatMap((m, mi) => (m.group === g.id ? [mi] : []));
    if (metrics.length > 0) units.push({ id: g.id, groupIndex: gi, metrics });
  });
  sc.metrics.forEach((m, mi) => {
    if (m.group === undefined) units.push({ id: m.id, groupIndex: -1, metrics: [mi] });
  });
  return units;
}

/** A unit's weight in a segment: the group weight, or an ungrouped metric's own weight. */
export function unitWeight(unit: WeightUnit, w: ResolvedWeights): number {
  return unit.groupIndex >= 0 ? w.group[unit.groupIndex] : w.metric[unit.metrics[0]];
}

/** Σ metric weights inside a unit (for a group of one: that metric's weight). */
export function unitInnerTotal(unit: WeightUnit, w: ResolvedWeights): number {
  let t = 0;
  for (const m of unit.metrics) t += w.metric[m];
  return t;
}

/**
 * Effective weight of every metric in a segment, per the contract:
 * (group weight / Σ group weights) × (metric weight / Σ metric weights in its group).
 * Units whose weight is 0 or whose metrics all weigh 0 take no part in either sum. Sums to 1
 * unless every metric is excluded.
 */
export function effectiveWeights(sc: Scorecard, segmentIndex: number): number[] {
  const w = resolveSegmentWeights(sc, segmentIndex);
  const units = weightUnits(sc);
  const eff = new Array<number>(sc.metrics.length).fill(0);
  let total = 0;
  for (const u of units) if (unitWeight(u, w) > 0 && unitInnerTotal(u, w) > 0) total += unitWeight(u, w);
  if (total === 0) return eff;
  for (const u of units) {
    const W = unitWeight(u, w);
    const T = unitInnerTotal(u, w);
    if (W <= 0 || T <= 0) continue;
    for (const m of u.metrics) eff[m] = (W / total) * (w.metric[m] / T);
  }
  return eff;
}

export function segmentThresholds(sc: Scorecard, segmentIndex: number): Thresholds {
  const own = segmentList(sc)[segmentIndex]?.thresholds;
  return { red: own?.red ?? sc.thresholds.red, green: own?.green ?? sc.thresholds.green };
}
