// The same table saved three ways (UTF-8 comma CSV, UTF-16 LE "Unicode text" CSV, semicolon CSV
// with decimal commas and day-first dates) must give identical datasets.

import { describe, expect, it } from 'vitest';
import { build, latin1, prepareBytes, utf16le, utf8 } from './helpers';

const ROWS = [
  ['A-1', 'Café Müller', 'Enterprise', 120000.5, 1234.5, 45, '2024-10-16', 'Yes', 'No'],
  ['A-2', 'Globex', 'SMB', null, 3.25, 12.5, '2024-01-02', 'No', 'Yes'],
  ['A-3', 'Initech "Int"', 'SMB', 5000, -1234567.89, 80, null, 'Yes', 'Yes'],
  ['A-4', 'Umbrella; Corp', 'Mid, Market', 0.5, 0, 100, '2023-12-31', 'No', 'No'],
] as const;
const HEADER = ['account_id', 'account_name', 'segment', 'arr', 'balance', 'adoption', 'renewal_date', 'csm_assigned', 'churned'];

function quote(cell: string, delimiter: string): string {
  return /["\n]/.test(cell) || cell.includes(delimiter) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function us(row: (typeof ROWS)[number]): string[] {
  const n = (v: number | null, pct = false) => (v === null ? '' : `${v.toLocaleString('en-US', { maximumFractionDigits: 2 })}${pct ? '%' : ''}`);
  return [row[0], row[1], row[2], n(row[3]), n(row[4]), n(row[5], true), row[6] ?? '', row[7], row[8]];
}

function eu(row: (typeof ROWS)[number]): string[] {
  const n = (v: number | null) => (v === null ? '' : v.toLocaleString('de-DE', { maximumFractionDigits: 2 }).replace(/\u00a0/g, ' '));
  const date = row[6] ? row[6].split('-').reverse().join('/') : '';
  return [row[0], row[1], row[2], n(row[3]) + (row[3] === null ? '' : ' €'), n(row[4]), `${n(row[5])} %`, date, row[7] === 'Yes' ? 'TRUE' : 'FALSE', row[8] === 'Yes' ? 'TRUE' : 'FALSE'];
}

function csv(rows: string[][], delimiter: string, newline = '\n'): string {
  return [HEADER, ...rows].map((r) => r.map((c) => quote(c, delimiter)).join(delimiter)).join(newline) + newline;
}

describe('one table, three files', () => {
  const plain = csv(ROWS.map(us), ',');
  const european = csv(ROWS.map(eu), ';', '\r\n');

  it('writes the European file the way a German Excel does', () => {
    expect(european).toContain('A-1;Café Müller;Enterprise;120.000,5 €;1.234,5;45 %;16/10/2024;TRUE;FALSE');
    expect(european).toContain('"Umbrella; Corp";Mid, Market');
  });

  it('gives identical datasets for UTF-8 comma, UTF-16 LE and semicolon + decimal comma files', () => {
    const base = prepareBytes(utf8(plain), 'accounts.csv');
    const unicode = prepareBytes(utf16le(plain), 'accounts.csv');
    const semicolon = prepareBytes(utf8(european, true), 'accounts.csv');
    const cp1252 = prepareBytes(latin1(european.replace(/€/g, 'EUR')), 'accounts.csv');
    expect(semicolon.parsed.header.delimiter).toBe(';');
    expect(semicolon.profiles.find((p) => p.header === 'balance')?.decimalComma).toBe(true);
    expect(semicolon.profiles.find((p) => p.header === 'renewal_date')?.dateOrder).toBe('dmy');
    const expected = build([base]);
    expect(expected.report.problemCount).toBe(0);
    expect(expected.dataset.accounts.arr).toEqual(Float64Array.from([120000.5, Number.NaN, 5000, 0.5]));
    expect(expected.dataset.accounts.names).toEqual(ROWS.map((r) => r[1]));
    for (const other of [unicode, semicolon, cp1252]) {
      const got = build([other]);
      expect(got.dataset).toEqual(expected.dataset);
      expect(got.report.problemCount).toBe(0);
    }
  });
});
