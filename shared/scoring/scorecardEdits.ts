// The link between a scorecard and a built matrix: which parts of a scorecard the matrix bakes in
// (so that an engine refuses a scorecard it cannot score without a rebuild), and how a weight
// change made through the engine is written back into the scorecard.

import { segmentList } from '../scorecard/resolve';
import type { Scorecard, SegmentWeights, Weight } from '../scorecard/types';
import { ScoringError } from './data';
import type { SubScoreMatrix } from './matrix';

/**
 * Everything the matrix depends on: metric sources, methods and directions, segment ids and rules,
 * adjustments. Weights, groups, policies, thresholds, grades and overrides are not in it.
 */
export function matrixStructureKey(sc: Scorecard): string {
  return JSON.stringify({
    metrics: sc.metrics.map((m) => [m.id, m.source, m.method, m.direction]),
    segments: segmentList(sc).map((s) => [s.id, 'when' in s ? s.when : null]),
    adjustments: sc.adjustments,
  });
}

export function checkCompatible(sc: Scorecard, matrix: SubScoreMatrix): void {
  if (matrixStructureKey(sc) !== matrix.structureKey) {
    throw new ScoringError(
      'the scorecard changed metrics, methods, segment rules or adjustments since the matrix was built; rebuild the matrix',
    );
  }
}

/**
 * `sc` as JSON without what only names or bands its scores (name, description, thresholds, grades)
 * and, with `weights`, without its weights (metrics', groups' and every segment's).
 */
function scoringParts(sc: Scorecard, weights: boolean): string {
  // Destructured away, not set to null: a key added later would change the JSON's key order.
  const segment = <T extends SegmentWeights>({ thresholds: _t, weights: w, groupWeights: g, ...rest }: T) => (weights ? rest : { ...rest, weights: w, groupWeights: g });
  const unweighted = <T extends { weight: unknown }>(items: T[]) => (weights ? items.map(({ weight: _w, ...rest }) => rest) : items);
  const { name: _name, description: _description, thresholds: _thresholds, grades: _grades, ...rest } = sc;
  return JSON.stringify({
    ...rest,
    metrics: unweighted(sc.metrics),
    groups: unweighted(sc.groups),
    segments: sc.segments.map(segment),
    defaultSegment: segment(sc.defaultSegment),
  });
}

/**
 * Whether `a` and `b` give every account the same score (and the same overrides), differing at most
 * in thresholds, grades or names: then only bands, counts and the histogram need redoing.
 */
export function sameScores(a: Scorecard, b: Scorecard): boolean {
  return a === b || scoringParts(a, false) === scoringParts(b, false);
}

/**
 * Whether `a` and `b` differ at most in weights (and what sameScores allows): the same groups,
 * policies, coverage and overrides, so that segments whose resolved weights stand keep their scores.
 */
export function sameBesideWeights(a: Scorecard, b: Scorecard): boolean {
  return scoringParts(a, true) === scoringParts(b, true);
}

/** A copy of `sc` with one metric or group weight set in segment k (the default segment is last). */
export function applyWeightToScorecard(sc: Scorecard, k: number, kind: 'metric' | 'group', id: string, weight: Weight): Scorecard {
  const key = kind === 'metric' ? 'weights' : 'groupWeights';
  if (k === sc.segments.length) {
    return { ...sc, defaultSegment: { ...sc.defaultSegment, [key]: { ...sc.defaultSegment[key], [id]: weight } } };
  }
  const segments = sc.segments.map((s, i) => (i === k ? { ...s, [key]: { ...s[key], [id]: weight } } : s));
  return { ...sc, segments };
}
