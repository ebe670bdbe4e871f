// The accounts table's columns: the fixed ones every workspace has, then a few attribute columns
// picked from the workspace summary (the well-known ones first).

import type { ReactNode } from 'react';
import type { AccountRow, AccountSortColumn } from '../../../shared/api';
import type { FieldDef } from '../../../shared/dataset';
import { MISSING, formatAttribute, formatCurrency, humanizeFieldName } from '../../lib/format';

export interface AccountColumn {
  id: string;
  label: string;
  /** CSS grid track, e.g. `minmax(220px, 2fr)`. */
  track: string;
  /** Narrowest the track gets; the row scrolls sideways below the sum of these. */
  minWidth: number;
  align?: 'end';
  sortKey?: AccountSortColumn;
  render(row: AccountRow): ReactNode;
}

/** Shown when present, in this order, before any other attributes. */
const PREFERRED_ATTRIBUTES = ['csm_assigned', 'region', 'plan'];
/** Already a column of its own. */
const SKIPPED_ATTRIBUTES = new Set(['segment']);
const MAX_ATTRIBUTE_COLUMNS = 4;

function StatusCell({ row }: { row: AccountRow }) {
  if (!row.churned) {
    return <span className="status status--active">Active</span>;
  }
  return (
    <span className="status status--churned">
      Churned
      {row.churnDate ? <span className="status__date">{row.churnDate}</span> : null}
    </span>
  );
}

const FIXED_COLUMNS: AccountColumn[] = [
  {
    id: 'name',
    label: 'Account',
    track: 'minmax(200px, 1.7fr)',
    minWidth: 200,
    sortKey: 'name',
    render: (row) => (
      <span className="cell-text cell-text--strong" title={row.name}>
        {row.name}
      </span>
    ),
  },
  {
    id: 'key',
    label: 'ID',
    track: 'minmax(100px, 0.8fr)',
    minWidth: 100,
    sortKey: 'key',
    render: (row) => (
      <span className="cell-text cell-text--mono" title={row.key}>
        {row.key}
      </span>
    ),
  },
  {
    id: 'segment',
    label: 'Segment',
    track: 'minmax(110px, 1fr)',
    minWidth: 110,
    sortKey: 'segment',
    render: (row) => <span className="cell-text">{row.segment ?? MISSING}</span>,
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
    track: 'minmax(160px, 1.1fr)',
    minWidth: 160,
    sortKey: 'churnDate',
    render: (row) => <StatusCell row={row} />,
  },
  {
    id: 'lastSnapshot',
    label: 'Last snapshot',
    track: 'minmax(128px, 0.9fr)',
    minWidth: 128,
    render: (row) => <span className="cell-text cell-text--num">{row.lastSnapshot ?? MISSING}</span>,
  },
];

export function pickAttributeFields(attributes: readonly FieldDef[]): FieldDef[] {
  const candidates = attributes.filter((f) => !SKIPPED_ATTRIBUTES.has(f.name));
  const preferred = PREFERRED_ATTRIBUTES.map((name) => candidates.find((f) => f.name === name)).filter(
    (f): f is FieldDef => f !== undefined,
  );
  const others = candidates.filter((f) => !PREFERRED_ATTRIBUTES.includes(f.name));
  return [...preferred, ...others].slice(0, MAX_ATTRIBUTE_COLUMNS);
}

function attributeColumn(field: FieldDef): AccountColumn {
  const numeric = field.kind === 'number';
  const label = humanizeFieldName(field.name);
  // Wide enough for the (upper-case, 11px) header label, whatever the attribute is called.
  const minWidth = Math.max(numeric || field.kind === 'boolean' ? 96 : 110, Math.ceil(label.length * 7.8 + 28));
  return {
    id: `attr:${field.name}`,
    label,
    track: `minmax(${minWidth}px, ${numeric || field.kind === 'boolean' ? 0.8 : 1.1}fr)`,
    minWidth,
    align: numeric ? 'end' : undefined,
    render: (row) => (
      <span className={numeric ? 'cell-text cell-text--num' : 'cell-text'}>
        {formatAttribute(row.attributes[field.name], field.kind)}
      </span>
    ),
  };
}

export function accountColumns(attributes: readonly FieldDef[]): AccountColumn[] {
  return [...FIXED_COLUMNS, ...pickAttributeFields(attributes).map(attributeColumn)];
}
