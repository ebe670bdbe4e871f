// The scenario table's rows: each scorecard's headline numbers, its AUC interval when computed, and
// how it compares with the draft (the first row), formatted for reading.

import type { BootstrapInterval } from '../../../shared/backtest/bootstrap';
import { formatInteger } from '../../lib/format';
import type { ScenarioRow } from './backtestStore';
import { formatAuc, formatAucDelta, formatInterval, formatMoney, formatRate } from './displayFormat';
import type { ScenarioPoint } from './protocol';
import { MIN_CHURNED } from './reliability';

export function withIntervals(points: readonly ScenarioPoint[], intervals: readonly (BootstrapInterval | null)[] | null): ScenarioRow[] {
  return points.map((p, i) => ({ ...p, interval: intervals?.[i] ?? null }));
}

export interface ScenarioCells {
  id: string;
  label: string;
  error: string | null;
  auc: string;
  ci: string;
  /** AUC minus the draft's (empty for the draft itself). */
  vsDraft: string;
  redRecall: string;
  redChurnRate: string;
  redChurnedArr: string;
  churned: string;
  notReliable: boolean;
}

/** `intervalsPending`: intervals are still being computed (shown as "computing…", not as missing). */
export function scenarioCells(rows: readonly ScenarioRow[], intervalsPending: boolean): ScenarioCells[] {
  const draftAuc = rows[0]?.auc ?? Number.NaN;
  return rows.map((r, i) => ({
    id: r.id,
    label: r.label,
    error: r.error,
    auc: formatAuc(r.auc),
    ci: r.interval ? formatInterval(r.interval.lo, r.interval.hi) : r.error ? '' : intervalsPending ? 'computing…' : '—',
    vsDraft: i === 0 ? '' : formatAucDelta(r.auc - draftAuc),
    redRecall: formatRate(r.redRecall),
    redChurnRate: formatRate(r.redChurnRate),
    redChurnedArr: `${formatMoney(r.redChurnedArr)} of ${formatMoney(r.churnedArr)}`,
    churned: Number.isFinite(r.churned) ? formatInteger(r.churned) : '',
    notReliable: !r.error && (r.churned < MIN_CHURNED || !!r.interval?.notReliable),
  }));
}
