// The overall AUC's pair count for scores within [0, 100] (as the engine clamps them) in three
// streaming passes, without materialising an order:
//   1. count the accounts per coarse score bucket (and, when asked, the calibration cells: the
//      decile boundaries fall on bucket boundaries). Scores of exactly 0 are the lowest tie group
//      and are counted here, not bucketed. When every bucket holds one distinct score (always so
//      for whole-number scores) the buckets are the tie groups and the count ends here;
//   2. scatter the scores to their bucket, the label carried in the sign (churned → −s, which is
//      why 0 stays out), one write stream per bucket, which caches handle well;
//   3. per bucket, now in cache: counting sort on the fine key into a small buffer, an insertion
//      pass (values only move inside a fine bucket), then the tie-group sweep of auc.ts:
//        num2 += retained_g × (2 × churned below g + churned_g).
// Key: floor(s × 2^14), coarse = key >> 12 (401 buckets), fine = key & 4095. Multiplying by a
// power of two is exact, so the key is monotone and scores in different buckets are strictly
// ordered. A full sort writes positions and scores for every account and sweeps them again; this
// is what keeps AUC at 1M accounts within the back-test's budget.

import { DECILES, calibrationCell } from './calibration';
import { CHUNK } from './chunks';
import { BacktestError, Y_CHURNED } from './types';

export interface PairCount {
  /** 2 × Σ over retained accounts of (churned scoring below + ½ churned scoring the same). */
  num2: number;
  churned: number;
  retained: number;
}

const MAX_SCORE = 100;
const SCALE = 2 ** 14;
const FINE_BITS = 12;
const FINE = 1 << FINE_BITS;
const COARSE = ((MAX_SCORE * SCALE) >> FINE_BITS) + 1;

/** Coarse buckets per score point; decile boundaries 10d fall on bucket boundaries 40d exactly. */
const BUCKETS_PER_POINT = SCALE >> FINE_BITS;
const DECILE_OF_BUCKET = Uint8Array.from({ length: COARSE }, (_, b) => Math.min(DECILES - 1, Math.floor(b / (10 * BUCKETS_PER_POINT))));

/** Calibration counts (calibration.ts cells) to tally in the first pass, which reads the scores anyway. */
export interface CalibrationTally {
  segment: Uint16Array;
  segmentCount: number;
  /** calibrationCell(d, k, t, segmentCount) cells plus one last cell for accounts left out. */
  counts: Uint32Array;
}

/** The scatter target, kept between calls (the back-test counts the same sizes again and again). */
let scratch = new Float64Array(0);

/**
 * Counts pairs over the accounts labelled 0 or 1 with a finite score (others are left out, as in
 * auc.ts); null when a counted score lies outside [0, 100], for the caller to sort instead. Each
 * pass is its own function so that each loop is optimised on its own.
 */
export function countPairs(score: Float64Array, y: Uint8Array, calibration?: CalibrationTally): PairCount | null {
  // ends[COARSE] collects the accounts left out, after every bucket (see scatterSigned).
  const ends = new Uint32Array(COARSE + 2);
  const churnedIn = new Uint32Array(COARSE + 2);
  const classes = countPerBucket(score, y, ends, churnedIn, calibration);
  if (!classes) return null;
  const { zeroChurned, zeroRetained } = classes;
  if (!classes.mixed) {
    // Every bucket holds one distinct score (whole-number scores, for one): its tie group.
    let num2 = zeroRetained * zeroChurned;
    let below = zeroChurned;
    for (let b = 1; b <= COARSE; b++) {
      const pos = churnedIn[b];
      num2 += (ends[b] - pos) * (2 * below + pos);
      below += pos;
    }
    return { num2, churned: classes.churned, retained: classes.retained };
  }
  for (let b = 1; b <= COARSE; b++) ends[b] += ends[b - 1];
  const starts = ends.slice();
  if (scratch.length < y.length) scratch = new Float64Array(y.length);
  const signed = scratch;
  for (let from = 0; from < y.length; from += CHUNK) scatterSigned(score, y, from, Math.min(y.length, from + CHUNK), ends, signed);
  let largest = 0;
  for (let b = 0; b < COARSE; b++) largest = Math.max(largest, ends[b] - starts[b]);
  const sweep: Sweep = { num2: zeroRetained * zeroChurned, below: zeroChurned, fine: new Uint32Array(FINE), bucket: new Float64Array(largest) };
  for (let b = 0; b < COARSE; b++) if (ends[b] > starts[b]) sweepBucket(signed, starts[b], ends[b], sweep);
  return { num2: sweep.num2, churned: classes.churned, retained: classes.retained };
}

interface Classes {
  churned: number;
  retained: number;
  /** Of those, the accounts scoring exactly 0 (not in any bucket). */
  zeroChurned: number;
  zeroRetained: number;
  /** Whether some bucket holds two distinct scores. */
  mixed: boolean;
}

/**
 * Accounts per coarse bucket (into ends[b + 1]), churned per bucket (into churnedIn[b + 1]) and
 * per class; null when a score is out of range.
 */
function countPerBucket(score: Float64Array, y: Uint8Array, ends: Uint32Array, churnedIn: Uint32Array, calibration?: CalibrationTally): Classes | null {
  const last = new Float64Array(COARSE + 2);
  // Without a calibration to tally, every account reads segment 0 of a one-entry column (mask 0).
  const segment = calibration?.segment ?? new Uint16Array(1);
  const segmentMask = calibration ? -1 : 0;
  const S = calibration?.segmentCount ?? 1;
  const cells = calibration?.counts ?? new Uint32Array(DECILES * 2 + 1);
  let flags = 0;
  for (let from = 0; from < y.length; from += CHUNK) {
    flags = countLoop(score, y, from, Math.min(y.length, from + CHUNK), ends, churnedIn, last, segment, segmentMask, S, cells, flags);
  }
  if (flags & OUTSIDE) return null;
  let counted = 0;
  let churned = 0;
  for (let slot = 0; slot <= COARSE; slot++) {
    counted += ends[slot];
    churned += churnedIn[slot];
  }
  // Slot 0 held the scores of exactly 0; the buckets start at slot 1 (see countLoop).
  const zeroCounted = ends[0];
  const zeroChurned = churnedIn[0];
  ends[0] = 0;
  churnedIn[0] = 0;
  return { churned, retained: counted - churned, zeroChurned, zeroRetained: zeroCounted - zeroChurned, mixed: (flags & MIXED) !== 0 };
}

/** Flags returned by countLoop. */
const MIXED = 1;
const OUTSIDE = 2;

/**
 * The loop of countPerBucket over accounts [from, to) (chunks.ts): counts into slot b + 1 for
 * bucket b, slot 0 for scores of exactly 0 and slot COARSE + 1 for accounts left out (never read),
 * the calibration's last cell likewise, all without branches on the data. A bucket holds two
 * distinct scores exactly when some score differs from the one before it in that bucket (`last`,
 * kept until one does). Returns the flags so far, gathered in the loop, and nothing else follows
 * the loop: V8 discards the code it compiled for a running loop at the first operation after it
 * that never ran before, on every call.
 */
function countLoop(
  score: Float64Array,
  y: Uint8Array,
  from: number,
  to: number,
  ends: Uint32Array,
  churnedIn: Uint32Array,
  last: Float64Array,
  segment: Uint16Array,
  segmentMask: number,
  S: number,
  cells: Uint32Array,
  flagsSoFar: number,
): number {
  const sink = COARSE + 1;
  const leftOut = cells.length - 1;
  let flags = flagsSoFar;
  for (let i = from; i < to; i++) {
    const s = score[i];
    const t = y[i];
    // s − s is 0 only for finite s.
    const c = +(s - s === 0) & +(t <= Y_CHURNED);
    flags |= (c & (+(s < 0) | +(s > MAX_SCORE))) * OUTSIDE;
    const b = (s * SCALE) >> FINE_BITS;
    const slot = sink + ((b + 1) * +(s !== 0) - sink) * c;
    const before = ends[slot];
    ends[slot] = before + 1;
    churnedIn[slot] += t & c;
    // Only needed until some bucket is known to be mixed (a predictable branch).
    if ((flags & MIXED) === 0) {
      flags |= (c & +(before !== 0) & +(last[slot] !== s)) * MIXED;
      last[slot] = s;
    }
    const k = segment[i & segmentMask];
    if (k >= S) throw new BacktestError(`segment index ${k} of account ${i} is out of range`);
    cells[leftOut + (calibrationCell(DECILE_OF_BUCKET[b], k, t & 1, S) - leftOut) * c]++;
  }
  return flags;
}

/**
 * Stable scatter by coarse bucket, churned scores negated (s − 2s is exact); afterwards ends[b] is
 * where b ends. Without branches: an account not bucketed goes to the region after the last bucket
 * (a branch on 1 account in 8 being left out, at random, costs more than the writes).
 */
function scatterSigned(score: Float64Array, y: Uint8Array, from: number, to: number, ends: Uint32Array, signed: Float64Array): void {
  for (let i = from; i < to; i++) {
    const s = score[i];
    const t = y[i];
    const bucketed = +(s - s === 0) & +(t <= Y_CHURNED) & +(s !== 0);
    signed[ends[bucketed === 1 ? (s * SCALE) >> FINE_BITS : COARSE]++] = s - 2 * (t & 1) * s;
  }
}

interface Sweep {
  num2: number;
  /** Churned accounts in the buckets swept so far. */
  below: number;
  fine: Uint32Array;
  bucket: Float64Array;
}

/** Sorts one coarse bucket by |score| in `sweep.bucket` and adds its pairs; buckets go in order. */
function sweepBucket(signed: Float64Array, start: number, end: number, sweep: Sweep): void {
  const size = end - start;
  // One distinct score (always so for whole-number scores): one tie group, no sorting.
  const first = Math.abs(signed[start]);
  let same = start + 1;
  while (same < end && Math.abs(signed[same]) === first) same++;
  if (same === end) {
    let pos = 0;
    for (let j = start; j < end; j++) pos += +(signed[j] < 0);
    sweep.num2 += (size - pos) * (2 * sweep.below + pos);
    sweep.below += pos;
    return;
  }
  const { fine, bucket } = sweep;
  fine.fill(0);
  for (let j = start; j < end; j++) fine[((Math.abs(signed[j]) * SCALE) | 0) & (FINE - 1)]++;
  let at = 0;
  for (let f = 0; f < FINE; f++) {
    const c = fine[f];
    fine[f] = at;
    at += c;
  }
  for (let j = start; j < end; j++) {
    const v = signed[j];
    bucket[fine[((Math.abs(v) * SCALE) | 0) & (FINE - 1)]++] = v;
  }
  // Distinct values crowded into one fine bucket would make the insertion pass quadratic.
  if (!insertionByMagnitude(bucket, size, 8 * size)) bucket.subarray(0, size).sort((a, b) => Math.abs(a) - Math.abs(b));
  let num2 = sweep.num2;
  let below = sweep.below;
  let pos = 0;
  let all = 0;
  let prev = Math.abs(bucket[0]);
  for (let j = 0; j < size; j++) {
    const v = bucket[j];
    const s = Math.abs(v);
    if (s !== prev) {
      num2 += (all - pos) * (2 * below + pos);
      below += pos;
      pos = 0;
      all = 0;
      prev = s;
    }
    all++;
    pos += +(v < 0);
  }
  sweep.num2 = num2 + (all - pos) * (2 * below + pos);
  sweep.below = below + pos;
}

/** Insertion sort of v[0, size) by magnitude with a budget of moves; false when it ran out. */
function insertionByMagnitude(v: Float64Array, size: number, budget: number): boolean {
  for (let j = 1; j < size; j++) {
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
