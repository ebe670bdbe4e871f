// Reading cells as the number, boolean, date or category a method needs. Anything blank, a
// missing-value token, unparseable or non-finite is missing (NaN / null): never 0. `Number(" ")`
// is 0 in JavaScript, which is exactly the bug this module exists to prevent.

import { isoToEpochDay } from '../dates';
import { type ColumnValues, isTextColumn } from '../dataset';

/** Text that means "no value" in spreadsheets (compared trimmed and lower-cased). */
export const MISSING_TOKENS: ReadonlySet<string> = new Set(['', 'n/a', 'na', '#n/a', 'null', 'nan', '-']);

const TRUE_TOKENS: ReadonlySet<string> = new Set(['true', 'yes', 'y', '1', 't']);
const FALSE_TOKENS: ReadonlySet<string> = new Set(['false', 'no', 'n', '0', 'f']);

/** A plain decimal number: optional sign, digits with an optional fraction, optional exponent. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Printable ASCII other than space: a cell bounded by these needs no trimming. */
function isPlainEdge(code: number): boolean {
  return code > 32 && code < 127;
}

/** The trimmed text of a cell, or null when it is missing. */
export function textOf(cell: string | null | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  // Fast path for the common cell: longer than any missing token and nothing to trim.
  const n = cell.length;
  if (n > 4 && isPlainEdge(cell.charCodeAt(0)) && isPlainEdge(cell.charCodeAt(n - 1))) return cell;
  const t = cell.trim();
  return MISSING_TOKENS.has(t.toLowerCase()) ? null : t;
}

export function parseNumberText(cell: string | null | undefined): number {
  const t = textOf(cell);
  if (t === null || !DECIMAL.test(t)) return Number.NaN;
  const x = Number(t);
  return Number.isFinite(x) ? x : Number.NaN;
}

/** 1 for true, 0 for false, NaN for anything else. */
export function parseBooleanText(cell: string | null | undefined): number {
  const t = textOf(cell);
  if (t === null) return Number.NaN;
  const lower = t.toLowerCase();
  return TRUE_TOKENS.has(lower) ? 1 : FALSE_TOKENS.has(lower) ? 0 : Number.NaN;
}

/** Epoch days from a `YYYY-MM-DD` cell, NaN otherwise. */
export function parseDateText(cell: string | null | undefined): number {
  const t = textOf(cell);
  return t === null ? Number.NaN : isoToEpochDay(t);
}

function finiteOrNaN(x: number): number {
  return Number.isFinite(x) ? x : Number.NaN;
}

/** A column as numbers (dates as epoch days, booleans as 1/0); text is parsed strictly. */
export function numericColumn(values: ColumnValues, asDate = false): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  if (isTextColumn(values)) {
    const parse = asDate ? parseDateText : parseNumberText;
    for (let i = 0; i < n; i++) out[i] = parse(values[i]);
  } else {
    for (let i = 0; i < n; i++) out[i] = finiteOrNaN(values[i]);
  }
  return out;
}

/** A column as 1 (true) / 0 (false) / NaN; numbers other than exactly 0 or 1 are missing. */
export function booleanColumn(values: ColumnValues): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  if (isTextColumn(values)) {
    for (let i = 0; i < n; i++) out[i] = parseBooleanText(values[i]);
  } else {
    for (let i = 0; i < n; i++) {
      const x = values[i];
      out[i] = x === 1 || x === 0 ? x : Number.NaN;
    }
  }
  return out;
}

/** A column as trimmed category text; numbers become their shortest decimal text ("1", "2.5"). */
export function categoryColumn(values: ColumnValues): (string | null)[] {
  const n = values.length;
  const out = new Array<string | null>(n);
  if (isTextColumn(values)) {
    for (let i = 0; i < n; i++) out[i] = textOf(values[i]);
  } else {
    for (let i = 0; i < n; i++) out[i] = Number.isFinite(values[i]) ? String(values[i]) : null;
  }
  return out;
}
