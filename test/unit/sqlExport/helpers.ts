// Running generated SQL in SQLite (better-sqlite3) and DuckDB over rows loaded into a table, and
// comparing the result with the engine account by account.

import Database from 'better-sqlite3';
import { DuckDBInstance } from '@duckdb/node-api';
import { expect } from 'vitest';
import type { DatasetColumn, FieldKind } from '../../../shared/dataset';
import { epochDayToIso, isoToEpochDay } from '../../../shared/dates';
import { BAND_NAMES } from '../../../shared/scorecard/bands';
import type { Scorecard } from '../../../shared/scorecard/types';
import type { ScoringData } from '../../../shared/scoring/data';
import { ScoringEngine } from '../../../shared/scoring/engine';
import { buildSubScoreMatrix } from '../../../shared/scoring/matrix';
import { parseBooleanText, parseDateText, parseNumberText } from '../../../shared/scoring/values';
import { type SqlExportOptions, scorecardToSql } from '../../../shared/sqlExport';

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

/** Column → SQL type for typed tables; columns not listed are untyped (SQLite) / VARCHAR (DuckDB). */
export type ColumnTypes = Record<string, string>;

export interface SqlRow {
  account_id: string;
  segment: string;
  score: number | null;
  band: string;
  coverage: number;
  overridden: number;
  grade?: string | null;
  [sub: string]: unknown;
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function columnsOf(rows: Row[]): string[] {
  const names: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!names.includes(k)) names.push(k);
  return names;
}

/** Loads rows into `table` (columns without a declared type keep each value's own type) and runs `sql`. */
export function runSqlite(sql: string, rows: Row[], table: string, types: ColumnTypes = {}): SqlRow[] {
  const db = new Database(':memory:');
  try {
    const cols = columnsOf(rows);
    db.exec(`CREATE TABLE ${quote(table)} (${cols.map((c) => `${quote(c)}${types[c] ? ` ${types[c]}` : ''}`).join(', ')})`);
    const insert = db.prepare(`INSERT INTO ${quote(table)} VALUES (${cols.map(() => '?').join(', ')})`);
    db.transaction(() => {
      for (const r of rows) insert.run(cols.map((c) => (typeof r[c] === 'boolean' ? (r[c] ? 1 : 0) : (r[c] ?? null))));
    })();
    return db.prepare(sql).all() as SqlRow[];
  } finally {
    db.close();
  }
}

function duckLiteral(v: Cell, type: string | undefined): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number') return Number.isFinite(v) ? `CAST('${v}' AS DOUBLE)` : `CAST('${v > 0 ? 'inf' : v < 0 ? '-inf' : 'nan'}' AS DOUBLE)`;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const s = `'${v.replace(/'/g, "''")}'`;
  return type ? `CAST(${s} AS ${type})` : s;
}

/** Loads rows into a DuckDB table (VARCHAR unless typed) and runs `sql`. */
export async function runDuckdb(sql: string, rows: Row[], table: string, types: ColumnTypes = {}): Promise<SqlRow[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  try {
    const cols = columnsOf(rows);
    await c.run(`CREATE TABLE ${quote(table)} (${cols.map((col) => `${quote(col)} ${types[col] ?? 'VARCHAR'}`).join(', ')})`);
    for (let start = 0; start < rows.length; start += 1000) {
      const chunk = rows.slice(start, start + 1000);
      const values = chunk.map((r) => `(${cols.map((col) => duckLiteral(r[col] ?? null, types[col])).join(', ')})`);
      await c.run(`INSERT INTO ${quote(table)} VALUES ${values.join(', ')}`);
    }
    const result = await c.runAndReadAll(sql);
    return result.getRowObjectsJS() as unknown as SqlRow[];
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

export interface EngineRow {
  key: string;
  segment: string;
  score: number;
  band: string;
  coverage: number;
  overridden: number;
  subs: Record<string, number>;
}

/** The engine's results for the present accounts. */
export function engineRows(sc: Scorecard, data: ScoringData): EngineRow[] {
  const matrix = buildSubScoreMatrix(sc, data);
  const engine = new ScoringEngine(sc, matrix);
  const out: EngineRow[] = [];
  for (let i = 0; i < matrix.accountCount; i++) {
    if (!matrix.present[i]) continue;
    out.push({
      key: data.keys[i],
      segment: matrix.segmentIds[matrix.segment[i]],
      score: engine.score[i],
      band: BAND_NAMES[engine.band[i]],
      coverage: engine.coverageOf(i),
      overridden: engine.overrides.mask[i],
      subs: Object.fromEntries(matrix.metricIds.map((id, m) => [id, matrix.columns[m][i]])),
    });
  }
  return out;
}

export interface Comparison {
  accounts: number;
  maxScoreDiff: number;
  maxCoverageDiff: number;
  maxSubScoreDiff: number;
  unscored: number;
  overridden: number;
  bands: Record<string, number>;
  segments: Record<string, number>;
}

const num = (v: unknown): number => (v === null || v === undefined ? Number.NaN : Number(v));

/**
 * Compares SQL rows with the engine's: every account once, same segment, unscored alike, scores
 * within 1e-9, identical bands and override flags, coverage within 1e-12, sub-scores within 1e-9.
 */
export function compareWithEngine(sqlRows: SqlRow[], expected: EngineRow[]): Comparison {
  const byKey = new Map(sqlRows.map((r) => [String(r.account_id), r]));
  expect(byKey.size).toBe(sqlRows.length);
  expect(sqlRows.length).toBe(expected.length);
  const problems: string[] = [];
  const cmp: Comparison = { accounts: 0, maxScoreDiff: 0, maxCoverageDiff: 0, maxSubScoreDiff: 0, unscored: 0, overridden: 0, bands: {}, segments: {} };
  for (const e of expected) {
    const r = byKey.get(e.key);
    if (!r) {
      problems.push(`${e.key}: missing from the SQL result`);
      continue;
    }
    cmp.accounts++;
    if (r.segment !== e.segment) problems.push(`${e.key}: segment ${r.segment} vs ${e.segment}`);
    const s = num(r.score);
    if (Number.isNaN(s) !== Number.isNaN(e.score)) problems.push(`${e.key}: score ${r.score} vs ${e.score}`);
    else if (!Number.isNaN(s)) cmp.maxScoreDiff = Math.max(cmp.maxScoreDiff, Math.abs(s - e.score));
    if (Number.isNaN(e.score)) cmp.unscored++;
    if (r.band !== e.band) problems.push(`${e.key}: band ${r.band} vs ${e.band} (score ${r.score} vs ${e.score})`);
    cmp.bands[e.band] = (cmp.bands[e.band] ?? 0) + 1;
    cmp.segments[e.segment] = (cmp.segments[e.segment] ?? 0) + 1;
    cmp.maxCoverageDiff = Math.max(cmp.maxCoverageDiff, Math.abs(num(r.coverage) - e.coverage));
    if (Number(r.overridden) !== e.overridden) problems.push(`${e.key}: overridden ${r.overridden} vs ${e.overridden}`);
    cmp.overridden += e.overridden;
    for (const [id, v] of Object.entries(e.subs)) {
      const got = num(r[`sub_${id}`]);
      if (Number.isNaN(got) !== Number.isNaN(v)) problems.push(`${e.key}: sub_${id} ${got} vs ${v}`);
      else if (!Number.isNaN(v)) cmp.maxSubScoreDiff = Math.max(cmp.maxSubScoreDiff, Math.abs(got - v));
    }
  }
  expect(problems.slice(0, 12)).toEqual([]);
  expect(cmp.maxScoreDiff).toBeLessThanOrEqual(1e-9);
  expect(cmp.maxCoverageDiff).toBeLessThanOrEqual(1e-12);
  expect(cmp.maxSubScoreDiff).toBeLessThanOrEqual(1e-9);
  return cmp;
}

/** Exports, runs in both databases and compares with the engine; returns both comparisons. */
export async function checkBoth(
  sc: Scorecard,
  data: ScoringData,
  rows: Row[],
  options: Omit<SqlExportOptions, 'dialect'>,
  types: { sqlite?: ColumnTypes; duckdb?: ColumnTypes } = {},
): Promise<{ sqlite: Comparison; duckdb: Comparison }> {
  const expected = engineRows(sc, data);
  const sqlite = compareWithEngine(runSqlite(scorecardToSql(sc, { ...options, dialect: 'sqlite' }), rows, options.table, types.sqlite), expected);
  const duckdb = compareWithEngine(await runDuckdb(scorecardToSql(sc, { ...options, dialect: 'duckdb' }), rows, options.table, types.duckdb), expected);
  return { sqlite, duckdb };
}

/** Engine data from text rows: every column but the id, read per `kinds` (default text) like an import would. */
export function dataFromRows(rows: Record<string, string | null>[], idColumn: string, kinds: Record<string, FieldKind>, snapshotDate: string): ScoringData {
  const names = columnsOf(rows as Row[]).filter((c) => c !== idColumn);
  const metrics: DatasetColumn[] = names.map((name) => {
    const kind = kinds[name] ?? 'text';
    const cells = rows.map((r) => r[name] ?? null);
    const parse = kind === 'number' ? parseNumberText : kind === 'boolean' ? parseBooleanText : kind === 'date' ? parseDateText : null;
    return { field: { name, kind }, values: parse ? Float64Array.from(cells, parse) : cells };
  });
  return { keys: rows.map((r) => String(r[idColumn])), attributes: [], metrics, snapshotDay: isoToEpochDay(snapshotDate) };
}

/**
 * The same rows as typed cells: numbers as numbers, booleans as true/false, dates as ISO text
 * (typed DATE in DuckDB via the column types), missing as NULL. Columns not in `kinds` stay text.
 */
export function typedRows(rows: Record<string, string | null>[], kinds: Record<string, FieldKind>): Row[] {
  return rows.map((r) => {
    const out: Row = {};
    for (const [k, v] of Object.entries(r)) {
      const kind = kinds[k];
      if (kind === 'number') out[k] = Number.isNaN(parseNumberText(v)) ? null : parseNumberText(v);
      else if (kind === 'boolean') out[k] = Number.isNaN(parseBooleanText(v)) ? null : parseBooleanText(v) === 1;
      else if (kind === 'date') out[k] = Number.isNaN(parseDateText(v)) ? null : epochDayToIso(parseDateText(v));
      else out[k] = v;
    }
    return out;
  });
}

/** DuckDB column types for `typedRows` output. */
export function duckTypes(kinds: Record<string, FieldKind>, extra: ColumnTypes = {}): ColumnTypes {
  const map: Record<FieldKind, string> = { number: 'DOUBLE', boolean: 'BOOLEAN', date: 'DATE', text: 'VARCHAR' };
  return { ...Object.fromEntries(Object.entries(kinds).map(([k, kind]) => [k, map[kind]])), ...extra };
}

export interface SmallCase {
  sc: Scorecard;
  /** Cells per column, the id column included; a column with any number is a number column. */
  columns: Record<string, (string | number | null)[]>;
  idColumn?: string;
  table?: string;
  /** Engine kinds of number columns (default number). */
  kinds?: Record<string, FieldKind>;
  /** DuckDB types of number columns (default DOUBLE). */
  duckdbTypes?: ColumnTypes;
  snapshotDate?: string;
  options?: Partial<Omit<SqlExportOptions, 'dialect'>>;
}

export interface SmallResult {
  engine: EngineRow[];
  sqlite: Map<string, SqlRow>;
  duckdb: Map<string, SqlRow>;
  sql: { sqlite: string; duckdb: string };
  comparisons: { sqlite: Comparison; duckdb: Comparison };
}

/** Scores a small table with the engine and with the SQL in both databases, and compares them. */
export async function runSmall(c: SmallCase): Promise<SmallResult> {
  const idColumn = c.idColumn ?? 'id';
  const table = c.table ?? 'accounts';
  const names = Object.keys(c.columns);
  const n = c.columns[idColumn].length;
  const numeric = (name: string) => c.columns[name].some((v) => typeof v === 'number');
  const data: ScoringData = {
    keys: c.columns[idColumn].map(String),
    attributes: [],
    metrics: names
      .filter((name) => name !== idColumn)
      .map((name) =>
        numeric(name)
          ? { field: { name, kind: c.kinds?.[name] ?? 'number' }, values: Float64Array.from(c.columns[name], (v) => (v === null ? Number.NaN : Number(v))) }
          : { field: { name, kind: 'text' as const }, values: c.columns[name].map((v) => (v === null ? null : String(v))) },
      ),
    snapshotDay: isoToEpochDay(c.snapshotDate ?? '2024-06-30'),
  };
  const rows: Row[] = Array.from({ length: n }, (_, i) => Object.fromEntries(names.map((name) => [name, c.columns[name][i]])));
  const duckdbTypes: ColumnTypes = Object.fromEntries(names.filter((name) => name !== idColumn && numeric(name)).map((name) => [name, c.duckdbTypes?.[name] ?? 'DOUBLE']));
  const options = { table, idColumn, snapshotDate: c.snapshotDate ?? '2024-06-30', ...c.options };
  const sql = { sqlite: scorecardToSql(c.sc, { ...options, dialect: 'sqlite' }), duckdb: scorecardToSql(c.sc, { ...options, dialect: 'duckdb' }) };
  const engine = engineRows(c.sc, data);
  const sqliteRows = runSqlite(sql.sqlite, rows, table);
  // Numbers of boolean and date columns as DuckDB BOOLEAN and DATE values.
  const duckCell = (k: string, v: Cell): Cell =>
    typeof v !== 'number' ? v : duckdbTypes[k] === 'BOOLEAN' ? v !== 0 : duckdbTypes[k] === 'DATE' ? epochDayToIso(v) : v;
  const duckRows = await runDuckdb(sql.duckdb, rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, duckCell(k, v)]))), table, duckdbTypes);
  const comparisons = { sqlite: compareWithEngine(sqliteRows, engine), duckdb: compareWithEngine(duckRows, engine) };
  return {
    comparisons,
    engine,
    sqlite: new Map(sqliteRows.map((r) => [String(r.account_id), r])),
    duckdb: new Map(duckRows.map((r) => [String(r.account_id), r])),
    sql,
  };
}
