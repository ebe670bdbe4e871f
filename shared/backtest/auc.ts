// AUC as DESIGN defines it: the probability that a random retained account scores higher than a
// random churned one, ties counted half. A high health score means low churn risk, so this equals
// sklearn's roc_auc_score(y, −score). Accounts enter when labelled (y 0 or 1) with a finite score.
// Walking the scores upward in tie groups g:
//   AUC = Σ_g retained_g × (churned below g + ½ churned_g) / (churned × retained).
// Counts are integers, so the numerator is accumulated doubled (an exact integer below 2^53) and
// the result is one rounding away from the exact rational.

import { countPairs } from './aucCount';
import { type ScoreOrder, sortScores } from './scoreOrder';
import { BacktestError, Y_CHURNED, requireLength } from './types';

export interface AucResult {
  /** NaN when undefined; `undefinedReason` then says why. */
  auc: number;
  churned: number;
  retained: number;
  undefinedReason: 'no scored accounts' | 'no churned accounts' | 'no retained accounts' | null;
}

export function aucResult(num2: number, churned: number, retained: number): AucResult {
  const undefinedReason =
    churned + retained === 0 ? 'no scored accounts' : churned === 0 ? 'no churned accounts' : retained === 0 ? 'no retained accounts' : null;
  return { auc: undefinedReason === null ? num2 / (2 * churned * retained) : Number.NaN, churned, retained, undefinedReason };
}

/** The labelled, scored accounts in ascending score order, each carried as segment << 1 | churned. */
export interface LabelledOrder {
  sorted: Float64Array;
  groupEnd: Uint32Array;
  tag: Uint32Array;
  segmentCount: number;
}

export function labelledOrder(score: Float64Array, y: Uint8Array, segment?: Uint16Array, segmentCount = 1): LabelledOrder {
  const n = y.length;
  requireLength('score', score, n);
  const tag = new Uint32Array(n);
  if (segment) {
    requireLength('segment', segment, n);
    for (let i = 0; i < n; i++) {
      const k = segment[i];
      if (k >= segmentCount) throw new BacktestError(`segment index ${k} of account ${i} is out of range`);
      tag[i] = (k << 1) | (y[i] & 1);
    }
  } else {
    for (let i = 0; i < n; i++) tag[i] = y[i] & 1;
  }
  const order = sortScores(score, y, tag);
  return { sorted: order.sorted, groupEnd: order.groupEnd, tag: order.index, segmentCount: segment ? segmentCount : 1 };
}

export interface SegmentedAuc {
  overall: AucResult;
  /** By segment index. */
  segments: AucResult[];
}

/** Overall and per-segment AUC in one pass over the order. */
export function aucOfOrder(order: LabelledOrder): SegmentedAuc {
  const { groupEnd, tag, segmentCount: S } = order;
  let num2 = 0;
  let below = 0;
  let retained = 0;
  const sNum2 = new Float64Array(S);
  const sBelow = new Float64Array(S);
  const sRetained = new Float64Array(S);
  const gPos = new Float64Array(S);
  const gAll = new Float64Array(S);
  const touched = new Uint32Array(S);
  let start = 0;
  for (let g = 0; g < groupEnd.length; g++) {
    const end = groupEnd[g];
    if (end - start === 1) {
      // A score held by one account (the common case for continuous scores).
      const t = tag[start];
      const k = t >>> 1;
      if (t & 1) {
        below++;
        sBelow[k]++;
      } else {
        num2 += 2 * below;
        retained++;
        sNum2[k] += 2 * sBelow[k];
        sRetained[k]++;
      }
      start = end;
      continue;
    }
    let pos = 0;
    let u = 0;
    for (let j = start; j < end; j++) {
      const t = tag[j];
      const k = t >>> 1;
      if (gAll[k] === 0) touched[u++] = k;
      gAll[k]++;
      gPos[k] += t & 1;
      pos += t & 1;
    }
    const neg = end - start - pos;
    num2 += neg * (2 * below + pos);
    below += pos;
    retained += neg;
    for (let v = 0; v < u; v++) {
      const k = touched[v];
      const kNeg = gAll[k] - gPos[k];
      sNum2[k] += kNeg * (2 * sBelow[k] + gPos[k]);
      sBelow[k] += gPos[k];
      sRetained[k] += kNeg;
      gAll[k] = 0;
      gPos[k] = 0;
    }
    start = end;
  }
  const segments: AucResult[] = [];
  for (let k = 0; k < S; k++) segments.push(aucResult(sNum2[k], sBelow[k], sRetained[k]));
  return { overall: aucResult(num2, below, retained), segments };
}

/** Overall AUC; counted without a full sort when every score is within [0, 100] (aucCount.ts). */
export function auc(score: Float64Array, y: Uint8Array): AucResult {
  requireLength('score', score, y.length);
  const pairs = countPairs(score, y);
  return pairs ? aucResult(pairs.num2, pairs.churned, pairs.retained) : aucOfOrder(labelledOrder(score, y)).overall;
}

export function aucBySegment(score: Float64Array, y: Uint8Array, segment: Uint16Array, segmentCount: number): SegmentedAuc {
  return aucOfOrder(labelledOrder(score, y, segment, segmentCount));
}

/** AUC from a position order built with these labels (sortScores(score, y)); `y` indexed by position. */
export function aucFromOrder(order: ScoreOrder, y: Uint8Array): AucResult {
  const { index, groupEnd } = order;
  let num2 = 0;
  let below = 0;
  let retained = 0;
  let start = 0;
  for (let g = 0; g < groupEnd.length; g++) {
    const end = groupEnd[g];
    let pos = 0;
    for (let j = start; j < end; j++) pos += y[index[j]];
    const neg = end - start - pos;
    num2 += neg * (2 * below + pos);
    below += pos;
    retained += neg;
    start = end;
  }
  return aucResult(num2, below, retained);
}

/**
 * AUC with per-account weights (weight w counts the account w times): Σ w_i w_j [s_j > s_i, ½ tie]
 * over churned i and retained j, over W_churned × W_retained. Integer weights give exactly the AUC of
 * the resample they describe. `weight` is indexed like `y`. NaN when a class has no weight.
 */
export function weightedAucFromOrder(order: ScoreOrder, y: Uint8Array, weight: ArrayLike<number>): number {
  const { index, groupEnd } = order;
  let num2 = 0;
  let below = 0;
  let retained = 0;
  let start = 0;
  for (let g = 0; g < groupEnd.length; g++) {
    const end = groupEnd[g];
    let pos = 0;
    let all = 0;
    for (let j = start; j < end; j++) {
      const i = index[j];
      const w = weight[i];
      all += w;
      if (y[i] === Y_CHURNED) pos += w;
    }
    const neg = all - pos;
    num2 += neg * (2 * below + pos);
    below += pos;
    retained += neg;
    start = end;
  }
  return below > 0 && retained > 0 ? num2 / (2 * below * retained) : Number.NaN;
}
