// One metric's sub-scores for one snapshot: each account's value turned into a 0–100 score (or
// NaN = missing) by the metric's method and direction. See docs/scorecard-format.md for the rules.

import type { DatasetColumn } from '../dataset';
import type { BandsMethod, LinearMethod, MetricDef } from '../scorecard/types';
import { finiteValues, midRankPercentiles, percentilesInPlace } from './quantiles';
import { booleanColumn, categoryColumn, numericColumn } from './values';

export interface SubScoreContext {
  /** Rows of the accounts present in the snapshot. */
  presentRows: Uint32Array;
  /** Present rows of each segment (for percentile scope "segment"). */
  segmentRows: Uint32Array[];
  snapshotDay: number;
}

/** What the data decided for a metric: the linear bounds actually used (defaults resolved). */
export interface MetricResolution {
  lo?: number;
  hi?: number;
  /** Present accounts with a value. */
  nonMissing: number;
}

/** s = clamp((x − lo)/(hi − lo), 0, 1) × 100; when hi ≤ lo, a step at lo: 100 above, 0 below, 50 at. */
export function linearScore(x: number, lo: number, hi: number): number {
  if (!(x === x)) return Number.NaN;
  if (!(hi > lo)) return x > lo ? 100 : x < lo ? 0 : 50;
  const t = (x - lo) / (hi - lo);
  return (t <= 0 ? 0 : t >= 1 ? 1 : t) * 100;
}

function scoreNumbers(x: Float64Array, m: LinearMethod | BandsMethod, ctx: SubScoreContext, out: Float64Array): MetricResolution {
  const nonMissing = finiteValues(x, ctx.presentRows);
  const rows = ctx.presentRows;
  if (m.type === 'bands') {
    const mins = Float64Array.from(m.bands, (b) => b.min);
    const scores = Float64Array.from(m.bands, (b) => b.score);
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k];
      const v = x[r];
      let s = v === v ? m.otherwise : Number.NaN;
      for (let b = 0; b < mins.length; b++) {
        if (v >= mins[b]) {
          s = scores[b];
          break;
        }
      }
      out[r] = s;
    }
    return { nonMissing: nonMissing.length };
  }
  let lo = m.lo;
  let hi = m.hi;
  if (lo === undefined || hi === undefined) {
    const [p5, p95] = percentilesInPlace(nonMissing, [0.05, 0.95]);
    lo ??= p5;
    hi ??= p95;
  }
  for (let k = 0; k < rows.length; k++) out[rows[k]] = linearScore(x[rows[k]], lo, hi);
  return { lo, hi, nonMissing: nonMissing.length };
}

/**
 * Fills `out` (length n, pre-filled with NaN) with the metric's sub-scores for the present rows,
 * direction applied.
 */
export function computeSubScores(metric: MetricDef, column: DatasetColumn, ctx: SubScoreContext, out: Float64Array): MetricResolution {
  const method = metric.method;
  let res: MetricResolution;
  switch (method.type) {
    case 'linear':
    case 'bands':
      res = scoreNumbers(numericColumn(column.values, column.field.kind === 'date'), method, ctx, out);
      break;
    case 'daysSince': {
      const day = numericColumn(column.values, true);
      for (let i = 0; i < day.length; i++) day[i] = ctx.snapshotDay - day[i];
      res = scoreNumbers(day, method.scoring, ctx, out);
      break;
    }
    case 'percentile': {
      const x = numericColumn(column.values, column.field.kind === 'date');
      const scopes = method.scope === 'segment' ? ctx.segmentRows : [ctx.presentRows];
      for (const rows of scopes) midRankPercentiles(x, rows, out);
      res = { nonMissing: finiteValues(x, ctx.presentRows).length };
      break;
    }
    case 'boolean': {
      const b = booleanColumn(column.values);
      const rows = ctx.presentRows;
      let count = 0;
      for (let k = 0; k < rows.length; k++) {
        const r = rows[k];
        out[r] = b[r] * 100;
        if (b[r] === b[r]) count++;
      }
      res = { nonMissing: count };
      break;
    }
    case 'category': {
      const cats = categoryColumn(column.values);
      const map = new Map(Object.entries(method.map));
      const rows = ctx.presentRows;
      let count = 0;
      for (let k = 0; k < rows.length; k++) {
        const r = rows[k];
        const c = cats[r];
        const s = c === null ? undefined : map.get(c);
        out[r] = s === undefined ? Number.NaN : s;
        if (s !== undefined) count++;
      }
      res = { nonMissing: count };
      break;
    }
  }
  if (metric.direction === 'lowerIsBetter') {
    const rows = ctx.presentRows;
    for (let k = 0; k < rows.length; k++) out[rows[k]] = 100 - out[rows[k]];
  }
  return res;
}
