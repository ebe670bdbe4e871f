// One reader per mapped column: raw cell → number (number, flag 1/0, date as epoch day) under the
// column's conventions, NaN when the cell does not parse. Missing tokens are handled before a
// reader is called, so NaN here always means "unparseable".

import type { FieldKind } from '../dataset';
import { ImportError, preview, quoted } from './importError';
import type { ColumnMapping } from './mapping';
import { parseBoolean } from './values/boolean';
import { needsDateOrder, parseDate } from './values/date';
import { excelSerialToEpochDay } from './values/excelSerial';
import { parseNumber, parsePlainDecimal } from './values/number';

export type CellReader = (raw: string) => number;

const PLAIN_NUMBER = /^\s*\d+(\.\d+)?\s*$/;

function dateReader(column: ColumnMapping, fileName: string): CellReader {
  const order = column.dateOrder ?? 'ymd';
  const system = column.excelDateSystem ?? 1900;
  return (raw) => {
    const day = parseDate(raw, order);
    if (!Number.isNaN(day)) return day;
    // A number in a column the user says holds dates is an Excel serial date.
    if (PLAIN_NUMBER.test(raw)) return excelSerialToEpochDay(Number(raw), system);
    if (column.dateOrder === undefined && needsDateOrder(raw)) {
      throw new ImportError(
        'date_order_required',
        `${quoted(fileName)}: the dates in column "${column.header}" (e.g. "${preview(raw)}") need a day/month order: choose month/day or day/month for this column.`,
        fileName,
      );
    }
    return Number.NaN;
  };
}

/**
 * Whether the column's reader returns parsePlainDecimal's value whenever that is a number (so a
 * caller holding the cell's bytes may compute it from them and call the reader only otherwise).
 */
export function triesPlainDecimalFirst(column: ColumnMapping, kind: FieldKind): boolean {
  return kind === 'number' && !column.decimalComma;
}

/** The reader for a non-text column; `kind` is the type the column is read as. */
export function cellReader(column: ColumnMapping, kind: FieldKind, fileName: string): CellReader {
  switch (kind) {
    case 'number': {
      if (!triesPlainDecimalFirst(column, kind)) return (raw) => parseNumber(raw, true);
      return (raw) => {
        const v = parsePlainDecimal(raw);
        return v === v ? v : parseNumber(raw, false);
      };
    }
    case 'boolean':
      return parseBoolean;
    case 'date':
      return dateReader(column, fileName);
    default:
      throw new Error(`cellReader: text columns have no numeric reader (${column.header})`);
  }
}

/** What an unparseable cell is called in a problem message. */
export function expectedValue(kind: FieldKind, column: ColumnMapping): string {
  switch (kind) {
    case 'number':
      return column.decimalComma ? 'is not a number (with a decimal comma)' : 'is not a number';
    case 'boolean':
      return 'is not a yes/no value';
    case 'date':
      return column.dateOrder && column.dateOrder !== 'ymd' ? `is not a date (${column.dateOrder === 'mdy' ? 'month/day/year' : 'day/month/year'})` : 'is not a date';
    default:
      return 'cannot be read';
  }
}
