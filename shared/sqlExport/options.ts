// The options of an export: which table and columns the statement reads, and the snapshot date.

import { isIsoDate } from '../dates';
import { type SqlDialectName, quoteIdent } from './dialect';
import { SqlExportError } from './errors';

export interface SqlExportOptions {
  dialect: SqlDialectName;
  /** The source table (or view): one row per account in the snapshot. */
  table: string;
  /** Optional schema of the table. */
  schema?: string;
  /** The column holding the account id (compared as text with override account keys). */
  idColumn: string;
  /**
   * The snapshot date (`YYYY-MM-DD`) for days-since metrics and override expiry. When omitted, it
   * is read from each row's `snapshotColumn` (only if the scorecard needs a date at all).
   */
  snapshotDate?: string;
  /** Default `snapshot_date`. */
  snapshotColumn?: string;
}

export const DEFAULT_SNAPSHOT_COLUMN = 'snapshot_date';

export function checkOptions(options: SqlExportOptions): void {
  for (const key of ['table', 'idColumn'] as const) {
    if (typeof options[key] !== 'string' || options[key].length === 0) throw new SqlExportError(`option ${key} must be a non-empty name`);
  }
  if (options.snapshotDate !== undefined && !isIsoDate(options.snapshotDate)) {
    throw new SqlExportError(`option snapshotDate must be a date written YYYY-MM-DD, got "${options.snapshotDate}"`);
  }
}

/** The quoted source table (schema-qualified when given) and the account-id column read from it. */
export function sourceOf(options: SqlExportOptions): { table: string; idRef: string } {
  const table = (options.schema !== undefined ? `${quoteIdent(options.schema, 'option schema')}.` : '') + quoteIdent(options.table, 'option table');
  const idRef = `src.${quoteIdent(options.idColumn, 'option idColumn')}`;
  return { table, idRef };
}
