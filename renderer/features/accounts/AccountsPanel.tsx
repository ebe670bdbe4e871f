// The accounts view: toolbar (search, segment and band filters, how many match), the virtualized
// table of scored accounts, "Biggest drops" beside it, and the drawer of the chosen account.

import { useEffect, useMemo, useState } from 'react';
import { segmentList } from '../../../shared/scorecard/resolve';
import type { WorkspaceSummary } from '../../../shared/api';
import { formatCount, formatInteger } from '../../lib/format';
import { useDesignerStore } from '../designer/designerStore';
import { useScoringStore } from '../scoring/scoringStore';
import { AccountDrawer } from './AccountDrawer';
import { AccountsFilters } from './AccountsFilters';
import { AccountsSearch } from './AccountsSearch';
import { AccountsTable } from './AccountsTable';
import { useAccountsStore } from './accountsStore';
import { BiggestDrops } from './BiggestDrops';
import { accountColumns } from './columns';

export function AccountsPanel({ summary }: { summary: WorkspaceSummary }) {
  const scorecard = useDesignerStore((s) => s.history?.present ?? null);
  const scoring = useScoringStore((s) => s.summary);
  const scoringStatus = useScoringStore((s) => s.status);
  const scoringMessage = useScoringStore((s) => s.message);
  const namesReady = useScoringStore((s) => s.namesReady);
  const total = useAccountsStore((s) => s.total);
  const query = useAccountsStore((s) => s.query);
  const openIndex = useAccountsStore((s) => s.openIndex);
  const failedCount = useAccountsStore((s) => s.failedPages.length);
  const { retryFailed, scoresChanged } = useAccountsStore.getState();
  const [showDrops, setShowDrops] = useState(false);

  const labels = useMemo(() => new Map(scorecard ? segmentList(scorecard).map((s) => [s.id, s.label]) : []), [scorecard]);
  const columns = useMemo(() => accountColumns((id) => labels.get(id) ?? id), [labels]);

  const ensureNames = useScoringStore((s) => s.ensureNames);
  useEffect(() => ensureNames(), [ensureNames, scoringStatus]);

  // New scores or names: refresh the rows on screen in place.
  const revision = scoring?.revision ?? 0;
  useEffect(() => {
    if (revision) scoresChanged();
  }, [revision, namesReady, scoresChanged]);

  if (!scorecard || !scoring) {
    return (
      <p className="loading-state" role="status">
        {scoringStatus === 'loading' || scoringStatus === 'idle' ? 'Scoring the accounts…' : scoringMessage ?? 'No scores to show.'}
      </p>
    );
  }

  const filtered = query.search !== '' || query.segmentId !== null || query.bands !== null;
  const emptyMessage = query.search ? `No accounts match “${query.search}” with these filters.` : 'No accounts match these filters.';

  return (
    <div className="accounts-view">
      <section className="accounts-panel" aria-labelledby="accounts-title">
        <div className="toolbar">
          <h2 id="accounts-title" className="toolbar__title">
            Accounts
          </h2>
          <AccountsSearch />
          <AccountsFilters scorecard={scorecard} summary={scoring} />
          <span className="toolbar__spacer" />
          {failedCount > 0 ? (
            <button type="button" className="button button--small" onClick={retryFailed}>
              Retry loading rows
            </button>
          ) : null}
          <p className="toolbar__count" aria-live="polite">
            <span data-testid="accounts-count">{total === null ? 'Loading…' : formatCount(total, 'account')}</span>
            {filtered && total !== null ? <span className="toolbar__count-of"> of {formatInteger(summary.accountCount)}</span> : null}
          </p>
          <button type="button" className="button button--small" aria-pressed={showDrops} onClick={() => setShowDrops((v) => !v)}>
            Biggest drops
          </button>
        </div>
        <AccountsTable columns={columns} emptyMessage={emptyMessage} />
      </section>
      {showDrops ? <BiggestDrops scorecard={scorecard} revision={scoring.revision} segmentLabel={(id) => labels.get(id) ?? id} /> : null}
      {openIndex !== null ? <AccountDrawer index={openIndex} revision={scoring.revision} /> : null}
    </div>
  );
}
