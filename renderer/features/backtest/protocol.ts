// The back-test worker's message protocol, typed once. One module (backtest.worker.ts) runs as up to
// four instances (workers.ts): the session (holds every snapshot's data and the engines; answers
// the live back-test, history, transitions, scenarios, feature matrices) and three stateless ones
// for slow statistics — live intervals, scenario intervals, weight suggestions — each cancelled by
// terminating it.
// The main thread sends `{ id, method, args }`; a worker answers `{ id, ok, result }`,
// `{ id, ok: false, error }`, or, while working, `{ id, progress }`. Typed arrays are transferred.

import type { ScoringDataTransfer } from '../../../shared/api';
import type {
  AucResult,
  BandTable,
  BootstrapInterval,
  CalibrationBin,
  Curves,
  LabelCounts,
  LeadTimeCounts,
  PairedBootstrap,
  RollingPoint,
  WeightSuggestion,
} from '../../../shared/backtest';
import type { Scorecard } from '../../../shared/scorecard/types';

export interface BacktestControls {
  /** As-of date T: a snapshot date. */
  asOf: string;
  /** Horizon H in days. */
  horizonDays: number;
  /** Count accounts with an active manual override (with their computed score). */
  includeOverrides: boolean;
}

export interface SessionInfo {
  snapshotDates: string[];
  accountCount: number;
  /** Snapshot dates whose data the session holds. */
  loadedDates: string[];
}

export interface EvaluateArgs {
  /** The caller's sequence number of this request. */
  revision: number;
  /**
   * Names the scorecard, baseline and controls: requests that differ only in the view shown share
   * it, and so do their intervals, history, transitions and feature matrix.
   */
  inputsKey: number;
  scorecard: Scorecard;
  /** What-if baseline; `id` names it so the worker can keep its engine between requests. */
  baseline: { id: string; scorecard: Scorecard } | null;
  controls: BacktestControls;
  /** The view whose curves are wanted (0 = all accounts, k + 1 = segment k); the others get none. */
  viewIndex: number;
}

/** Score histogram bins over [0, 100] (5 points each, so 40 and 70 fall on edges). */
export const HISTOGRAM_BINS = 20;

/** The statistics of one view: all accounts (view 0) or one segment of the draft (view k + 1). */
export interface ViewStats {
  label: string;
  auc: AucResult;
  bands: BandTable;
  calibration: CalibrationBin[];
  /** Only for the view asked for (EvaluateArgs.viewIndex): sorting every segment costs too much per slider move. */
  curves: Curves | null;
  /** Labelled, scored accounts per score bin. */
  histogram: Uint32Array;
}

/** 0 red, 1 yellow, 2 green, 3 unscored: the rows and columns of a transition matrix. */
export const TRANSITION_BANDS = 4;

export interface WhatIfView {
  /** The baseline scored on the same labelled accounts (the draft's labels and segments). */
  auc: AucResult;
  bands: BandTable;
  histogram: Uint32Array;
  /** [baseline band × 4 + draft band]: accounts moving from the baseline's band to the draft's. */
  transitions: Uint32Array;
  /** The same, churned accounts only. */
  transitionsChurned: Uint32Array;
}

export interface EvaluateResult {
  revision: number;
  inputsKey: number;
  controls: BacktestControls;
  /** Churn window (T, T + H] as epoch days. */
  windowStartDay: number;
  windowEndDay: number;
  labels: LabelCounts;
  /** views[0] = all accounts, views[k + 1] = the draft's segment k. */
  views: ViewStats[];
  /** Aligned with views; null without a baseline (or when it could not be scored: baselineError). */
  whatIf: WhatIfView[] | null;
  baselineError: string | null;
}

export interface IntervalArgs {
  score: Float64Array;
  y: Uint8Array;
  segment: Uint16Array;
  segmentCount: number;
  /** The baseline's scores for the paired ΔAUC; null without a baseline. */
  baselineScore: Float64Array | null;
  seed: number;
  resamples: number;
  /** All accounts first (the headline's interval arrives sooner), then the segments. */
  part: 'overall' | 'segments';
}

export interface IntervalResult {
  /** Aligned with the views (overall, then each segment); null where not computed (the other part). */
  views: (BootstrapInterval | null)[];
  /** AUC(draft) − AUC(baseline) per view, the same resamples for both; null without a baseline. */
  differences: (PairedBootstrap | null)[];
}

export interface LeadTimeSummary {
  counts: LeadTimeCounts;
  binDays: number;
  histogram: number[];
  median: number;
  p25: number;
  p75: number;
}

export interface HistoryResult {
  inputsKey: number;
  /** Per view, one point per snapshot date used as T. */
  rolling: RollingPoint[][];
  leadTime: LeadTimeSummary[];
  /** Snapshot dates not loaded yet (left out of both). */
  missingDates: string[];
}

export type HistoryAnswer = HistoryResult | { superseded: true };

export interface TransitionQuery {
  inputsKey: number;
  /** Baseline band and draft band (0…3). */
  from: number;
  to: number;
  /** Draft segment index, or null for all accounts. */
  segment: number | null;
  limit: number;
}

export interface TransitionAccount {
  index: number;
  key: string;
  baselineScore: number | null;
  draftScore: number | null;
  churned: boolean;
  arr: number | null;
}

export interface TransitionList {
  total: number;
  accounts: TransitionAccount[];
}

export interface ScenarioEntry {
  id: string;
  label: string;
  scorecard: Scorecard;
}

export interface ScenarioPoint {
  id: string;
  label: string;
  /** Why this scorecard could not be back-tested on this data; the numbers below are then NaN. */
  error: string | null;
  auc: number;
  labelled: number;
  churned: number;
  redAccounts: number;
  redChurned: number;
  /** Share of all churned accounts that were red (recall of the red band). */
  redRecall: number;
  /** Churn rate within red (precision of the red band). */
  redChurnRate: number;
  churnedArr: number;
  redChurnedArr: number;
}

export interface ScenarioAnswer {
  points: ScenarioPoint[];
  /** Per point (same order): scores and labels for its AUC interval; null where it failed. */
  intervalInputs: ({ score: Float64Array; y: Uint8Array } | null)[];
}

export interface FeatureMatrixAnswer {
  /** Row-major sub-scores: x[i × cols + j] = account i, metric j (NaN = missing). */
  x: Float64Array;
  rows: number;
  cols: number;
  metricIds: string[];
  /** Labels at T (255 = excluded). */
  y: Uint8Array;
  segment: Uint16Array;
  segmentIds: string[];
  segmentNames: string[];
  /** The draft's AUC per segment at T, for comparison. */
  currentAuc: number[];
}

export interface SuggestArgs extends FeatureMatrixAnswer {
  seed: number;
  folds: number;
}

export interface SegmentSuggestion {
  segmentId: string;
  segment: string;
  churned: number;
  currentAuc: number;
  suggestion: WeightSuggestion | null;
  error: string | null;
}

/** Methods the worker answers: argument and result types. */
export interface BacktestWorkerMethods {
  /** Session: the as-of snapshot first (the rest arrive with addSnapshot). */
  init(args: { data: ScoringDataTransfer }): SessionInfo;
  addSnapshot(args: { data: ScoringDataTransfer }): SessionInfo;
  evaluate(args: EvaluateArgs): EvaluateResult;
  /** Copies of the columns the interval worker needs for the latest evaluation (asked once inputs pause). */
  intervalInput(args: { inputsKey: number }): IntervalArgs;
  /** Rolling back-test and lead times for the latest inputs; superseded by an evaluate of other inputs. */
  history(args: { inputsKey: number }): Promise<HistoryAnswer>;
  transitionAccounts(args: TransitionQuery): TransitionList;
  scenario(args: { entries: ScenarioEntry[]; controls: BacktestControls }): ScenarioAnswer;
  /** The latest evaluation's sub-scores and labels, for suggestWeights. */
  featureMatrix(args: { inputsKey: number }): FeatureMatrixAnswer;
  /** Interval worker: bootstrap CIs per view and the paired ΔAUC. */
  intervals(args: IntervalArgs): IntervalResult;
  /** Interval worker: one AUC interval per scenario row. */
  scenarioIntervals(args: { items: ({ score: Float64Array; y: Uint8Array } | null)[]; seed: number; resamples: number }): (BootstrapInterval | null)[];
  /** Suggestion worker: suggestWeights per segment (reports progress). */
  suggest(args: SuggestArgs): SegmentSuggestion[];
}

export type WorkerMethod = keyof BacktestWorkerMethods;
export type WorkerArgs<M extends WorkerMethod> = Parameters<BacktestWorkerMethods[M]>[0];
export type WorkerResult<M extends WorkerMethod> = Awaited<ReturnType<BacktestWorkerMethods[M]>>;

export type WorkerRequest = { [M in WorkerMethod]: { id: number; method: M; args: WorkerArgs<M> } }[WorkerMethod];
export type WorkerMessage =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: string }
  | { id: number; progress: { done: number; total: number } };

/** The buffers of every typed array in a value (a few levels deep), to move rather than copy them. */
export function transferablesOf(value: unknown, out: Transferable[] = [], depth = 0): Transferable[] {
  if (ArrayBuffer.isView(value)) {
    const buffer = value.buffer;
    if (buffer instanceof ArrayBuffer && !out.includes(buffer)) out.push(buffer);
  } else if (value && typeof value === 'object' && depth < 6) {
    for (const v of Array.isArray(value) ? value : Object.values(value)) transferablesOf(v, out, depth + 1);
  }
  return out;
}
