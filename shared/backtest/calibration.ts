// Calibration: churn rate per fixed-width score decile, what a CS lead reads off a 0–100 score.
// Decile k (0…9) holds scores in [10k, 10k + 10); the last one is closed, [90, 100]. Scores outside
// [0, 100] fall into the end deciles. Membership is decided exactly: after clamping to [0, 90] the
// integer part of a score reaches 10k exactly when the score does, and integer division by 10 is
// exact (floor(score × 0.1) would put 29.999999999999996 into [30, 40)).
// Population: labelled accounts with a finite score; unscored accounts are in no decile (the band
// table counts them in its "unscored" row). Per decile: accounts, churned, churn rate (NaN when
// empty). Overall and per segment, tallied in one pass over the accounts, or counted from the
// labelled score order when one is at hand.

import type { LabelledOrder } from './auc';
import { CHUNK } from './chunks';
import { BacktestError, Y_EXCLUDED, requireLength } from './types';

export const DECILES = 10;

export interface CalibrationBin {
  /** Inclusive lower bound. */
  lo: number;
  /** Exclusive upper bound (inclusive for the last decile). */
  hi: number;
  accounts: number;
  churned: number;
  churnRate: number;
}

export interface SegmentCalibration {
  segment: string;
  bins: CalibrationBin[];
}

export interface Calibrations {
  overall: CalibrationBin[];
  segments: SegmentCalibration[];
}

/** The decile of a finite score: the number of boundaries 10, 20, …, 90 it reaches. */
export function decileOf(s: number): number {
  return ((Math.min(Math.max(s, 0), 90) | 0) / 10) | 0;
}

/** The counts cell of decile d, segment k and label t (0 retained, 1 churned), out of S segments. */
export function calibrationCell(d: number, k: number, t: number, S: number): number {
  return d * 2 * S + ((k << 1) | t);
}

/** One pass over the accounts; aucCount.ts tallies the same cells in a pass it makes anyway. */
export function calibrations(score: Float64Array, y: Uint8Array, segment: Uint16Array, segmentNames: readonly string[]): Calibrations {
  const n = y.length;
  requireLength('score', score, n);
  requireLength('segment', segment, n);
  const S = segmentNames.length;
  const counts = new Uint32Array(DECILES * 2 * S + 1);
  for (let from = 0; from < n; from += CHUNK) tallyDeciles(score, y, from, Math.min(n, from + CHUNK), segment, S, counts);
  return calibrationFromCounts(counts, segmentNames);
}

/**
 * counts[calibrationCell(d, k, t, S)]++ per labelled, scored account in [from, to) (chunks.ts).
 * The last cell takes the accounts left out, selected arithmetically: a branch on 1 account in 8
 * left out at random costs more than the count.
 */
function tallyDeciles(score: Float64Array, y: Uint8Array, from: number, to: number, segment: Uint16Array, S: number, counts: Uint32Array): void {
  const sink = counts.length - 1;
  for (let i = from; i < to; i++) {
    const s = score[i];
    const t = y[i];
    const k = segment[i];
    if (k >= S) throw new BacktestError(`segment index ${k} of account ${i} is out of range`);
    // s − s is 0 only for finite s.
    const counted = +(s - s === 0) & +(t !== Y_EXCLUDED);
    counts[sink + (calibrationCell(decileOf(s), k, t & 1, S) - sink) * counted]++;
  }
}

/** First position in `sorted` whose score is ≥ t. */
function firstAtLeast(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** From the labelled score order (auc.ts), when one is at hand: deciles are ranges of it. */
export function calibrationOfOrder(order: LabelledOrder, segmentNames: readonly string[]): Calibrations {
  const { sorted, tag } = order;
  const S = Math.max(segmentNames.length, order.segmentCount);
  const counts = new Uint32Array(DECILES * 2 * S);
  let from = 0;
  for (let d = 0; d < DECILES; d++) {
    const to = d === DECILES - 1 ? sorted.length : firstAtLeast(sorted, (d + 1) * 10);
    // tag = segment << 1 | churned, so the cell is calibrationCell(d, segment, churned, S).
    const base = calibrationCell(d, 0, 0, S);
    for (let j = from; j < to; j++) counts[base + tag[j]]++;
    from = to;
  }
  return calibrationFromCounts(counts, segmentNames, S);
}

/** The bins from counts[calibrationCell(d, k, t, S)] (S defaults to the number of names). */
export function calibrationFromCounts(counts: Uint32Array, segmentNames: readonly string[], S = segmentNames.length): Calibrations {
  const bins = (pick: (d: number) => [number, number]): CalibrationBin[] => {
    const out: CalibrationBin[] = [];
    for (let d = 0; d < DECILES; d++) {
      const [retained, churned] = pick(d);
      const accounts = retained + churned;
      out.push({ lo: d * 10, hi: d * 10 + 10, accounts, churned, churnRate: churned / accounts });
    }
    return out;
  };
  const overall = bins((d) => {
    let r = 0;
    let c = 0;
    for (let k = 0; k < S; k++) {
      r += counts[calibrationCell(d, k, 0, S)];
      c += counts[calibrationCell(d, k, 1, S)];
    }
    return [r, c];
  });
  const segments = segmentNames.map((segment, k) => ({
    segment,
    bins: bins((d) => [counts[calibrationCell(d, k, 0, S)], counts[calibrationCell(d, k, 1, S)]]),
  }));
  return { overall, segments };
}
