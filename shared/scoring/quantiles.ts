// Order statistics for sub-scores: default linear bounds (5th/95th percentile, found by selection
// in O(n) rather than a sort) and mid-rank percentiles (one sort per scope).

import { radixSortFloat64 } from './radixSort';

/**
 * Rearranges a[from…] so that a[k] is its (k − from)-th smallest value, smaller ones before it and
 * larger ones after, and returns it (Hoare quickselect).
 */
function selectInPlace(a: Float64Array, k: number, from = 0): number {
  let lo = from;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    const x = a[lo];
    const y = a[mid];
    const z = a[hi];
    // Median of three keeps sorted and constant runs from degrading to O(n²).
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

/** numpy's interpolation (`_lerp`), reproduced so that default bounds agree bit for bit. */
function lerp(a: number, b: number, t: number): number {
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/**
 * Percentiles with linear interpolation between closest ranks (numpy's default, Excel's
 * PERCENTILE.INC): h = (N − 1)·p, value = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 * `values` must hold no NaN; it is reordered. Returns NaN for every p when it is empty.
 */
export function percentilesInPlace(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return ps.map(() => Number.NaN);
  // Ascending p can select in what is left right of the previous pick, which is already ≥ it.
  let from = 0;
  let prev = -1;
  return ps.map((p) => {
    const h = (n - 1) * p;
    const f = Math.floor(h);
    const t = h - f;
    if (f < prev) from = 0;
    const lower = selectInPlace(values, f, from);
    from = f;
    prev = f;
    if (t === 0 || f + 1 >= n) return lower;
    // After selection everything right of f is ≥ a[f]; the next order statistic is their minimum.
    let upper = Number.POSITIVE_INFINITY;
    for (let i = f + 1; i < n; i++) if (values[i] < upper) upper = values[i];
    return lerp(lower, upper, t);
  });
}

/** The non-NaN values of `x` at the given rows (all rows when `rows` is omitted). */
export function finiteValues(x: Float64Array, rows?: Uint32Array): Float64Array {
  let count = 0;
  const m = rows ? rows.length : x.length;
  const out = new Float64Array(m);
  for (let r = 0; r < m; r++) {
    const v = x[rows ? rows[r] : r];
    if (v === v) out[count++] = v;
  }
  return out.subarray(0, count);
}

/**
 * Mid-rank percentile of every given row within those rows: s = 100 × (L + 0.5·E) / N with L
 * values strictly lower, E values equal (itself included), N non-missing values. Writes NaN for
 * missing rows.
 */
export function midRankPercentiles(x: Float64Array, rows: Uint32Array, out: Float64Array): void {
  const sorted = radixSortFloat64(finiteValues(x, rows));
  const n = sorted.length;
  // Distinct values and their scores, so that each lookup is a binary search over distinct values.
  const distinct = new Float64Array(n);
  const scores = new Float64Array(n);
  let d = 0;
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && sorted[j] === sorted[i]) j++;
    distinct[d] = sorted[i];
    scores[d] = (100 * (i + 0.5 * (j - i))) / n;
    d++;
    i = j;
  }
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const v = x[row];
    if (!(v === v)) {
      out[row] = Number.NaN;
      continue;
    }
    let lo = 0;
    let hi = d - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (distinct[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    out[row] = scores[lo];
  }
}
