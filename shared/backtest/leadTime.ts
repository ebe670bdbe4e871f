// Lead time: how long before churn a churned account turned red and stayed red.
// For an account churned on day c, its run-up is the snapshots dated ≤ c in which it is present
// (band ≠ absent; a snapshot without its row is no evidence either way and is skipped). If it is red
// in the last of them, d = the date of the earliest snapshot of the unbroken red run ending there
// (yellow, green or unscored break a run) and lead time = c − d days (0 when only a snapshot on the
// churn day itself is red). Otherwise the account has no lead time and is counted as "not red before
// churn" (or "no snapshot before churn"); undated churned accounts are counted apart.
// Histogram bins are [0, w), [w, 2w), … days; median and quartiles are numpy-style (type 7).

import { quantileSorted } from './stats';
import { BAND_ABSENT, BAND_RED, BacktestError, type ChurnHistory, requireLength } from './types';

export interface SnapshotBands {
  /** Epoch day of the snapshot. */
  day: number;
  band: Uint8Array;
}

export interface LeadTimeOptions {
  /** Histogram bin width in days (default 30). */
  binDays?: number;
  /** 1 = consider this account (e.g. leave out overrides or other segments); default all. */
  include?: Uint8Array;
}

export interface LeadTimeCounts {
  /** Churned accounts with a churn date (that `include` keeps). */
  churnedDated: number;
  withLeadTime: number;
  notRedBeforeChurn: number;
  noSnapshotBeforeChurn: number;
  /** Churned accounts without a date (no lead time can exist). */
  undated: number;
}

export interface LeadTimeResult {
  /** Per account: days from first red to churn; NaN where there is none. */
  leadDays: Float64Array;
  counts: LeadTimeCounts;
  histogram: { binDays: number; counts: Uint32Array };
  median: number;
  p25: number;
  p75: number;
}

export function leadTimes(snapshots: readonly SnapshotBands[], churn: ChurnHistory, options: LeadTimeOptions = {}): LeadTimeResult {
  const n = churn.churnDay.length;
  requireLength('churnedUndated', churn.churnedUndated, n);
  const binDays = options.binDays ?? 30;
  if (!(binDays > 0)) throw new BacktestError('binDays must be positive');
  const include = options.include;
  if (include) requireLength('include', include, n);
  for (let s = 0; s < snapshots.length; s++) {
    requireLength(`snapshot ${s} band`, snapshots[s].band, n);
    if (!Number.isFinite(snapshots[s].day)) throw new BacktestError(`snapshot ${s} has no valid date`);
    if (s > 0 && !(snapshots[s].day > snapshots[s - 1].day)) throw new BacktestError('snapshots must be in strictly ascending date order');
  }
  const leadDays = new Float64Array(n).fill(Number.NaN);
  const counts: LeadTimeCounts = { churnedDated: 0, withLeadTime: 0, notRedBeforeChurn: 0, noSnapshotBeforeChurn: 0, undated: 0 };
  const found: number[] = [];
  for (let i = 0; i < n; i++) {
    if (include && include[i] === 0) continue;
    const c = churn.churnDay[i];
    if (c !== c) {
      if (churn.churnedUndated[i] !== 0) counts.undated++;
      continue;
    }
    counts.churnedDated++;
    let s = lastOnOrBefore(snapshots, c);
    while (s >= 0 && snapshots[s].band[i] === BAND_ABSENT) s--;
    if (s < 0) {
      counts.noSnapshotBeforeChurn++;
      continue;
    }
    if (snapshots[s].band[i] !== BAND_RED) {
      counts.notRedBeforeChurn++;
      continue;
    }
    let first = s;
    for (let t = s - 1; t >= 0; t--) {
      const b = snapshots[t].band[i];
      if (b === BAND_ABSENT) continue;
      if (b !== BAND_RED) break;
      first = t;
    }
    const lead = c - snapshots[first].day;
    leadDays[i] = lead;
    found.push(lead);
    counts.withLeadTime++;
  }
  found.sort((a, b) => a - b);
  const bins = found.length ? Math.floor(found[found.length - 1] / binDays) + 1 : 0;
  const hist = new Uint32Array(bins);
  for (const d of found) hist[Math.floor(d / binDays)]++;
  return {
    leadDays,
    counts,
    histogram: { binDays, counts: hist },
    median: quantileSorted(found, 0.5),
    p25: quantileSorted(found, 0.25),
    p75: quantileSorted(found, 0.75),
  };
}

/** Index of the last snapshot dated ≤ day, or −1. */
function lastOnOrBefore(snapshots: readonly SnapshotBands[], day: number): number {
  let lo = 0;
  let hi = snapshots.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (snapshots[mid].day <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
