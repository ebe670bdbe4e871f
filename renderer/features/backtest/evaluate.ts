// The live back-test of the session worker: the draft scored on the snapshot dated T (float64, as
// the CLI scores it), labelled and summarised by runBacktest, plus the what-if baseline scored on
// the same snapshot and compared on the same labelled accounts.

import { type BacktestResult, runBacktest } from '../../../shared/backtest/backtest';
import { defaultLabelMode } from '../../../shared/backtest/labels';
import type { ScoredAccounts } from '../../../shared/backtest/types';
import { scoredAccountsOf } from '../../../shared/backtestBridge';
import type { ScoringEngine } from '../../../shared/scoring/engine';
import type { BaselineStats } from './baselineStats';
import type { EngineCache } from './engineCache';
import type { BacktestControls, EvaluateArgs, EvaluateResult, IntervalArgs, WhatIfView } from './protocol';
import type { SnapshotSet } from './snapshotSet';
import { viewStatsOf } from './viewStats';

/** The CLI's defaults: the interval shown is the one `healthscore backtest` prints. */
export const BOOTSTRAP_SEED = 1;
export const BOOTSTRAP_RESAMPLES = 1000;

/** What the session keeps of its latest evaluation (for intervals, transitions, history, features). */
export interface Evaluation {
  args: EvaluateArgs;
  draft: ScoringEngine;
  accounts: ScoredAccounts;
  result: BacktestResult;
  baseline: ScoringEngine | null;
}

/** One back-test of `engine` at T, as the CLI runs it (runBacktestCli). */
export function backtestOf(engine: ScoringEngine, arr: Float64Array, snapshots: SnapshotSet, controls: BacktestControls) {
  const snapshot = snapshots.get(controls.asOf);
  const accounts = scoredAccountsOf(engine, arr);
  const result = runBacktest(accounts, snapshots.churn, {
    // A flag-only workspace with one snapshot is labelled by the flag (DESIGN.md), as the CLI does.
    mode: defaultLabelMode(snapshots.churn, snapshots.snapshotDates.length),
    asOfDay: snapshot.day,
    horizonDays: controls.horizonDays,
    includeOverrides: controls.includeOverrides,
  });
  return { accounts, result };
}

export function evaluate(cache: EngineCache, baselineStats: BaselineStats, snapshots: SnapshotSet, args: EvaluateArgs): { evaluation: Evaluation; answer: EvaluateResult } {
  const { scorecard, baseline, controls } = args;
  const snapshot = snapshots.get(controls.asOf);
  cache.retain(baseline ? [scorecard, baseline.scorecard] : [scorecard], controls.asOf);
  const draft = cache.engine('draft', controls.asOf, scorecard, 'float64');
  const { accounts, result } = backtestOf(draft, snapshot.arr, snapshots, controls);
  const views = viewStatsOf(accounts.score, accounts.segment, accounts.segmentNames, result, args.viewIndex);

  let baselineEngine: ScoringEngine | null = null;
  let whatIf: WhatIfView[] | null = null;
  let baselineError: string | null = null;
  if (baseline) {
    try {
      // Tagged by id: the same saved version is not re-weighted on every slider move.
      baselineEngine = cache.engine('baseline', controls.asOf, baseline.scorecard, 'float64', baseline.id);
      whatIf = baselineStats.views(accounts, baselineEngine, result.y);
    } catch (error) {
      cache.dropEngine('baseline');
      baselineEngine = null;
      baselineError = `The baseline cannot be scored on the snapshot of ${controls.asOf}: ${(error as Error).message}`;
    }
  }

  const answer: EvaluateResult = {
    revision: args.revision,
    inputsKey: args.inputsKey,
    controls,
    windowStartDay: snapshot.day,
    windowEndDay: snapshot.day + controls.horizonDays,
    labels: result.labels,
    views,
    whatIf,
    baselineError,
  };
  return { evaluation: { args, draft, accounts, result, baseline: baselineEngine }, answer };
}

/** Copies of what the interval worker needs (the engines keep changing while it works). */
export function intervalInputOf(e: Evaluation): IntervalArgs {
  return {
    score: e.accounts.score.slice(),
    y: e.result.y.slice(),
    segment: e.accounts.segment.slice(),
    segmentCount: e.accounts.segmentNames.length,
    baselineScore: e.baseline ? e.baseline.score.slice() : null,
    seed: BOOTSTRAP_SEED,
    resamples: BOOTSTRAP_RESAMPLES,
    part: 'overall',
  };
}

