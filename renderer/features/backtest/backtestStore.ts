// The back-test panel's state: what was loaded, the controls, and the latest answers of the
// workers, each tagged with the inputs (scorecard, baseline, controls) it belongs to so the UI can
// tell fresh from stale ("computing…"). Actions live in the *Actions/*Session modules.

import { create } from 'zustand';
import type { ScorecardVersionInfo } from '../../../shared/api';
import type { Scorecard } from '../../../shared/scorecard/types';
import type {
  BacktestControls,
  EvaluateResult,
  HistoryResult,
  IntervalResult,
  ScenarioPoint,
  SegmentSuggestion,
  TransitionList,
} from './protocol';
import type { BootstrapInterval } from '../../../shared/backtest/bootstrap';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'empty' | 'error';

export interface Baseline {
  /** `version:N` or `pinned:N`: the worker keeps the baseline's engine while the id stays. */
  id: string;
  label: string;
  scorecard: Scorecard;
}

export type JobStatus = 'idle' | 'running' | 'done' | 'error' | 'cancelled';

export interface Job<T> {
  status: JobStatus;
  /** 0…1 while running. */
  progress: number;
  value: T | null;
  error: string | null;
}

export interface ScenarioRow extends ScenarioPoint {
  interval: BootstrapInterval | null;
}

export interface ScenarioState extends Job<ScenarioRow[]> {
  /** Saved version numbers chosen for the table (the draft is always in it). */
  versions: number[];
  /** The controls the table was computed for. */
  controls: BacktestControls | null;
  intervalsStatus: JobStatus;
}

export interface SuggestionState extends Job<SegmentSuggestion[]> {
  controls: BacktestControls | null;
}

export interface TransitionCell {
  from: number;
  to: number;
  /** Draft segment index, or null for all accounts. */
  segment: number | null;
  list: TransitionList | null;
  error: string | null;
}

export interface BacktestState {
  status: LoadStatus;
  message: string | null;
  /** Which workspace the data is from (reloaded when it changes). */
  workspaceKey: string | null;
  snapshotDates: string[];
  loadedDates: string[];
  accountCount: number;
  controls: BacktestControls | null;
  /** True once the user picked T: a horizon change then keeps it instead of re-deriving it. */
  asOfChosen: boolean;
  /** Why the current draft is not back-tested (it does not validate); the last result stays. */
  draftProblem: string | null;
  /** 0 = all accounts, k + 1 = the draft's segment k. */
  viewIndex: number;
  /** Revision of the newest request sent; `result.revision` lags while the worker catches up. */
  requestedRevision: number;
  result: EvaluateResult | null;
  evaluateError: string | null;
  intervals: { inputsKey: number; value: IntervalResult } | null;
  intervalsError: string | null;
  history: HistoryResult | null;
  versions: ScorecardVersionInfo[];
  baseline: Baseline | null;
  /** Pinned copies of the draft, newest first, offered as baselines. */
  pinned: Baseline[];
  transitionCell: TransitionCell | null;
  scenario: ScenarioState;
  suggestions: SuggestionState;
}

export function idleJob<T>(): Job<T> {
  return { status: 'idle', progress: 0, value: null, error: null };
}

export const initialBacktestState: BacktestState = {
  status: 'idle',
  message: null,
  workspaceKey: null,
  snapshotDates: [],
  loadedDates: [],
  accountCount: 0,
  controls: null,
  asOfChosen: false,
  draftProblem: null,
  viewIndex: 0,
  requestedRevision: 0,
  result: null,
  evaluateError: null,
  intervals: null,
  intervalsError: null,
  history: null,
  versions: [],
  baseline: null,
  pinned: [],
  transitionCell: null,
  scenario: { ...idleJob<ScenarioRow[]>(), versions: [], controls: null, intervalsStatus: 'idle' },
  suggestions: { ...idleJob<SegmentSuggestion[]>(), controls: null },
};

export const useBacktestStore = create<BacktestState>()(() => initialBacktestState);

/** The interval of the current result's view, or null while it is being computed. */
export function currentIntervals(s: BacktestState): IntervalResult | null {
  return s.result && s.intervals && s.intervals.inputsKey === s.result.inputsKey ? s.intervals.value : null;
}

/** Intervals of the same inputs computed in parts: each entry from whichever part has it. */
export function mergeIntervals(a: IntervalResult, b: IntervalResult): IntervalResult {
  return {
    views: a.views.map((v, i) => v ?? b.views[i] ?? null),
    differences: a.differences.map((d, i) => d ?? b.differences[i] ?? null),
  };
}

/** True when the history shown belongs to an older request than the result shown. */
export function historyIsStale(s: BacktestState): boolean {
  return !!s.history && !!s.result && s.history.inputsKey !== s.result.inputsKey;
}
