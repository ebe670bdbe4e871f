// Calibration: churn rate per fixed-width score decile, what a CS lead reads off a 0–100 score.
// Decile k (0…9) holds scores in [10k, 10k + 10); the last one is closed, [90, 100]. Scores outside
// [0, 100] fall into the end deciles. Membership is decided by exact comparison with the boundaries
// (never by floor(score / 10), whose rounding can put 29.999999999999996 into [30, 40)).
// Population: labelled accounts with a finite score; unscored accounts are in no decile (the band
// table counts them in its "unscored" row). Per decile: accounts, churned, churn rate (NaN when
// empty). Overall and per segment, counted from the labelled score order (auc.ts): the boundaries
// are found by bisection, then each decile's range is tallied by segment and label in one pass.

import { type LabelledOrder, labelledOrder } from './auc';

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
  let k = 0;
  while (k < DECILES - 1 && s >= (k + 1) * 10) k++;
  return k;
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

export function calibrationOfOrder(order: LabelledOrder, segmentNames: readonly string[]): Calibrations {
  const { sorted, tag } = order;
  const S = Math.max(segmentNames.length, order.segmentCount);
  // counts[d * 2S + (segment << 1 | churned)]
  const counts = new Float64Array(DECILES * 2 * S);
  let from = 0;
  for (let d = 0; d < DECILES; d++) {
    const to = d === DECILES - 1 ? sorted.length : firstAtLeast(sorted, (d + 1) * 10);
    const base = d * 2 * S;
    for (let j = from; j < to; j++) counts[base + tag[j]]++;
    from = to;
  }
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
      r += counts[d * 2 * S + 2 * k];
      c += counts[d * 2 * S + 2 * k + 1];
    }
    return [r, c];
  });
  const segments = segmentNames.map((segment, k) => ({
    segment,
    bins: bins((d) => [counts[d * 2 * S + 2 * k], counts[d * 2 * S + 2 * k + 1]]),
  }));
  return { overall, segments };
}

export function calibrations(score: Float64Array, y: Uint8Array, segment: Uint16Array, segmentNames: readonly string[]): Calibrations {
  return calibrationOfOrder(labelledOrder(score, y, segment, segmentNames.length), segmentNames);
}
