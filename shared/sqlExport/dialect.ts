// What differs between the SQL dialects the scorecard can be exported to: literals, how a cell is
// classified as a number or as text, and how text is parsed strictly (the rules of
// shared/scoring/values.ts, reproduced exactly). Everything else in the export is plain SQL that
// SQLite and DuckDB read alike.

import { SqlExportError } from './errors';

export type SqlDialectName = 'sqlite' | 'duckdb';
export const SQL_DIALECTS: readonly SqlDialectName[] = ['sqlite', 'duckdb'];

/** The cell tokens that mean "no value" (shared/scoring/values.ts MISSING_TOKENS). */
export const MISSING_TOKEN_LIST = ['', 'n/a', 'na', '#n/a', 'null', 'nan', '-'] as const;
export const TRUE_TOKEN_LIST = ['true', 'yes', 'y', '1', 't'] as const;
export const FALSE_TOKEN_LIST = ['false', 'no', 'n', '0', 'f'] as const;

/**
 * The code points JavaScript's String.prototype.trim removes (WhiteSpace and LineTerminator of
 * ECMA-262): the engine trims cells with it, so the SQL trims exactly these.
 */
export const TRIM_CODE_POINTS: readonly number[] = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
  0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
];

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Refuses text that SQL source cannot carry faithfully (NUL ends a statement; lone surrogates have no UTF-8). */
export function checkSqlText(text: string, where: string): void {
  if (text.includes('\u0000')) throw new SqlExportError(`${where}: contains a NUL character, which SQL text cannot hold`);
  if (LONE_SURROGATE.test(text)) throw new SqlExportError(`${where}: contains an unpaired UTF-16 surrogate, which has no UTF-8 encoding`);
}

/** A double-quoted identifier, embedded quotes doubled. Both dialects read it literally. */
export function quoteIdent(name: string, where: string): string {
  checkSqlText(name, where);
  if (name.length === 0) throw new SqlExportError(`${where}: an identifier must not be empty`);
  return `"${name.replace(/"/g, '""')}"`;
}

/** A single-quoted string literal, embedded quotes doubled (no backslash escapes in either dialect). */
export function quoteString(text: string, where: string): string {
  checkSqlText(text, where);
  return `'${text.replace(/'/g, "''")}'`;
}

/** Text for a `--` comment: one line, control characters and unpaired surrogates replaced. */
export function commentText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ').replace(new RegExp(LONE_SURROGATE.source, 'g'), '?');
}

function significantDigits(s: string): number {
  return s.replace(/^-/, '').replace('.', '').replace(/^0+/, '').length;
}

export interface Dialect {
  name: SqlDialectName;
  /** A double-precision literal that reads back as exactly `x` (never an integer or a DECIMAL). */
  num(x: number): string;
  /** The trim character set, as an expression (evaluated once, in the `consts` CTE as `k.ws`). */
  whitespace(): string;
  /** Further constants of the `consts` CTE: `expression AS name`. */
  constants(): string[];
  /** SQL type names for typed NULLs. */
  realType: string;
  textType: string;
  /** A finite number from a number-typed cell (DuckDB: dates as days since 1970-01-01, booleans 1/0), else NULL. */
  numberCell(ref: string): string;
  /** Is the cell stored as text (read by the text rules)? */
  isTextCell(ref: string): string;
  /** The cell as text (for text cells; DuckDB casts, SQLite has it already). */
  cellText(ref: string): string;
  /** Strict decimal text (`t` trimmed, not missing) → a finite double, else NULL. */
  parseNumber(t: string): string;
  /** Strict `YYYY-MM-DD` text → days since 1970-01-01, else NULL. */
  parseDate(t: string): string;
  /** A value compared with override account keys. */
  keyText(ref: string): string;
  /** ⌊x⌋ for x ≥ 0. */
  floor(x: string): string;
}

const TOKENS = (list: readonly string[]) => list.map((t) => `'${t}'`).join(', ');

const sqlite: Dialect = {
  name: 'sqlite',
  num(x) {
    if (!Number.isFinite(x)) throw new SqlExportError(`cannot write the non-finite number ${x}`);
    let s = String(x);
    if (/^-?\d+$/.test(s)) s += '.0';
    return s.startsWith('-') ? `(${s})` : s;
  },
  whitespace: () => `char(${TRIM_CODE_POINTS.join(', ')})`,
  constants: () => [],
  realType: 'REAL',
  textType: 'TEXT',
  numberCell: (ref) =>
    `CASE typeof(${ref}) WHEN 'integer' THEN CAST(${ref} AS REAL) ` +
    `WHEN 'real' THEN CASE WHEN ${ref} BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308 THEN ${ref} END END`,
  isTextCell: (ref) => `typeof(${ref}) = 'text'`,
  cellText: (ref) => ref,
  // The pattern [+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)? without regular expressions: GLOB tests on
  // the lower-cased text. Only digits . e + -; at most one e and one '.', the '.' before the e; a
  // sign only first or right after the e; the mantissa starts with a digit or '.digit'; the
  // exponent has a digit.
  parseNumber: (t) => {
    const l = `lower(${t})`;
    const rest = `substr(${l}, 2)`;
    return [
      'CASE WHEN',
      `    ${l} NOT GLOB '*[^0-9.e+-]*'`,
      `    AND ${l} NOT GLOB '*e*e*' AND ${l} NOT GLOB '*.*.*' AND ${l} NOT GLOB '*e*.*'`,
      `    AND ${rest} NOT GLOB '*[+-]*[+-]*' AND (${rest} NOT GLOB '*[+-]*' OR ${rest} GLOB '*e[+-]*')`,
      `    AND (${l} GLOB '[0-9]*' OR ${l} GLOB '.[0-9]*' OR ${l} GLOB '[+-][0-9]*' OR ${l} GLOB '[+-].[0-9]*')`,
      `    AND ${l} NOT GLOB '*e' AND ${l} NOT GLOB '*e[+-]'`,
      `    AND abs(CAST(${t} AS REAL)) <= 1.7976931348623157e308`,
      `  THEN CAST(${t} AS REAL) END`,
    ].join('\n');
  },
  // date() normalises impossible dates (2024-02-30 → 2024-03-01), so a round trip rejects them;
  // the engine (JavaScript's Date.UTC) cannot read years before 0100.
  parseDate: (t) =>
    `CASE WHEN ${t} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND ${t} >= '0100' AND date(${t}) = ${t} ` +
    `THEN julianday(${t}) - 2440587.5 END`,
  keyText: (ref) => `CAST(${ref} AS TEXT)`,
  // Truncation is ⌊x⌋ for x ≥ 0, and needs no math-functions build of SQLite.
  floor: (x) => `CAST(${x} AS INTEGER)`,
};

const DUCKDB_NUMBER_TYPES = ['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT', 'UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT', 'UHUGEINT', 'FLOAT', 'DOUBLE'];

const duckdb: Dialect = {
  name: 'duckdb',
  num(x) {
    if (!Number.isFinite(x)) throw new SqlExportError(`cannot write the non-finite number ${x}`);
    const s = String(x);
    // An exponent makes a DOUBLE literal; a plain decimal is a DECIMAL, exactly converted by the
    // cast when it has at most 15 significant digits; longer ones are parsed from text.
    const lit = s.includes('e') ? s : significantDigits(s) <= 15 ? `${s}::DOUBLE` : `CAST('${s}' AS DOUBLE)`;
    return s.startsWith('-') ? `(${lit})` : lit;
  },
  whitespace: () => TRIM_CODE_POINTS.map((c) => `chr(${c})`).join(' || '),
  // Column types read as numbers (DECIMAL(p,s) too); BOOLEAN and DATE are numbers as well (1/0,
  // days since 1970-01-01); every other type is read as text.
  constants: () => [`[${TOKENS(DUCKDB_NUMBER_TYPES)}] AS number_types`],
  realType: 'DOUBLE',
  textType: 'VARCHAR',
  // Numbers go through their text form (exact for DOUBLE, correctly rounded for DECIMAL) so that
  // every branch binds whatever the column's type.
  numberCell: (ref) => {
    const v = `CAST(${ref} AS VARCHAR)`;
    return [
      `CASE typeof(${ref})`,
      `  WHEN 'BOOLEAN' THEN CASE ${v} WHEN 'true' THEN 1.0::DOUBLE WHEN 'false' THEN 0.0::DOUBLE END`,
      `  WHEN 'DATE' THEN CASE WHEN isfinite(TRY_CAST(${v} AS DATE)) THEN CAST(TRY_CAST(${v} AS DATE) - DATE '1970-01-01' AS DOUBLE) END`,
      `  ELSE CASE WHEN (list_contains(k.number_types, typeof(${ref})) OR typeof(${ref}) LIKE 'DECIMAL%') AND isfinite(TRY_CAST(${v} AS DOUBLE))`,
      `    THEN TRY_CAST(${v} AS DOUBLE) END`,
      `END`,
    ].join('\n');
  },
  isTextCell: (ref) => `NOT (typeof(${ref}) IN ('BOOLEAN', 'DATE') OR list_contains(k.number_types, typeof(${ref})) OR typeof(${ref}) LIKE 'DECIMAL%')`,
  cellText: (ref) => `CAST(${ref} AS VARCHAR)`,
  parseNumber: (t) =>
    `CASE WHEN regexp_full_match(${t}, '[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?') AND isfinite(TRY_CAST(${t} AS DOUBLE))\n` +
    `  THEN TRY_CAST(${t} AS DOUBLE) END`,
  parseDate: (t) =>
    `CASE WHEN regexp_full_match(${t}, '[0-9]{4}-[0-9]{2}-[0-9]{2}') AND ${t} >= '0100' ` +
    `THEN CAST(TRY_CAST(${t} AS DATE) - DATE '1970-01-01' AS DOUBLE) END`,
  keyText: (ref) => `CAST(${ref} AS VARCHAR)`,
  // (DuckDB's CAST to an integer rounds, so floor it is.)
  floor: (x) => `floor(${x})`,
};

export function dialectOf(name: string): Dialect {
  if (name === 'sqlite') return sqlite;
  if (name === 'duckdb') return duckdb;
  throw new SqlExportError(`unknown SQL dialect "${name}" (expected ${SQL_DIALECTS.join(' or ')})`);
}

/** SQL for the trimmed text of a text cell, NULL when blank or a missing-value token. */
export function textCellSql(d: Dialect, ref: string, ws: string): string {
  const trimmed = `trim(${d.cellText(ref)}, ${ws})`;
  return `CASE WHEN ${d.isTextCell(ref)} AND lower(${trimmed}) NOT IN (${TOKENS(MISSING_TOKEN_LIST)}) THEN ${trimmed} END`;
}

/** SQL for a boolean token of trimmed text: 1.0, 0.0 or NULL. */
export function booleanTextSql(d: Dialect, t: string): string {
  return `CASE WHEN lower(${t}) IN (${TOKENS(TRUE_TOKEN_LIST)}) THEN ${d.num(1)} WHEN lower(${t}) IN (${TOKENS(FALSE_TOKEN_LIST)}) THEN ${d.num(0)} END`;
}
