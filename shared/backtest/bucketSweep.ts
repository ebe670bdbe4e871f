// The last pass of the counting AUC (aucCount.ts): the pairs of one coarse bucket, its scores now
// in cache, signed (churned → −s). Buckets come in ascending order; `below` carries the churned
// accounts of the buckets before.
// Within a bucket the fine key f = floor(s × 2^14) & 4095, less its low bits in small buckets
// (fineShift), orders the scores (it is monotone), so each fine bucket is first taken as one tie
// group, from its counts alone:
//   num2 += retained_f × (2 × churned below f + churned_f).
// That is exact for pairs in different fine buckets and counts each (retained, churned) pair within
// a fine bucket as a tie (1). Only fine buckets holding both classes — a few percent, with a few
// scores each — are then gathered and corrected pair by pair: the doubled count of a pair is
// 1 + sign(r − c), and for signed scores r − c = x + w, whose rounded sign is exact. No sort and no
// sweep over every score, which cost two thirds of this pass.

import { FINE_BITS, SCALE } from './firstPass';

const FINE = 1 << FINE_BITS;
/** Fine buckets up to this size are corrected pair by pair, larger ones (crowded) sorted. */
const PAIRWISE = 24;

export interface Sweep {
  /** [num2 so far, churned accounts in the buckets swept so far]: doubles in a typed array, so the
   *  loops that carry them keep them unboxed (as object fields sweepFine took 4× as long). */
  totals: Float64Array;
  /** Per fine bucket: accounts, churned, then where it starts in `bucket`. */
  all: Uint32Array;
  churned: Uint32Array;
  at: Uint32Array;
  /** Fine buckets holding both classes, listed by sweepFine. */
  both: Uint32Array;
  /** Room for the largest coarse bucket. */
  bucket: Float64Array;
}

export function newSweep(largest: number, num2: number, below: number): Sweep {
  return {
    totals: Float64Array.of(num2, below),
    all: new Uint32Array(FINE),
    churned: new Uint32Array(FINE),
    at: new Uint32Array(FINE),
    both: new Uint32Array(FINE),
    bucket: new Float64Array(largest),
  };
}

/** Fine bucket of a signed score: its fine key without its lowest `shift` bits. */
const fineOf = (v: number, shift: number): number => (((Math.abs(v) * SCALE) | 0) & (FINE - 1)) >> shift;

/**
 * Low fine-key bits dropped for a coarse bucket of `size` scores: floor(log2 size) bits are kept
 * (at most 12), 1 to 2 scores per fine bucket on average. Sparse buckets then sweep few fine
 * buckets (all 4096 each cost a third of the pass at 1M accounts); half or twice as many measured slower.
 */
const fineShift = (size: number): number => Math.max(0, FINE_BITS - (31 - Math.clz32(size)));

/** Adds the pairs of signed[start, end), one coarse bucket, to the sweep. */
export function sweepBucket(signed: Float64Array, start: number, end: number, sweep: Sweep): void {
  // One distinct score (always so for whole-number scores): one tie group, no fine keys.
  const first = Math.abs(signed[start]);
  let same = start + 1;
  while (same < end && Math.abs(signed[same]) === first) same++;
  if (same === end) {
    let pos = 0;
    for (let j = start; j < end; j++) pos += +(signed[j] < 0);
    sweep.totals[0] += (end - start - pos) * (2 * sweep.totals[1] + pos);
    sweep.totals[1] += pos;
    return;
  }
  const shift = fineShift(end - start);
  const fine = FINE >> shift;
  sweep.all.fill(0, 0, fine);
  sweep.churned.fill(0, 0, fine);
  countFine(signed, start, end, shift, sweep.all, sweep.churned);
  const both = sweepFine(sweep, fine);
  if (both === 0) return;
  scatterFine(signed, start, end, shift, sweep.at, sweep.bucket);
  // scatterFine left at[f] at the end of fine bucket f.
  let correction = 0;
  for (let j = 0; j < both; j++) {
    const f = sweep.both[j];
    const to = sweep.at[f];
    const from = to - sweep.all[f];
    if (to - from === 2) {
      // The common case: one retained, one churned.
      const sum = sweep.bucket[from] + sweep.bucket[from + 1];
      correction += +(sum > 0) - +(sum < 0);
    } else {
      correction += to - from <= PAIRWISE ? pairSigns(sweep.bucket, from, to) : crowdedSigns(sweep.bucket, from, to, sweep.churned[f]);
    }
  }
  sweep.totals[0] += correction;
}

function countFine(signed: Float64Array, start: number, end: number, shift: number, all: Uint32Array, churned: Uint32Array): void {
  for (let j = start; j < end; j++) {
    const v = signed[j];
    const f = fineOf(v, shift);
    all[f]++;
    churned[f] += +(v < 0);
  }
}

/** The fine buckets as tie groups; sets their starts and lists those with both classes (returns how many). */
function sweepFine(sweep: Sweep, fine: number): number {
  const { all, churned, at, both, totals } = sweep;
  let num2 = totals[0];
  let below = totals[1];
  let pos = 0;
  let listed = 0;
  for (let f = 0; f < fine; f++) {
    const a = all[f];
    const c = churned[f];
    at[f] = pos;
    pos += a;
    num2 += (a - c) * (2 * below + c);
    below += c;
    // Written always, kept when both classes are present (no branch on the data).
    both[listed] = f;
    listed += +(c !== 0) & +(c !== a);
  }
  totals[0] = num2;
  totals[1] = below;
  return listed;
}

function scatterFine(signed: Float64Array, start: number, end: number, shift: number, at: Uint32Array, bucket: Float64Array): void {
  for (let j = start; j < end; j++) {
    const v = signed[j];
    bucket[at[fineOf(v, shift)]++] = v;
  }
}

/** Σ sign(x + w) over the pairs of opposite sign in v[from, to): the correction of a fine bucket. */
function pairSigns(v: Float64Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) {
    const x = v[i];
    for (let j = i + 1; j < to; j++) {
      const w = v[j];
      const sum2 = x + w;
      sum += (+(sum2 > 0) - +(sum2 < 0)) * +(x < 0 !== w < 0);
    }
  }
  return sum;
}

/**
 * The same correction for a crowded fine bucket (many scores, often equal ones): sorted by
 * magnitude, its tie groups give the exact doubled count, less the ties counted already.
 */
function crowdedSigns(v: Float64Array, from: number, to: number, churned: number): number {
  const slice = v.subarray(from, to);
  if (!insertionByMagnitude(slice, 8 * slice.length)) slice.sort((a, b) => Math.abs(a) - Math.abs(b));
  let num2 = 0;
  let below = 0;
  let pos = 0;
  let all = 0;
  let prev = Math.abs(slice[0]);
  for (let j = 0; j < slice.length; j++) {
    const x = slice[j];
    const s = Math.abs(x);
    if (s !== prev) {
      num2 += (all - pos) * (2 * below + pos);
      below += pos;
      pos = 0;
      all = 0;
      prev = s;
    }
    all++;
    pos += +(x < 0);
  }
  num2 += (all - pos) * (2 * below + pos);
  return num2 - (slice.length - churned) * churned;
}

/** Insertion sort by magnitude with a budget of moves; false when it ran out (values may then be out of order). */
function insertionByMagnitude(v: Float64Array, budget: number): boolean {
  for (let j = 1; j < v.length; j++) {
    const x = v[j];
    const s = Math.abs(x);
    if (Math.abs(v[j - 1]) <= s) continue;
    let k = j - 1;
    while (k >= 0 && Math.abs(v[k]) > s) {
      v[k + 1] = v[k];
      k--;
    }
    v[k + 1] = x;
    budget -= j - k;
    if (budget < 0) return false;
  }
  return true;
}
