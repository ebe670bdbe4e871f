// Excel stores dates as day counts. In the default 1900 system serial 1 is 1900-01-01 and serial 60
// is 1900-02-29, a day that never existed (Lotus 1-2-3's leap-year bug, kept for compatibility), so
// every serial from 61 on is one more than the true day count. The 1904 system (old Mac workbooks)
// counts from 1904-01-01 = 0 and has no such day.

/** Epoch day of 1899-12-31, the 1900 system's day 0 (valid for serials 1–59). */
const EPOCH_1900_BEFORE_BUG = -25568;
/** From serial 61 on, the phantom 1900-02-29 shifts everything by one. */
const EPOCH_1900_AFTER_BUG = -25569;
/** Epoch day of 1904-01-01, the 1904 system's day 0. */
const EPOCH_1904 = -24107;
/** 9999-12-31, Excel's last date, in the 1900 system. */
const MAX_SERIAL = 2_958_465;

export type ExcelDateSystem = 1900 | 1904;

/**
 * Epoch day of an Excel serial (a fractional part is a time of day and is dropped). NaN for
 * serials outside Excel's calendar and for 60 in the 1900 system (the non-existent 1900-02-29).
 */
export function excelSerialToEpochDay(serial: number, system: ExcelDateSystem = 1900): number {
  if (!Number.isFinite(serial)) return Number.NaN;
  const whole = Math.floor(serial);
  if (system === 1904) return whole >= 0 && whole <= MAX_SERIAL - 1462 ? whole + EPOCH_1904 : Number.NaN;
  if (whole < 1 || whole > MAX_SERIAL || whole === 60) return Number.NaN;
  return whole + (whole < 60 ? EPOCH_1900_BEFORE_BUG : EPOCH_1900_AFTER_BUG);
}

/**
 * Epoch day of a JavaScript Date as spreadsheet libraries return date cells (the wall-clock date
 * stored as UTC, e.g. exceljs): the UTC calendar day.
 */
export function utcDateToEpochDay(date: Date): number {
  const ms = date.getTime();
  return Number.isFinite(ms) ? Math.floor(ms / 86_400_000) : Number.NaN;
}
