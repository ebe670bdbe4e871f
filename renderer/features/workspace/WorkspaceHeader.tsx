// The page header: which workspace this is and what is in it.

import type { WorkspaceSummary } from '../../../shared/api';
import { formatCount, formatCurrencyCompact, formatDateRange, formatInteger, formatPercent } from '../../lib/format';

export function WorkspaceHeader({ summary }: { summary: WorkspaceSummary }) {
  const dates = summary.snapshotDates;
  return (
    <section className="workspace-header" aria-labelledby="workspace-title">
      <div className="workspace-header__title-row">
        <h1 id="workspace-title" className="workspace-header__title">
          <span data-testid="workspace-name">{summary.name}</span>
        </h1>
        {summary.isDemo ? (
          <span className="badge badge--accent" data-testid="demo-badge" title="Generated sample data">
            Demo
          </span>
        ) : null}
      </div>
      <dl className="stats">
        <div className="stat">
          <dt>Accounts</dt>
          <dd data-testid="account-count">{formatInteger(summary.accountCount)}</dd>
        </div>
        <div className="stat">
          <dt>Churned</dt>
          <dd data-testid="churned-count">
            {formatInteger(summary.churnedCount)}
            <span className="stat__aside">{formatPercent(summary.churnedCount, summary.accountCount)}</span>
          </dd>
        </div>
        <div className="stat">
          <dt>Total ARR</dt>
          <dd data-testid="total-arr">{formatCurrencyCompact(summary.totalArr)}</dd>
        </div>
        <div className="stat">
          <dt>History</dt>
          <dd data-testid="snapshot-range">
            {formatCount(dates.length, 'snapshot')}
            {dates.length > 0 ? <span className="stat__aside"> · {formatDateRange(dates)}</span> : null}
          </dd>
        </div>
      </dl>
    </section>
  );
}
