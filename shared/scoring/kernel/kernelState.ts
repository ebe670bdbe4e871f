// The engine's hot arrays in a WebAssembly memory of their own (sized once per engine, so views
// never detach), and the SIMD kernel bound to them and to the matrix's memory. Covers full
// recomputes and weight changes of ungrouped, redistribute-only scorecards on segments whose rows
// are one contiguous run, and the weight changes of other segments through their row lists (copied
// here once) by gathers; the engine keeps its TypeScript loops for everything else, whose scores
// the kernel then bands and bins (tallySegment). Row counts are cut to a multiple of 4 for the
// kernel; the ≤ 3 rows left go through the scalar loops.

import { COMPARISON_TOLERANCE } from '../../scorecard/types';
import type { SubScoreMatrix } from '../matrix';
import { type KernelExports, type WasmMemory, align16, fixedMemory, instantiateKernel } from './wasmKernel';

/** Bytes per term-table entry: i32 column offset, padding, f64 weight. */
const TERM_BYTES = 16;
/** The kernel's block of accounts (BLOCK in scoring.wat) and its i32 count scratch. */
const COUNT_SCRATCH_BYTES = 4 * 512;
/** tallyRows' scratch: a block's gathered f64 scores and their band bytes. */
const TALLY_SCRATCH_BYTES = 9 * 512;
/** recomputeMasked's scratch: a block's num, den and score (f64) and cnt (u16). */
const BLOCK_SCRATCH_BYTES = 26 * 512;
/**
 * A segment whose rows fill at least this share of the accounts they span is recomputed by
 * recomputeMasked over the span; a sparser one by the scalar loops through its row list (at 1M
 * accounts the masked sweep costs ~11 ns per spanned account, the scalar gathers ~35 ns per row).
 */
const MASKED_MIN_DENSITY = 0.35;

export class KernelState {
  readonly num: Float64Array;
  readonly den: Float64Array;
  readonly cnt: Uint16Array;
  readonly score: Float64Array;
  readonly band: Uint8Array;
  /** 4 interleaved histograms of bins + 1 counters (the last: unscored), then 4 + 4 lane counts. */
  private readonly hist: Uint32Array;
  private readonly terms: DataView;
  private readonly termsOffset: number;
  /** Byte offset of each segment's row list (matrix.segmentRows[k]) in the kernel's memory. */
  private readonly rowsOffsets: number[];
  private readonly stride: number;
  /** Whether recomputeMasked can tell segments apart here. */
  private readonly masks: boolean;

  private constructor(
    private readonly kernel: KernelExports,
    memory: WasmMemory,
    private readonly matrix: SubScoreMatrix,
    private readonly bins: number,
  ) {
    const n = matrix.accountCount;
    this.stride = bins + 1;
    let at = 0;
    const take = (bytes: number) => {
      const offset = at;
      at += align16(bytes);
      return offset;
    };
    const offsets = { num: take(8 * n), den: take(8 * n), score: take(8 * n), cnt: take(2 * n), band: take(n), hist: take(4 * (4 * this.stride + 8)), counts: take(COUNT_SCRATCH_BYTES), scratch: take(TALLY_SCRATCH_BYTES), block: take(BLOCK_SCRATCH_BYTES), segment: take(n) };
    this.termsOffset = take(TERM_BYTES * matrix.metricIds.length);
    const buffer = memory.buffer;
    this.rowsOffsets = matrix.segmentRows.map((rows) => {
      const offset = take(4 * rows.length);
      new Uint32Array(buffer, offset, rows.length).set(rows);
      return offset;
    });
    this.num = new Float64Array(buffer, offsets.num, n);
    this.den = new Float64Array(buffer, offsets.den, n);
    this.score = new Float64Array(buffer, offsets.score, n);
    this.cnt = new Uint16Array(buffer, offsets.cnt, n);
    this.band = new Uint8Array(buffer, offsets.band, n);
    this.hist = new Uint32Array(buffer, offsets.hist, 4 * this.stride + 8);
    this.terms = new DataView(buffer, this.termsOffset, TERM_BYTES * matrix.metricIds.length);
    kernel.bind(offsets.num, offsets.den, offsets.cnt, offsets.score, offsets.band, offsets.hist, this.stride, offsets.counts, offsets.scratch, offsets.block, offsets.segment);
    // Segment codes for recomputeMasked (which compares bytes: up to 255 segments).
    this.masks = matrix.segment instanceof Uint8Array;
    if (this.masks) new Uint8Array(buffer, offsets.segment, n).set(matrix.segment);
  }

  /** The kernel's state for an engine over `matrix`, or null when the kernel cannot serve it. */
  static create(matrix: SubScoreMatrix, bins: number): KernelState | null {
    const wasm = matrix.wasm;
    if (!wasm || (matrix.adjustmentPoints !== null && wasm.adjustmentOffset < 0)) return null;
    const n = matrix.accountCount;
    const rowBytes = matrix.segmentRows.reduce((sum, rows) => sum + align16(4 * rows.length), 0);
    const bytes = align16(8 * n) * 3 + align16(2 * n) + align16(n) + align16(4 * (4 * (bins + 1) + 8)) + COUNT_SCRATCH_BYTES + TALLY_SCRATCH_BYTES + BLOCK_SCRATCH_BYTES + align16(n) + align16(TERM_BYTES * matrix.metricIds.length) + rowBytes;
    const memory = fixedMemory(bytes);
    const kernel = memory && instantiateKernel(memory, wasm.memory);
    return kernel && memory ? new KernelState(kernel, memory, matrix, bins) : null;
  }

  /** The first row when `rows` is one contiguous run of accounts, else -1. */
  static runStart(rows: Uint32Array): number {
    return rows.length > 0 && rows[rows.length - 1] - rows[0] === rows.length - 1 ? rows[0] : -1;
  }

  private get wide(): number {
    return this.matrix.precision === 'float64' ? 1 : 0;
  }

  private get adjustmentOffset(): number {
    return this.matrix.wasm!.adjustmentOffset;
  }

  /** Starts a tally: clears the histograms and sets the segment's thresholds. */
  beginTally(redBelow: number, greenBelow: number): void {
    const scale = this.bins / 100;
    this.hist.fill(0);
    this.kernel.setTally(redBelow, greenBelow, scale, COMPARISON_TOLERANCE * scale, this.bins - 1);
  }

  private writeTerms(terms: { metric: number; weight: number }[]): void {
    const offsets = this.matrix.wasm!.columnOffsets;
    terms.forEach((t, j) => {
      this.terms.setInt32(j * TERM_BYTES, offsets[t.metric], true);
      this.terms.setFloat64(j * TERM_BYTES + 8, t.weight, true);
    });
  }

  /** Full recompute of accounts [i0, i0 + len) with len a multiple of 4; `terms` in metric order. */
  recompute(terms: { metric: number; weight: number }[], covMin: number, i0: number, len: number): void {
    this.writeTerms(terms);
    this.kernel.recompute(this.termsOffset, terms.length, this.wide, this.adjustmentOffset, covMin, i0, len);
  }

  /**
   * The accounts [i0, i0 + len) (len a multiple of 4) over which recomputeMasked serves segment k,
   * whose rows interleave with others', or null when they are too sparse there for it to pay.
   */
  maskedSpan(k: number): { i0: number; len: number } | null {
    const rows = this.matrix.segmentRows[k];
    if (!this.masks || rows.length < 4) return null;
    const i0 = rows[0] & ~3;
    const end = Math.min((rows[rows.length - 1] + 4) & ~3, this.matrix.accountCount & ~3);
    return end > i0 && rows.length >= MASKED_MIN_DENSITY * (end - i0) ? { i0, len: end - i0 } : null;
  }

  /** Full recompute of segment k's rows inside a maskedSpan (no tally: tallySegment follows). */
  recomputeMasked(terms: { metric: number; weight: number }[], covMin: number, k: number, span: { i0: number; len: number }): void {
    this.writeTerms(terms);
    this.kernel.recomputeMasked(this.termsOffset, terms.length, this.wide, this.adjustmentOffset, covMin, span.i0, span.len, k);
  }

  /** An ungrouped metric's weight moved by delta (no account gains or loses a term). */
  updateWeight(metric: number, delta: number, covMin: number, i0: number, len: number): void {
    const col = this.matrix.wasm!.columnOffsets[metric];
    this.kernel.updateWeight(col, this.wide, delta, this.adjustmentOffset, covMin, i0, len);
  }

  /** updateWeight over the first len (a multiple of 4) of segment k's rows, wherever they are. */
  updateWeightRows(metric: number, delta: number, covMin: number, k: number, len: number): void {
    const col = this.matrix.wasm!.columnOffsets[metric];
    this.kernel.updateWeightRows(col, this.wide, delta, this.adjustmentOffset, covMin, this.rowsOffsets[k], len);
  }

  /**
   * Bands, band counts and histogram of segment k from the scores it has, as tallySegment (state.ts)
   * gives them: for segments the TypeScript loops scored (groups, other policies, overrides), and
   * after a threshold change.
   */
  tallySegment(k: number, redBelow: number, greenBelow: number, bandCounts: Uint32Array, segmentHistograms: Uint32Array): void {
    const rows = this.matrix.segmentRows[k];
    const len = rows.length & ~3;
    const i0 = KernelState.runStart(rows);
    this.beginTally(redBelow, greenBelow);
    if (i0 >= 0) this.kernel.tally(i0, len);
    else this.kernel.tallyRows(this.rowsOffsets[k], len);
    this.tallyRows(rows.subarray(len), redBelow, greenBelow);
    this.finishTally(k, rows.length, bandCounts, segmentHistograms);
  }

  /** Tallies rows the scalar loops scored (the tail), as tallySegment does, into the same counters. */
  tallyRows(rows: Uint32Array, redBelow: number, greenBelow: number): void {
    const { hist, score, band, bins, stride } = this;
    const scale = bins / 100;
    const lift = COMPARISON_TOLERANCE * scale;
    const counts = 4 * stride;
    for (let r = 0; r < rows.length; r++) {
      const i = rows[r];
      const s = score[i];
      if (s !== s) {
        band[i] = 3;
        hist[bins]++;
        continue;
      }
      const y = +(s >= redBelow);
      const g = +(s >= greenBelow);
      band[i] = y + g;
      hist[counts] += y;
      hist[counts + 4] += g;
      hist[Math.min((s * scale + lift) | 0, bins - 1)]++;
    }
  }

  /** Writes segment k's band counts and histogram from the counters of this tally. */
  finishTally(k: number, rowCount: number, bandCounts: Uint32Array, segmentHistograms: Uint32Array): void {
    const { hist, bins, stride } = this;
    const lanes = (at: number) => hist[at] + hist[at + 1] + hist[at + 2] + hist[at + 3];
    const notRed = lanes(4 * stride);
    const green = lanes(4 * stride + 4);
    const unscored = hist[bins] + hist[stride + bins] + hist[2 * stride + bins] + hist[3 * stride + bins];
    bandCounts[k * 4] = rowCount - unscored - notRed;
    bandCounts[k * 4 + 1] = notRed - green;
    bandCounts[k * 4 + 2] = green;
    bandCounts[k * 4 + 3] = unscored;
    for (let b = 0; b < bins; b++) segmentHistograms[k * bins + b] = hist[b] + hist[stride + b] + hist[2 * stride + b] + hist[3 * stride + b];
  }
}
