// Rolling back-test and lead times: every held snapshot scored with the same draft. Each snapshot
// is its own back-test at T = its date (its data only), per view (all accounts, each segment).
// The work yields every few milliseconds so that a newer live request is answered at once; the
// caller says through `stale()` when this one has been overtaken, and the work then stops.

import { leadTimes, type SnapshotBands } from '../../../shared/backtest/leadTime';
import { type RollingPoint, rollingBacktest } from '../../../shared/backtest/rolling';
import type { ChurnHistory } from '../../../shared/backtest/types';
import type { ScoringEngine } from '../../../shared/scoring/engine';
import type { EngineCache } from './engineCache';
import type { Evaluation } from './evaluate';
import type { HistoryAnswer, LeadTimeSummary } from './protocol';
import type { SnapshotSet } from './snapshotSet';

/** Lead-time histogram bins, in days. */
export const LEAD_BIN_DAYS = 30;

export interface HistoryContext {
  cache: EngineCache;
  snapshots: SnapshotSet;
  evaluation: Evaluation;
  stale(): boolean;
  pause(): Promise<void>;
}

/**
 * One snapshot's rolling point for one view (0 = all accounts, k + 1 = segment k). A segment's
 * point is the same back-test with every other account excluded, which rollingBacktest does for
 * accounts marked as overridden when overrides are not counted: so the mask marks the other
 * segments, plus real overrides unless they are counted.
 */
export function rollingPointOf(engine: ScoringEngine, churn: ChurnHistory, horizonDays: number, includeOverrides: boolean, dataEndDay: number, view: number): RollingPoint {
  const { score, band } = engine;
  const override = engine.overrides.mask;
  const { segment, snapshotDay: day } = engine.matrix;
  const options = { horizonDays, includeOverrides, dataEndDay };
  if (view === 0) return rollingBacktest([{ day, score, band, override }], churn, options)[0];
  const k = view - 1;
  const mask = new Uint8Array(score.length);
  for (let i = 0; i < mask.length; i++) mask[i] = segment[i] !== k || (!includeOverrides && override[i] !== 0) ? 1 : 0;
  return rollingBacktest([{ day, score, band, override: mask }], churn, { ...options, includeOverrides: false })[0];
}

function summarizeLead(bands: SnapshotBands[], churn: ChurnHistory, include: Uint8Array): LeadTimeSummary {
  const r = leadTimes(bands, churn, { binDays: LEAD_BIN_DAYS, include });
  return { counts: r.counts, binDays: LEAD_BIN_DAYS, histogram: Array.from(r.histogram.counts), median: r.median, p25: r.p25, p75: r.p75 };
}

/**
 * Lead times per view over every churned account with a history. Segments and overrides are read at
 * T: an override active then keeps the account out unless overrides are counted.
 */
export function leadTimesByView(bands: SnapshotBands[], churn: ChurnHistory, atT: ScoringEngine, includeOverrides: boolean): LeadTimeSummary[] {
  const n = churn.churnDay.length;
  const override = atT.overrides.mask;
  const { segment, segmentIds } = atT.matrix;
  const counted = (i: number) => includeOverrides || override[i] === 0;
  const all = new Uint8Array(n);
  for (let i = 0; i < n; i++) all[i] = counted(i) ? 1 : 0;
  const views = [summarizeLead(bands, churn, all)];
  for (let k = 0; k < segmentIds.length; k++) {
    const include = new Uint8Array(n);
    for (let i = 0; i < n; i++) include[i] = all[i] && segment[i] === k ? 1 : 0;
    views.push(summarizeLead(bands, churn, include));
  }
  return views;
}

/** Work between pauses: a newer live request waits at most about this long. */
const SLICE_MS = 12;

export async function computeHistory(ctx: HistoryContext): Promise<HistoryAnswer> {
  const { cache, snapshots, evaluation } = ctx;
  const { scorecard, controls } = evaluation.args;
  const views = evaluation.draft.matrix.segmentIds.length + 1;
  let sliceStart = performance.now();
  /** False when a newer request has overtaken this one. */
  const proceed = async (): Promise<boolean> => {
    if (performance.now() - sliceStart >= SLICE_MS) {
      await ctx.pause();
      sliceStart = performance.now();
    }
    return !ctx.stale();
  };
  const rolling: RollingPoint[][] = Array.from({ length: views }, () => []);
  const bands: SnapshotBands[] = [];
  for (const snapshot of snapshots.heldInOrder()) {
    if (!(await proceed())) return { superseded: true };
    // T itself reuses the live engine, so its point is exactly the headline back-test.
    let engine: ScoringEngine | null = evaluation.draft;
    if (snapshot.asOf !== controls.asOf) {
      try {
        engine = cache.engine(`history:${snapshot.asOf}`, snapshot.asOf, scorecard, 'float32');
      } catch {
        engine = null; // a snapshot the draft cannot score (a column it lacks) is left out
      }
    }
    if (!engine) continue;
    for (let v = 0; v < views; v++) {
      if (!(await proceed())) return { superseded: true };
      rolling[v].push(rollingPointOf(engine, snapshots.churn, controls.horizonDays, controls.includeOverrides, snapshots.lastDay, v));
    }
    bands.push({ day: snapshot.day, band: engine.band });
  }
  if (!(await proceed())) return { superseded: true };
  return {
    inputsKey: evaluation.args.inputsKey,
    rolling,
    leadTime: leadTimesByView(bands, snapshots.churn, evaluation.draft, controls.includeOverrides),
    missingDates: snapshots.snapshotDates.filter((d) => !snapshots.has(d)),
  };
}
