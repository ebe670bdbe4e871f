// The one pass over every account that the counting AUC (aucCount.ts) starts with. Besides the
// accounts per coarse score bucket it tallies the calibration deciles and the band table, so the
// columns are read once for all three (at 1M accounts ~10 ms, against ~15 ms for the AUC's count
// and the band table's tally as two passes: the loops are bound by instructions, not memory).
//
// Bucket counts: buckets[2 × slot + churned], slot 0 for scores of exactly 0, slot b + 1 for coarse
// bucket b (key = floor(s × 2^14), b = key >> 12, 401 buckets of a quarter point), the last slot
// for accounts left out (unlabelled or unscored). When every counted score is a whole number each
// bucket holds one distinct score, and the buckets are the tie groups. The loop counts per (slot,
// segment, label); calibration counts are its slots summed per decile (decile boundaries 10d fall
// on bucket boundaries 40d exactly).
//
// Band cells: per (segment, band, label) of the labelled accounts, a count and an ARR sum, the band
// table's tally. Each is split by whether the ARR is known, so ARR is added without a select (the
// unknown half sums NaN and is never read). The plain ARR sums are what pandas gets only when every
// ARR is a whole number and Σ|ARR| < 2^53 (bandTable.ts): then every partial sum is exact, in any
// order. The pass checks that every known ARR is whole and ≥ 0, so Σ ARR of the known halves is
// Σ|ARR|, and it reaches 2^53 exactly when the true sum does (partial sums below 2^53 are exact and
// rounding is monotone). A fraction or a negative ARR takes bandTable.ts's compensated route.

import { DECILES, calibrationCell } from './calibration';
import { CHUNK } from './chunks';
import { BAND_UNSCORED, BacktestError, Y_CHURNED } from './types';

export const MAX_SCORE = 100;
export const SCALE = 2 ** 14;
export const FINE_BITS = 12;
/** Coarse buckets over [0, 100] (the last one holds only 100). */
export const COARSE = ((MAX_SCORE * SCALE) >> FINE_BITS) + 1;
/** Slots of the bucket counts: the zero slot, one per bucket, the left-out slot. */
export const SLOTS = COARSE + 2;

/** Band rows per segment (red, yellow, green, unscored): a literal so the loop multiplies by a constant. */
const R = 4;
/** Decile of each slot: scores of exactly 0 in decile 0, bucket b in decile floor(b / 40) (100 in the last). */
const DECILE_OF_SLOT = Uint8Array.from({ length: COARSE + 1 }, (_, slot) => Math.min(DECILES - 1, Math.floor(Math.max(0, slot - 1) / (10 * (SCALE >> FINE_BITS)))));

/** The per-account columns to tally besides the score; absent ones read as zeros (segment 0, red, ARR 0). */
export interface TallyColumns {
  segment: Uint16Array;
  segmentCount: number;
  band?: Uint8Array;
  arr?: Float64Array;
}

export interface FirstPass {
  /** buckets[2 × slot + churned]; see the header. */
  buckets: Uint32Array;
  /** Each account's slot (shared scratch, valid until the next pass): the scatter then computes no keys. */
  slotOf: Uint16Array;
  /** Every counted score is a whole number (so each bucket holds one distinct score). */
  whole: boolean;
  /** A labelled account has a finite score outside [0, 100]: the buckets are unusable (the cells are not). */
  outside: boolean;
  segmentCount: number;
  /** Counts per (slot, segment, label) at (slot × S + k) × 2 + t. */
  segmentBuckets: Uint32Array;
  /** Per band cell c (bandCell): accounts with ARR unknown at 2c, known at 2c + 1; unlabelled accounts last. */
  cells: Uint32Array;
  /** Σ ARR, same layout (only the known halves are meaningful). */
  cellArr: Float64Array;
  /** Σ|known ARR| over labelled accounts, as bandTable.ts wants it: NaN unless every one is whole and ≥ 0. */
  absArr: number;
}

/** The band cell of segment k, band row b and label t: bandTable.ts's tally cell. */
const bandCell = (k: number, b: number, t: number): number => ((k * R + b) << 1) | t;

/** The slot column, kept between calls (the back-test counts the same sizes again and again). */
let slotScratch = new Uint16Array(0);

/** Zeros for the columns a caller does not give (room for n doubles), kept between calls, never written. */
let zeros = new ArrayBuffer(0);

function zeroBuffer(n: number): ArrayBuffer {
  if (zeros.byteLength < 8 * n) zeros = new ArrayBuffer(8 * n);
  return zeros;
}

/** A counted score has a fraction. */
const FRACTIONAL = 1;
const OUTSIDE = 2;
const SEGMENT_OUT = 4;
/** A labelled account's known ARR has a fraction or is negative. */
const ARR_INEXACT = 8;

export function firstPass(score: Float64Array, y: Uint8Array, columns?: TallyColumns): FirstPass {
  const n = y.length;
  const S = columns?.segmentCount ?? 1;
  // One loop for every caller: absent columns read zeros rather than branch or mask in the loop.
  const segment = columns?.segment ?? new Uint16Array(zeroBuffer(n), 0, n);
  const band = columns?.band ?? new Uint8Array(zeroBuffer(n), 0, n);
  const arr = columns?.arr ?? new Float64Array(zeroBuffer(n), 0, n);
  const segmentBuckets = new Uint32Array(2 * SLOTS * S);
  if (slotScratch.length < n) slotScratch = new Uint16Array(n);
  const slotOf = slotScratch;
  const cells = new Uint32Array(2 * S * R * 2 + 1);
  const cellArr = new Float64Array(cells.length);
  // Flags, carried from chunk to chunk. A first call over no accounts runs the code after the loop
  // once before V8 compiles the loop (see tallyLoop).
  const state = new Float64Array(1);
  tallyLoop(score, y, segment, band, arr, 0, 0, S, segmentBuckets, slotOf, cells, cellArr, state);
  for (let from = 0; from < n; from += CHUNK) {
    tallyLoop(score, y, segment, band, arr, from, Math.min(n, from + CHUNK), S, segmentBuckets, slotOf, cells, cellArr, state);
  }
  const flags = state[0];
  if (flags & SEGMENT_OUT) throwSegmentOutOfRange(segment, S);
  let absArr = 0;
  for (let c = 1; c < cells.length - 1; c += 2) absArr += cellArr[c];
  if (flags & ARR_INEXACT) absArr = Number.NaN;
  const buckets = new Uint32Array(2 * SLOTS);
  for (let slot = 0; slot < SLOTS; slot++) {
    for (let k = 0; k < S; k++) {
      buckets[2 * slot] += segmentBuckets[(slot * S + k) * 2];
      buckets[2 * slot + 1] += segmentBuckets[(slot * S + k) * 2 + 1];
    }
  }
  return { buckets, segmentBuckets, slotOf, whole: (flags & FRACTIONAL) === 0, outside: (flags & OUTSIDE) !== 0, segmentCount: S, cells, cellArr, absArr };
}

function throwSegmentOutOfRange(segment: Uint16Array, S: number): never {
  const i = segment.findIndex((k) => k >= S);
  throw new BacktestError(`segment index ${segment[i]} of account ${i} is out of range`);
}

/**
 * The pass over accounts [from, to) (chunks.ts), without branches on the data: what an account
 * does not count in goes to a sink slot or cell. A segment out of range only sets a flag (a throw
 * in the loop made it a third slower); the caller throws after the pass. Whole-number scores are
 * checked rather than distinct scores per bucket (1.5 ms less with integer scores at 1M accounts;
 * scores such as x.5, one per bucket, then take the aucCount.ts route for mixed buckets, which
 * handles them exactly too). The state goes back through `state` after the loop: V8 discards the code it
 * compiled for a running loop at the first operation after it that never ran before, on every
 * call, hence the caller's first call over no accounts (measured 1.5 ms at 1M accounts, against
 * summing |ARR| per cell instead).
 */
function tallyLoop(
  score: Float64Array,
  y: Uint8Array,
  segment: Uint16Array,
  band: Uint8Array,
  arr: Float64Array,
  from: number,
  to: number,
  S: number,
  segmentBuckets: Uint32Array,
  slotOf: Uint16Array,
  cells: Uint32Array,
  cellArr: Float64Array,
  state: Float64Array,
): void {
  const leftOut = SLOTS - 1;
  const unlabelled = cells.length - 1;
  let flags = state[0] | 0;
  for (let i = from; i < to; i++) {
    const s = score[i];
    const t = y[i];
    const k = segment[i];
    const labelled = +(t <= Y_CHURNED);
    // s − s is 0 only for finite s.
    const scored = +(s - s === 0);
    const counted = scored & labelled;
    flags |= ((counted & (+(s < 0) | +(s > MAX_SCORE))) * OUTSIDE) | (+(k >= S) * SEGMENT_OUT);
    const b = (s * SCALE) >> FINE_BITS;
    const slot = leftOut + ((b + 1) * +(s !== 0) - leftOut) * counted;
    segmentBuckets[(slot * S + k) * 2 + (t & 1)]++;
    slotOf[i] = slot;
    flags |= (counted & +(s !== Math.trunc(s))) * FRACTIONAL;
    const row = band[i];
    const a = arr[i];
    const known = +(a === a);
    const cell = unlabelled + (((bandCell(k, row > BAND_UNSCORED ? BAND_UNSCORED : row, t & 1) << 1) | known) - unlabelled) * labelled;
    cells[cell]++;
    cellArr[cell] += a;
    // trunc(a) < a exactly for a positive fraction (never for NaN or ∞); negatives are caught apart.
    flags |= (labelled & (+(Math.trunc(a) < a) | +(a < 0))) * ARR_INEXACT;
  }
  state[0] = flags;
}

/** Calibration counts in calibration.ts's cells (calibrationCell): the counted slots by decile. */
export function calibrationCounts(pass: FirstPass): Uint32Array {
  const S = pass.segmentCount;
  const counts = new Uint32Array(DECILES * 2 * S);
  for (let slot = 0; slot <= COARSE; slot++) {
    for (let k = 0; k < S; k++) {
      for (let t = 0; t < 2; t++) counts[calibrationCell(DECILE_OF_SLOT[slot], k, t, S)] += pass.segmentBuckets[(slot * S + k) * 2 + t];
    }
  }
  return counts;
}

/** Band-table tallies in bandTable.ts's cells, from the band cells. */
export function bandTally(pass: FirstPass): { tally: Uint32Array; tallyArr: Float64Array } {
  const T = pass.segmentCount * R * 2;
  const tally = new Uint32Array(T);
  const tallyArr = new Float64Array(T);
  for (let c = 0; c < T; c++) {
    tally[c] = pass.cells[2 * c] + pass.cells[2 * c + 1];
    tallyArr[c] = pass.cellArr[2 * c + 1];
  }
  return { tally, tallyArr };
}
