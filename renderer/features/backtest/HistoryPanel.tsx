// Over time: the rolling back-test (every snapshot date as T) and lead times (how long before churn
// the churned accounts turned red), both scored with the current draft. They follow the live
// numbers a moment later; while snapshots are still loading, what is loaded is shown.

import { memo, useMemo } from 'react';
import { formatInteger } from '../../lib/format';
import { historyIsStale, useBacktestStore } from './backtestStore';
import { useChartTheme } from './charts/chartTheme';
import { EChart } from '../charts/EChart';
import { leadTimeOption, rollingOption } from './charts/historyCharts';
import type { LeadTimeSummary } from './protocol';

function LeadTimeFacts({ lead }: { lead: LeadTimeSummary }) {
  const c = lead.counts;
  return (
    <p className="backtest-hint" data-testid="backtest-lead-time">
      {c.withLeadTime > 0
        ? `Median ${Math.round(lead.median)} days red before churn (middle half ${Math.round(lead.p25)}–${Math.round(lead.p75)} days), over ${formatInteger(c.withLeadTime)} of ${formatInteger(c.churnedDated)} churned accounts.`
        : `None of the ${formatInteger(c.churnedDated)} churned accounts was red in its last snapshot before churn.`}{' '}
      {formatInteger(c.notRedBeforeChurn)} were not red then
      {c.noSnapshotBeforeChurn > 0 ? `, ${formatInteger(c.noSnapshotBeforeChurn)} had no snapshot before churn` : ''}
      {c.undated > 0 ? `, ${formatInteger(c.undated)} churned without a date` : ''}.
    </p>
  );
}

/** Memoised: it reads its own store slices, so the live result's re-render need not redo it. */
export const HistoryPanel = memo(function HistoryPanel() {
  const history = useBacktestStore((s) => s.history);
  const stale = useBacktestStore(historyIsStale);
  const viewIndex = useBacktestStore((s) => s.viewIndex);
  const loaded = useBacktestStore((s) => s.loadedDates.length);
  const total = useBacktestStore((s) => s.snapshotDates.length);
  const theme = useChartTheme();
  const rolling = history?.rolling[viewIndex] ?? null;
  const lead = history?.leadTime[viewIndex] ?? null;
  const rollingChart = useMemo(() => (rolling ? rollingOption(rolling, theme) : null), [rolling, theme]);
  const leadChart = useMemo(() => (lead ? leadTimeOption(lead, theme) : null), [lead, theme]);

  return (
    <section className="backtest-card" aria-labelledby="backtest-history-title" aria-busy={stale || loaded < total}>
      <header className="backtest-card__head">
        <h3 id="backtest-history-title" className="backtest-card__title">
          Over time
        </h3>
        <span className="backtest-muted" role="status">
          {loaded < total ? `Loading snapshots ${loaded} of ${total}…` : stale || !history ? 'updating…' : `${total} snapshots`}
        </span>
      </header>
      {rollingChart && leadChart && lead ? (
        <div className={`backtest-charts backtest-charts--two${stale ? ' backtest-stale' : ''}`}>
          <figure className="backtest-chart">
            <figcaption className="backtest-card__subtitle">Rolling back-test: AUC and red recall with each snapshot as T</figcaption>
            <EChart replace className="echart" option={rollingChart} ariaLabel="AUC and red-band recall for every snapshot date as the as-of date" testId="backtest-rolling" />
          </figure>
          <figure className="backtest-chart">
            <figcaption className="backtest-card__subtitle">Lead time: days red before churn</figcaption>
            <EChart replace className="echart" option={leadChart} ariaLabel="Churned accounts by days between first turning red and churn" testId="backtest-lead-chart" />
            <LeadTimeFacts lead={lead} />
          </figure>
        </div>
      ) : (
        <p className="backtest-muted">Scoring every snapshot with the draft…</p>
      )}
    </section>
  );
});
