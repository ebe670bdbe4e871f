// Weight suggestions: which metric weights would have ranked past churn best?
// 1. Rows: labelled accounts (y 0 or 1) with at least one present sub-score; missing ones filled
//    per design.ts ('mean' by default).
// 2. Two L2 logistic fits of churn on the sub-scores (logistic.ts, sklearn's objective with C):
//    unconstrained, for reference, and constrained to non-negative health weights (w ≤ 0 in churn
//    logit). The proposal is the constrained fit's −w normalised to 100%.
// 3. Honesty: training AUC of the proposal (health score = −logit) next to stratified k-fold CV AUC
//    (mean of the folds' held-out AUCs; each fold refits on the others with its own fill values),
//    a bootstrap range per weight (rows resampled with replacement as multinomial counts, refit with
//    those counts as sample weights from the full-data fit, holding its Hessian; fill and scaling
//    fixed from all rows), and a bootstrap CI of
//    the training AUC. Warnings: CV AUC more than `cvGap` below training AUC, fewer than
//    `minChurned` churned accounts overall or in a segment that has accounts, an AUC CI wider than
//    ±0.1, no signal (every weight 0), folds reduced for lack of churned accounts.
// Seeds: folds use `seed`, weight resamples `seed + 1`, the AUC interval `seed + 2`.

import { auc } from './auc';
import { type BootstrapInterval, bootstrapAuc } from './bootstrap';
import { type FeatureMatrix, type MissingFill, buildDesign, checkMatrix, fillValues } from './design';
import { stratifiedFolds } from './folds';
import { logisticCurvature } from './hessian';
import { type LogisticFit, fitLogistic, linearPredictor } from './logistic';
import { SeededRandom } from '../random';
import { quantileSorted } from './stats';
import { BacktestError, Y_CHURNED, Y_EXCLUDED, requireLength } from './types';

export interface WeightFitInput {
  x: FeatureMatrix;
  metricNames: readonly string[];
  /** Per account (row of x): 0 retained, 1 churned, 255 excluded. */
  y: Uint8Array;
  segment?: Uint16Array;
  segmentNames?: readonly string[];
}

export interface WeightFitOptions {
  /** sklearn's C (default 1). */
  C?: number;
  /** Cross-validation folds (default 5). */
  folds?: number;
  seed?: number;
  /** Bootstrap resamples for the weight ranges (default 200; 0 = none). */
  bootstrap?: number;
  /** Resamples for the AUC interval (default 1000; 0 = no interval). */
  aucResamples?: number;
  confidence?: number;
  missing?: MissingFill;
  /** Warn when CV AUC is more than this below training AUC (default 0.05). */
  cvGap?: number;
  /** Warn below this many churned accounts, overall or per segment (default 30). */
  minChurned?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface MetricWeight {
  metric: string;
  /** Constrained churn-logit coefficient (≤ 0) per sub-score point. */
  coefficient: number;
  unconstrainedCoefficient: number;
  /** Proposed weight in percent (the constrained −coefficient normalised to 100). */
  weightPct: number;
  /** Bootstrap percentile range of weightPct (NaN without resamples). */
  lo: number;
  hi: number;
}

export type WeightWarningCode = 'cv-gap' | 'few-churned' | 'few-churned-segment' | 'wide-auc-ci' | 'no-signal' | 'folds-reduced' | 'not-converged';

export interface WeightWarning {
  code: WeightWarningCode;
  message: string;
  segment?: string;
}

export interface WeightSuggestion {
  rows: number;
  churned: number;
  metrics: MetricWeight[];
  intercept: number;
  unconstrainedIntercept: number;
  trainingAuc: number;
  unconstrainedTrainingAuc: number;
  /** Mean of the folds' held-out AUCs (NaN when CV was impossible). */
  cvAuc: number;
  cvFoldAuc: number[];
  folds: number;
  /** Bootstrap interval of the training AUC; null when aucResamples is 0. */
  aucInterval: BootstrapInterval | null;
  bootstrap: { resamples: number; skipped: number; confidence: number };
  missing: MissingFill;
  /** Fill value per metric used for missing sub-scores. */
  fill: Float64Array;
  warnings: WeightWarning[];
}

function healthOf(logit: Float64Array): Float64Array {
  return logit.map((v) => -v);
}

function sharesPct(coef: Float64Array): Float64Array {
  let total = 0;
  for (const c of coef) total += Math.max(0, -c);
  return coef.map((c) => (total > 0 ? (100 * Math.max(0, -c)) / total : Number.NaN));
}

export function suggestWeights(input: WeightFitInput, options: WeightFitOptions = {}): WeightSuggestion {
  const { x, y } = input;
  checkMatrix(x);
  requireLength('y', y, x.rows);
  if (input.metricNames.length !== x.cols) throw new BacktestError(`${input.metricNames.length} metric names for ${x.cols} columns`);
  const C = options.C ?? 1;
  const seed = options.seed ?? 1;
  const resamples = options.bootstrap ?? 200;
  const confidence = options.confidence ?? 0.95;
  const missing = options.missing ?? 'mean';
  const cvGap = options.cvGap ?? 0.05;
  const minChurned = options.minChurned ?? 30;
  const p = x.cols;
  const warnings: WeightWarning[] = [];

  const keep: number[] = [];
  for (let i = 0; i < x.rows; i++) {
    if (y[i] === Y_EXCLUDED) continue;
    let present = false;
    for (let j = 0; j < p && !present; j++) present = x.values[i * p + j] === x.values[i * p + j];
    if (present) keep.push(i);
  }
  const rows = Uint32Array.from(keep);
  const yy = new Uint8Array(rows.length);
  let churned = 0;
  for (let r = 0; r < rows.length; r++) churned += yy[r] = y[rows[r]] === Y_CHURNED ? 1 : 0;
  if (churned < 2 || rows.length - churned < 2) throw new BacktestError('weight suggestions need at least 2 churned and 2 retained accounts with sub-scores');
  if (churned < minChurned) warnings.push({ code: 'few-churned', message: `only ${churned} churned accounts: suggested weights are unreliable` });
  fewChurnedSegments(input, rows, yy, minChurned, warnings);

  const folds = Math.min(options.folds ?? 5, churned);
  if (folds < (options.folds ?? 5)) warnings.push({ code: 'folds-reduced', message: `${folds} cross-validation folds (only ${churned} churned accounts)` });
  const total = 2 + folds + resamples;
  let done = 0;
  const progress = (): void => options.onProgress?.(++done, total);

  const fill = fillValues(x, rows, missing);
  const design = buildDesign(x, rows, fill);
  const free = fitLogistic(design, yy, { C });
  progress();
  const fit = fitLogistic(design, yy, { C, nonNegativeHealth: true });
  progress();
  if (!free.converged || !fit.converged) warnings.push({ code: 'not-converged', message: 'the logistic fit did not converge' });
  const health = healthOf(linearPredictor(x, rows, fill, fit));
  const trainingAuc = auc(health, yy).auc;
  const unconstrainedTrainingAuc = auc(healthOf(linearPredictor(x, rows, fill, free)), yy).auc;

  const cvFoldAuc = crossValidate(x, rows, yy, folds, seed, C, missing, fit, progress);
  const cvAuc = cvFoldAuc.length ? cvFoldAuc.reduce((a, b) => a + b, 0) / cvFoldAuc.length : Number.NaN;
  if (trainingAuc - cvAuc > cvGap) {
    warnings.push({ code: 'cv-gap', message: `cross-validated AUC ${cvAuc.toFixed(3)} is well below the training AUC ${trainingAuc.toFixed(3)}: the weights may be overfitted` });
  }

  const pct = sharesPct(fit.coef);
  if (pct.every((v) => v !== v)) warnings.push({ code: 'no-signal', message: 'no metric lowers churn risk in this history: no weights to suggest' });
  const ranges = weightRanges(design, yy, fit, C, resamples, seed + 1, confidence, progress);

  const aucResamples = options.aucResamples ?? 1000;
  const aucInterval = aucResamples > 0 ? bootstrapAuc(health, yy, { resamples: aucResamples, seed: seed + 2, confidence }) : null;
  if (aucInterval?.notReliable) warnings.push({ code: 'wide-auc-ci', message: `the AUC interval ${aucInterval.lo.toFixed(3)}–${aucInterval.hi.toFixed(3)} is wider than ±0.1: not reliable` });

  return {
    rows: rows.length,
    churned,
    metrics: input.metricNames.map((metric, j) => ({
      metric,
      coefficient: fit.coef[j],
      unconstrainedCoefficient: free.coef[j],
      weightPct: pct[j],
      lo: ranges.lo[j],
      hi: ranges.hi[j],
    })),
    intercept: fit.intercept,
    unconstrainedIntercept: free.intercept,
    trainingAuc,
    unconstrainedTrainingAuc,
    cvAuc,
    cvFoldAuc,
    folds,
    aucInterval,
    bootstrap: { resamples: ranges.used, skipped: ranges.skipped, confidence },
    missing,
    fill,
    warnings,
  };
}

function fewChurnedSegments(input: WeightFitInput, rows: Uint32Array, yy: Uint8Array, minChurned: number, warnings: WeightWarning[]): void {
  const { segment, segmentNames } = input;
  if (!segment || !segmentNames) return;
  requireLength('segment', segment, input.y.length);
  const accounts = new Float64Array(segmentNames.length);
  const churned = new Float64Array(segmentNames.length);
  for (let r = 0; r < rows.length; r++) {
    const k = segment[rows[r]];
    if (k >= segmentNames.length) throw new BacktestError(`segment index ${k} of account ${rows[r]} is out of range`);
    accounts[k]++;
    churned[k] += yy[r];
  }
  segmentNames.forEach((name, k) => {
    if (accounts[k] > 0 && churned[k] < minChurned) {
      warnings.push({ code: 'few-churned-segment', segment: name, message: `segment ${name} has only ${churned[k]} churned accounts: its results are unreliable` });
    }
  });
}

/** Held-out AUC per fold of the constrained fit (fill values from the training folds only). */
function crossValidate(
  x: FeatureMatrix,
  rows: Uint32Array,
  yy: Uint8Array,
  folds: number,
  seed: number,
  C: number,
  missing: MissingFill,
  start: LogisticFit,
  progress: () => void,
): number[] {
  if (folds < 2) return [];
  const fold = stratifiedFolds(yy, folds, seed);
  const out: number[] = [];
  for (let f = 0; f < folds; f++) {
    const train: number[] = [];
    const test: number[] = [];
    for (let r = 0; r < rows.length; r++) (fold[r] === f ? test : train).push(r);
    const trainRows = Uint32Array.from(train, (r) => rows[r]);
    const testRows = Uint32Array.from(test, (r) => rows[r]);
    const fill = fillValues(x, trainRows, missing);
    const fit = fitLogistic(buildDesign(x, trainRows, fill), Uint8Array.from(train, (r) => yy[r]), { C, nonNegativeHealth: true, start });
    out.push(auc(healthOf(linearPredictor(x, testRows, fill, fit)), Uint8Array.from(test, (r) => yy[r])).auc);
    progress();
  }
  return out;
}

function weightRanges(
  design: ReturnType<typeof buildDesign>,
  yy: Uint8Array,
  fit: LogisticFit,
  C: number,
  resamples: number,
  seed: number,
  confidence: number,
  progress: () => void,
): { lo: Float64Array; hi: Float64Array; used: number; skipped: number } {
  const p = design.cols;
  const n = yy.length;
  const draws: number[][] = Array.from({ length: p }, () => []);
  const rng = new SeededRandom(seed);
  const w = new Float64Array(n);
  let skipped = 0;
  // Each refit starts at the full-data fit and keeps its Hessian (see logistic.ts).
  const hessian = resamples > 0 ? logisticCurvature(design, fit, C) : undefined;
  for (let b = 0; b < resamples; b++) {
    w.fill(0);
    for (let i = 0; i < n; i++) w[rng.int(n)]++;
    let wc = 0;
    for (let i = 0; i < n; i++) wc += w[i] * yy[i];
    const pct = wc > 0 && wc < n ? sharesPct(fitLogistic(design, yy, { C, nonNegativeHealth: true, sampleWeight: w, start: fit, tol: 1e-6, hessian, maxIter: 30 }).coef) : null;
    if (!pct || pct[0] !== pct[0]) skipped++;
    else for (let j = 0; j < p; j++) draws[j].push(pct[j]);
    progress();
  }
  const lo = new Float64Array(p).fill(Number.NaN);
  const hi = new Float64Array(p).fill(Number.NaN);
  for (let j = 0; j < p; j++) {
    const s = Float64Array.from(draws[j]).sort();
    lo[j] = quantileSorted(s, (1 - confidence) / 2);
    hi[j] = quantileSorted(s, (1 + confidence) / 2);
  }
  return { lo, hi, used: resamples - skipped, skipped };
}
