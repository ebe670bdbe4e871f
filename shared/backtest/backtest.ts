// One back-test of one snapshot: labels, then every statistic over the same labelled accounts.

import { type AucResult, aucOfOrder, labelledOrder } from './auc';
import { type BandTables, bandTables } from './bandTable';
import { type Calibrations, calibrationOfOrder } from './calibration';
import { type Curves, curvesOfOrder } from './curves';
import { type LabelCounts, type LabelMode, labelAccounts } from './labels';
import type { ChurnHistory, ScoredAccounts } from './types';

export interface BacktestOptions {
  mode?: LabelMode;
  asOfDay?: number;
  horizonDays?: number;
  includeOverrides?: boolean;
  /** Points kept on the ROC/gains curves (default 201). */
  curvePoints?: number;
}

export interface BacktestResult {
  labels: LabelCounts;
  /** Per account: 0 retained, 1 churned, 255 excluded (see labels.ts). */
  y: Uint8Array;
  auc: AucResult;
  segmentAuc: { segment: string; auc: AucResult }[];
  bands: BandTables;
  calibration: Calibrations;
  curves: Curves;
}

export function runBacktest(accounts: ScoredAccounts, churn: ChurnHistory, options: BacktestOptions): BacktestResult {
  const { y, counts } = labelAccounts(
    { ...churn, band: accounts.band, override: accounts.override },
    { mode: options.mode, asOfDay: options.asOfDay, horizonDays: options.horizonDays, includeOverrides: options.includeOverrides },
  );
  // One order serves AUC, per-segment AUC, calibration and the curves (the curves need it anyway;
  // without them, scoreStatistics.ts gives AUC and calibration without sorting).
  const order = labelledOrder(accounts.score, y, accounts.segment, accounts.segmentNames.length);
  const aucs = aucOfOrder(order);
  return {
    labels: counts,
    y,
    auc: aucs.overall,
    segmentAuc: accounts.segmentNames.map((segment, k) => ({ segment, auc: aucs.segments[k] })),
    bands: bandTables(accounts, y),
    calibration: calibrationOfOrder(order, accounts.segmentNames),
    curves: curvesOfOrder(order, options.curvePoints),
  };
}
