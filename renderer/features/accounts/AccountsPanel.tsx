// The accounts section: toolbar (search, how many match) above the virtualized table.

import { useMemo } from 'react';
import type { WorkspaceSummary } from '../../../shared/api';
import { formatCount, formatInteger } from '../../lib/format';
import { AccountsSearch } from './AccountsSearch';
import { AccountsTable } from './AccountsTable';
import { useAccountsStore } from './accountsStore';
import { accountColumns } from './columns';

export function AccountsPanel({ summary }: { summary: WorkspaceSummary }) {
  const columns = useMemo(() => accountColumns(summary.attributes), [summary.attributes]);
  const total = useAccountsStore((s) => s.total);
  const query = useAccountsStore((s) => s.query);
  const failedCount = useAccountsStore((s) => s.failedPages.length);
  const retryFailed = useAccountsStore((s) => s.retryFailed);
  const setSegment = useAccountsStore((s) => s.setSegment);
  const filtered = query.search !== '' || query.segment !== null;

  const emptyMessage = query.search
    ? `No accounts match “${query.search}”${query.segment ? ` in ${query.segment}` : ''}.`
    : 'No accounts to show.';

  return (
    <section className="accounts-panel" aria-labelledby="accounts-title">
      <div className="toolbar">
        <h2 id="accounts-title" className="toolbar__title">
          Accounts
        </h2>
        <AccountsSearch />
        {query.segment !== null ? (
          <button
            type="button"
            className="chip chip--filter"
            aria-label={`Remove segment filter ${query.segment}`}
            onClick={() => setSegment(null)}
          >
            Segment: {query.segment} <span aria-hidden="true">×</span>
          </button>
        ) : null}
        <span className="toolbar__spacer" />
        {failedCount > 0 ? (
          <button type="button" className="button button--small" onClick={retryFailed}>
            Retry loading rows
          </button>
        ) : null}
        <p className="toolbar__count" aria-live="polite">
          <span data-testid="accounts-count">{total === null ? 'Loading…' : formatCount(total, 'account')}</span>
          {filtered && total !== null ? (
            <span className="toolbar__count-of"> of {formatInteger(summary.accountCount)}</span>
          ) : null}
        </p>
      </div>
      <AccountsTable columns={columns} emptyMessage={emptyMessage} />
    </section>
  );
}
