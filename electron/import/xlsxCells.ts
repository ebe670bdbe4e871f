// An XLSX cell as exceljs's streaming reader gives it → the text the import core reads, so that a
// workbook and the same table saved as CSV import to the same values: dates as ISO text, formulas
// by their cached result, booleans TRUE/FALSE, error values as their text (#N/A is then missing),
// numbers as String(n) (full precision, never the displayed rounding).

/** Excel's own test for a date format: y/m/d/h/s tokens outside quotes and [colour] sections. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

const MS_PER_DAY = 86_400_000;
/** 1970-01-01 as an Excel serial in the 1900 and 1904 systems. */
const UNIX_EPOCH_SERIAL_1900 = 25_569;
const UNIX_EPOCH_SERIAL_1904 = 24_107;

/** A date as exceljs gives it (the wall-clock time stored as UTC) → `YYYY-MM-DD[ HH:MM:SS]`. */
export function dateToText(date: Date): string {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return '';
  const iso = new Date(Math.round(ms / 1000) * 1000).toISOString();
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

/** A serial number in a date-formatted cell (e.g. a formula's cached result) → ISO text. */
export function serialToText(serial: number, date1904: boolean): string {
  const epoch = date1904 ? UNIX_EPOCH_SERIAL_1904 : UNIX_EPOCH_SERIAL_1900;
  return dateToText(new Date((serial - epoch) * MS_PER_DAY));
}

function numberToText(n: number, numFmt: string | undefined, date1904: boolean): string {
  if (!Number.isFinite(n)) return '';
  return isDateFormat(numFmt) ? serialToText(n, date1904) : String(n);
}

interface RichTextRun {
  text?: string;
}

/** The text of any cell value exceljs produces. */
export function cellToText(value: unknown, numFmt: string | undefined, date1904: boolean): string {
  if (value === null || value === undefined) return '';
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return numberToText(value, numFmt, date1904);
    case 'boolean':
      return value ? 'TRUE' : 'FALSE';
    case 'object':
      break;
    default:
      return String(value);
  }
  if (value instanceof Date) return dateToText(value);
  const v = value as { richText?: RichTextRun[]; formula?: string; sharedFormula?: string; result?: unknown; error?: string; text?: unknown };
  if (Array.isArray(v.richText)) return v.richText.map((run) => run.text ?? '').join('');
  if (v.error !== undefined) return String(v.error);
  if (v.formula !== undefined || v.sharedFormula !== undefined) {
    // A formula without a cached result (never calculated) has no value to import.
    return v.result === undefined ? '' : cellToText(v.result, numFmt, date1904);
  }
  if (v.text !== undefined) return cellToText(v.text, numFmt, date1904);
  return '';
}
