// Scenario rows: several scorecards (saved versions, the draft) back-tested at the same T and
// horizon, each exactly as `healthscore backtest --scorecard <file>` would (its own labels, so its
// own overrides), reduced to the headline numbers a CS lead compares.

import type { BandTable } from '../../../shared/backtest/bandTable';
import type { EngineCache } from './engineCache';
import { backtestOf } from './evaluate';
import type { BacktestControls, ScenarioAnswer, ScenarioEntry, ScenarioPoint } from './protocol';
import type { SnapshotSet } from './snapshotSet';

/** The headline numbers of one back-test's overall band table. */
export function headlineOf(bands: BandTable): Omit<ScenarioPoint, 'id' | 'label' | 'error' | 'auc'> {
  const red = bands.rows[0];
  return {
    labelled: bands.total.accounts,
    churned: bands.total.churned,
    redAccounts: red.accounts,
    redChurned: red.churned,
    redRecall: red.recall,
    redChurnRate: red.churnRate,
    churnedArr: bands.total.churnedArr,
    redChurnedArr: red.churnedArr,
  };
}

function failedPoint(entry: ScenarioEntry, error: string): ScenarioPoint {
  const nan = Number.NaN;
  return {
    id: entry.id,
    label: entry.label,
    error,
    auc: nan,
    labelled: nan,
    churned: nan,
    redAccounts: nan,
    redChurned: nan,
    redRecall: nan,
    redChurnRate: nan,
    churnedArr: nan,
    redChurnedArr: nan,
  };
}

export function scenarioPoints(cache: EngineCache, snapshots: SnapshotSet, entries: readonly ScenarioEntry[], controls: BacktestControls): ScenarioAnswer {
  const snapshot = snapshots.get(controls.asOf);
  const points: ScenarioPoint[] = [];
  const intervalInputs: ScenarioAnswer['intervalInputs'] = [];
  for (const entry of entries) {
    try {
      const engine = cache.oneOff(controls.asOf, entry.scorecard);
      const { accounts, result } = backtestOf(engine, snapshot.arr, snapshots, controls);
      points.push({ id: entry.id, label: entry.label, error: null, auc: result.auc.auc, ...headlineOf(result.bands.overall) });
      intervalInputs.push({ score: accounts.score.slice(), y: result.y });
    } catch (error) {
      points.push(failedPoint(entry, (error as Error).message));
      intervalInputs.push(null);
    }
  }
  return { points, intervalInputs };
}
