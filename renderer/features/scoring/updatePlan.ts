// How to bring the worker from the scorecard it has to the one the designer shows: a few weight
// changes go through the engine's incremental path; anything else (thresholds, policies, methods,
// rules, many weights at once) is sent whole and the worker recomputes or rebuilds.

import { resolveSegmentWeights, segmentList } from '../../../shared/scorecard/resolve';
import type { Scorecard } from '../../../shared/scorecard/types';
import type { WeightChange } from './protocol';

/** Above this many changed weights one full recompute is cheaper than one pass per weight. */
export const MAX_INCREMENTAL_CHANGES = 4;

export type UpdatePlan = { kind: 'none' } | { kind: 'weights'; changes: WeightChange[] } | { kind: 'scorecard' };

/** The scorecard without its per-segment weight overrides, to compare everything else. */
function withoutSegmentWeights(sc: Scorecard): string {
  const strip = <T extends { weights: unknown; groupWeights: unknown }>(s: T) => ({ ...s, weights: null, groupWeights: null });
  return JSON.stringify({ ...sc, segments: sc.segments.map(strip), defaultSegment: strip(sc.defaultSegment) });
}

export function planUpdate(from: Scorecard, to: Scorecard): UpdatePlan {
  if (from === to) return { kind: 'none' };
  if (withoutSegmentWeights(from) !== withoutSegmentWeights(to)) return { kind: 'scorecard' };
  const changes: WeightChange[] = [];
  const segments = segmentList(to);
  segments.forEach((seg, k) => {
    const a = resolveSegmentWeights(from, k);
    const b = resolveSegmentWeights(to, k);
    // Only the resolved numbers matter to the engine: 0 and "notApplicable" score the same.
    to.metrics.forEach((m, mi) => {
      if (a.metric[mi] !== b.metric[mi]) changes.push({ segmentId: seg.id, kind: 'metric', id: m.id, weight: b.metric[mi] });
    });
    to.groups.forEach((g, gi) => {
      if (a.group[gi] !== b.group[gi]) changes.push({ segmentId: seg.id, kind: 'group', id: g.id, weight: b.group[gi] });
    });
  });
  // No resolved weight moved (e.g. an override equal to the inherited weight): scores are the same.
  if (changes.length === 0) return { kind: 'none' };
  return changes.length <= MAX_INCREMENTAL_CHANGES ? { kind: 'weights', changes } : { kind: 'scorecard' };
}
