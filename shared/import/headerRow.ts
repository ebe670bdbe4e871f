// The header row: every column needs a usable, unique name, and a file whose first row is data
// (no header at all) must be refused rather than silently losing its first account.

import { columnLetter } from './headerNames';
import { ImportError, type ImportWarning, preview, quoted } from './importError';
import { createDateScan, scanDate } from './values/date';
import { createNumberScan, scanNumber } from './values/number';

export interface HeaderRow {
  /** Unique, non-blank column names, one per column that is kept. */
  headers: string[];
  /** The cells as they were in the file (trimmed), same length as headers. */
  rawHeaders: string[];
  warnings: ImportWarning[];
}

/**
 * Names every column: trailing blank header cells are dropped (a trailing delimiter), blank ones
 * inside are named after their column letter ("Column C"), and repeated names get a counter
 * ("Logins (2)"); each change is a warning. A row with no name at all is `no_header`.
 */
export function normaliseHeaderRow(cells: readonly string[], fileName: string): HeaderRow {
  const trimmed = cells.map((c, i) => (i === 0 ? c.replace(/^\ufeff/, '') : c).trim());
  let width = trimmed.length;
  while (width > 0 && trimmed[width - 1] === '') width--;
  if (width === 0) {
    throw new ImportError('no_header', `${quoted(fileName)} has no header row: the first row is empty.`, fileName);
  }
  const warnings: ImportWarning[] = [];
  if (width < trimmed.length) {
    const dropped = trimmed.length - width;
    warnings.push({
      code: 'dropped_blank_columns',
      file: fileName,
      count: dropped,
      message: `${quoted(fileName)}: ${dropped} unnamed column(s) at the end of the header row were left out.`,
    });
  }
  const rawHeaders = trimmed.slice(0, width);
  const blanks: string[] = [];
  const named = rawHeaders.map((h, i) => {
    if (h !== '') return h;
    const name = `Column ${columnLetter(i)}`;
    blanks.push(name);
    return name;
  });
  if (blanks.length > 0) {
    warnings.push({
      code: 'blank_header',
      file: fileName,
      count: blanks.length,
      message: `${quoted(fileName)}: ${blanks.length} column(s) have no header name and were named ${blanks.join(', ')}.`,
    });
  }
  const headers = uniqueNames(named, fileName, warnings);
  return { headers, rawHeaders, warnings };
}

function uniqueNames(names: string[], fileName: string, warnings: ImportWarning[]): string[] {
  const taken = new Set(names.map((n) => n.toLowerCase()));
  const seen = new Map<string, number>();
  const renamed: string[] = [];
  const out = names.map((name) => {
    const key = name.toLowerCase();
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (count === 1) return name;
    let n = count;
    let candidate = `${name} (${n})`;
    while (taken.has(candidate.toLowerCase())) candidate = `${name} (${++n})`;
    taken.add(candidate.toLowerCase());
    renamed.push(`"${name}" → "${candidate}"`);
    return candidate;
  });
  if (renamed.length > 0) {
    warnings.push({
      code: 'duplicate_header',
      file: fileName,
      count: renamed.length,
      message: `${quoted(fileName)}: repeated column names were made unique: ${renamed.join(', ')}.`,
    });
  }
  return out;
}

function isNumberOrDate(cell: string): boolean {
  return scanNumber(cell, createNumberScan()) || scanDate(cell, createDateScan());
}

/**
 * Refuses a first row that reads like data: most of its names are numbers or dates, or most of them
 * recur as values of their own column in the rows below (a header is not one of its values).
 */
export function assertLooksLikeHeader(headerCells: readonly string[], sampleRows: readonly string[][], fileName: string): void {
  const named = headerCells.map((c, i) => ({ cell: c.trim(), i })).filter((h) => h.cell !== '');
  if (named.length === 0) return;
  const valueLike = named.filter((h) => isNumberOrDate(h.cell));
  const half = named.length / 2;
  let reason: string | null = null;
  if (valueLike.length > half || (named.length === 1 && valueLike.length === 1)) {
    reason = `its first row holds values (${valueLike.slice(0, 3).map((h) => `"${preview(h.cell, 20)}"`).join(', ')}) instead of column names`;
  } else if (named.length >= 2 && sampleRows.length > 0) {
    const recurring = named.filter((h) => sampleRows.some((row) => (row[h.i] ?? '').trim() === h.cell));
    if (recurring.length > half) {
      reason = `the names in its first row (${recurring.slice(0, 3).map((h) => `"${preview(h.cell, 20)}"`).join(', ')}) also occur as values below them`;
    }
  }
  if (reason) {
    throw new ImportError('no_header', `${quoted(fileName)} has no header row: ${reason}. Add a first row with column names.`, fileName);
  }
}
