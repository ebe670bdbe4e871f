// The design matrix of the weight fit: metric sub-scores of the chosen rows, missing values filled,
// then centred and scaled per column (column-major, so each Newton pass streams whole columns).
// Standardising only conditions the Newton systems; logistic.ts reports coefficients on the original
// sub-score scale and penalises them there, exactly like sklearn on the unscaled data.
//
// Missing sub-scores (NaN), policy per fit:
//   'mean' (default): the column's mean over the present values of the training rows (in
//     cross-validation, of the training folds only, so held-out rows never inform their own fill);
//   'neutral': 50;   'zero': 0 — mirroring the scorecard's missing-data policies.
// A column with no present value in the training rows is filled with 50 (it is then constant and
// its coefficient is 0).

import { BacktestError } from './types';

export type MissingFill = 'mean' | 'neutral' | 'zero';

/** Row-major n × p sub-scores; NaN = missing. */
export interface FeatureMatrix {
  values: Float64Array | Float32Array;
  rows: number;
  cols: number;
}

export interface Design {
  rows: number;
  cols: number;
  /** Column-major standardised values: z[j * rows + r]. */
  z: Float64Array;
  center: Float64Array;
  /** Column standard deviations (population); 1 for constant columns. */
  scale: Float64Array;
  /** Fill value per column for missing sub-scores. */
  fill: Float64Array;
}

export function checkMatrix(x: FeatureMatrix): void {
  if (!Number.isInteger(x.rows) || !Number.isInteger(x.cols) || x.rows < 0 || x.cols < 1) throw new BacktestError('feature matrix needs at least one column');
  if (x.values.length !== x.rows * x.cols) throw new BacktestError(`feature matrix has ${x.values.length} values, expected ${x.rows} × ${x.cols}`);
}

export function fillValues(x: FeatureMatrix, rows: Uint32Array, policy: MissingFill): Float64Array {
  const p = x.cols;
  const fill = new Float64Array(p);
  if (policy === 'neutral' || policy === 'zero') return fill.fill(policy === 'neutral' ? 50 : 0);
  if (policy !== 'mean') throw new BacktestError(`unknown missing-value policy ${String(policy)}`);
  const sum = new Float64Array(p);
  const count = new Float64Array(p);
  for (let r = 0; r < rows.length; r++) {
    const o = rows[r] * p;
    for (let j = 0; j < p; j++) {
      const v = x.values[o + j];
      if (v === v) {
        sum[j] += v;
        count[j]++;
      }
    }
  }
  for (let j = 0; j < p; j++) fill[j] = count[j] > 0 ? sum[j] / count[j] : 50;
  return fill;
}

export function buildDesign(x: FeatureMatrix, rows: Uint32Array, fill: Float64Array): Design {
  const n = rows.length;
  const p = x.cols;
  const z = new Float64Array(n * p);
  const center = new Float64Array(p);
  const scale = new Float64Array(p);
  for (let r = 0; r < n; r++) {
    const o = rows[r] * p;
    for (let j = 0; j < p; j++) {
      const v = x.values[o + j];
      z[j * n + r] = v === v ? v : fill[j];
    }
  }
  for (let j = 0; j < p; j++) {
    const col = z.subarray(j * n, (j + 1) * n);
    let s = 0;
    for (let r = 0; r < n; r++) s += col[r];
    const mean = n > 0 ? s / n : 0;
    let ss = 0;
    for (let r = 0; r < n; r++) ss += (col[r] - mean) ** 2;
    const sd = n > 0 ? Math.sqrt(ss / n) : 0;
    // Relative test: a column equal up to rounding is constant.
    const sc = sd > 1e-12 * Math.max(1, Math.abs(mean)) ? sd : 1;
    for (let r = 0; r < n; r++) col[r] = sd === sc ? (col[r] - mean) / sc : 0;
    center[j] = mean;
    scale[j] = sc;
  }
  return { rows: n, cols: p, z, center, scale, fill };
}
