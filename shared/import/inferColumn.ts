// Column type inference and profiles. A column is a number, flag, or date column when at least 90%
// of its non-missing values read as one (the rest are listed as failures, not silently dropped);
// otherwise it is text. The decimal convention and the day/month order are decided per column from
// its unambiguous tokens; when only ambiguous dates exist the profile says `dateOrder: 'ambiguous'`
// with both candidates so the UI asks instead of guessing.

import type { FieldKind } from '../dataset';
import { epochDayToIso } from '../dates';
import { ColumnTally, DISTINCT_CAP, type Range, TokenClass, classifyToken } from './columnTally';
import { normaliseHeaderName } from './headerNames';
import type { RowBatch } from './rowBatch';
import { looksLikeFlagHeader } from './values/boolean';
import { type DateOrder, createDateScan } from './values/date';
import { createNumberScan } from './values/number';

/** Share of non-missing values that must parse for a typed (non-text) inference. */
export const TYPE_THRESHOLD = 0.9;
/**
 * A value that fails more than once and this often is a category of its own ("No phone service" beside Yes/No), not a
 * typo: the column is then text, whatever share parses.
 */
const RECURRING_FAILURE_SHARE = 0.01;
const MAX_FAILURES = 1000;
const TOP_VALUES = 10;

export interface DateOrderCandidate {
  order: 'mdy' | 'dmy';
  /** Earliest and latest date under that reading (`YYYY-MM-DD`). */
  min: string | null;
  max: string | null;
}

export interface ValueFailure {
  /** Spreadsheet row number (header = row 1). */
  row: number;
  value: string;
}

export interface ColumnProfile {
  header: string;
  type: FieldKind;
  /** Share of non-missing values that parse under `type` (for text: 1 − the best typed share). */
  confidence: number;
  rowCount: number;
  missingCount: number;
  /** 0–100. */
  missingPercent: number;
  /** Non-missing values that parse under `type`. */
  validCount: number;
  /** Shares of non-missing values that parse as each typed kind (under the column's conventions). */
  shares: { number: number; boolean: number; date: number };
  /** Numbers: the value range; dates: epoch days. null when there is none. */
  min: number | null;
  max: number | null;
  /** Dates: min and max as `YYYY-MM-DD`. */
  minDate: string | null;
  maxDate: string | null;
  distinctCount: number;
  /** More than 1,000 distinct values: distinctCount is then 1,001 (a lower bound) and topValues empty. */
  distinctCapped: boolean;
  /** Most frequent values (text and flag columns). */
  topValues: { value: string; count: number }[];
  decimalComma: boolean;
  /** Most numbers carried a % sign (the numbers are kept as written: 45% → 45). */
  percent: boolean;
  /** The currency most numbers carried, if any. */
  currency: string | null;
  /** Date columns: the day/month order, `ambiguous` when the data cannot tell (ask the user). */
  dateOrder: DateOrder | 'ambiguous' | null;
  /** When ambiguous: both readings with their ranges. */
  dateOrderCandidates: DateOrderCandidate[];
  /** Every non-missing value is a flag word or 0/1. */
  booleanCapable: boolean;
  /** Some value occurs twice (exact up to 1,000 distinct values, then probed over 100,000). */
  hasRepeats: boolean;
  meanLength: number;
  /** Up to five distinct example values. */
  examples: string[];
  /** The first 1,000 values that do not parse under `type`, in row order. */
  failures: ValueFailure[];
  failureCount: number;
}

/** A type the user (or the mapping) chose instead of the inferred one. */
export interface TypeChoice {
  type: FieldKind;
  decimalComma?: boolean;
  dateOrder?: DateOrder;
}

const NUMBER_CLASSES_POINT = [TokenClass.number, TokenClass.zeroOne, TokenClass.numberPointOnly, TokenClass.numberAmbiguous];
const NUMBER_CLASSES_COMMA = [TokenClass.number, TokenClass.zeroOne, TokenClass.numberCommaOnly, TokenClass.numberAmbiguous];
const BOOLEAN_CLASSES = [TokenClass.zeroOne, TokenClass.flagWord];

function dateClasses(order: DateOrder | 'ambiguous'): number[] {
  if (order === 'mdy') return [TokenClass.dateFixed, TokenClass.dateEither, TokenClass.dateMdyOnly];
  if (order === 'dmy') return [TokenClass.dateFixed, TokenClass.dateEither, TokenClass.dateDmyOnly];
  if (order === 'ambiguous') return [TokenClass.dateFixed, TokenClass.dateEither];
  return [TokenClass.dateFixed];
}

function sum(tally: ColumnTally, classes: readonly number[]): number {
  let s = 0;
  for (const c of classes) s += tally.classCounts[c];
  return s;
}

function inferDateOrder(tally: ColumnTally): DateOrder | 'ambiguous' {
  const mdy = tally.classCounts[TokenClass.dateMdyOnly];
  const dmy = tally.classCounts[TokenClass.dateDmyOnly];
  if (mdy > dmy) return 'mdy';
  if (dmy > mdy) return 'dmy';
  if (mdy > 0 || tally.classCounts[TokenClass.dateEither] > 0) return 'ambiguous';
  return tally.dottedDates > 0 ? 'dmy' : 'ymd';
}

function merged(a: Range, b: Range): { min: number; max: number } | null {
  const min = Math.min(a.min, b.min);
  const max = Math.max(a.max, b.max);
  return min <= max ? { min, max } : null;
}

/** The first MAX_FAILURES (row, value) pairs of the classes that do not parse, in row order. */
function failuresOf(tally: ColumnTally, parsing: readonly number[]): ValueFailure[] {
  const out: ValueFailure[] = [];
  for (let c = 0; c < tally.classCounts.length; c++) {
    if (parsing.includes(c)) continue;
    const rows = tally.sampleRows[c];
    const values = tally.sampleValues[c];
    for (let i = 0; i < rows.length; i++) out.push({ row: rows[i], value: values[i] });
  }
  out.sort((x, y) => x.row - y.row);
  return out.length > MAX_FAILURES ? out.slice(0, MAX_FAILURES) : out;
}

/** Count of the most frequent value outside the parsing classes (0 when counts were capped). */
function largestFailingValue(tally: ColumnTally, parsing: readonly number[]): number {
  if (tally.counts === null) return 0;
  const ns = createNumberScan();
  const ds = createDateScan();
  let largest = 0;
  for (const [value, count] of tally.counts) {
    if (count > largest && !parsing.includes(classifyToken(value, ns, ds))) largest = count;
  }
  return largest;
}

function topValues(tally: ColumnTally): { value: string; count: number }[] {
  if (tally.counts === null) return [];
  return [...tally.counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, TOP_VALUES)
    .map(([value, count]) => ({ value, count }));
}

function mostCommon(map: Map<string, number>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [k, v] of map) if (v > bestCount) [best, bestCount] = [k, v];
  return best;
}

/** Turns a tally into a profile, inferring the type or applying the given choice. */
export function profileFromTally(header: string, tally: ColumnTally, choice?: TypeChoice): ColumnProfile {
  const nonMissing = tally.rowCount - tally.missingCount;
  const counts = tally.classCounts;
  const decimalComma = choice?.decimalComma ?? counts[TokenClass.numberCommaOnly] > counts[TokenClass.numberPointOnly];
  const inferredOrder = inferDateOrder(tally);
  const dateOrder = choice?.dateOrder ?? inferredOrder;
  const numberClasses = decimalComma ? NUMBER_CLASSES_COMMA : NUMBER_CLASSES_POINT;
  const parsed = { number: sum(tally, numberClasses), boolean: sum(tally, BOOLEAN_CLASSES), date: sum(tally, dateClasses(dateOrder)) };
  const share = (n: number) => (nonMissing === 0 ? 0 : n / nonMissing);
  const shares = { number: share(parsed.number), boolean: share(parsed.boolean), date: share(parsed.date) };

  let type: FieldKind = 'text';
  if (choice) type = choice.type;
  else if (nonMissing > 0) {
    const flagWords = counts[TokenClass.flagWord];
    const onlyZeroOne = flagWords === 0 && counts[TokenClass.zeroOne] === nonMissing;
    const fits = (share: number, parsing: readonly number[]) =>
      share >= TYPE_THRESHOLD && (share === 1 || largestFailingValue(tally, parsing) <= Math.max(1, RECURRING_FAILURE_SHARE * nonMissing));
    if (fits(shares.boolean, BOOLEAN_CLASSES) && (flagWords > 0 || (onlyZeroOne && looksLikeFlagHeader(normaliseHeaderName(header))))) type = 'boolean';
    else if (shares.number >= shares.date && fits(shares.number, numberClasses)) type = 'number';
    else if (fits(shares.date, dateClasses(dateOrder))) type = 'date';
  }

  const parsing =
    type === 'number' ? numberClasses : type === 'boolean' ? BOOLEAN_CLASSES : type === 'date' ? dateClasses(dateOrder) : Array.from(counts.keys());
  const validCount = type === 'text' ? nonMissing : parsed[type];
  const confidence = nonMissing === 0 ? 0 : type === 'text' ? 1 - Math.max(shares.number, shares.boolean, shares.date) : shares[type];

  let range: { min: number; max: number } | null = null;
  if (type === 'number') {
    const r = decimalComma ? tally.commaRange : tally.pointRange;
    range = r.empty ? null : { min: r.min, max: r.max };
  } else if (type === 'date') {
    const byOrder = dateOrder === 'mdy' ? tally.mdyRange : dateOrder === 'dmy' ? tally.dmyRange : null;
    range = byOrder ? merged(tally.fixedDateRange, byOrder) : merged(tally.fixedDateRange, tally.fixedDateRange);
  }
  const isDate = type === 'date';
  const ambiguous = isDate && dateOrder === 'ambiguous';
  const candidate = (order: 'mdy' | 'dmy'): DateOrderCandidate => {
    const r = merged(tally.fixedDateRange, order === 'mdy' ? tally.mdyRange : tally.dmyRange);
    return { order, min: r ? epochDayToIso(r.min) : null, max: r ? epochDayToIso(r.max) : null };
  };
  const numbers = parsed.number;

  return {
    header,
    type,
    confidence,
    rowCount: tally.rowCount,
    missingCount: tally.missingCount,
    missingPercent: tally.rowCount === 0 ? 0 : (100 * tally.missingCount) / tally.rowCount,
    validCount,
    shares,
    min: range ? range.min : null,
    max: range ? range.max : null,
    minDate: isDate && range ? epochDayToIso(range.min) : null,
    maxDate: isDate && range ? epochDayToIso(range.max) : null,
    distinctCount: tally.counts === null ? DISTINCT_CAP + 1 : tally.counts.size,
    distinctCapped: tally.distinctCapped,
    topValues: type === 'text' || type === 'boolean' ? topValues(tally) : [],
    decimalComma,
    percent: numbers > 0 && tally.percentCount > numbers / 2,
    currency: numbers > 0 ? mostCommon(tally.currencies) : null,
    dateOrder: isDate ? dateOrder : null,
    dateOrderCandidates: ambiguous ? [candidate('mdy'), candidate('dmy')] : [],
    booleanCapable: nonMissing > 0 && parsed.boolean === nonMissing,
    hasRepeats: tally.hasRepeats,
    meanLength: nonMissing === 0 ? 0 : tally.totalLength / nonMissing,
    examples: tally.examples.slice(),
    failures: type === 'text' ? [] : failuresOf(tally, parsing),
    failureCount: type === 'text' ? 0 : nonMissing - validCount,
  };
}

/** Profiles one column fed value by value (or in batches by SheetProfiler). */
export class ColumnProfiler {
  readonly tally = new ColumnTally();
  constructor(readonly header: string) {}

  add(raw: string | undefined, row: number): void {
    this.tally.add(raw, row);
  }

  result(choice?: TypeChoice): ColumnProfile {
    return profileFromTally(this.header, this.tally, choice);
  }
}

/** Profiles every column of a sheet from row batches (streaming: memory does not grow with rows). */
export class SheetProfiler {
  readonly columns: ColumnProfiler[];
  constructor(readonly headers: readonly string[]) {
    this.columns = headers.map((h) => new ColumnProfiler(h));
  }

  push(batch: RowBatch): void {
    const { rows, rowNumbers } = batch;
    const tallies = this.columns.map((c) => c.tally);
    const width = tallies.length;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      const rowNumber = rowNumbers[r];
      for (let c = 0; c < width; c++) tallies[c].add(row[c], rowNumber);
    }
  }

  result(): ColumnProfile[] {
    return this.columns.map((c) => c.result());
  }
}

/** Profiles a column given as an array of raw cells; row numbers count from `firstRow`. */
export function profileColumn(values: readonly (string | undefined)[], header = '', firstRow = 2): ColumnProfile {
  const profiler = new ColumnProfiler(header);
  for (let i = 0; i < values.length; i++) profiler.add(values[i], firstRow + i);
  return profiler.result();
}
