// Export of a scorecard as portable SQL (SQLite, DuckDB) that computes the engine's scores in a
// warehouse. Pure: no node:, no DOM.

export { DEFAULT_SNAPSHOT_COLUMN, type SqlExportOptions, scorecardToSql } from './generate';
export { SQL_DIALECTS, type SqlDialectName } from './dialect';
export { SqlExportError } from './errors';
