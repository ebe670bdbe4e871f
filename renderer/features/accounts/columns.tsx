// The scored accounts table's columns: who the account is, its segment, and what the draft makes of
// it (score, band, change since the previous snapshot, coverage), then ARR and churn status.

import type { ReactNode } from 'react';
import { MISSING, formatCurrency } from '../../lib/format';
import type { ScoredAccount, ScoredSortColumn } from '../scoring/protocol';
import { BandChip } from './BandChip';

export interface AccountColumn {
  id: string;
  label: string;
  /** CSS grid track, e.g. `minmax(220px, 2fr)`. */
  track: string;
  /** Narrowest the track gets; the row scrolls sideways below the sum of these. */
  minWidth: number;
  align?: 'end';
  sortKey?: ScoredSortColumn;
  render(row: ScoredAccount): ReactNode;
}

export function formatScore(score: number | null): string {
  return score === null ? MISSING : score.toFixed(1);
}

export function formatChange(change: number | null): string {
  if (change === null) return MISSING;
  const rounded = Math.round(change * 10) / 10;
  if (rounded === 0) return '0.0';
  return rounded > 0 ? `+${rounded.toFixed(1)}` : `−${(-rounded).toFixed(1)}`;
}

function ChangeCell({ change }: { change: number | null }) {
  const tone = change === null || Math.abs(change) < 0.05 ? '' : change < 0 ? ' change--down' : ' change--up';
  return <span className={`cell-text cell-text--num change${tone}`}>{formatChange(change)}</span>;
}

export function accountColumns(segmentLabel: (id: string) => string): AccountColumn[] {
  return [
    {
      id: 'name',
      label: 'Account',
      track: 'minmax(200px, 1.8fr)',
      minWidth: 200,
      sortKey: 'name',
      render: (row) => (
        <span className="cell-text cell-text--strong" title={row.name ?? row.key}>
          {row.name ?? row.key}
        </span>
      ),
    },
    {
      id: 'key',
      label: 'ID',
      track: 'minmax(96px, 0.8fr)',
      minWidth: 96,
      sortKey: 'key',
      render: (row) => <span className="cell-text cell-text--mono">{row.key}</span>,
    },
    {
      id: 'segment',
      label: 'Segment',
      track: 'minmax(110px, 1fr)',
      minWidth: 110,
      sortKey: 'segment',
      render: (row) => <span className="cell-text">{segmentLabel(row.segmentId)}</span>,
    },
    {
      id: 'score',
      label: 'Score',
      track: 'minmax(88px, 0.6fr)',
      minWidth: 88,
      align: 'end',
      sortKey: 'score',
      render: (row) => <span className="cell-text cell-text--num cell-text--strong">{formatScore(row.score)}</span>,
    },
    {
      id: 'band',
      label: 'Band',
      track: 'minmax(104px, 0.8fr)',
      minWidth: 104,
      sortKey: 'band',
      render: (row) => <BandChip band={row.band} />,
    },
    {
      id: 'change',
      label: 'Change',
      track: 'minmax(100px, 0.7fr)',
      minWidth: 100,
      align: 'end',
      sortKey: 'change',
      render: (row) => <ChangeCell change={row.change} />,
    },
    {
      id: 'coverage',
      label: 'Coverage',
      track: 'minmax(112px, 0.7fr)',
      minWidth: 112,
      align: 'end',
      sortKey: 'coverage',
      render: (row) => <span className="cell-text cell-text--num">{row.coverage === null ? MISSING : `${Math.round(row.coverage * 100)}%`}</span>,
    },
    {
      id: 'arr',
      label: 'ARR',
      track: 'minmax(100px, 0.8fr)',
      minWidth: 100,
      align: 'end',
      sortKey: 'arr',
      render: (row) => <span className="cell-text cell-text--num">{formatCurrency(row.arr)}</span>,
    },
    {
      id: 'status',
      label: 'Status',
      track: 'minmax(90px, 0.7fr)',
      minWidth: 90,
      render: (row) => (row.churned ? <span className="status status--churned">Churned</span> : <span className="status status--active">Active</span>),
    },
  ];
}
