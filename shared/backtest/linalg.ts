// Dense symmetric positive-definite solves for the small (p + 1)² Newton systems of logistic.ts.

/**
 * Solves A x = b for symmetric positive-definite A (row-major k × k, only the lower triangle read)
 * by Cholesky. If A is not numerically positive definite, a ridge of 1e-12 × mean diagonal is added
 * (repeatedly ×100) so a direction is always returned. Returns x.
 */
export function solveSpd(A: Float64Array, b: Float64Array, k: number): Float64Array {
  let meanDiag = 0;
  for (let i = 0; i < k; i++) meanDiag += Math.abs(A[i * k + i]);
  meanDiag = meanDiag / Math.max(1, k) || 1;
  for (let ridge = 0, attempt = 0; attempt < 12; attempt++, ridge = ridge === 0 ? 1e-12 * meanDiag : ridge * 100) {
    const L = cholesky(A, k, ridge);
    if (L) return backSubstitute(L, b, k);
  }
  throw new Error('Newton system could not be factorised');
}

function cholesky(A: Float64Array, k: number, ridge: number): Float64Array | null {
  const L = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * k + j] + (i === j ? ridge : 0);
      for (let q = 0; q < j; q++) s -= L[i * k + q] * L[j * k + q];
      if (i === j) {
        if (!(s > 0)) return null;
        L[i * k + i] = Math.sqrt(s);
      } else {
        L[i * k + j] = s / L[j * k + j];
      }
    }
  }
  return L;
}

function backSubstitute(L: Float64Array, b: Float64Array, k: number): Float64Array {
  const z = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let s = b[i];
    for (let q = 0; q < i; q++) s -= L[i * k + q] * z[q];
    z[i] = s / L[i * k + i];
  }
  const x = new Float64Array(k);
  for (let i = k - 1; i >= 0; i--) {
    let s = z[i];
    for (let q = i + 1; q < k; q++) s -= L[q * k + i] * x[q];
    x[i] = s / L[i * k + i];
  }
  return x;
}
