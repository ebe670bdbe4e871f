// The scoring engine: holds a snapshot's sub-score matrix and the weighting state, recomputes in
// full or incrementally after one weight change, and keeps band counts and histograms current.
// Pure code over typed arrays: runs the same in Node and in a Web Worker.

import { BAND_ABSENT } from '../scorecard/bands';
import type { Scorecard, Weight } from '../scorecard/types';
import { ScoringError } from './data';
import { KernelState } from './kernel/kernelState';
import { updateGroupWeight, updateGroupedMetricWeight, updateUngroupedWeight } from './incremental';
import { type EngineLayout, buildLayout, sameSegmentWeights, segmentWeightMass, setLayoutMetricWeight, setLayoutThresholds, setLayoutUnitWeight } from './layout';
import type { SubScoreMatrix } from './matrix';
import { OverrideTracker } from './overrides';
import { recomputeSegment } from './recompute';
import { applyWeightToScorecard, checkCompatible, sameBesideWeights, sameScores } from './scorecardEdits';
import { type EngineState, type TallyTarget, allocateState, finishParams, tallySegment } from './state';

export interface EngineOptions {
  /** Score histogram bins over [0, 100]; default 50. */
  bins?: number;
  /**
   * Apply manual overrides to score/band/counts (default true). Back-tests pass false: overridden
   * accounts then keep their computed score and are only flagged in `overridden`.
   */
  applyOverrides?: boolean;
  /** Use the WebAssembly SIMD kernel where it applies (default true); false keeps to the TypeScript loops. */
  kernel?: boolean;
}

/** Incremental sums are rebuilt exactly after this many updates of a segment, bounding drift. */
const REBASE_EVERY = 64;
/** …or when the segment's total weight has shrunk this much since the last rebuild. */
const REBASE_SHRINK = 1e-3;

export class ScoringEngine implements TallyTarget {
  /** Final score per account (adjusted, clamped, overrides applied when enabled); NaN = unscored or absent. */
  readonly score: Float64Array;
  /** 0 red, 1 yellow, 2 green, 3 unscored, 4 absent from the snapshot. */
  readonly band: Uint8Array;
  /** [segment × 4] accounts per band: red, yellow, green, unscored. */
  readonly bandCounts: Uint32Array;
  /** [segment × bins] scored accounts per score bin; bin = min(⌊(score + 1e-9) × bins / 100⌋, bins − 1). */
  readonly segmentHistograms: Uint32Array;
  /** Σ of segmentHistograms over segments. */
  readonly histogram: Uint32Array;
  /** The scorecard's overrides located in this snapshot, their computed scores and mask. */
  readonly overrides: OverrideTracker;
  readonly bins: number;
  private sc: Scorecard;
  private layout: EngineLayout;
  private state: EngineState;
  private readonly tallyScratch: Uint32Array;
  private applyOverrides: boolean;
  private readonly updatesSinceRebase: Uint32Array;
  private readonly massAtRebase: Float64Array;
  /** The SIMD kernel and the arrays it owns (score, band, num, den, cnt), or null. */
  private readonly kernel: KernelState | null;

  constructor(
    scorecard: Scorecard,
    readonly matrix: SubScoreMatrix,
    options: EngineOptions = {},
  ) {
    checkCompatible(scorecard, matrix);
    const n = matrix.accountCount;
    const S = matrix.segmentIds.length;
    this.bins = options.bins ?? 50;
    if (!Number.isInteger(this.bins) || this.bins < 1 || this.bins > 10_000) throw new ScoringError('bins must be an integer in 1…10000');
    this.applyOverrides = options.applyOverrides ?? true;
    this.sc = scorecard;
    this.kernel = options.kernel === false ? null : KernelState.create(matrix, this.bins);
    this.score = (this.kernel?.score ?? new Float64Array(n)).fill(Number.NaN);
    this.band = (this.kernel?.band ?? new Uint8Array(n)).fill(BAND_ABSENT);
    this.bandCounts = new Uint32Array(S * 4);
    this.segmentHistograms = new Uint32Array(S * this.bins);
    this.histogram = new Uint32Array(this.bins);
    this.overrides = new OverrideTracker(n);
    this.updatesSinceRebase = new Uint32Array(S);
    this.massAtRebase = new Float64Array(S);
    this.layout = buildLayout(scorecard);
    this.state = allocateState(this.layout, n, this.kernel ?? undefined);
    this.tallyScratch = new Uint32Array(4 * this.bins);
    this.overrides.locate(scorecard, matrix.keys, matrix.snapshotDay);
    this.recomputeAll();
  }

  /** The scorecard as currently weighted (weight changes are written into it). */
  get scorecard(): Scorecard {
    return this.sc;
  }

  get segmentCount(): number {
    return this.matrix.segmentIds.length;
  }

  /** Recomputes every segment from the matrix. */
  recomputeAll(): void {
    for (let k = 0; k < this.segmentCount; k++) this.recomputeSegmentFully(k);
    this.sumHistograms();
  }

  /**
   * Replaces weights, thresholds, policies, minimum coverage, grades or overrides and recomputes in
   * full, or only bands again when nothing but thresholds, grades or names changed. The metrics'
   * sources and methods, segment rules and adjustments must be unchanged (those are baked into the
   * matrix: rebuild it instead).
   */
  setScorecard(scorecard: Scorecard): void {
    checkCompatible(scorecard, this.matrix);
    const previous = this.sc;
    this.sc = scorecard;
    if (sameScores(previous, scorecard)) return this.reband();
    if (sameBesideWeights(previous, scorecard)) return this.reweight(buildLayout(scorecard));
    this.layout = buildLayout(scorecard);
    this.state = allocateState(this.layout, this.matrix.accountCount, this.kernel ?? undefined);
    this.overrides.locate(scorecard, this.matrix.keys, this.matrix.snapshotDay);
    this.recomputeAll();
  }

  /**
   * Thresholds (or grades, names) changed, scores did not: each segment's bands, counts and
   * histogram are tallied again from the scores it has (a threshold drag at 1M accounts in three
   * interleaved segments: ~2 ms instead of a ~40 ms recompute).
   */
  private reband(): void {
    setLayoutThresholds(this.layout, this.sc);
    for (let k = 0; k < this.segmentCount; k++) this.retally(k);
    this.sumHistograms();
  }

  /**
   * Only weights changed (and perhaps thresholds): segments whose resolved weights changed are
   * recomputed, the others banded again from the scores they have. Normalising or rebalancing one
   * segment's weights then costs that segment, not every account.
   */
  private reweight(layout: EngineLayout): void {
    const previous = this.layout;
    this.layout = layout;
    for (let k = 0; k < this.segmentCount; k++) {
      if (sameSegmentWeights(previous, layout, k)) this.retally(k);
      else this.recomputeSegmentFully(k);
    }
    this.sumHistograms();
  }

  /** Bands segment k again from the scores it has, score overrides taken off first. */
  private retally(k: number): void {
    this.overrides.restoreComputed(k, this.matrix.segment, this.matrix.present, this.score, this.applyOverrides);
    this.tally(k);
  }

  /** Whether this engine runs the WebAssembly SIMD kernel (where it applies; else the TypeScript loops). */
  get kernelActive(): boolean {
    return this.kernel !== null;
  }

  get overridesApplied(): boolean {
    return this.applyOverrides;
  }

  setApplyOverrides(apply: boolean): void {
    if (apply === this.applyOverrides) return;
    this.applyOverrides = apply;
    this.recomputeAll();
  }

  /** Changes one metric's weight in one segment and updates scores with one pass over its column. */
  setMetricWeight(segmentId: string, metricId: string, weight: Weight): void {
    const k = this.segmentIndex(segmentId);
    const m = this.matrix.metricIds.indexOf(metricId);
    if (m < 0) throw new ScoringError(`no metric with id "${metricId}"`);
    const w = checkedWeight(weight);
    const L = this.layout;
    const U = L.units.length;
    const u = L.unitOfMetric[m];
    const slot = L.groupSlot[u];
    const oldT = L.innerTotal[k * U + u];
    const oldW = setLayoutMetricWeight(L, k, m, w);
    this.sc = applyWeightToScorecard(this.sc, k, 'metric', metricId, weight);
    if (oldW === w) return;
    const rows = this.matrix.segmentRows[k];
    const column = this.matrix.columns[m];
    if (this.needsRebase(k)) return this.finishUpdate(k, true);
    const fp = this.finishParams(k);
    if (slot < 0 && (oldW > 0) === (w > 0) && this.kernelUpdate(k, m, oldW, w)) return;
    if (slot < 0) {
      updateUngroupedWeight(column, L.impute[m], oldW, w, rows, this.state, fp);
    } else {
      const W = L.unitW[k * U + u];
      updateGroupedMetricWeight(column, L.impute[m], slot, W, oldT, L.innerTotal[k * U + u], oldW, w, rows, this.state, fp);
      if (!(W > 0)) {
        this.updatesSinceRebase[k]++; // only the group's own sums moved; no score changed
        return;
      }
    }
    this.finishUpdate(k, false);
  }

  /** Changes one group's weight in one segment; one pass over the segment, no column read. */
  setGroupWeight(segmentId: string, groupId: string, weight: Weight): void {
    const k = this.segmentIndex(segmentId);
    const L = this.layout;
    const u = L.units.findIndex((unit) => unit.groupIndex >= 0 && unit.id === groupId);
    if (u < 0 && !this.sc.groups.some((g) => g.id === groupId)) throw new ScoringError(`no group with id "${groupId}"`);
    const w = checkedWeight(weight);
    this.sc = applyWeightToScorecard(this.sc, k, 'group', groupId, weight);
    if (u < 0) return; // a group without metrics weighs nothing
    const oldW = setLayoutUnitWeight(L, k, u, w);
    if (oldW === w) return;
    if (this.needsRebase(k)) return this.finishUpdate(k, true);
    const T = L.innerTotal[k * L.units.length + u];
    updateGroupWeight(L.groupSlot[u], oldW, w, T, T, this.matrix.segmentRows[k], this.state, this.finishParams(k));
    this.finishUpdate(k, false);
  }

  /** Coverage of one account: Σ effective weight of its present metrics (0 when absent). */
  coverageOf(i: number): number {
    if (!this.matrix.present[i]) return 0;
    const total = this.layout.activeTotal[this.matrix.segment[i]];
    return total > 0 ? this.state.cov[i] / total : 0;
  }

  /** Coverage of every account, as a new array. */
  coverage(): Float64Array {
    const out = new Float64Array(this.matrix.accountCount);
    for (let i = 0; i < out.length; i++) out[i] = this.coverageOf(i);
    return out;
  }

  /** The weighted score before adjustments and overrides (NaN when the account has no terms). */
  weightedScoreOf(i: number): number {
    return this.matrix.present[i] && this.state.cnt[i] > 0 ? this.state.num[i] / this.state.den[i] : Number.NaN;
  }

  /** Bytes held by the weighting state and outputs (the matrix not included). */
  get stateBytes(): number {
    const st = this.state;
    const arrays: ArrayBufferView[] = [st.num, st.den, st.cnt, this.score, this.band, this.overrides.mask];
    if (st.cov !== st.den) arrays.push(st.cov);
    for (const g of st.groups) arrays.push(g.num, g.den, g.cnt, ...(g.pw !== g.den ? [g.pw] : []));
    return arrays.reduce((sum, a) => sum + a.byteLength, 0);
  }

  /** For the contributions view: the layout tables currently in force. */
  get currentLayout(): Readonly<EngineLayout> {
    return this.layout;
  }

  segmentIndex(segmentId: string): number {
    const k = this.matrix.segmentIds.indexOf(segmentId);
    if (k < 0) throw new ScoringError(`no segment with id "${segmentId}"`);
    return k;
  }

  private needsRebase(k: number): boolean {
    const L = this.layout;
    return this.updatesSinceRebase[k] >= REBASE_EVERY || segmentWeightMass(L, k) < this.massAtRebase[k] * REBASE_SHRINK;
  }

  private finishParams(k: number) {
    return finishParams(this.layout, k, this.matrix.adjustmentPoints, this.score);
  }

  private recomputeSegmentFully(k: number): void {
    if (this.kernelRecompute(k)) {
      this.massAtRebase[k] = segmentWeightMass(this.layout, k);
      this.updatesSinceRebase[k] = 0;
      return;
    }
    recomputeSegment(this.layout, this.matrix.columns, this.matrix.segmentRows[k], this.state, this.finishParams(k), k);
    this.massAtRebase[k] = segmentWeightMass(this.layout, k);
    this.updatesSinceRebase[k] = 0;
    this.tally(k);
  }

  private finishUpdate(k: number, rebase: boolean): void {
    if (rebase) this.recomputeSegmentFully(k);
    else {
      this.updatesSinceRebase[k]++;
      this.tally(k);
    }
    this.sumHistograms();
  }

  /**
   * How the kernel serves a segment: 'run' (its rows are one contiguous run of accounts: weight
   * changes and full recomputes), 'gather' (weight changes through its row list; full recomputes
   * by gathers measured slower than the TypeScript loops, which keep them), or null (the
   * TypeScript loops: no kernel here, groups, a policy other than redistribute, or overrides).
   */
  kernelPath(segmentId: string): 'run' | 'gather' | null {
    if (!this.kernelServes()) return null;
    return KernelState.runStart(this.matrix.segmentRows[this.segmentIndex(segmentId)]) >= 0 ? 'run' : 'gather';
  }

  /** How the kernel recomputes a segment in full: 'run', 'masked' (recomputeMasked over its span), or null (the TypeScript loops). */
  recomputePath(segmentId: string): 'run' | 'masked' | null {
    if (!this.kernelServes()) return null;
    const k = this.segmentIndex(segmentId);
    if (KernelState.runStart(this.matrix.segmentRows[k]) >= 0) return 'run';
    return this.kernel!.maskedSpan(k) ? 'masked' : null;
  }

  private kernelServes(): boolean {
    return this.kernel !== null && this.layout.covIsDen && this.overrides.entries.length === 0;
  }

  /**
   * Full recompute and tally of segment k by the kernel: a run of accounts directly (its last ≤ 3
   * rows by the scalar loops), interleaved rows by recomputeMasked over their span when dense enough
   * (rows past the span by the scalar loops).
   */
  private kernelRecompute(k: number): boolean {
    if (!this.kernelServes()) return false;
    const kernel = this.kernel!;
    const rows = this.matrix.segmentRows[k];
    const i0 = KernelState.runStart(rows);
    const span = i0 >= 0 ? null : kernel.maskedSpan(k);
    if (i0 < 0 && span === null) return false;
    const L = this.layout;
    const U = L.units.length;
    const terms: { metric: number; weight: number }[] = [];
    L.units.forEach((unit, u) => {
      const W = L.unitW[k * U + u];
      if (W > 0) terms.push({ metric: unit.metrics[0], weight: W });
    });
    const fp = this.finishParams(k);
    if (span) {
      kernel.recomputeMasked(terms, fp.covMin, k, span);
      const end = span.i0 + span.len;
      let tail = rows.length;
      while (tail > 0 && rows[tail - 1] >= end) tail--;
      recomputeSegment(L, this.matrix.columns, rows.subarray(tail), this.state, fp, k);
      kernel.tallySegment(k, L.redBelow[k], L.greenBelow[k], this.bandCounts, this.segmentHistograms);
      return true;
    }
    const len = rows.length & ~3;
    kernel.beginTally(L.redBelow[k], L.greenBelow[k]);
    kernel.recompute(terms, fp.covMin, i0, len);
    const tail = rows.subarray(len);
    recomputeSegment(L, this.matrix.columns, tail, this.state, fp, k);
    kernel.tallyRows(tail, L.redBelow[k], L.greenBelow[k]);
    kernel.finishTally(k, rows.length, this.bandCounts, this.segmentHistograms);
    return true;
  }

  /** An ungrouped metric's weight change (same sign, so no term appears or vanishes) by the kernel, run or gathered. */
  private kernelUpdate(k: number, m: number, oldW: number, w: number): boolean {
    if (!this.kernelServes()) return false;
    const kernel = this.kernel!;
    const L = this.layout;
    const rows = this.matrix.segmentRows[k];
    const len = rows.length & ~3;
    const fp = this.finishParams(k);
    const i0 = KernelState.runStart(rows);
    kernel.beginTally(L.redBelow[k], L.greenBelow[k]);
    if (i0 >= 0) kernel.updateWeight(m, w - oldW, fp.covMin, i0, len);
    else kernel.updateWeightRows(m, w - oldW, fp.covMin, k, len);
    const tail = rows.subarray(len);
    updateUngroupedWeight(this.matrix.columns[m], L.impute[m], oldW, w, tail, this.state, fp);
    kernel.tallyRows(tail, L.redBelow[k], L.greenBelow[k]);
    kernel.finishTally(k, rows.length, this.bandCounts, this.segmentHistograms);
    this.updatesSinceRebase[k]++;
    this.sumHistograms();
    return true;
  }

  /** Overrides, then bands, counts and histogram of segment k from its fresh scores. */
  private tally(k: number): void {
    const { segment, present, segmentRows } = this.matrix;
    const active = this.overrides.beforeTally(k, segment, present, this.score, this.applyOverrides);
    const L = this.layout;
    if (this.kernel) this.kernel.tallySegment(k, L.redBelow[k], L.greenBelow[k], this.bandCounts, this.segmentHistograms);
    else tallySegment(segmentRows[k], this.score, this, k, L.redBelow[k], L.greenBelow[k], this.bins, this.tallyScratch);
    this.overrides.afterTally(active, k, this.band, this.bandCounts, this.applyOverrides);
  }

  private sumHistograms(): void {
    const B = this.bins;
    this.histogram.fill(0);
    for (let k = 0; k < this.segmentCount; k++) {
      for (let b = 0; b < B; b++) this.histogram[b] += this.segmentHistograms[k * B + b];
    }
  }
}

function checkedWeight(weight: Weight): number {
  if (weight === 'notApplicable') return 0;
  if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
    throw new ScoringError(`weight must be a number ≥ 0 or "notApplicable", got ${String(weight)}`);
  }
  return weight;
}
