// The score order (scoreOrder.ts) for the usual case, every kept score within [0, 100] as the
// engine clamps them, in four streaming passes instead of a general sort:
//   1. count kept scores per coarse bucket (and check the range),
//   2. scatter them to their coarse bucket (about 800 write streams, which caches handle well),
//   3. per coarse bucket, now in cache: counting sort on the fine bucket straight into the output,
//   4. within the same bucket, an insertion pass (values only move inside a fine bucket) and the
//      tie groups.
// Key: floor(s × 2^13), coarse = key >> 10, fine = key & 1023. Multiplying by a power of two is
// exact, so the key is monotone and only scores sharing a fine bucket (width 2^-13) can be out of
// order after the scatters. Every scatter is stable, so ties keep ascending position. A coarse
// bucket whose insertion pass runs over budget (many distinct values within 2^-13) is finished by a
// comparison sort.

import { CHUNK } from './chunks';
import { comparisonSort, insertionPass } from './runSort';
import type { ScoreOrder } from './scoreOrder';
import { Y_EXCLUDED } from './types';

const MAX_SCORE = 100;
const SCALE = 2 ** 13;
const FINE_BITS = 10;
const FINE = 1 << FINE_BITS;
const COARSE = ((MAX_SCORE * SCALE) >> FINE_BITS) + 1;

/** Coarse-bucket copies, kept between calls (the back-test sorts the same sizes again and again). */
let scratchScore = new Float64Array(0);
let scratchId = new Uint32Array(0);

/**
 * sortScores for scores within [0, 100]: same arguments, same result; null (and no work beyond one
 * pass) when a kept score is outside that range, so the caller sorts the general way.
 */
export function sortClampedScores(score: Float64Array, labels?: Uint8Array, carry?: Uint32Array): ScoreOrder | null {
  const counts = new Uint32Array(COARSE + 1);
  let m = 0;
  for (let from = 0; from < score.length; from += CHUNK) {
    const kept = countCoarse(score, labels, from, Math.min(score.length, from + CHUNK), counts);
    if (kept < 0) return null;
    m += kept;
  }
  for (let b = 1; b <= COARSE; b++) counts[b] += counts[b - 1];
  if (scratchScore.length < m) {
    scratchScore = new Float64Array(m);
    scratchId = new Uint32Array(m);
  }
  // counts[b] is now where coarse bucket b starts; the scatter moves it to where b ends.
  const starts = counts.slice();
  for (let from = 0; from < score.length; from += CHUNK) {
    scatterCoarse(score, labels, carry, from, Math.min(score.length, from + CHUNK), counts, scratchScore, scratchId);
  }
  const index = new Uint32Array(m);
  const sorted = new Float64Array(m);
  const groupEnd = new Uint32Array(m);
  const fine = new Uint32Array(FINE);
  let groups = 0;
  for (let b = 0; b < COARSE; b++) {
    const start = starts[b];
    const end = counts[b];
    if (start === end) continue;
    sortCoarseBucket(scratchScore, scratchId, start, end, fine, sorted, index);
    groups = appendTieGroups(sorted, start, end, groupEnd, groups);
  }
  return { index, sorted, groupEnd: groupEnd.subarray(0, groups) };
}

/** Kept scores of [from, to) per coarse bucket (into counts[b + 1]); −1 when one is out of range. */
function countCoarse(score: Float64Array, labels: Uint8Array | undefined, from: number, to: number, counts: Uint32Array): number {
  const filter = labels !== undefined;
  const skip = labels ?? new Uint8Array(0);
  let m = 0;
  for (let i = from; i < to; i++) {
    const s = score[i];
    // s − s is 0 only for finite s.
    if (s - s !== 0 || (filter && skip[i] === Y_EXCLUDED)) continue;
    if (!(s >= 0 && s <= MAX_SCORE)) return -1;
    counts[((s * SCALE) >> FINE_BITS) + 1]++;
    m++;
  }
  return m;
}

function scatterCoarse(
  score: Float64Array,
  labels: Uint8Array | undefined,
  carry: Uint32Array | undefined,
  from: number,
  to: number,
  ends: Uint32Array,
  toScore: Float64Array,
  toId: Uint32Array,
): void {
  const filter = labels !== undefined;
  const skip = labels ?? new Uint8Array(0);
  const carried = carry !== undefined;
  const ids = carry ?? new Uint32Array(0);
  for (let i = from; i < to; i++) {
    const s = score[i];
    if (s - s !== 0 || (filter && skip[i] === Y_EXCLUDED)) continue;
    const p = ends[(s * SCALE) >> FINE_BITS]++;
    toScore[p] = s;
    toId[p] = carried ? ids[i] : i;
  }
}

/** Sorts coarse bucket [start, end) of the scratch copies into the same range of the output. */
function sortCoarseBucket(
  fromScore: Float64Array,
  fromId: Uint32Array,
  start: number,
  end: number,
  fine: Uint32Array,
  sorted: Float64Array,
  index: Uint32Array,
): void {
  if (end - start === 1) {
    sorted[start] = fromScore[start];
    index[start] = fromId[start];
    return;
  }
  fine.fill(0);
  for (let j = start; j < end; j++) fine[((fromScore[j] * SCALE) | 0) & (FINE - 1)]++;
  let at = start;
  for (let f = 0; f < FINE; f++) {
    const c = fine[f];
    fine[f] = at;
    at += c;
  }
  for (let j = start; j < end; j++) {
    const s = fromScore[j];
    const p = fine[((s * SCALE) | 0) & (FINE - 1)]++;
    sorted[p] = s;
    index[p] = fromId[j];
  }
  if (!insertionPass(index, sorted, start, end, 8 * (end - start))) comparisonSort(index, sorted, start, end);
}

/** Appends the tie-group ends of sorted [start, end); a coarse bucket never shares a score with another. */
function appendTieGroups(sorted: Float64Array, start: number, end: number, groupEnd: Uint32Array, groups: number): number {
  for (let j = start + 1; j < end; j++) if (sorted[j] !== sorted[j - 1]) groupEnd[groups++] = j;
  groupEnd[groups++] = end;
  return groups;
}
