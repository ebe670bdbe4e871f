// Calendar dates as spreadsheets write them, to epoch days (shared/dates.ts). ISO (`2024-10-16`,
// optionally with a time, which is dropped), day-first with dots (`16.10.2024`, the European
// convention, never month-first), slashes or dashes in either day/month order, 2- or 4-digit
// years, and month names (`16 Oct 2024`, `Oct 16, 2024`). Whether `03/04/2024` is March or April is
// not guessed: a scan reports both readings and the column profile decides or asks.

/** ymd: only year-first dates are accepted (no d/m order chosen); mdy: US; dmy: European. */
export type DateOrder = 'ymd' | 'mdy' | 'dmy';

/**
 * fixed: one reading whatever the order (ISO, dotted, month names, or day = month);
 * mdy / dmy: only valid in that order (`10/16/2024` / `16/10/2024`); either: both valid, differ.
 */
export type DateKind = 'fixed' | 'mdy' | 'dmy' | 'either';

export interface DateScan {
  kind: DateKind;
  /** Epoch day when read month-first (or the only reading for `fixed`). */
  mdy: number;
  /** Epoch day when read day-first (or the only reading for `fixed`). */
  dmy: number;
  /** Written with dots (day-first by convention). */
  dotted: boolean;
}

export function createDateScan(): DateScan {
  return { kind: 'fixed', mdy: Number.NaN, dmy: Number.NaN, dotted: false };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days since 1970-01-01 of a proleptic Gregorian date; NaN when it is not a real date. */
export function daysFromCivil(year: number, month: number, day: number): number {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return Number.NaN;
  if (day > (month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1])) return Number.NaN;
  // Howard Hinnant's days_from_civil: exact integer arithmetic, no Date object per cell.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Two-digit years as Excel reads them: 00–29 → 2000s, 30–99 → 1900s. */
export function expandYear(digits: string): number {
  const y = Number(digits);
  if (digits.length !== 2) return y;
  return y < 30 ? 2000 + y : 1900 + y;
}

const TIME = String.raw`(?:(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`);
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})${TIME}$`);
const DAY_MONTHNAME = new RegExp(String.raw`^(\d{1,2})[-\s.]+([A-Za-z]{3,9})\.?[-\s.,]+(\d{4}|\d{2})${TIME}$`);
const MONTHNAME_DAY = new RegExp(String.raw`^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${TIME}$`);

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthFromName(name: string): number {
  const lower = name.toLowerCase();
  const index = MONTH_NAMES.indexOf(lower.slice(0, 3));
  if (index === -1) return 0;
  // "Sept" and full names are fine; "Octopus" is not a month.
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'][index];
  return lower.length === 3 || full.startsWith(lower) || lower === 'sept' ? index + 1 : 0;
}

function setFixed(out: DateScan, day: number, dotted: boolean): boolean {
  if (Number.isNaN(day)) return false;
  out.kind = 'fixed';
  out.mdy = day;
  out.dmy = day;
  out.dotted = dotted;
  return true;
}

/**
 * Scans one non-missing token. Returns false when it is not a date in any supported form;
 * otherwise fills `out` with its kind and both readings.
 */
export function scanDate(raw: string, out: DateScan): boolean {
  const first = raw.charCodeAt(0);
  const s = first <= 32 || raw.charCodeAt(raw.length - 1) <= 32 ? raw.trim() : raw;
  if (s.length < 6 || s.length > 40) return false;
  const c = s.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    let m = YEAR_FIRST.exec(s);
    if (m) return setFixed(out, daysFromCivil(Number(m[1]), Number(m[3]), Number(m[4])), false);
    m = YEAR_LAST.exec(s);
    if (m) {
      const a = Number(m[1]);
      const b = Number(m[3]);
      const year = expandYear(m[4]);
      if (m[2] === '.') return setFixed(out, daysFromCivil(year, b, a), true);
      const mdy = daysFromCivil(year, a, b);
      const dmy = daysFromCivil(year, b, a);
      const mdyOk = !Number.isNaN(mdy);
      const dmyOk = !Number.isNaN(dmy);
      if (!mdyOk && !dmyOk) return false;
      out.dotted = false;
      out.mdy = mdy;
      out.dmy = dmy;
      out.kind = mdyOk && dmyOk ? (mdy === dmy ? 'fixed' : 'either') : mdyOk ? 'mdy' : 'dmy';
      return true;
    }
    m = DAY_MONTHNAME.exec(s);
    if (m) return setFixed(out, daysFromCivil(expandYear(m[3]), monthFromName(m[2]), Number(m[1])), false);
    return false;
  }
  const m = MONTHNAME_DAY.exec(s);
  if (m) return setFixed(out, daysFromCivil(Number(m[3]), monthFromName(m[1]), Number(m[2])), false);
  return false;
}

const scratch = createDateScan();

/**
 * The token as an epoch day under a column's date order; NaN when it is not a date that way.
 * With order `ymd` a token that needs a day/month order (`03/04/2024`) is not accepted.
 */
export function parseDate(raw: string, order: DateOrder): number {
  if (!scanDate(raw, scratch)) return Number.NaN;
  switch (scratch.kind) {
    case 'fixed':
      return scratch.mdy;
    case 'mdy':
      return order === 'mdy' ? scratch.mdy : Number.NaN;
    case 'dmy':
      return order === 'dmy' ? scratch.dmy : Number.NaN;
    default:
      return order === 'mdy' ? scratch.mdy : order === 'dmy' ? scratch.dmy : Number.NaN;
  }
}

/** True when the token is a date that only some day/month order can read (for error messages). */
export function needsDateOrder(raw: string): boolean {
  return scanDate(raw, scratch) && scratch.kind !== 'fixed';
}
