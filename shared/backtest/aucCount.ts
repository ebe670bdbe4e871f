// The overall AUC's pair count for scores within [0, 100] (as the engine clamps them) in three
// streaming passes, without materialising an order:
//   1. firstPass.ts: count the accounts per coarse score bucket (and, when asked, the calibration
//      and band-table cells). Scores of exactly 0 are the lowest tie group and are counted there,
//      not bucketed. When every score is a whole number each bucket holds one distinct score, the
//      buckets are the tie groups and the count ends here;
//   2. scatter the scores to their bucket (by the slot column of the first pass: 1.4 ms less than
//      computing keys again at 1M accounts), the label carried in the sign (churned → −s, which is
//      why 0 stays out), one write stream per bucket, which caches handle well;
//   3. bucketSweep.ts: per bucket, now in cache, the pairs from fine-key counts, corrected where a
//      fine bucket holds both classes.
// The key floor(s × 2^14) is monotone (multiplying by a power of two is exact), so scores in
// different buckets are strictly ordered. A full sort writes positions and scores for every account
// and sweeps them again; this is what keeps AUC at 1M accounts within the back-test's budget.

import { type Sweep, newSweep, sweepBucket } from './bucketSweep';
import { CHUNK } from './chunks';
import { COARSE, type FirstPass, SLOTS, firstPass } from './firstPass';

export interface PairCount {
  /** 2 × Σ over retained accounts of (churned scoring below + ½ churned scoring the same). */
  num2: number;
  churned: number;
  retained: number;
}

/** The scatter target, kept between calls (the back-test counts the same sizes again and again). */
let scratch = new Float64Array(0);

/**
 * Counts pairs over the accounts labelled 0 or 1 with a finite score (others are left out, as in
 * auc.ts); null when a counted score lies outside [0, 100], for the caller to sort instead.
 */
export function countPairs(score: Float64Array, y: Uint8Array): PairCount | null {
  return countPairsAfter(firstPass(score, y), score, y);
}

/** The same, from a first pass over these accounts (which may have tallied more on the way). */
export function countPairsAfter(pass: FirstPass, score: Float64Array, y: Uint8Array): PairCount | null {
  if (pass.outside) return null;
  const { buckets } = pass;
  // Slot 0 holds the scores of exactly 0, slot b + 1 bucket b; the left-out slot is not read.
  const zeroChurned = buckets[1];
  const zeroRetained = buckets[0];
  let churned = zeroChurned;
  let retained = zeroRetained;
  for (let slot = 1; slot <= COARSE; slot++) {
    churned += buckets[2 * slot + 1];
    retained += buckets[2 * slot];
  }
  if (pass.whole) {
    // Whole-number scores: every bucket holds one distinct score, its tie group.
    let num2 = zeroRetained * zeroChurned;
    let below = zeroChurned;
    for (let slot = 1; slot <= COARSE; slot++) {
      const pos = buckets[2 * slot + 1];
      num2 += buckets[2 * slot] * (2 * below + pos);
      below += pos;
    }
    return { num2, churned, retained };
  }
  // Slot b + 1 (bucket b) is scattered to [starts[b], ends[b]); the zero and left-out slots after
  // the last bucket, where nothing reads them.
  const ends = new Uint32Array(COARSE);
  const starts = new Uint32Array(COARSE);
  const cursor = new Uint32Array(SLOTS);
  let at = 0;
  let largest = 0;
  for (let b = 0; b < COARSE; b++) {
    const size = buckets[2 * b + 2] + buckets[2 * b + 3];
    starts[b] = at;
    cursor[b + 1] = at;
    at += size;
    ends[b] = at;
    largest = Math.max(largest, size);
  }
  cursor[0] = at;
  cursor[SLOTS - 1] = at + buckets[0] + buckets[1];
  if (scratch.length < y.length) scratch = new Float64Array(y.length);
  const signed = scratch;
  for (let from = 0; from < y.length; from += CHUNK) scatterSigned(score, y, pass.slotOf, from, Math.min(y.length, from + CHUNK), cursor, signed);
  const sweep: Sweep = newSweep(largest, zeroRetained * zeroChurned, zeroChurned);
  for (let b = 0; b < COARSE; b++) if (ends[b] > starts[b]) sweepBucket(signed, starts[b], ends[b], sweep);
  return { num2: sweep.totals[0], churned, retained };
}

/** Stable scatter by slot (firstPass.ts), churned scores negated (s − 2s is exact). */
function scatterSigned(score: Float64Array, y: Uint8Array, slotOf: Uint16Array, from: number, to: number, cursor: Uint32Array, signed: Float64Array): void {
  for (let i = from; i < to; i++) {
    const s = score[i];
    signed[cursor[slotOf[i]]++] = s - 2 * (y[i] & 1) * s;
  }
}
