// Order statistics for sub-scores: default linear bounds (5th/95th percentile, found by bucket
// counting and selection in O(n) rather than a sort) and mid-rank percentiles (one sort per scope).

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

/** numpy's h = (N − 1)·p split into its floor and fraction. */
function rankOf(n: number, p: number): { f: number; t: number } {
  const h = (n - 1) * p;
  const f = Math.floor(h);
  return { f, t: h - f };
}

/**
 * Percentiles with linear interpolation between closest ranks (numpy's default, Excel's
 * PERCENTILE.INC): h = (N − 1)·p, value = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 * `values` must hold no NaN; it may be reordered. Returns NaN for every p when it is empty.
 */
export function percentilesInPlace(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return ps.map(() => Number.NaN);
  if (n >= BUCKETED_FROM && LITTLE_ENDIAN) {
    const ranks = ps.flatMap((p) => {
      const { f, t } = rankOf(n, p);
      return t === 0 || f + 1 >= n ? [f] : [f, f + 1];
    });
    const stat = orderStatistics(values, ranks);
    return ps.map((p) => {
      const { f, t } = rankOf(n, p);
      return t === 0 || f + 1 >= n ? stat.get(f)! : lerp(stat.get(f)!, stat.get(f + 1)!, t);
    });
  }
  // Ascending p can select in what is left right of the previous pick, which is already ≥ it.
  let from = 0;
  let prev = -1;
  return ps.map((p) => {
    const { f, t } = rankOf(n, p);
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

/** From this many values on, order statistics count buckets first (quickselect alone: ~4× slower at 1M). */
const BUCKETED_FROM = 4096;
/** The word views below assume the low 32 bits of a double come first. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * An order-preserving bucket (0…65535) of a double from its high word: the top 16 bits of its
 * sortable key. -0 goes with +0, since they compare equal (and nothing lies between them).
 */
function bucketOf(hi: number): number {
  if (hi === 0x80000000) return 0x8000;
  return hi & 0x80000000 ? (~hi >>> 16) & 0x7fff : (hi >>> 16) | 0x8000;
}

/**
 * The k-th smallest value (k from 0) for each of `ranks`: one counting pass over the buckets
 * finds each rank's bucket, one more gathers those few buckets, and quickselect runs within them.
 */
function orderStatistics(values: Float64Array, ranks: readonly number[]): Map<number, number> {
  const n = values.length;
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  const counts = new Uint32Array(1 << 16);
  for (let i = 0; i < n; i++) counts[bucketOf(words[2 * i + 1])]++;
  // Per rank: its bucket and its rank within the bucket.
  const located = ranks.map((k) => {
    let bucket = 0;
    let below = 0;
    while (below + counts[bucket] <= k) below += counts[bucket++];
    return { k, bucket, within: k - below };
  });
  const slot = new Int32Array(1 << 16).fill(-1);
  const gathered: Float64Array[] = [];
  for (const { bucket } of located) {
    if (slot[bucket] < 0) {
      slot[bucket] = gathered.length;
      gathered.push(new Float64Array(counts[bucket]));
    }
  }
  const fill = new Uint32Array(gathered.length);
  for (let i = 0; i < n; i++) {
    const g = slot[bucketOf(words[2 * i + 1])];
    if (g >= 0) gathered[g][fill[g]++] = values[i];
  }
  return new Map(located.map(({ k, bucket, within }) => [k, selectInPlace(gathered[slot[bucket]], within)]));
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
