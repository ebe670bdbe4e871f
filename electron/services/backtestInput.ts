// Scores one snapshot of a workspace for a back-test (data dated ≤ T only: the snapshot at T) and
// gathers the churn history, in the shapes shared/backtest takes.

import { ApiError } from '../../shared/api';
import type { ChurnHistory, ScoredAccounts } from '../../shared/backtest/types';
import { scoredAccountsOf } from '../../shared/backtestBridge';
import { isTextColumn } from '../../shared/dataset';
import { isoToEpochDay } from '../../shared/dates';
import type { Scorecard } from '../../shared/scorecard/types';
import { ScoringEngine } from '../../shared/scoring/engine';
import { buildSubScoreMatrix } from '../../shared/scoring/matrix';
import type { WorkspaceStore } from '../store/workspaceStore';
import { loadScoringData } from './scoringData';

export interface BacktestInput {
  asOf: string;
  accounts: ScoredAccounts;
  churn: ChurnHistory;
  engine: ScoringEngine;
}

export function churnHistoryOf(store: WorkspaceStore): ChurnHistory {
  const n = store.accountCount();
  const churnDay = new Float64Array(n).fill(Number.NaN);
  const churnedUndated = new Uint8Array(n);
  for (const [idx, date] of store.readChurn()) {
    if (date === null) churnedUndated[idx] = 1;
    else churnDay[idx] = isoToEpochDay(date);
  }
  return { churnDay, churnedUndated };
}

export function backtestInput(store: WorkspaceStore, scorecard: Scorecard, asOf: string): BacktestInput {
  const data = loadScoringData(store, asOf);
  if (!data) throw new ApiError('not_found', 'The workspace has no snapshots to back-test.');
  const engine = new ScoringEngine(scorecard, buildSubScoreMatrix(scorecard, data), { applyOverrides: false });
  const arrMetric = data.metrics.find((m) => m.field.name.toLowerCase() === 'arr' && m.field.kind === 'number');
  const snapshotArr = arrMetric && !isTextColumn(arrMetric.values) ? arrMetric.values : undefined;
  return { asOf: data.asOf, accounts: scoredAccountsOf(engine, snapshotArr), churn: churnHistoryOf(store), engine };
}
