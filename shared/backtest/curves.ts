// ROC and cumulative-gains curves for drawing, from the labelled score order (auc.ts). Reading the
// scores from the lowest up is "flag every account scoring ≤ t as at risk"; after each tie group
// there is one exact point:
//   FPR = retained flagged / retained,  TPR = churned flagged / churned            (ROC)
//   share = accounts flagged / accounts, captured = churned flagged / churned (= TPR),
//   lift = captured / share                                                         (gains)
// Downsampled for drawing without interpolating: the points kept are the first where the flagged
// share reaches each step of 1/(maxPoints − 1), plus both ends.

import type { LabelledOrder } from './auc';

export interface Curves {
  /** Highest score flagged at each point; −Infinity for the empty start point. */
  threshold: Float64Array;
  fpr: Float64Array;
  tpr: Float64Array;
  /** Share of scored accounts flagged (x of the gains chart). */
  share: Float64Array;
  /** Share of churned accounts flagged (y of the gains chart; equals tpr). */
  captured: Float64Array;
  /** captured ÷ share; NaN at the start point. */
  lift: Float64Array;
}

export function curvesOfOrder(order: LabelledOrder, maxPoints = 201): Curves {
  const { sorted, groupEnd, tag } = order;
  const m = sorted.length;
  const G = groupEnd.length;
  let churned = 0;
  for (let j = 0; j < m; j++) churned += tag[j] & 1;
  const retained = m - churned;
  const step = 1 / Math.max(1, Math.floor(maxPoints) - 1);
  const keep: number[] = [];
  let next = step;
  for (let g = 0; g < G; g++) {
    const share = groupEnd[g] / m;
    if (g === G - 1 || share >= next) {
      keep.push(g);
      while (next <= share) next += step;
    }
  }
  const P = keep.length + 1;
  const out: Curves = {
    threshold: new Float64Array(P),
    fpr: new Float64Array(P),
    tpr: new Float64Array(P),
    share: new Float64Array(P),
    captured: new Float64Array(P),
    lift: new Float64Array(P),
  };
  out.threshold[0] = -Infinity;
  out.lift[0] = Number.NaN;
  if (retained === 0) out.fpr[0] = Number.NaN;
  if (churned === 0) out.tpr[0] = out.captured[0] = Number.NaN;
  let pos = 0;
  let j = 0;
  for (let k = 0; k < keep.length; k++) {
    const end = groupEnd[keep[k]];
    for (; j < end; j++) pos += tag[j] & 1;
    const p = k + 1;
    out.threshold[p] = sorted[end - 1];
    out.fpr[p] = (end - pos) / retained;
    out.tpr[p] = pos / churned;
    out.share[p] = end / m;
    out.captured[p] = out.tpr[p];
    out.lift[p] = out.captured[p] / out.share[p];
  }
  return out;
}
