// XLSX cell values (as exceljs's streaming reader gives them) → the text the import core reads.

import { describe, expect, it } from 'vitest';
import { cellToText, dateToText, isDateFormat, serialToText } from '../../../electron/import/xlsxCells';

describe('XLSX cells as text', () => {
  it('dates: ISO text, with the time only when there is one', () => {
    expect(dateToText(new Date(Date.UTC(2024, 1, 29)))).toBe('2024-02-29');
    expect(dateToText(new Date(Date.UTC(2024, 1, 29, 13, 5, 9, 600)))).toBe('2024-02-29 13:05:10');
    expect(cellToText(new Date(Date.UTC(1999, 11, 31)), 'yyyy-mm-dd', false)).toBe('1999-12-31');
  });

  it('a serial number in a date-formatted cell (a formula result) is a date, in either date system', () => {
    expect(isDateFormat('dd/mm/yyyy')).toBe(true);
    expect(isDateFormat('[$-409]mmmm d, yyyy;@')).toBe(true);
    expect(isDateFormat('0.00%')).toBe(false);
    expect(isDateFormat('"Days: "0')).toBe(false);
    expect(serialToText(45351, false)).toBe('2024-02-29');
    expect(serialToText(45351 - 1462, true)).toBe('2024-02-29');
    expect(cellToText({ formula: 'TODAY()', result: 45351.5 }, 'yyyy-mm-dd', false)).toBe('2024-02-29 12:00:00');
    expect(cellToText({ formula: 'A1*2', result: 45351 }, '#,##0', false)).toBe('45351');
  });

  it('formulas by their cached result; booleans, errors, rich text and numbers', () => {
    expect(cellToText({ formula: 'B2+2', result: 12 }, undefined, false)).toBe('12');
    expect(cellToText({ sharedFormula: 'B2', result: 'ok' }, undefined, false)).toBe('ok');
    expect(cellToText({ formula: 'B2+2' }, undefined, false)).toBe('');
    expect(cellToText({ formula: '1/0', result: Number.NaN }, undefined, false)).toBe('');
    expect(cellToText({ formula: 'NA()', result: { error: '#N/A' } }, undefined, false)).toBe('#N/A');
    expect(cellToText(true, undefined, false)).toBe('TRUE');
    expect(cellToText(false, undefined, false)).toBe('FALSE');
    expect(cellToText({ error: '#DIV/0!' }, undefined, false)).toBe('#DIV/0!');
    expect(cellToText({ richText: [{ text: 'Ac' }, { text: 'me' }] }, undefined, false)).toBe('Acme');
    expect(cellToText(0.1 + 0.2, '0.00', false)).toBe('0.30000000000000004');
    expect(cellToText(1e21, undefined, false)).toBe('1e+21');
    expect(cellToText(null, undefined, false)).toBe('');
  });
});
