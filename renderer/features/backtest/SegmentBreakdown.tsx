// Every view side by side (all accounts, then each segment): AUC with its interval, churned
// accounts, how the red band did, and whether the numbers can be trusted. A row selects the view
// the rest of the panel shows.

import type { BootstrapInterval } from '../../../shared/backtest/bootstrap';
import { formatInteger } from '../../lib/format';
import { setView } from './backtestSession';
import { formatAuc, formatInterval, formatMoney, formatRate } from './displayFormat';
import type { ViewStats } from './protocol';
import { ReliabilityNote } from './ReliabilityNote';
import { reliabilityOf } from './reliability';

interface SegmentBreakdownProps {
  views: ViewStats[];
  /** Per view; null while the bootstrap runs. */
  intervals: (BootstrapInterval | null)[] | null;
  selected: number;
}

export function SegmentBreakdown({ views, intervals, selected }: SegmentBreakdownProps) {
  return (
    <section className="backtest-card" aria-labelledby="backtest-segments-title">
      <h3 id="backtest-segments-title" className="backtest-card__title">
        By segment
      </h3>
      <table className="data-table backtest-table backtest-table--selectable" data-testid="backtest-segments">
        <thead>
          <tr>
            <th scope="col">Segment</th>
            <th scope="col">AUC</th>
            <th scope="col">95% CI</th>
            <th scope="col">Churned / labelled</th>
            <th scope="col">Red recall</th>
            <th scope="col">Red churn rate</th>
            <th scope="col">Churned ARR in red</th>
            <th scope="col">
              <span className="visually-hidden">Reliability</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {views.map((v, i) => {
            const interval = intervals?.[i] ?? null;
            const red = v.bands.rows[0];
            return (
              <tr key={i} aria-selected={i === selected} data-view={i}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => setView(i)} aria-pressed={i === selected}>
                    {v.label}
                  </button>
                </th>
                <td>{formatAuc(v.auc.auc)}</td>
                <td>{interval ? formatInterval(interval.lo, interval.hi) : v.auc.undefinedReason ? '—' : 'computing…'}</td>
                <td>
                  {formatInteger(v.bands.total.churned)} / {formatInteger(v.bands.total.accounts)}
                </td>
                <td>{formatRate(red.recall)}</td>
                <td>{formatRate(red.churnRate)}</td>
                <td>{formatMoney(red.churnedArr)}</td>
                <td>
                  <ReliabilityNote reliability={reliabilityOf(v.auc, interval)} compact />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
