// The engine's flat view of a scorecard: weighting units, and per-segment tables of metric and
// unit weights, inner totals and thresholds, as typed arrays the hot loops can index directly.

import { segmentList, resolveSegmentWeights, segmentThresholds, unitInnerTotal, unitWeight, weightUnits, type WeightUnit } from '../scorecard/resolve';
import { COMPARISON_TOLERANCE, type Scorecard } from '../scorecard/types';

export interface EngineLayout {
  metricCount: number;
  segmentCount: number;
  units: WeightUnit[];
  /** Unit index of each metric. */
  unitOfMetric: Int32Array;
  /** Per unit: index into the per-group state arrays, or -1 for an ungrouped metric. */
  groupSlot: Int32Array;
  /** Per group slot: true when every metric in it uses redistribute (present weight = included weight). */
  slotPwIsDen: boolean[];
  /** Per metric: the value a missing sub-score counts as (0 or 50), or -1 to leave it out (redistribute). */
  impute: Float64Array;
  /** No groups and every metric redistributes: the coverage numerator equals the denominator. */
  covIsDen: boolean;
  /** [segment × metric] weight (0 = excluded). */
  metricW: Float64Array;
  /** [segment × unit] unit weight: the group weight, or an ungrouped metric's weight. */
  unitW: Float64Array;
  /** [segment × unit] Σ metric weights in the unit. */
  innerTotal: Float64Array;
  /** Per segment: Σ unit weights over units that take part (weight > 0 and some metric > 0). */
  activeTotal: Float64Array;
  /** Per segment thresholds, with the comparison tolerance already subtracted. */
  redBelow: Float64Array;
  greenBelow: Float64Array;
  /** Minimum coverage with the tolerance already subtracted. */
  minCoverage: number;
}

export function buildLayout(sc: Scorecard): EngineLayout {
  const units = weightUnits(sc);
  const M = sc.metrics.length;
  const U = units.length;
  const S = segmentList(sc).length;
  const unitOfMetric = new Int32Array(M);
  const groupSlot = new Int32Array(U).fill(-1);
  const impute = new Float64Array(M);
  sc.metrics.forEach((m, mi) => {
    const policy = m.missing ?? sc.missingPolicy;
    impute[mi] = policy === 'zero' ? 0 : policy === 'neutral' ? 50 : -1;
  });
  const slotPwIsDen: boolean[] = [];
  units.forEach((u, ui) => {
    for (const m of u.metrics) unitOfMetric[m] = ui;
    if (u.groupIndex >= 0) {
      groupSlot[ui] = slotPwIsDen.length;
      slotPwIsDen.push(u.metrics.every((m) => impute[m] < 0));
    }
  });
  const layout: EngineLayout = {
    metricCount: M,
    segmentCount: S,
    units,
    unitOfMetric,
    groupSlot,
    slotPwIsDen,
    impute,
    covIsDen: slotPwIsDen.length === 0 && impute.every((x) => x < 0),
    metricW: new Float64Array(S * M),
    unitW: new Float64Array(S * U),
    innerTotal: new Float64Array(S * U),
    activeTotal: new Float64Array(S),
    redBelow: new Float64Array(S),
    greenBelow: new Float64Array(S),
    minCoverage: sc.minCoverage - COMPARISON_TOLERANCE,
  };
  for (let k = 0; k < S; k++) {
    const w = resolveSegmentWeights(sc, k);
    layout.metricW.set(w.metric, k * M);
    units.forEach((u, ui) => {
      layout.unitW[k * U + ui] = unitWeight(u, w);
      layout.innerTotal[k * U + ui] = unitInnerTotal(u, w);
    });
    refreshActiveTotal(layout, k);
  }
  setLayoutThresholds(layout, sc);
  return layout;
}

/** Whether segment k weighs every metric and unit alike in two layouts of the same units. */
export function sameSegmentWeights(a: EngineLayout, b: EngineLayout, k: number): boolean {
  const M = a.metricCount;
  const U = a.units.length;
  const rowsEqual = (x: Float64Array, y: Float64Array, width: number) => {
    for (let j = k * width; j < (k + 1) * width; j++) if (!Object.is(x[j], y[j])) return false;
    return true;
  };
  return rowsEqual(a.metricW, b.metricW, M) && rowsEqual(a.unitW, b.unitW, U) && rowsEqual(a.innerTotal, b.innerTotal, U);
}

/** Writes each segment's red and green thresholds (tolerance subtracted) from `sc`. */
export function setLayoutThresholds(layout: EngineLayout, sc: Scorecard): void {
  for (let k = 0; k < layout.segmentCount; k++) {
    const t = segmentThresholds(sc, k);
    layout.redBelow[k] = t.red - COMPARISON_TOLERANCE;
    layout.greenBelow[k] = t.green - COMPARISON_TOLERANCE;
  }
}

/** Recomputes a segment's Σ of active unit weights from the tables (exact, no drift). */
export function refreshActiveTotal(layout: EngineLayout, k: number): void {
  const U = layout.units.length;
  let total = 0;
  for (let u = 0; u < U; u++) {
    const W = layout.unitW[k * U + u];
    if (W > 0 && layout.innerTotal[k * U + u] > 0) total += W;
  }
  layout.activeTotal[k] = total;
}

/** Sets one metric's weight in a segment's tables; returns the old weight. */
export function setLayoutMetricWeight(layout: EngineLayout, k: number, m: number, w: number): number {
  const M = layout.metricCount;
  const U = layout.units.length;
  const old = layout.metricW[k * M + m];
  layout.metricW[k * M + m] = w;
  const u = layout.unitOfMetric[m];
  if (layout.groupSlot[u] < 0) layout.unitW[k * U + u] = w;
  let total = 0;
  for (const mm of layout.units[u].metrics) total += layout.metricW[k * M + mm];
  layout.innerTotal[k * U + u] = total;
  refreshActiveTotal(layout, k);
  return old;
}

/** Sets one group unit's weight in a segment's tables; returns the old weight. */
export function setLayoutUnitWeight(layout: EngineLayout, k: number, u: number, W: number): number {
  const U = layout.units.length;
  const old = layout.unitW[k * U + u];
  layout.unitW[k * U + u] = W;
  refreshActiveTotal(layout, k);
  return old;
}

/** Σ of a segment's unit weights and inner totals: a scale for how much weight is in play. */
export function segmentWeightMass(layout: EngineLayout, k: number): number {
  const U = layout.units.length;
  let mass = 0;
  for (let u = 0; u < U; u++) mass += layout.unitW[k * U + u] + layout.innerTotal[k * U + u];
  return mass;
}
