// The running tally of one column while its values stream past: how many tokens of each kind
// (plain number, decimal-point-only, decimal-comma-only, flag word, date in each day/month order,
// text), their ranges under each reading, a bounded distinct-value count and the first rows of
// each kind. Every token is classified once; the type is decided from the counts at the end
// (inferColumn.ts), so nothing has to be re-read when the user overrides the inferred type.

import { detachCell } from './cellText';
import { parseBooleanWord } from './values/boolean';
import { type DateScan, createDateScan, scanDate } from './values/date';
import { isMissingValue } from './values/missing';
import { type NumberScan, createNumberScan, scanNumber } from './values/number';

/** Token classes; a token belongs to exactly one. */
export const TokenClass = {
  /** Same number under both decimal conventions ("1234", "$12", "1 234"). */
  number: 0,
  /** Exactly "0" or "1": a number, and a flag too. */
  zeroOne: 1,
  numberPointOnly: 2,
  numberCommaOnly: 3,
  /** "1,234" / "1.234": a number either way, with different values. */
  numberAmbiguous: 4,
  flagWord: 5,
  /** A date with one reading (ISO, dotted, month name). */
  dateFixed: 6,
  dateMdyOnly: 7,
  dateDmyOnly: 8,
  /** "03/04/2024": a date either way. */
  dateEither: 9,
  text: 10,
} as const;
export const TOKEN_CLASS_COUNT = 11;

/** Rows kept per token class: enough to list the first 1,000 failures under any type. */
export const SAMPLES_PER_CLASS = 1000;
/** Distinct values counted exactly; beyond this only "many" is known. */
export const DISTINCT_CAP = 1000;
/** Values remembered to detect a repeat once the distinct count is capped. */
const REPEAT_PROBE_CAP = 100_000;

/** The class of one non-missing, trimmed token; the scans are left filled for the caller. */
export function classifyToken(value: string, ns: NumberScan, ds: DateScan): number {
  if (scanNumber(value, ns)) {
    switch (ns.kind) {
      case 'neutral':
        return value === '0' || value === '1' ? TokenClass.zeroOne : TokenClass.number;
      case 'point':
        return TokenClass.numberPointOnly;
      case 'comma':
        return TokenClass.numberCommaOnly;
      default:
        return TokenClass.numberAmbiguous;
    }
  }
  if (!Number.isNaN(parseBooleanWord(value))) return TokenClass.flagWord;
  if (scanDate(value, ds)) {
    if (ds.kind === 'fixed') return TokenClass.dateFixed;
    return ds.kind === 'mdy' ? TokenClass.dateMdyOnly : ds.kind === 'dmy' ? TokenClass.dateDmyOnly : TokenClass.dateEither;
  }
  return TokenClass.text;
}

/** Running min/max. */
export class Range {
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  add(v: number): void {
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
  }
  get empty(): boolean {
    return this.min > this.max;
  }
}

export class ColumnTally {
  rowCount = 0;
  missingCount = 0;
  readonly classCounts = new Float64Array(TOKEN_CLASS_COUNT);
  readonly sampleRows: number[][] = Array.from({ length: TOKEN_CLASS_COUNT }, () => []);
  readonly sampleValues: string[][] = Array.from({ length: TOKEN_CLASS_COUNT }, () => []);
  /** Number ranges under a decimal point / a decimal comma. */
  readonly pointRange = new Range();
  readonly commaRange = new Range();
  /** Date ranges (epoch days): order-independent, and month-first / day-first readings. */
  readonly fixedDateRange = new Range();
  readonly mdyRange = new Range();
  readonly dmyRange = new Range();
  dottedDates = 0;
  percentCount = 0;
  readonly currencies = new Map<string, number>();
  /** Exact counts per value until DISTINCT_CAP distinct values; then null. */
  counts: Map<string, number> | null = new Map();
  distinctCapped = false;
  hasRepeats = false;
  totalLength = 0;
  readonly examples: string[] = [];
  private probe: Set<string> | null = null;
  private readonly numberScan = createNumberScan();
  private readonly dateScan = createDateScan();

  /** Adds one cell (undefined for a cell missing from a short row). */
  add(raw: string | undefined, row: number): void {
    this.rowCount++;
    if (raw === undefined || isMissingValue(raw)) {
      this.missingCount++;
      return;
    }
    const n = raw.length;
    const value = raw.charCodeAt(0) <= 32 || raw.charCodeAt(n - 1) <= 32 ? raw.trim() : raw;
    this.totalLength += value.length;
    this.trackDistinct(value);
    const cls = this.classify(value);
    this.classCounts[cls]++;
    const rows = this.sampleRows[cls];
    if (rows.length < SAMPLES_PER_CLASS) {
      rows.push(row);
      this.sampleValues[cls].push(detachCell(value));
    }
  }

  private classify(value: string): number {
    const ns = this.numberScan;
    const ds = this.dateScan;
    const cls = classifyToken(value, ns, ds);
    if (cls <= TokenClass.numberAmbiguous) {
      if (ns.percent) this.percentCount++;
      if (ns.currency !== null) this.currencies.set(ns.currency, (this.currencies.get(ns.currency) ?? 0) + 1);
      if (cls !== TokenClass.numberCommaOnly) this.pointRange.add(ns.point);
      if (cls !== TokenClass.numberPointOnly) this.commaRange.add(ns.comma);
    } else if (cls === TokenClass.dateFixed) {
      if (ds.dotted) this.dottedDates++;
      this.fixedDateRange.add(ds.mdy);
    } else if (cls >= TokenClass.dateMdyOnly && cls <= TokenClass.dateEither) {
      if (cls !== TokenClass.dateDmyOnly) this.mdyRange.add(ds.mdy);
      if (cls !== TokenClass.dateMdyOnly) this.dmyRange.add(ds.dmy);
    }
    return cls;
  }

  private trackDistinct(value: string): void {
    const counts = this.counts;
    if (counts !== null) {
      const c = counts.get(value);
      if (c !== undefined) {
        counts.set(value, c + 1);
        this.hasRepeats = true;
        return;
      }
      if (counts.size < DISTINCT_CAP) {
        const kept = detachCell(value);
        counts.set(kept, 1);
        if (this.examples.length < 5) this.examples.push(kept);
        return;
      }
      // Too many distinct values to count; keep probing for a repeat (an id column has none).
      this.counts = null;
      this.distinctCapped = true;
      if (!this.hasRepeats) this.probe = new Set(counts.keys());
    }
    const probe = this.probe;
    if (probe === null) return;
    if (probe.has(value)) {
      this.hasRepeats = true;
      this.probe = null;
    } else if (probe.size < REPEAT_PROBE_CAP) {
      probe.add(detachCell(value));
    } else {
      this.probe = null;
    }
  }
}
