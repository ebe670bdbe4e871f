// L2-regularised logistic regression of churn (y = 1) on metric sub-scores, with sklearn's objective
//   minimise  C · Σ_i s_i · logloss(y_i, b + x_i·w) + ½‖w‖²     (the intercept b is not penalised)
// (s_i = sample weight, 1 by default), so coefficients match LogisticRegression(penalty='l2', C)
// on the same filled data. Solved by Newton's method in the standardised space of design.ts with the
// penalty carried over exactly (w_j = v_j / scale_j, so ½ w_j² = ½ v_j² / scale_j²), Armijo
// backtracking, stopping when a step moves no parameter by more than tol × max(1, |θ|∞).
//
// nonNegativeHealth: a higher sub-score should mean lower churn risk, so every w_j ≤ 0 in churn-logit
// space (−w is a non-negative health weight). Solved by Bertsekas' projected Newton: variables at
// (or within ε of) the bound whose gradient pushes them further out are held by a diagonal step, a
// Newton step is taken in the rest, the result projected onto w ≤ 0 with an Armijo search along the
// projection arc. For this strictly convex problem it converges to the exact constrained optimum.
//
// Bootstrap refits start at the full-data solution and may hold the full-data Hessian fixed
// (`hessian`, from logisticCurvature in hessian.ts): a resample's Hessian differs from it by
// O(1/√n), so the iteration still converges (linearly, fast) to the resample's exact optimum at a
// fraction of the cost per step; if it has not converged after `maxIter` steps, exact Newton steps
// finish the job.

import type { Design, FeatureMatrix } from './design';
import { gradientHessian } from './hessian';
import { solveSpd } from './linalg';
import { BacktestError } from './types';

export interface LogisticOptions {
  /** Inverse regularisation strength (sklearn's C); default 1. */
  C?: number;
  /** Constrain every coefficient to ≤ 0 (non-negative health weights); default false. */
  nonNegativeHealth?: boolean;
  /** Per design row; default 1. Integer counts describe a bootstrap resample. */
  sampleWeight?: Float64Array;
  /** Warm start (original scale). */
  start?: { coef: Float64Array; intercept: number };
  maxIter?: number;
  /** Relative step size at which Newton stops; default 1e-10. */
  tol?: number;
  /** A fixed curvature matrix (logisticCurvature) instead of the exact Hessian at each step. */
  hessian?: Float64Array;
}

export interface LogisticFit {
  /** Churn-logit coefficients on the original sub-score scale. */
  coef: Float64Array;
  intercept: number;
  iterations: number;
  converged: boolean;
  /** The objective at the solution. */
  objective: number;
}

const ARMIJO = 1e-4;
const BOUND_EPS = 1e-8;

/** log(1 + e^η) without overflow. */
function softplus(eta: number): number {
  return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
}

export function fitLogistic(d: Design, y: Uint8Array, options: LogisticOptions = {}): LogisticFit {
  const fit = newton(d, y, options);
  if (fit.converged || !options.hessian) return fit;
  const rest = newton(d, y, { ...options, hessian: undefined, maxIter: undefined, start: fit });
  return { ...rest, iterations: fit.iterations + rest.iterations };
}

function newton(d: Design, y: Uint8Array, options: LogisticOptions): LogisticFit {
  const n = d.rows;
  const p = d.cols;
  const k = p + 1;
  if (y.length !== n) throw new BacktestError(`labels have ${y.length} entries, expected ${n}`);
  const C = options.C ?? 1;
  if (!(C > 0 && Number.isFinite(C))) throw new BacktestError('C must be a positive number');
  const sw = options.sampleWeight;
  if (sw && sw.length !== n) throw new BacktestError('sampleWeight must have one entry per row');
  const constrained = options.nonNegativeHealth ?? false;
  const maxIter = options.maxIter ?? 100;
  const tol = options.tol ?? 1e-10;
  const { z, center, scale } = d;
  const lambda = new Float64Array(k);
  for (let j = 0; j < p; j++) lambda[j + 1] = 1 / (scale[j] * scale[j]);

  // θ = (b, v_1 … v_p) in standardised space.
  const theta = new Float64Array(k);
  if (options.start) {
    let b = options.start.intercept;
    for (let j = 0; j < p; j++) {
      const w = constrained ? Math.min(0, options.start.coef[j]) : options.start.coef[j];
      theta[j + 1] = w * scale[j];
      b += w * center[j];
    }
    theta[0] = b;
  } else {
    let wy = 0;
    let w1 = 0;
    for (let i = 0; i < n; i++) {
      const s = sw ? sw[i] : 1;
      wy += s * y[i];
      w1 += s;
    }
    const rate = Math.min(Math.max(wy / w1, 1e-6), 1 - 1e-6);
    theta[0] = Math.log(rate / (1 - rate));
  }

  const eta = new Float64Array(n);
  const trial = new Float64Array(n);
  const delta = new Float64Array(k);
  const r = new Float64Array(n);
  const h = new Float64Array(n);
  const tmp = new Float64Array(n);
  const etaOf = (th: Float64Array, out: Float64Array): void => {
    out.fill(th[0]);
    for (let j = 0; j < p; j++) {
      const v = th[j + 1];
      if (v === 0) continue;
      const col = z.subarray(j * n, (j + 1) * n);
      for (let i = 0; i < n; i++) out[i] += v * col[i];
    }
  };
  const objective = (th: Float64Array, e: Float64Array): number => {
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const s = sw ? sw[i] : 1;
      if (s !== 0) loss += s * (softplus(e[i]) - y[i] * e[i]);
    }
    let pen = 0;
    for (let j = 1; j < k; j++) pen += lambda[j] * th[j] * th[j];
    return C * loss + 0.5 * pen;
  };

  etaOf(theta, eta);
  let f = objective(theta, eta);
  let converged = false;
  let iter = 0;
  const g = new Float64Array(k);
  const H = new Float64Array(k * k);
  const next = new Float64Array(k);
  for (; iter < maxIter && !converged; iter++) {
    // Residuals and curvature weights.
    for (let i = 0; i < n; i++) {
      const s = C * (sw ? sw[i] : 1);
      const pr = 1 / (1 + Math.exp(-eta[i]));
      r[i] = s * (pr - y[i]);
      h[i] = s * pr * (1 - pr);
    }
    const fixed = options.hessian;
    gradientHessian(z, n, p, r, h, tmp, g, H, fixed === undefined);
    for (let j = 1; j < k; j++) {
      g[j] += lambda[j] * theta[j];
      if (!fixed) H[j * k + j] += lambda[j];
    }
    if (fixed) H.set(fixed);
    const step = constrained ? projectedDirection(theta, g, H, k) : newtonDirection(g, H, k);
    let t = 1;
    let accepted = false;
    let moved = 0;
    for (let ls = 0; ls < 60; ls++) {
      let slope = 0;
      moved = 0;
      for (let j = 0; j < k; j++) {
        let v = theta[j] + t * step[j];
        if (constrained && j > 0 && v > 0) v = 0;
        next[j] = v;
        slope += g[j] * (v - theta[j]);
        moved = Math.max(moved, Math.abs(v - theta[j]));
      }
      for (let j = 0; j < k; j++) delta[j] = next[j] - theta[j];
      etaOf(delta, tmp);
      for (let i = 0; i < n; i++) trial[i] = eta[i] + tmp[i];
      const fNext = objective(next, trial);
      // The second test accepts a full Newton step whose change is lost in the rounding of f (near
      // the optimum the decrease ~½ δᵀHδ falls below |f| × 1e-16 while δ still matters).
      if (fNext <= f + ARMIJO * slope || moved === 0 || (t === 1 && fNext - f <= 1e-13 * Math.abs(f))) {
        accepted = true;
        f = fNext;
        theta.set(next);
        eta.set(trial);
        break;
      }
      t *= 0.5;
    }
    let size = 1;
    for (let j = 0; j < k; j++) size = Math.max(size, Math.abs(theta[j]));
    if (accepted) {
      converged = moved <= tol * size;
    } else {
      // No decrease found in floating point: at the optimum if the Newton step itself is tiny.
      let full = 0;
      for (let j = 0; j < k; j++) full = Math.max(full, Math.abs(step[j]));
      converged = full <= 1e-6 * size;
      break;
    }
  }
  // Back to the original scale.
  const coef = new Float64Array(p);
  let intercept = theta[0];
  for (let j = 0; j < p; j++) {
    coef[j] = theta[j + 1] / scale[j];
    intercept -= coef[j] * center[j];
  }
  return { coef, intercept, iterations: iter, converged, objective: f };
}

function newtonDirection(g: Float64Array, H: Float64Array, k: number): Float64Array {
  const neg = new Float64Array(k);
  for (let j = 0; j < k; j++) neg[j] = -g[j];
  return solveSpd(H, neg, k);
}

/**
 * Bertsekas' projected Newton direction for v_j ≤ 0 (j ≥ 1): the binding set holds variables at or
 * within ε of 0 whose gradient is negative (descent would push them positive); they get a diagonally
 * scaled gradient step (projected back to 0), the free variables a Newton step on their block.
 */
function projectedDirection(theta: Float64Array, g: Float64Array, H: Float64Array, k: number): Float64Array {
  let w = 0;
  for (let j = 0; j < k; j++) {
    const moved = j > 0 ? Math.min(0, theta[j] - g[j]) : theta[j] - g[j];
    w = Math.max(w, Math.abs(theta[j] - moved));
  }
  const eps = Math.min(BOUND_EPS, w);
  const free: number[] = [];
  const step = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    if (j > 0 && theta[j] >= -eps && g[j] < 0) step[j] = -g[j] / H[j * k + j];
    else free.push(j);
  }
  const f = free.length;
  const Hf = new Float64Array(f * f);
  const gf = new Float64Array(f);
  for (let a = 0; a < f; a++) {
    gf[a] = -g[free[a]];
    for (let b = 0; b < f; b++) Hf[a * f + b] = H[free[a] * k + free[b]];
  }
  const sf = solveSpd(Hf, gf, f);
  for (let a = 0; a < f; a++) step[free[a]] = sf[a];
  return step;
}

/** Churn logit b + x·w per row, missing sub-scores filled with `fill` (as in the fit). */
export function linearPredictor(x: FeatureMatrix, rows: Uint32Array, fill: Float64Array, fit: { coef: Float64Array; intercept: number }): Float64Array {
  const p = x.cols;
  const out = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const o = rows[r] * p;
    let s = fit.intercept;
    for (let j = 0; j < p; j++) {
      const v = x.values[o + j];
      s += fit.coef[j] * (v === v ? v : fill[j]);
    }
    out[r] = s;
  }
  return out;
}
