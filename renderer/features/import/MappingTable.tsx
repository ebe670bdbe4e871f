// The sheet's columns side by side: above each, its role and type (pre-filled) and its profile;
// below, the first rows of the file as a preview. Ignored columns are dimmed.

import type { SheetAnalysis } from '../../../shared/api';
import { FIELD_KINDS, type FieldKind } from './fieldKinds';
import { COLUMN_ROLES, ROLE_TYPES, type ColumnRole } from '../../../shared/import/mapping';
import { formatInteger } from '../../lib/format';
import { ColumnProfileView } from './ColumnProfileView';
import { ROLE_LABELS, TYPE_LABELS } from './importFormat';
import { useImportStore } from './importStore';
import { setColumnRole, setColumnType, type SheetDraft } from './mappingDraft';

/** Preview rows shown; the analysis sends a few more at most. */
const PREVIEW_ROWS = 12;

/** An events sheet's columns are its account id or ignored: its metrics come from the aggregations. */
const EVENT_ROLES: readonly ColumnRole[] = ['accountId', 'ignore'];

interface MappingTableProps {
  index: number;
  analysis: SheetAnalysis;
  draft: SheetDraft;
}

export function MappingTable({ index, analysis, draft }: MappingTableProps) {
  const update = (change: (d: SheetDraft) => SheetDraft) => useImportStore.getState().updateDraft(index, change);
  const rows = analysis.previewRows.slice(0, PREVIEW_ROWS);
  const events = draft.kind === 'events';
  const roles = events ? EVENT_ROLES : COLUMN_ROLES;
  const cellClass = (i: number) => (draft.columns[i]?.role === 'ignore' ? 'is-ignored' : undefined);

  return (
    <>
    <div className="mapping-table-scroll" role="region" aria-label={`Columns of ${analysis.source.fileName}`} tabIndex={0}>
      <table className="mapping-table" data-testid="mapping-table">
        <thead>
          <tr>
            {analysis.headers.map((header, i) => (
              <th key={header} scope="col" className={cellClass(i)} data-column={header}>
                <span className="mapping-table__header" title={header}>
                  {header}
                </span>
              </th>
            ))}
          </tr>
          <tr className="mapping-table__controls">
            {draft.columns.map((column, i) => {
              const fixedType = ROLE_TYPES[column.role];
              return (
                <td key={column.header} className={cellClass(i)}>
                  <label className="mapping-table__control">
                    <span className="import-visually-hidden">Role of “{column.header}”</span>
                    <select
                      className="select select--small"
                      value={column.role}
                      data-testid={`role-${column.header}`}
                      onChange={(e) => update((d) => setColumnRole(d, i, e.target.value as ColumnRole, analysis.profiles[i]))}
                    >
                      {roles.map((role) => (
                        <option key={role} value={role}>
                          {ROLE_LABELS[role]}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label className="mapping-table__control">
                    <span className="import-visually-hidden">Type of “{column.header}”</span>
                    <select
                      className="select select--small"
                      value={column.type}
                      // An events sheet reads its ignored columns through the events block, with this type.
                      disabled={fixedType !== null || (column.role === 'ignore' && !events)}
                      title={fixedType ? `${ROLE_LABELS[column.role]} is always read as ${TYPE_LABELS[fixedType].toLowerCase()}` : undefined}
                      data-testid={`type-${column.header}`}
                      onChange={(e) => update((d) => setColumnType(d, i, e.target.value as FieldKind, analysis.profiles[i]))}
                    >
                      {FIELD_KINDS.map((kind) => (
                        <option key={kind} value={kind}>
                          {TYPE_LABELS[kind]}
                        </option>
                      ))}
                    </select>
                  </label>
                </td>
              );
            })}
          </tr>
          <tr className="mapping-table__profiles">
            {analysis.headers.map((header, i) => (
              <td key={header} className={cellClass(i)}>
                {analysis.profiles[i] ? <ColumnProfileView profile={analysis.profiles[i]} /> : null}
              </td>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {analysis.headers.map((header, i) => (
                <td key={header} className={cellClass(i)}>
                  {row[i] ?? ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
      {analysis.rowCount > rows.length ? (
        <p className="mapping-table__more">
          Showing the first {formatInteger(rows.length)} of {formatInteger(analysis.rowCount)} rows.
        </p>
      ) : null}
    </>
  );
}
