// Rolling back-test: every snapshot date in turn is the as-of date T, labelled with the same horizon
// (labels.ts, dated mode), scored by that snapshot's scores. Per T: AUC and red-band recall (share
// of the accounts churned in (T, T + H] that were red at T, unscored included in the denominator as
// in the band table). A window reaching past `dataEndDay` (the last day churn is known for) is
// marked incomplete: churn after that day is not yet recorded, so its rates read low.

import { type AucResult, auc } from './auc';
import { labelAccounts } from './labels';
import { BAND_RED, BacktestError, type ChurnHistory, Y_CHURNED } from './types';

export interface RollingSnapshot {
  /** Epoch day of the snapshot (used as T). */
  day: number;
  score: Float64Array;
  band: Uint8Array;
  /** 1 = active override at that snapshot. */
  override?: Uint8Array;
}

export interface RollingOptions {
  horizonDays: number;
  includeOverrides?: boolean;
  /** Last epoch day covered by the churn history; windows beyond it are marked incomplete. */
  dataEndDay?: number;
}

export interface RollingPoint {
  day: number;
  accounts: number;
  churned: number;
  auc: AucResult;
  redChurned: number;
  /** redChurned ÷ churned; NaN without churned accounts. */
  redRecall: number;
  complete: boolean;
}

export function rollingBacktest(snapshots: readonly RollingSnapshot[], churn: ChurnHistory, options: RollingOptions): RollingPoint[] {
  return snapshots.map((snap, s) => {
    if (s > 0 && !(snap.day > snapshots[s - 1].day)) throw new BacktestError('snapshots must be in strictly ascending date order');
    const { y, counts } = labelAccounts(
      { ...churn, band: snap.band, override: snap.override },
      { mode: 'dated', asOfDay: snap.day, horizonDays: options.horizonDays, includeOverrides: options.includeOverrides },
    );
    let redChurned = 0;
    for (let i = 0; i < y.length; i++) if (y[i] === Y_CHURNED && snap.band[i] === BAND_RED) redChurned++;
    const end = options.dataEndDay;
    return {
      day: snap.day,
      accounts: counts.labelled,
      churned: counts.churned,
      auc: auc(snap.score, y),
      redChurned,
      redRecall: redChurned / counts.churned,
      complete: end === undefined || snap.day + options.horizonDays <= end,
    };
  });
}
