import { describe, expect, it } from 'vitest';
import { buildDesign, fillValues, type FeatureMatrix } from '../../../shared/backtest/design';
import { stratifiedFolds } from '../../../shared/backtest/folds';
import { logisticCurvature } from '../../../shared/backtest/hessian';
import { fitLogistic, linearPredictor } from '../../../shared/backtest/logistic';
import { SeededRandom } from '../../../shared/random';
import { simulate } from './fixtures';

const all = (n: number) => Uint32Array.from({ length: n }, (_, i) => i);

/** Gradient of C Σ logloss + ½‖w‖² at (w, b) on the filled data, original scale. */
function gradient(x: FeatureMatrix, y: Uint8Array, fill: Float64Array, w: Float64Array, b: number, C: number) {
  const eta = linearPredictor(x, all(x.rows), fill, { coef: w, intercept: b });
  const g = new Float64Array(x.cols + 1);
  for (let i = 0; i < x.rows; i++) {
    const r = C * (1 / (1 + Math.exp(-eta[i])) - y[i]);
    g[0] += r;
    for (let j = 0; j < x.cols; j++) {
      const v = x.values[i * x.cols + j];
      g[j + 1] += r * (v === v ? v : fill[j]);
    }
  }
  for (let j = 0; j < x.cols; j++) g[j + 1] += w[j];
  return g;
}

describe('fitLogistic', () => {
  const { x, y } = simulate(3_000, [-0.04, -0.01, 0.02, 0], 1);
  const fill = fillValues(x, all(x.rows), 'mean');
  const design = buildDesign(x, all(x.rows), fill);

  it('unconstrained: the gradient of sklearn\'s objective vanishes at the solution', () => {
    for (const C of [0.01, 1, 1000]) {
      const fit = fitLogistic(design, y, { C });
      expect(fit.converged).toBe(true);
      const g = gradient(x, y, fill, fit.coef, fit.intercept, C);
      // Relative to the size of the loss term's gradient pieces (C × n × 100).
      for (const v of g) expect(Math.abs(v) / (C * x.rows * 100)).toBeLessThan(1e-10);
    }
  });

  it('non-negative health: every coefficient ≤ 0 and the KKT conditions hold', () => {
    const C = 1;
    const free = fitLogistic(design, y, { C });
    const fit = fitLogistic(design, y, { C, nonNegativeHealth: true });
    expect(free.coef[2]).toBeGreaterThan(0); // the harmful metric
    expect(fit.coef[2]).toBe(0);
    const g = gradient(x, y, fill, fit.coef, fit.intercept, C);
    const scale = C * x.rows * 100;
    expect(Math.abs(g[0]) / scale).toBeLessThan(1e-10);
    fit.coef.forEach((w, j) => {
      expect(w).toBeLessThanOrEqual(0);
      if (w < 0) expect(Math.abs(g[j + 1]) / scale).toBeLessThan(1e-10);
      else expect(g[j + 1]).toBeLessThanOrEqual(1e-10 * scale); // pushing against the bound
    });
    expect(fit.objective).toBeGreaterThanOrEqual(free.objective);
  });

  it('constrained equals unconstrained when the unconstrained fit is already protective', () => {
    const d2 = simulate(2_000, [-0.03, -0.02], 2);
    const des = buildDesign(d2.x, all(2_000), fillValues(d2.x, all(2_000), 'mean'));
    const free = fitLogistic(des, d2.y, { C: 1 });
    const held = fitLogistic(des, d2.y, { C: 1, nonNegativeHealth: true });
    for (let j = 0; j < 2; j++) expect(held.coef[j]).toBeCloseTo(free.coef[j], 12);
  });

  it('integer sample weights equal duplicated rows; a warm start reaches the same optimum', () => {
    const small = simulate(300, [-0.03, 0.01], 3, 0);
    const rows = all(300);
    const des = buildDesign(small.x, rows, fillValues(small.x, rows, 'mean'));
    const w = Float64Array.from({ length: 300 }, (_, i) => i % 3);
    const weighted = fitLogistic(des, small.y, { C: 0.5, sampleWeight: w });
    const dupRows = Uint32Array.from(Array.from(rows).flatMap((i) => Array(i % 3).fill(i)));
    const dup = fitLogistic(buildDesign(small.x, dupRows, fillValues(small.x, rows, 'mean')), Uint8Array.from(dupRows, (i) => small.y[i]), { C: 0.5 });
    for (let j = 0; j < 2; j++) expect(weighted.coef[j]).toBeCloseTo(dup.coef[j], 10);
    expect(weighted.intercept).toBeCloseTo(dup.intercept, 9);
    const warm = fitLogistic(des, small.y, { C: 0.5, sampleWeight: w, start: { coef: Float64Array.from([1, -1]), intercept: 3 } });
    expect(warm.coef[0]).toBeCloseTo(weighted.coef[0], 10);
  });

  it('a bootstrap refit holding the full-data Hessian reaches the exact Newton optimum of the resample', () => {
    const C = 1;
    const full = fitLogistic(design, y, { C, nonNegativeHealth: true });
    const H = logisticCurvature(design, full, C);
    const rng = new SeededRandom(4);
    for (let r = 0; r < 3; r++) {
      const w = new Float64Array(x.rows);
      for (let i = 0; i < x.rows; i++) w[rng.int(x.rows)]++;
      const exact = fitLogistic(design, y, { C, nonNegativeHealth: true, sampleWeight: w });
      const quick = fitLogistic(design, y, { C, nonNegativeHealth: true, sampleWeight: w, start: full, hessian: H, maxIter: 30 });
      expect(quick.converged).toBe(true);
      for (let j = 0; j < x.cols; j++) expect(Math.abs(quick.coef[j] - exact.coef[j])).toBeLessThan(1e-9);
    }
    // A poor curvature still ends at the optimum (exact Newton finishes after maxIter).
    const poor = fitLogistic(design, y, { C, hessian: H.map((v, i) => (i % (x.cols + 2) === 0 ? v * 50 : v)), maxIter: 3 });
    const best = fitLogistic(design, y, { C });
    for (let j = 0; j < x.cols; j++) expect(poor.coef[j]).toBeCloseTo(best.coef[j], 9);
  });

  it('gives a constant column a zero coefficient', () => {
    const n = 500;
    const base = simulate(n, [-0.03], 4, 0);
    const values = new Float64Array(n * 2);
    for (let i = 0; i < n; i++) {
      values[2 * i] = base.x.values[i];
      values[2 * i + 1] = 70;
    }
    const x2 = { values, rows: n, cols: 2 };
    const fit = fitLogistic(buildDesign(x2, all(n), fillValues(x2, all(n), 'mean')), base.y, { C: 10 });
    expect(fit.coef[1]).toBe(0);
    expect(fit.coef[0]).toBeLessThan(0);
  });

  it('fills missing values per policy (mean of present values, 50, or 0)', () => {
    const x3 = { values: Float64Array.from([10, Number.NaN, 30, Number.NaN, Number.NaN, Number.NaN]), rows: 3, cols: 2 };
    expect(Array.from(fillValues(x3, all(3), 'mean'))).toEqual([20, 50]);
    expect(Array.from(fillValues(x3, all(3), 'neutral'))).toEqual([50, 50]);
    expect(Array.from(fillValues(x3, all(3), 'zero'))).toEqual([0, 0]);
    expect(Array.from(fillValues(x3, Uint32Array.from([0]), 'mean'))).toEqual([10, 50]);
    const d = buildDesign(x3, all(3), fillValues(x3, all(3), 'mean'));
    expect(Array.from(d.z.subarray(0, 3)).map((v) => Math.round(v * 1e12) / 1e12)).toEqual([-1.224744871392, 1.224744871392, 0]);
  });
});

describe('stratifiedFolds', () => {
  it('balances each class across folds and is reproducible per seed', () => {
    const y = Uint8Array.from({ length: 103 }, (_, i) => (i % 10 === 0 ? 1 : 0));
    const f = stratifiedFolds(y, 5, 1);
    for (let k = 0; k < 5; k++) {
      const rows = Array.from(f.keys()).filter((i) => f[i] === k);
      const churned = rows.filter((i) => y[i] === 1).length;
      expect(churned === 2 || churned === 3).toBe(true);
      expect(rows.length === 20 || rows.length === 21).toBe(true);
    }
    expect(stratifiedFolds(y, 5, 1)).toEqual(f);
    expect(stratifiedFolds(y, 5, 2)).not.toEqual(f);
    expect(() => stratifiedFolds(y, 1, 1)).toThrow(/folds/);
  });
});
