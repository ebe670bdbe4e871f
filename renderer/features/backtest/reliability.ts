// Honest warnings (DESIGN "Back-test"): a number from fewer than 30 churned accounts, or whose 95%
// interval is wider than ±0.1, is flagged "not reliable" next to the number itself.

import type { AucResult } from '../../../shared/backtest/auc';
import { type BootstrapInterval, UNRELIABLE_HALF_WIDTH } from '../../../shared/backtest/bootstrap';
import { formatAuc } from './displayFormat';

/** Fewer churned accounts than this in a view and its numbers are not reliable. */
export const MIN_CHURNED = 30;

export interface Reliability {
  notReliable: boolean;
  reasons: string[];
}

/** `interval` null = not computed yet: only the count is judged until it arrives. */
export function reliabilityOf(auc: AucResult, interval: BootstrapInterval | null): Reliability {
  const reasons: string[] = [];
  if (auc.undefinedReason) reasons.push(`AUC undefined: ${auc.undefinedReason}`);
  else if (auc.churned < MIN_CHURNED) reasons.push(`only ${auc.churned} churned ${auc.churned === 1 ? 'account' : 'accounts'} (fewer than ${MIN_CHURNED})`);
  if (interval && !auc.undefinedReason && interval.notReliable) {
    reasons.push(
      Number.isFinite(interval.lo)
        ? `95% interval ${formatAuc(interval.lo)}–${formatAuc(interval.hi)} is wider than ±${UNRELIABLE_HALF_WIDTH}`
        : 'no bootstrap interval could be computed',
    );
  }
  return { notReliable: reasons.length > 0, reasons };
}
