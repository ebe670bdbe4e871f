// The headline: AUC of the chosen view with its 95% bootstrap interval (arriving a moment after
// the point estimate), the reliability verdict beside it, and who was counted.

import type { BootstrapInterval } from '../../../shared/backtest/bootstrap';
import { formatCount, formatInteger } from '../../lib/format';
import { formatAuc, formatDay, formatInterval } from './displayFormat';
import type { EvaluateResult, ViewStats } from './protocol';
import { ReliabilityNote } from './ReliabilityNote';
import { reliabilityOf } from './reliability';

interface AucSummaryProps {
  result: EvaluateResult;
  view: ViewStats;
  /** null while the bootstrap runs. */
  interval: BootstrapInterval | null;
  intervalError: string | null;
  /** A newer request is being computed. */
  updating: boolean;
}

function Population({ result, view }: { result: EvaluateResult; view: ViewStats }) {
  const { labels } = result;
  const left = [
    [labels.excludedChurnedBefore, 'churned on or before T'],
    [labels.excludedAbsent, 'not in the snapshot'],
    [labels.excludedUndatedChurn, 'churned, date unknown'],
    [labels.excludedOverride, 'overridden'],
  ].filter(([count]) => (count as number) > 0);
  return (
    <p className="backtest-population">
      <span data-testid="backtest-population">
        {formatCount(view.bands.total.accounts, 'account')} labelled: {formatInteger(view.bands.total.churned)} churned in ({formatDay(result.windowStartDay)},{' '}
        {formatDay(result.windowEndDay)}], {formatInteger(view.bands.total.accounts - view.bands.total.churned)} retained.
      </span>
      {left.length > 0 ? <span> Left out{view.label === 'All accounts' ? '' : ' (all segments)'}: {left.map(([count, why]) => `${formatInteger(count as number)} ${why}`).join(', ')}.</span> : null}
    </p>
  );
}

export function AucSummary({ result, view, interval, intervalError, updating }: AucSummaryProps) {
  const auc = view.auc;
  const reliability = reliabilityOf(auc, interval);
  return (
    <section className="backtest-card backtest-headline" aria-labelledby="backtest-auc-title" aria-busy={updating}>
      <div className="backtest-headline__row">
        <h3 id="backtest-auc-title" className="backtest-headline__label">
          AUC <span className="backtest-headline__scope">{view.label}</span>
        </h3>
        <span className="backtest-headline__value" data-testid="backtest-auc" data-auc={Number.isFinite(auc.auc) ? String(auc.auc) : ''}>
          {formatAuc(auc.auc)}
        </span>
        <span className="backtest-headline__ci" data-testid="backtest-auc-ci">
          {auc.undefinedReason
            ? auc.undefinedReason
            : interval
              ? `95% CI ${formatInterval(interval.lo, interval.hi)}`
              : intervalError
                ? `CI failed: ${intervalError}`
                : '95% CI computing…'}
        </span>
        {updating ? <span className="backtest-headline__updating" role="status">updating…</span> : null}
      </div>
      <ReliabilityNote reliability={reliability} />
      <p className="backtest-hint">
        The chance that a retained account scored higher than a churned one: 0.5 is a coin toss, 1 ranks every churned account below every retained one.
      </p>
      <Population result={result} view={view} />
    </section>
  );
}
