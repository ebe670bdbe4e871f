// Bootstrap confidence intervals for AUC and for the paired difference of two scorecards' AUCs.
// Method: the accounts that enter the AUC (labelled, finite score; for a pair, scored by both) are
// resampled with replacement, n draws of n, from SeededRandom(seed), so the same seed gives the same
// intervals. Draw k picks position floor(u_k × n) of the accounts sorted by score (the first
// scorecard's score; ties by account order), u_k = nextUint32() / 2^32. A resample is represented by
// its multinomial counts (how often each account was drawn), and its AUC is the weighted AUC over
// the order sorted once up front (resample.ts): one pass per resample, no re-sorting, and exactly
// the AUC of the materialised resample. For a pair, the same counts weight both scorecards (paired).
// Resamples without a churned or a retained account have no AUC and are skipped (counted).
// Interval: percentile method, the (1 − confidence)/2 and (1 + confidence)/2 quantiles of the
// resampled statistics (type 7 interpolation); se = their standard deviation.

import { type AucResult, aucFromOrder } from './auc';
import { drawChunk, drawCounts, positionCodes, sweepAndClear, sweepMapped } from './resample';
import { type ScoreOrder, sortScores } from './scoreOrder';
import { SeededRandom } from '../random';
import { meanSd, quantileSorted } from './stats';
import { BacktestError, Y_EXCLUDED, requireLength } from './types';

export interface BootstrapOptions {
  /** Default 1000. */
  resamples?: number;
  /** Default 0.95. */
  confidence?: number;
  /** Default 1. */
  seed?: number;
}

export interface BootstrapInterval {
  /** The statistic on all accounts (NaN when undefined). */
  estimate: number;
  lo: number;
  hi: number;
  se: number;
  confidence: number;
  /** Resamples that produced a value. */
  resamples: number;
  /** Resamples without both classes. */
  skipped: number;
  seed: number;
  /** True when the interval is wider than ±0.1 (or could not be computed). */
  notReliable: boolean;
}

/** Half-width above which an AUC interval is flagged "not reliable". */
export const UNRELIABLE_HALF_WIDTH = 0.1;

/** One scorecard prepared for weighted AUC sweeps: its sorted positions coded (resample.ts). */
interface Prepared {
  order: ScoreOrder;
  code: Uint8Array;
  full: AucResult;
}

function prepare(score: Float64Array, y: Uint8Array): Prepared {
  const order = sortScores(score);
  const sortedY = new Uint8Array(order.index.length);
  for (let j = 0; j < sortedY.length; j++) sortedY[j] = y[order.index[j]];
  return { order, code: positionCodes(order, sortedY), full: aucFromOrder(order, y) };
}

function members(y: Uint8Array, scores: Float64Array[]): Uint32Array {
  const keep: number[] = [];
  for (let i = 0; i < y.length; i++) {
    if (y[i] === Y_EXCLUDED) continue;
    let ok = true;
    for (const s of scores) if (s[i] - s[i] !== 0) ok = false;
    if (ok) keep.push(i);
  }
  return Uint32Array.from(keep);
}

function gather(values: Float64Array | Uint8Array, at: Uint32Array): Float64Array {
  const out = new Float64Array(at.length);
  for (let k = 0; k < at.length; k++) out[k] = values[at[k]];
  return out;
}

function resolve(options: BootstrapOptions): Required<BootstrapOptions> {
  const resamples = options.resamples ?? 1000;
  const confidence = options.confidence ?? 0.95;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(resamples) || resamples < 1) throw new BacktestError('resamples must be a positive integer');
  if (!(confidence > 0 && confidence < 1)) throw new BacktestError('confidence must be between 0 and 1');
  if (!Number.isInteger(seed)) throw new BacktestError('seed must be an integer');
  return { resamples, confidence, seed };
}

function interval(estimate: number, values: number[], skipped: number, o: Required<BootstrapOptions>): BootstrapInterval {
  const sorted = Float64Array.from(values).sort();
  const lo = quantileSorted(sorted, (1 - o.confidence) / 2);
  const hi = quantileSorted(sorted, (1 + o.confidence) / 2);
  const notReliable = !(hi - lo <= 2 * UNRELIABLE_HALF_WIDTH) || estimate !== estimate;
  return { estimate, lo, hi, se: meanSd(sorted).sd, confidence: o.confidence, resamples: values.length, skipped, seed: o.seed, notReliable };
}

/**
 * Runs `resamples` multinomial resamples of m accounts and hands each count vector to `visit`,
 * which must leave it all zero (sweepAndClear does). Draws pick positions in the (first)
 * scorecard's sorted order, so its sweep reads the counts sequentially; one uniform draw per account
 * keeps the stream a function of seed and m only.
 */
function eachResample(m: number, o: Required<BootstrapOptions>, visit: (w: Uint32Array) => void): void {
  const rng = new SeededRandom(o.seed);
  const w = new Uint32Array(m);
  const chunk = drawChunk();
  for (let r = 0; r < o.resamples; r++) {
    drawCounts(rng, w, chunk);
    visit(w);
  }
}

export function bootstrapAuc(score: Float64Array, y: Uint8Array, options: BootstrapOptions = {}): BootstrapInterval {
  requireLength('y', y, score.length);
  const o = resolve(options);
  const at = members(y, [score]);
  const ys = Uint8Array.from(gather(y, at));
  const p = prepare(gather(score, at), ys);
  const values: number[] = [];
  let skipped = 0;
  if (p.full.undefinedReason === null) {
    eachResample(at.length, o, (w) => {
      const v = sweepAndClear(p.code, w);
      if (v === v) values.push(v);
      else skipped++;
    });
  }
  return interval(p.full.auc, values, skipped, o);
}

export interface PairedBootstrap {
  a: BootstrapInterval;
  b: BootstrapInterval;
  /** AUC(a) − AUC(b), resampled with the same accounts for both. */
  difference: BootstrapInterval;
  /** Accounts scored by both scorecards and labelled. */
  accounts: number;
}

/** Paired bootstrap over the accounts scored by both scorecards (the same counts weight both). */
export function bootstrapAucDifference(scoreA: Float64Array, scoreB: Float64Array, y: Uint8Array, options: BootstrapOptions = {}): PairedBootstrap {
  requireLength('y', y, scoreA.length);
  requireLength('scoreB', scoreB, scoreA.length);
  const o = resolve(options);
  const at = members(y, [scoreA, scoreB]);
  const ys = Uint8Array.from(gather(y, at));
  const pa = prepare(gather(scoreA, at), ys);
  const pb = prepare(gather(scoreB, at), ys);
  // Counts are indexed by position in A's order; B's sorted position j reads them at toA[j].
  const rankA = new Uint32Array(at.length);
  for (let j = 0; j < at.length; j++) rankA[pa.order.index[j]] = j;
  const toA = Uint32Array.from(pb.order.index, (member) => rankA[member]);
  const va: number[] = [];
  const vb: number[] = [];
  const vd: number[] = [];
  let skipped = 0;
  if (pa.full.undefinedReason === null) {
    eachResample(at.length, o, (w) => {
      // B reads the counts first: A's sweep clears them.
      const b = sweepMapped(pb.code, w, toA);
      const a = sweepAndClear(pa.code, w);
      if (a !== a) {
        skipped++;
        return;
      }
      va.push(a);
      vb.push(b);
      vd.push(a - b);
    });
  }
  return {
    a: interval(pa.full.auc, va, skipped, o),
    b: interval(pb.full.auc, vb, skipped, o),
    difference: interval(pa.full.auc - pb.full.auc, vd, skipped, o),
    accounts: at.length,
  };
}
