// The Newton system of the logistic fit (logistic.ts): gradient and Hessian of
// C · Σ s_i · logloss + ½ Σ λ_j v_j² over the standardised columns of design.ts, column by column
// so each pass streams whole columns.

import type { Design } from './design';
import type { LogisticFit } from './logistic';

/** g = [Σ r, Zᵀ r] and, when asked, H = [Σ h, Σ h z; Σ h z, Zᵀ diag(h) Z] (lower triangle mirrored). */
export function gradientHessian(z: Float64Array, n: number, p: number, r: Float64Array, h: Float64Array, tmp: Float64Array, g: Float64Array, H: Float64Array, withHessian: boolean): void {
  const k = p + 1;
  let g0 = 0;
  let h00 = 0;
  for (let i = 0; i < n; i++) {
    g0 += r[i];
    h00 += h[i];
  }
  g[0] = g0;
  H[0] = h00;
  for (let a = 0; a < p; a++) {
    const ca = z.subarray(a * n, (a + 1) * n);
    if (!withHessian) {
      let ga = 0;
      for (let i = 0; i < n; i++) ga += r[i] * ca[i];
      g[a + 1] = ga;
      continue;
    }
    let ga = 0;
    let ha = 0;
    for (let i = 0; i < n; i++) {
      const t = h[i] * ca[i];
      tmp[i] = t;
      ga += r[i] * ca[i];
      ha += t;
    }
    g[a + 1] = ga;
    H[(a + 1) * k] = H[a + 1] = ha;
    for (let b = 0; b <= a; b++) {
      const cb = z.subarray(b * n, (b + 1) * n);
      let s = 0;
      for (let i = 0; i < n; i++) s += tmp[i] * cb[i];
      H[(a + 1) * k + b + 1] = H[(b + 1) * k + a + 1] = s;
    }
  }
}

/**
 * The Hessian of the objective at `fit` (unit sample weights, penalty included) in the standardised
 * space of `d`: the fixed curvature for bootstrap refits (LogisticOptions.hessian). It does not
 * depend on the labels.
 */
export function logisticCurvature(d: Design, fit: LogisticFit, C: number): Float64Array {
  const n = d.rows;
  const p = d.cols;
  const k = p + 1;
  // The fit in standardised coordinates: v_j = w_j × scale_j, b = intercept + Σ w_j × center_j.
  let b = fit.intercept;
  for (let j = 0; j < p; j++) b += fit.coef[j] * d.center[j];
  const eta = new Float64Array(n).fill(b);
  for (let j = 0; j < p; j++) {
    const v = fit.coef[j] * d.scale[j];
    const col = d.z.subarray(j * n, (j + 1) * n);
    for (let i = 0; i < n; i++) eta[i] += v * col[i];
  }
  const h = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const pr = 1 / (1 + Math.exp(-eta[i]));
    h[i] = C * pr * (1 - pr);
  }
  const H = new Float64Array(k * k);
  gradientHessian(d.z, n, p, new Float64Array(n), h, new Float64Array(n), new Float64Array(k), H, true);
  for (let j = 1; j < k; j++) H[j * k + j] += 1 / (d.scale[j - 1] * d.scale[j - 1]);
  return H;
}
