// Per-account accumulators that make a weight change incremental, and the two steps that turn
// them into outputs: `finalScore` (per account, inlined into every update loop) and `tallySegment`
// (bands, band counts and histogram of one segment, in a second branch-light pass).
//
// For account i in segment k, over the units (groups, and ungrouped metrics as groups of one):
//   per group g:  gNum = Σ w·v, gDen = Σ w, gCnt = #terms   (metrics with w > 0 that count: present,
//                 or missing under zero/neutral with v = 0/50); gPw = Σ w over present metrics
//   outer:        num = Σ W_u·G_u, den = Σ W_u, cnt = #terms   (units with W_u > 0 and a term;
//                 G_u = gNum/gDen, or v for an ungrouped metric)
//                 cov = Σ W_u · gPw_u / T_u                  (T_u = Σ metric weights in u)
//   score = clamp(num/den + adjustment points, 0, 100); coverage = cov / Σ active W_u.
// Counts are integers so that "no terms left" is detected exactly and the sums reset to 0 rather
// than to a rounding residue.

import { COMPARISON_TOLERANCE } from '../scorecard/types';
import type { EngineLayout } from './layout';

export interface GroupState {
  num: Float64Array;
  den: Float64Array;
  /** Present weight; the same array as `den` when every metric in the group redistributes. */
  pw: Float64Array;
  cnt: Uint16Array;
}

export interface EngineState {
  num: Float64Array;
  den: Float64Array;
  /** Coverage numerator; the same array as `den` when layout.covIsDen. */
  cov: Float64Array;
  cnt: Uint16Array;
  groups: GroupState[];
}

/** The layout-independent arrays of a state, when the caller owns them (the SIMD kernel's memory). */
export interface CoreArrays {
  num: Float64Array;
  den: Float64Array;
  cnt: Uint16Array;
}

export function allocateState(layout: EngineLayout, n: number, core?: CoreArrays): EngineState {
  const { num, den, cnt } = core ?? { num: new Float64Array(n), den: new Float64Array(n), cnt: new Uint16Array(n) };
  if (core) {
    num.fill(0);
    den.fill(0);
    cnt.fill(0);
  }
  return {
    num,
    den,
    cov: layout.covIsDen ? den : new Float64Array(n),
    cnt,
    groups: layout.slotPwIsDen.map((pwIsDen) => {
      const gDen = new Float64Array(n);
      return { num: new Float64Array(n), den: gDen, pw: pwIsDen ? gDen : new Float64Array(n), cnt: new Uint16Array(n) };
    }),
  };
}

/** What an update loop needs to finish an account of segment k. */
export interface FinishParams {
  /** Coverage numerator below which the account is unscored: (minCoverage − tolerance) × Σ active W. */
  covMin: number;
  /** Adjustment points per account, or null. */
  adj: Float64Array | null;
  score: Float64Array;
}

export function finishParams(layout: EngineLayout, k: number, adj: Float64Array | null, score: Float64Array): FinishParams {
  return { covMin: layout.minCoverage * layout.activeTotal[k], adj, score };
}

/**
 * The final score from the accumulators: NaN when unscored, else adjusted and clamped. An account
 * without terms has num = den = 0 exactly (the counts guarantee the reset), so 0/0 = NaN marks it
 * unscored without reading its count.
 */
export function finalScore(num: number, den: number, cov: number, covMin: number, adj: number): number {
  // Branch-free on purpose (measured ~2× faster in V8 than ternaries): Math.min/max clamp and keep
  // NaN; 0 / 1 adds 0 when coverage suffices, 0 / 0 adds NaN when it does not.
  return Math.min(Math.max(num / den + adj, 0), 100) + 0 / +(cov >= covMin);
}

export interface TallyTarget {
  band: Uint8Array;
  /** [segment × 4] red, yellow, green, unscored. */
  bandCounts: Uint32Array;
  /** [segment × bins]. */
  segmentHistograms: Uint32Array;
}

/**
 * Bands, band counts and histogram of segment k from its final scores. Branch-free band
 * comparisons and four interleaved histograms keep this fast on random score orders.
 */
export function tallySegment(
  rows: Uint32Array,
  score: Float64Array,
  out: TallyTarget,
  k: number,
  redBelow: number,
  greenBelow: number,
  bins: number,
  scratch: Uint32Array,
): void {
  const band = out.band;
  const scale = bins / 100;
  // Like thresholds, bin edges forgive rounding: 49.99999999999999 falls in the bin starting at 50.
  const lift = COMPARISON_TOLERANCE * scale;
  const last = bins - 1;
  scratch.fill(0, 0, 4 * bins);
  let unscored = 0;
  let notRed = 0;
  let green = 0;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r];
    const s = score[i];
    if (s !== s) {
      band[i] = 3;
      unscored++;
      continue;
    }
    const y = +(s >= redBelow);
    const g = +(s >= greenBelow);
    band[i] = y + g;
    notRed += y;
    green += g;
    scratch[(r & 3) * bins + Math.min((s * scale + lift) | 0, last)]++;
  }
  const base = k * 4;
  out.bandCounts[base] = rows.length - unscored - notRed;
  out.bandCounts[base + 1] = notRed - green;
  out.bandCounts[base + 2] = green;
  out.bandCounts[base + 3] = unscored;
  const h = out.segmentHistograms;
  for (let b = 0; b < bins; b++) h[k * bins + b] = scratch[b] + scratch[bins + b] + scratch[2 * bins + b] + scratch[3 * bins + b];
}
