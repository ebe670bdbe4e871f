// "Apply as draft": a copy of the draft whose segment weights are the suggested percentages, so
// that every metric's effective weight in that segment equals its suggested share. Grouped metrics
// get the suggested percentages as their weights within the group and each group the sum of its
// metrics', which multiplies back to the same effective weights.

import { segmentList } from '../../../shared/scorecard/resolve';
import type { Scorecard, Weight } from '../../../shared/scorecard/types';

/** Weights are written to 0.1 percentage point: readable in the designer, and they still sum to ~100. */
export function roundWeight(pct: number): number {
  return Number.isFinite(pct) && pct > 0 ? Math.round(pct * 10) / 10 : 0;
}

export interface SuggestedWeight {
  metric: string;
  weightPct: number;
}

export function scorecardWithSuggestedWeights(sc: Scorecard, segmentId: string, suggested: readonly SuggestedWeight[]): Scorecard {
  const k = segmentList(sc).findIndex((s) => s.id === segmentId);
  if (k < 0) throw new Error(`The draft has no segment "${segmentId}" any more; suggest weights again.`);
  const pct = new Map(suggested.map((w) => [w.metric, roundWeight(w.weightPct)]));
  const missing = sc.metrics.filter((m) => !pct.has(m.id)).map((m) => m.label);
  if (missing.length) throw new Error(`The draft's metrics changed since the suggestion (${missing.join(', ')}); suggest weights again.`);
  const weights: Record<string, Weight> = {};
  for (const m of sc.metrics) weights[m.id] = pct.get(m.id)!;
  const groupWeights: Record<string, Weight> = {};
  for (const g of sc.groups) {
    groupWeights[g.id] = Math.round(sc.metrics.filter((m) => m.group === g.id).reduce((t, m) => t + pct.get(m.id)!, 0) * 10) / 10;
  }
  if (k === sc.segments.length) return { ...sc, defaultSegment: { ...sc.defaultSegment, weights, groupWeights } };
  return { ...sc, segments: sc.segments.map((s, i) => (i === k ? { ...s, weights, groupWeights } : s)) };
}
