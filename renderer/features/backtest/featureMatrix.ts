// The inputs of weight suggestions, wired exactly as `healthscore suggest-weights` does
// (runSuggestWeightsCli): the draft's sub-scores at T as a row-major matrix and the labels at T;
// the suggestion worker fits each segment on that segment's labels only.

import type { Evaluation } from './evaluate';
import type { FeatureMatrixAnswer } from './protocol';

export function featureMatrixOf(evaluation: Evaluation): FeatureMatrixAnswer {
  const { matrix } = evaluation.draft;
  const n = matrix.accountCount;
  const p = matrix.columns.length;
  const x = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    const column = matrix.columns[j];
    for (let i = 0; i < n; i++) x[i * p + j] = column[i];
  }
  return {
    x,
    rows: n,
    cols: p,
    metricIds: [...matrix.metricIds],
    y: evaluation.result.y.slice(),
    segment: evaluation.accounts.segment.slice(),
    segmentIds: [...matrix.segmentIds],
    segmentNames: [...evaluation.accounts.segmentNames],
    currentAuc: evaluation.result.segmentAuc.map((s) => s.auc.auc),
  };
}

