// Scores sorted ascending (most at-risk first) with exact tie groups. Scores within [0, 100] go
// through clampedOrder.ts; any other finite doubles through what follows. Float64Array.sort on 1M
// doubles costs 100–200 ms, so this is a two-level bucket sort (MSD): scores are spread over at most
// 1024 coarse buckets by the monotone map floor((s − min) × (K − 1) / (max − min)) — rounded
// subtraction and multiplication by a positive constant never reverse an order — then each coarse
// bucket (small enough to stay in cache) is spread the same way over its own range into ~size/2 fine
// buckets and finished by an insertion pass, which can only move an element within its fine bucket.
// Should that pass exceed its budget (many distinct values crowded together) the fine buckets are
// refined recursively. Every scatter is stable, so tied scores keep ascending position, and ties
// are exact double equality.

import { sortClampedScores } from './clampedOrder';
import { comparisonSort, insertionPass } from './runSort';
import { Y_EXCLUDED, requireLength } from './types';

export interface ScoreOrder {
  /**
   * Positions into the caller's columns (or `carry[position]` when a carry column was given),
   * ascending by score; ties keep ascending position.
   */
  index: Uint32Array;
  /** The scores in that order. */
  sorted: Float64Array;
  /** Exclusive end (into `index`) of each tie group, ascending; its length is the number of distinct scores. */
  groupEnd: Uint32Array;
}

const SMALL = 24;
const MAX_COARSE = 1024;
const MAX_FINE = 1 << 20;
const MAX_DEPTH = 8;

/**
 * The monotone bucket map s ↦ floor((s·half − base) × scale) into [0, B). `half` is 0.5 only when
 * the spread overflows (max − min = Infinity for scores near ±1.8e308); scale is 0 (one bucket)
 * when the spread is too narrow to scale.
 */
function bucketMap(lo: number, hi: number, B: number): { half: number; base: number; scale: number } {
  const half = Number.isFinite(hi - lo) ? 1 : 0.5;
  const scale = lo < hi ? (B - 1) / (hi * half - lo * half) : 0;
  return { half, base: lo * half, scale: Number.isFinite(scale) ? scale : 0 };
}

function pow2AtLeast(x: number, cap: number): number {
  let p = 1;
  while (p < x && p < cap) p <<= 1;
  return p;
}

/**
 * Sorts the finite scores, leaving out positions whose label is 255 (excluded) when `labels` is
 * given. NaN and ±Infinity count as unscored and are left out. With `carry`, `index` holds
 * carry[position] instead of the position (e.g. label and segment packed, so that later passes read
 * them in order instead of gathering them at random).
 */
export function sortScores(score: Float64Array, labels?: Uint8Array, carry?: Uint32Array): ScoreOrder {
  const n = score.length;
  if (labels) requireLength('labels', labels, n);
  if (carry) requireLength('carry', carry, n);
  // Scores the engine produced are within [0, 100], which a fixed bucket key sorts faster.
  const clamped = sortClampedScores(score, labels, carry);
  if (clamped) return clamped;
  // Three passes over the input (range, counts, scatter) skip the unkept scores by a branch each;
  // compacting them first avoids the branches but allocating the copies costs more at 1M.
  const filter = labels !== undefined;
  const skip = labels ?? new Uint8Array(0);
  const carried = carry !== undefined;
  const ids = carry ?? new Uint32Array(0);
  let m = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const s = score[i];
    // s − s is 0 only for finite s.
    if (s - s !== 0 || (filter && skip[i] === Y_EXCLUDED)) continue;
    m++;
    if (s < lo) lo = s;
    if (s > hi) hi = s;
  }
  const index = new Uint32Array(m);
  const sorted = new Float64Array(m);
  const K = pow2AtLeast(m / 256, MAX_COARSE);
  // A spread too narrow to scale (denormal range) puts everything in one bucket, refined below.
  const { half, base, scale } = bucketMap(lo, hi, K);
  const ends = new Uint32Array(K + 1);
  for (let i = 0; i < n; i++) {
    const s = score[i];
    if (s - s !== 0 || (filter && skip[i] === Y_EXCLUDED)) continue;
    ends[((s * half - base) * scale + 1) | 0]++;
  }
  for (let b = 1; b <= K; b++) ends[b] += ends[b - 1];
  let largest = 0;
  for (let b = 0; b < K; b++) largest = Math.max(largest, ends[b + 1] - ends[b]);
  for (let i = 0; i < n; i++) {
    const s = score[i];
    if (s - s !== 0 || (filter && skip[i] === Y_EXCLUDED)) continue;
    const p = ends[((s * half - base) * scale) | 0]++;
    index[p] = carried ? ids[i] : i;
    sorted[p] = s;
  }
  const scratch: Scratch = {
    ends: new Uint32Array(pow2AtLeast(largest / 2, MAX_FINE) + 1),
    index: new Uint32Array(largest),
    sorted: new Float64Array(largest),
  };
  let start = 0;
  for (let b = 0; b < K; b++) {
    const end = ends[b];
    if (end - start > 1) refine(index, sorted, start, end, 0, scratch);
    start = end;
  }
  return { index, sorted, groupEnd: tieGroups(sorted) };
}

interface Scratch {
  ends: Uint32Array;
  index: Uint32Array;
  sorted: Float64Array;
}

/** Sorts [start, end) exactly. */
function refine(index: Uint32Array, sorted: Float64Array, start: number, end: number, depth: number, scratch: Scratch): void {
  const size = end - start;
  if (size <= SMALL) {
    insertionPass(index, sorted, start, end, Infinity);
    return;
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (let j = start; j < end; j++) {
    const s = sorted[j];
    if (s < lo) lo = s;
    if (s > hi) hi = s;
  }
  // One tie group, already in ascending position.
  if (lo === hi) return;
  const F = pow2AtLeast(size / 2, MAX_FINE);
  const { half, base, scale } = bucketMap(lo, hi, F);
  if (scale === 0 || depth > MAX_DEPTH) {
    comparisonSort(index, sorted, start, end);
    return;
  }
  const ends = scratch.ends;
  ends.fill(0, 0, F + 1);
  for (let j = start; j < end; j++) ends[((sorted[j] * half - base) * scale + 1) | 0]++;
  for (let b = 1; b <= F; b++) ends[b] += ends[b - 1];
  const tmpIndex = scratch.index;
  const tmpSorted = scratch.sorted;
  for (let j = 0; j < size; j++) {
    tmpIndex[j] = index[start + j];
    tmpSorted[j] = sorted[start + j];
  }
  for (let j = 0; j < size; j++) {
    const s = tmpSorted[j];
    const p = start + ends[((s * half - base) * scale) | 0]++;
    index[p] = tmpIndex[j];
    sorted[p] = s;
  }
  if (insertionPass(index, sorted, start, end, 8 * size)) return;
  // Crowded: refine each fine bucket on its own (the scratch is reused, so keep this level's ends).
  const bounds = ends.slice(0, F);
  let from = start;
  for (let b = 0; b < F; b++) {
    const to = start + bounds[b];
    if (to - from > 1) refine(index, sorted, from, to, depth + 1, scratch);
    from = to;
  }
}

function tieGroups(sorted: Float64Array): Uint32Array {
  const m = sorted.length;
  const groupEnd = new Uint32Array(m);
  let g = 0;
  for (let j = 1; j < m; j++) if (sorted[j] !== sorted[j - 1]) groupEnd[g++] = j;
  if (m > 0) groupEnd[g++] = m;
  return groupEnd.slice(0, g);
}
