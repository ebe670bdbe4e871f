// Small numeric helpers shared by the back-test modules.

/**
 * Adds v into the compensated (Kahan) sum held at sum[k], comp[k]. The same recurrence, applied to
 * rows in the same order, is what pandas' groupby sum and mean use, so group totals agree bit for bit.
 */
export function kahanAdd(sum: Float64Array, comp: Float64Array, k: number, v: number): void {
  const y = v - comp[k];
  const t = sum[k] + y;
  comp[k] = t - sum[k] - y;
  sum[k] = t;
}

/**
 * Quantile q ∈ [0, 1] of ascending-sorted values by linear interpolation between closest ranks
 * (Hyndman–Fan type 7, numpy's default). NaN for an empty input.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Mean and sample standard deviation (n − 1); NaN where undefined. */
export function meanSd(values: ArrayLike<number>): { mean: number; sd: number } {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, sd: Number.NaN };
  let s = 0;
  for (let i = 0; i < n; i++) s += values[i];
  const mean = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) ** 2;
  return { mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : Number.NaN };
}
