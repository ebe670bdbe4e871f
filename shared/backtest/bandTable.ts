// Churn by band (DESIGN "Back-test"), overall and per segment. Rows: red, yellow, green, unscored.
// The population is every labelled account (y 0 or 1; absent and excluded accounts are not in it),
// unscored included as its own row (band codes above 3 count as unscored). Per row:
//   accounts, churned, churnRate = churned / accounts,
//   lift = churnRate / overall rate, where overall rate = Σ churned / Σ accounts over all four rows,
//   recall = churned / Σ churned (share of all churned accounts; the rows sum to 1),
//   arr = Σ ARR, churnedArr = Σ ARR of churned accounts (unknown ARR adds nothing; 0 when none).
// Undefined ratios (0/0) are NaN. A segment's table is the same table over that segment's accounts
// alone (lift and recall relative to the segment). Totals are over all rows of the table.
// ARR sums equal pandas' groupby sums bit for bit: when every ARR is a whole number and Σ|ARR| <
// 2^53 every partial sum is exact, so plain sums are exact in any order (adding 0 for unknown ARR
// included); otherwise the sums are redone with pandas' compensated (Kahan) recurrence in account
// order.

import { CHUNK } from './chunks';
import { kahanAdd } from './stats';
import { BAND_ROWS, BAND_UNSCORED, BacktestError, type BandRowName, Y_CHURNED, Y_EXCLUDED, requireLength } from './types';

export interface BandRow {
  band: BandRowName;
  accounts: number;
  churned: number;
  churnRate: number;
  lift: number;
  recall: number;
  arr: number;
  churnedArr: number;
}

export interface BandTotals {
  accounts: number;
  churned: number;
  churnRate: number;
  arr: number;
  churnedArr: number;
}

export interface BandTable {
  rows: BandRow[];
  total: BandTotals;
}

export interface SegmentBandTable extends BandTable {
  segment: string;
}

export interface BandTableInput {
  band: Uint8Array;
  segment: Uint16Array;
  segmentNames: readonly string[];
  arr: Float64Array;
}

export interface BandTables {
  overall: BandTable;
  segments: SegmentBandTable[];
}

/** Rows per table: red, yellow, green, unscored (a literal, so the hot loop indexes with a constant). */
const R = 4;
const EXACT_LIMIT = 2 ** 53;

export function bandTables(input: BandTableInput, y: Uint8Array): BandTables {
  const n = y.length;
  const { band, segment, arr } = input;
  requireLength('band', band, n);
  requireLength('segment', segment, n);
  requireLength('arr', arr, n);
  const S = input.segmentNames.length;
  const T = S * R * 2;
  const tally = new Uint32Array(T);
  const tallyArr = new Float64Array(T);
  let absSum = 0;
  for (let from = 0; from < n; from += CHUNK) absSum += tallyCells(input, y, from, Math.min(n, from + CHUNK), S, tally, tallyArr);
  // NaN also stands for a segment out of range (see tallyCells).
  if (absSum !== absSum) {
    const i = segment.findIndex((k) => k >= S);
    if (i >= 0) throw new BacktestError(`segment index ${segment[i]} of account ${i} is out of range`);
  }
  return bandTablesFromTally(input, y, tally, tallyArr, absSum);
}

/**
 * The tables from the tallies of cells (segment, band, churned) at (k × 4 + b) × 2 + t: accounts
 * in `tally`, plain ARR sums in `tallyArr`, and Σ|ARR| over the labelled accounts, NaN when an ARR
 * has a fraction (∞ when one is infinite). firstPass.ts tallies the same cells.
 */
export function bandTablesFromTally(input: BandTableInput, y: Uint8Array, tally: Uint32Array, tallyArr: Float64Array, absSum: number): BandTables {
  const S = input.segmentNames.length;
  // Cells (segment, band) for segments 0…S−1, then (S, band) for the overall table.
  const cells = (S + 1) * R;
  const accounts = new Float64Array(cells);
  const churned = new Float64Array(cells);
  const arrSum = new Float64Array(cells);
  const churnedArr = new Float64Array(cells);
  const totalArr = new Float64Array(S + 1);
  const totalChurnedArr = new Float64Array(S + 1);
  for (let k = 0; k < S; k++) {
    for (let b = 0; b < R; b++) {
      const c = k * R + b;
      const o = S * R + b;
      accounts[c] = tally[2 * c] + tally[2 * c + 1];
      churned[c] = tally[2 * c + 1];
      arrSum[c] = tallyArr[2 * c] + tallyArr[2 * c + 1];
      churnedArr[c] = tallyArr[2 * c + 1];
      accounts[o] += accounts[c];
      churned[o] += churned[c];
      arrSum[o] += arrSum[c];
      churnedArr[o] += churnedArr[c];
      totalArr[k] += arrSum[c];
      totalChurnedArr[k] += churnedArr[c];
    }
  }
  for (let b = 0; b < R; b++) {
    totalArr[S] += arrSum[S * R + b];
    totalChurnedArr[S] += churnedArr[S * R + b];
  }
  // Whole numbers with Σ|ARR| < 2^53: every sum above was exact. Otherwise redo them pandas' way.
  if (!(absSum < EXACT_LIMIT)) compensatedArrSums(input, y, arrSum, churnedArr, totalArr, totalChurnedArr);
  const table = (k: number): BandTable => {
    let nAll = 0;
    let cAll = 0;
    for (let b = 0; b < R; b++) {
      nAll += accounts[k * R + b];
      cAll += churned[k * R + b];
    }
    const overallRate = cAll / nAll;
    const rows = BAND_ROWS.map((name, b): BandRow => {
      const c = k * R + b;
      const rate = churned[c] / accounts[c];
      return {
        band: name,
        accounts: accounts[c],
        churned: churned[c],
        churnRate: rate,
        lift: rate / overallRate,
        recall: churned[c] / cAll,
        arr: arrSum[c],
        churnedArr: churnedArr[c],
      };
    });
    return { rows, total: { accounts: nAll, churned: cAll, churnRate: overallRate, arr: totalArr[k], churnedArr: totalChurnedArr[k] } };
  };
  return {
    overall: table(S),
    segments: input.segmentNames.map((name, k) => ({ segment: name, ...table(k) })),
  };
}

/**
 * Tallies cells (segment, band, churned) of accounts [from, to) (chunks.ts) without unpredictable
 * branches: an excluded row adds 0 to a real cell, and unknown ARR (NaN) adds 0. Returns Σ|ARR|
 * over the rows counted, NaN when one has a fraction or a segment is out of range (∞ when an ARR
 * is infinite), so that `< 2^53` says whether the plain sums are exact; the caller looks for the
 * bad segment only then (a throw in the loop made it a third slower). One value gathered in the
 * loop and nothing after it: V8 discards the code it compiled for a running loop at the first
 * operation after it that never ran before, on every call.
 */
function tallyCells(input: BandTableInput, y: Uint8Array, from: number, to: number, S: number, tally: Uint32Array, tallyArr: Float64Array): number {
  const { band, segment, arr } = input;
  let absSum = 0;
  for (let i = from; i < to; i++) {
    const label = y[i];
    const inc = 1 - ((label + 1) >> 8); // 0 for 255 (excluded), else 1
    const k = segment[i];
    const b = band[i];
    const c = (k * R + (b > BAND_UNSCORED ? BAND_UNSCORED : b)) * 2 + (label & inc);
    tally[c] += inc;
    const a = arr[i];
    const v = a === a && inc === 1 ? a : 0;
    tallyArr[c] += v;
    // 0 × (1 / 0) is NaN: a fraction (or an infinite ARR) or a bad segment makes the sum NaN.
    absSum += Math.abs(v) + 0 * (1 / (+(v === Math.trunc(v)) & +(k < S)));
  }
  return absSum;
}

/** Recomputes every ARR sum with the Kahan recurrence, rows in account order (pandas' group_add). */
function compensatedArrSums(
  input: BandTableInput,
  y: Uint8Array,
  arrSum: Float64Array,
  churnedArr: Float64Array,
  totalArr: Float64Array,
  totalChurnedArr: Float64Array,
): void {
  const S = input.segmentNames.length;
  const comp = [arrSum, churnedArr, totalArr, totalChurnedArr].map((a) => {
    a.fill(0);
    return new Float64Array(a.length);
  });
  for (let i = 0; i < y.length; i++) {
    const label = y[i];
    const a = input.arr[i];
    if (label === Y_EXCLUDED || a !== a) continue;
    const k = input.segment[i];
    const b = input.band[i] > BAND_UNSCORED ? BAND_UNSCORED : input.band[i];
    kahanAdd(arrSum, comp[0], k * R + b, a);
    kahanAdd(arrSum, comp[0], S * R + b, a);
    kahanAdd(totalArr, comp[2], k, a);
    kahanAdd(totalArr, comp[2], S, a);
    if (label === Y_CHURNED) {
      kahanAdd(churnedArr, comp[1], k * R + b, a);
      kahanAdd(churnedArr, comp[1], S * R + b, a);
      kahanAdd(totalChurnedArr, comp[3], k, a);
      kahanAdd(totalChurnedArr, comp[3], S, a);
    }
  }
}
