// `healthscore export-sql`: writes a scorecard file as one SELECT statement (SQLite or DuckDB) that
// computes the same scores from a table of accounts. Parses its own options:
//   --scorecard S.json (required)   --dialect sqlite|duckdb (sqlite)   --table NAME (accounts)
//   --schema NAME   --id-column NAME (account_id)   --out FILE (default: standard output)
//   --snapshot-date YYYY-MM-DD, or --snapshot-column NAME (snapshot_date): the snapshot date for
//   days-since metrics and override expiry, fixed in the SQL or read from each row.

import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { ApiError } from '../../shared/api';
import { isIsoDate } from '../../shared/dates';
import { DEFAULT_SNAPSHOT_COLUMN, SQL_DIALECTS, SqlExportError, type SqlDialectName, scorecardToSql } from '../../shared/sqlExport';
import { oneOf, requireOption, UsageError } from './args';
import { readScorecardFile } from './scoreCommand';

const OPTIONS = {
  scorecard: { type: 'string' },
  dialect: { type: 'string' },
  table: { type: 'string' },
  schema: { type: 'string' },
  'id-column': { type: 'string' },
  'snapshot-date': { type: 'string' },
  'snapshot-column': { type: 'string' },
  out: { type: 'string' },
} as const;

export const EXPORT_SQL_DEFAULTS = { dialect: 'sqlite' as SqlDialectName, table: 'accounts', idColumn: 'account_id' };

function nonEmpty(value: string | undefined, name: string): string | undefined {
  if (value !== undefined && value.trim() === '') throw new UsageError(`--${name} must not be empty`);
  return value;
}

/** Runs the command on its arguments (after `export-sql`); resolves to the exit code once written. */
export async function runExportSql(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const v = parsed.values;
  const file = requireOption(v.scorecard, 'scorecard');
  const dialect = oneOf(v.dialect, 'dialect', SQL_DIALECTS, EXPORT_SQL_DEFAULTS.dialect);
  const snapshotDate = nonEmpty(v['snapshot-date'], 'snapshot-date');
  if (snapshotDate !== undefined && !isIsoDate(snapshotDate)) throw new UsageError(`--snapshot-date must be a date written YYYY-MM-DD, got "${snapshotDate}"`);
  const snapshotColumn = nonEmpty(v['snapshot-column'], 'snapshot-column');
  if (snapshotDate !== undefined && snapshotColumn !== undefined) throw new UsageError('give --snapshot-date or --snapshot-column, not both');
  const options = {
    dialect,
    table: nonEmpty(v.table, 'table') ?? EXPORT_SQL_DEFAULTS.table,
    schema: nonEmpty(v.schema, 'schema'),
    idColumn: nonEmpty(v['id-column'], 'id-column') ?? EXPORT_SQL_DEFAULTS.idColumn,
    snapshotDate,
    snapshotColumn: snapshotColumn ?? DEFAULT_SNAPSHOT_COLUMN,
  };

  const scorecard = readScorecardFile(file); // ApiError (exit 1) naming the file and every problem
  let sql: string;
  try {
    sql = scorecardToSql(scorecard, options);
  } catch (err) {
    if (err instanceof SqlExportError) throw new ApiError('invalid_argument', `"${file}" cannot be exported to SQL: ${err.message}`);
    throw err;
  }
  if (v.out === undefined) {
    // Wait for the write: the CLI exits right after, and a pipe may still be draining.
    await new Promise<void>((resolve, reject) => process.stdout.write(sql, (err) => (err ? reject(err) : resolve())));
  } else {
    fs.writeFileSync(nonEmpty(v.out, 'out')!, sql);
    console.log(`Wrote ${dialect} SQL for "${scorecard.name}" to ${v.out}`);
  }
  return 0;
}
