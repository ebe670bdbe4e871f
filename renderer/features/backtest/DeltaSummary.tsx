// The what-if's verdict: ΔAUC with its paired bootstrap interval (both scorecards resampled with
// the same accounts), and the change in churned accounts and churned ARR caught in red.

import type { PairedBootstrap } from '../../../shared/backtest/bootstrap';
import { formatAuc, formatAucDelta, formatMoney, formatRate, formatSignedInteger, formatSignedMoney } from './displayFormat';
import { formatInteger } from '../../lib/format';
import type { ViewStats, WhatIfView } from './protocol';
import { captureChanges } from './whatIfSummary';

interface DeltaSummaryProps {
  view: ViewStats;
  whatIf: WhatIfView;
  baselineLabel: string;
  /** null while the paired bootstrap runs. */
  difference: PairedBootstrap | null;
}

function DeltaVerdict({ difference }: { difference: PairedBootstrap }) {
  const d = difference.difference;
  if (!Number.isFinite(d.lo)) return <p className="backtest-warning">No interval: one of the scorecards has no AUC on these accounts.</p>;
  if (d.notReliable) return <p className="backtest-warning"><span className="backtest-badge backtest-badge--warning">Not reliable</span> the interval is wider than ±0.1.</p>;
  if (d.lo <= 0 && d.hi >= 0) return <p className="backtest-hint">The interval includes 0: this difference could be noise.</p>;
  return <p className="backtest-hint">{d.lo > 0 ? 'The draft ranks churn better than the baseline on these accounts.' : 'The draft ranks churn worse than the baseline on these accounts.'}</p>;
}

export function DeltaSummary({ view, whatIf, baselineLabel, difference }: DeltaSummaryProps) {
  const point = view.auc.auc - whatIf.auc.auc;
  const delta = difference ? difference.difference.estimate : point;
  const c = captureChanges(view.bands, whatIf.bands);
  return (
    <div className="backtest-delta" data-testid="backtest-delta">
      <div className="backtest-delta__auc">
        <span className="backtest-delta__label">ΔAUC</span>
        <span className="backtest-delta__value" data-testid="backtest-delta-auc" data-delta={String(delta)}>
          {formatAucDelta(delta)}
        </span>
        <span className="backtest-headline__ci">
          {difference
            ? `paired 95% CI ${formatAucDelta(difference.difference.lo)} to ${formatAucDelta(difference.difference.hi)}`
            : 'paired 95% CI computing…'}
        </span>
        <span className="backtest-delta__pair">
          draft {formatAuc(view.auc.auc)} vs {baselineLabel} {formatAuc(whatIf.auc.auc)}
        </span>
      </div>
      {difference ? <DeltaVerdict difference={difference} /> : null}
      <dl className="backtest-delta__changes">
        <div>
          <dt>Churned accounts caught in red</dt>
          <dd data-testid="delta-red-churned">
            {formatSignedInteger(c.redChurned.delta)}{' '}
            <span className="backtest-muted">
              ({formatInteger(c.redChurned.baseline)} → {formatInteger(c.redChurned.draft)}, recall {formatRate(c.redRecall.baseline)} → {formatRate(c.redRecall.draft)})
            </span>
          </dd>
        </div>
        <div>
          <dt>Churned ARR caught in red</dt>
          <dd data-testid="delta-red-arr">
            {formatSignedMoney(c.redChurnedArr.delta)}{' '}
            <span className="backtest-muted">
              ({formatMoney(c.redChurnedArr.baseline)} → {formatMoney(c.redChurnedArr.draft)})
            </span>
          </dd>
        </div>
        <div>
          <dt>Red accounts to follow up</dt>
          <dd>
            {formatSignedInteger(c.redAccounts.delta)}{' '}
            <span className="backtest-muted">
              ({formatInteger(c.redAccounts.baseline)} → {formatInteger(c.redAccounts.draft)}, churn rate in red {formatRate(c.redChurnRate.baseline)} → {formatRate(c.redChurnRate.draft)})
            </span>
          </dd>
        </div>
      </dl>
    </div>
  );
}
