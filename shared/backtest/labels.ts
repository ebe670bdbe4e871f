// Churn labels for one back-test (DESIGN "Back-test"). Reads only the churn columns, the band (for
// "absent") and the override flags it is given: what the scores saw is the engine's business.
//
// mode 'dated' (as-of day T, horizon H days), per account, first matching rule wins:
//   1. band = absent (no row in the snapshot)                       → excluded ("absent")
//   2. churn day ≤ T (churned on or before the as-of date)          → excluded ("churnedBefore")
//   3. churn flag but no date (cannot tell if inside the window)    → excluded ("undatedChurn")
//   4. active override and not includeOverrides                     → excluded ("override")
//   5. T < churn day ≤ T + H                                        → y = 1 (churned)
//   6. otherwise (no churn, or churn after T + H)                   → y = 0 (retained)
// mode 'flag' (only a churn flag, a single snapshot): rules 1 and 4 apply; then y = 1 for any
// churned account (with or without a date), else 0. T and H are not used.
// Unscored accounts are labelled like any other: the band table counts them in its "unscored" row,
// AUC and calibration leave them out because they have no score.

import { BAND_ABSENT, BacktestError, type ChurnHistory, Y_CHURNED, Y_EXCLUDED, Y_RETAINED, requireLength } from './types';

export type LabelMode = 'dated' | 'flag';

export interface LabelOptions {
  mode?: LabelMode;
  /** As-of epoch day T; required in 'dated' mode. */
  asOfDay?: number;
  /** Horizon H in days (> 0); required in 'dated' mode. */
  horizonDays?: number;
  /** Count accounts with an active manual override (default false). */
  includeOverrides?: boolean;
}

export interface LabelCounts {
  labelled: number;
  churned: number;
  retained: number;
  excludedAbsent: number;
  excludedChurnedBefore: number;
  excludedUndatedChurn: number;
  excludedOverride: number;
}

export interface Labels {
  /** Per account: 0 retained, 1 churned in the window, 255 excluded. */
  y: Uint8Array;
  counts: LabelCounts;
  mode: LabelMode;
}

export interface LabelInput extends ChurnHistory {
  /** Optional: accounts with band 4 (absent) are excluded. */
  band?: Uint8Array;
  /** Optional: 1 = active override. */
  override?: Uint8Array;
}

/** 'flag' when no churn date is known and there is only one snapshot, else 'dated'. */
export function defaultLabelMode(churn: ChurnHistory, snapshotCount: number): LabelMode {
  if (snapshotCount > 1) return 'dated';
  for (let i = 0; i < churn.churnDay.length; i++) if (churn.churnDay[i] === churn.churnDay[i]) return 'dated';
  return 'flag';
}

export function labelAccounts(input: LabelInput, options: LabelOptions): Labels {
  const n = input.churnDay.length;
  requireLength('churnedUndated', input.churnedUndated, n);
  if (input.band) requireLength('band', input.band, n);
  if (input.override) requireLength('override', input.override, n);
  const mode = options.mode ?? 'dated';
  const T = options.asOfDay ?? Number.NaN;
  const H = options.horizonDays ?? Number.NaN;
  if (mode === 'dated') {
    if (!Number.isFinite(T)) throw new BacktestError('asOfDay (epoch day) is required in dated mode');
    if (!Number.isFinite(H) || H <= 0) throw new BacktestError('horizonDays must be a positive number of days');
  } else if (mode !== 'flag') {
    throw new BacktestError(`unknown label mode ${String(mode)}`);
  }
  const end = T + H;
  const flagMode = mode === 'flag';
  const { churnDay, churnedUndated } = input;
  const band = input.band ?? new Uint8Array(0);
  const checkBand = input.band !== undefined;
  const override = input.override ?? new Uint8Array(0);
  const checkOverride = !options.includeOverrides && input.override !== undefined;
  const y = new Uint8Array(n);
  let absent = 0;
  let before = 0;
  let undated = 0;
  let overridden = 0;
  let churned = 0;
  for (let i = 0; i < n; i++) {
    if (checkBand && band[i] === BAND_ABSENT) {
      y[i] = Y_EXCLUDED;
      absent++;
      continue;
    }
    const day = churnDay[i];
    const dated = day === day;
    let label: number;
    if (flagMode) {
      label = dated || churnedUndated[i] !== 0 ? Y_CHURNED : Y_RETAINED;
    } else if (dated) {
      if (day <= T) {
        y[i] = Y_EXCLUDED;
        before++;
        continue;
      }
      label = day <= end ? Y_CHURNED : Y_RETAINED;
    } else if (churnedUndated[i] !== 0) {
      y[i] = Y_EXCLUDED;
      undated++;
      continue;
    } else {
      label = Y_RETAINED;
    }
    if (checkOverride && override[i] !== 0) {
      y[i] = Y_EXCLUDED;
      overridden++;
      continue;
    }
    y[i] = label;
    churned += label;
  }
  const labelled = n - absent - before - undated - overridden;
  const c: LabelCounts = {
    labelled,
    churned,
    retained: labelled - churned,
    excludedAbsent: absent,
    excludedChurnedBefore: before,
    excludedUndatedChurn: undated,
    excludedOverride: overridden,
  };
  return { y, counts: c, mode };
}
