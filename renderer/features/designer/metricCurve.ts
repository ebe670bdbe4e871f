// What a metric's method does to its values, for the metric editor: the sub-score curve over the
// range of raw values, and a sensible starting method when the user switches type. Pure.

import { linearScore } from '../../../shared/scoring/subScores';
import type { BandsMethod, Direction, LinearMethod, MethodType, MetricMethod } from '../../../shared/scorecard/types';
import type { MetricProfile } from '../scoring/protocol';

export interface CurvePoint {
  x: number;
  score: number;
}

function flip(s: number, direction: Direction): number {
  return direction === 'lowerIsBetter' ? 100 - s : s;
}

function bandsScore(x: number, m: BandsMethod): number {
  for (const b of m.bands) if (x >= b.min) return b.score;
  return m.otherwise;
}

/** The numeric part of a method (days-since scores its day count like a number). */
function numericPart(method: MetricMethod): LinearMethod | BandsMethod | null {
  if (method.type === 'linear' || method.type === 'bands') return method;
  if (method.type === 'daysSince') return method.scoring;
  return null;
}

/**
 * Sub-score at the centre of each of the profile's value bins, direction applied. Linear bounds the
 * method leaves to the data use the bounds the worker resolved; percentile follows the value
 * distribution (mid-rank of each bin); boolean and category have no curve (null).
 */
export function curveOf(method: MetricMethod, direction: Direction, profile: MetricProfile): CurvePoint[] | null {
  if (profile.kind !== 'numeric') return null;
  const { lo, hi, counts } = profile;
  const width = (hi - lo) / counts.length;
  const xs = counts.map((_, b) => lo + (b + 0.5) * width);
  if (method.type === 'percentile') {
    const total = counts.reduce((t, c) => t + c, 0);
    let below = 0;
    return counts.map((c, b) => {
      const point = { x: xs[b], score: flip(total > 0 ? (100 * (below + 0.5 * c)) / total : 50, direction) };
      below += c;
      return point;
    });
  }
  const numeric = numericPart(method);
  if (!numeric) return null;
  if (numeric.type === 'bands') return xs.map((x) => ({ x, score: flip(bandsScore(x, numeric), direction) }));
  const from = numeric.lo ?? profile.resolvedLo ?? lo;
  const to = numeric.hi ?? profile.resolvedHi ?? hi;
  return xs.map((x) => ({ x, score: flip(linearScore(x, from, to), direction) }));
}

function nice(x: number): number {
  if (!Number.isFinite(x) || x === 0) return 0;
  const magnitude = 10 ** Math.floor(Math.log10(Math.abs(x)) - 1);
  return Math.round(x / magnitude) * magnitude;
}

/** A first method of a type, shaped to the metric's values where the type has parameters. */
export function defaultMethod(type: MethodType, profile: MetricProfile | null): MetricMethod {
  const lo = profile?.resolvedLo ?? profile?.lo ?? 0;
  const hi = profile?.resolvedHi ?? profile?.hi ?? 100;
  const bands = (): BandsMethod => {
    const top = nice(lo + (hi - lo) * 0.75);
    const middle = nice(lo + (hi - lo) * 0.4);
    return { type: 'bands', bands: top > middle ? [{ min: top, score: 100 }, { min: middle, score: 60 }] : [{ min: top, score: 100 }], otherwise: 20 };
  };
  switch (type) {
    case 'linear':
      return { type: 'linear' };
    case 'bands':
      return bands();
    case 'percentile':
      return { type: 'percentile', scope: 'population' };
    case 'boolean':
      return { type: 'boolean' };
    case 'category':
      return { type: 'category', map: Object.fromEntries((profile?.categories ?? []).map((c) => [c.value, 50])) };
    case 'daysSince':
      return { type: 'daysSince', scoring: { type: 'linear' } };
  }
}
