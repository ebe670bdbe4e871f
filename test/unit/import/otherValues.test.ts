import { describe, expect, it } from 'vitest';
import { isoToEpochDay } from '../../../shared/dates';
import { looksLikeFlagHeader, parseBoolean, parseBooleanWord } from '../../../shared/import/values/boolean';
import { createDateScan, daysFromCivil, parseDate, scanDate } from '../../../shared/import/values/date';
import { excelSerialToEpochDay, utcDateToEpochDay } from '../../../shared/import/values/excelSerial';
import { isMissingValue } from '../../../shared/import/values/missing';

const day = isoToEpochDay;

describe('missing values', () => {
  it.each(['', ' ', '   ', '\t', '\u00a0', 'N/A', 'NA', 'n/a', 'na', 'null', 'NULL', 'Null', 'None', 'none', '-', '--', '#N/A', '#DIV/0!', '#VALUE!', '#REF!', 'NaN', 'nan', ' N/A ', '#NAME?', '#NUM!', '#NULL!'])(
    '%j is missing',
    (token) => {
      expect(isMissingValue(token)).toBe(true);
    },
  );

  it.each(['0', '-0', 'No', 'n', 'Nada', 'NAN1', '---', '- 1', '#N/A!x', 'NA NA', 'Not available', '#'])('%j is a value', (token) => {
    expect(isMissingValue(token)).toBe(false);
  });

  it('treats undefined and null as missing', () => {
    expect(isMissingValue(undefined)).toBe(true);
    expect(isMissingValue(null)).toBe(true);
  });
});

describe('booleans', () => {
  it.each([
    ['Yes', 1],
    ['yes', 1],
    ['YES', 1],
    ['No', 0],
    ['True', 1],
    ['TRUE', 1],
    ['false', 0],
    ['Y', 1],
    ['n', 0],
    ['T', 1],
    ['F', 0],
    [' Yes ', 1],
  ])('word %j is %d', (raw, v) => {
    expect(parseBooleanWord(raw)).toBe(v);
    expect(parseBoolean(raw)).toBe(v);
  });

  it.each([
    ['1', 1],
    ['0', 0],
    ['1.0', 1],
    ['0.0', 0],
  ])('number %j is %d only as a boolean, not as a word', (raw, v) => {
    expect(parseBoolean(raw)).toBe(v);
    expect(parseBooleanWord(raw)).toBeNaN();
  });

  it.each(['2', 'Maybe', 'yess', 'Nope', '', 'No phone service', '-1'])('%j is not a boolean', (raw) => {
    expect(parseBoolean(raw)).toBeNaN();
  });

  it.each(['is_trial', 'has_csm', 'churn', 'churn_flag', 'churned', 'delinquent', 'escalation_flag', 'flag_vip', 'is_active', 'auto_renew_flag', 'active'])(
    'header %s reads like a flag',
    (h) => {
      expect(looksLikeFlagHeader(h)).toBe(true);
    },
  );

  it.each(['senior_citizen', 'seats', 'logins', 'flagship_count', 'history', 'tenure'])('header %s does not', (h) => {
    expect(looksLikeFlagHeader(h)).toBe(false);
  });
});

describe('dates', () => {
  it.each([
    ['2024-10-16', 'ymd', '2024-10-16'],
    ['2024-1-6', 'ymd', '2024-01-06'],
    ['2024/10/16', 'ymd', '2024-10-16'],
    ['2023-07-28 03:00:00', 'ymd', '2023-07-28'],
    ['2023-07-28T03:00:00Z', 'ymd', '2023-07-28'],
    ['2023-07-28T23:59:59.123+02:00', 'ymd', '2023-07-28'],
    ['10/16/2024', 'mdy', '2024-10-16'],
    ['1/6/2024', 'mdy', '2024-01-06'],
    ['10/16/24', 'mdy', '2024-10-16'],
    ['12/31/99', 'mdy', '1999-12-31'],
    ['1/2/29', 'mdy', '2029-01-02'],
    ['1/2/30', 'mdy', '1930-01-02'],
    ['10/16/2024 3:00 PM', 'mdy', '2024-10-16'],
    ['16/10/2024', 'dmy', '2024-10-16'],
    ['16-10-2024', 'dmy', '2024-10-16'],
    ['16.10.2024', 'dmy', '2024-10-16'],
    ['16.10.24', 'dmy', '2024-10-16'],
    ['6.1.2024', 'dmy', '2024-01-06'],
    ['16.10.2024 14:30', 'dmy', '2024-10-16'],
    ['16 Oct 2024', 'ymd', '2024-10-16'],
    ['16-Oct-24', 'ymd', '2024-10-16'],
    ['Oct 16, 2024', 'ymd', '2024-10-16'],
    ['October 16 2024', 'ymd', '2024-10-16'],
    ['29/02/2024', 'dmy', '2024-02-29'],
  ])('%j (%s) is %s', (raw, order, iso) => {
    expect(parseDate(raw, order as 'ymd' | 'mdy' | 'dmy')).toBe(day(iso));
  });

  it('reads dotted dates day-first whatever the order (the European convention)', () => {
    expect(parseDate('03.04.2024', 'mdy')).toBe(day('2024-04-03'));
    expect(parseDate('03.04.2024', 'ymd')).toBe(day('2024-04-03'));
  });

  it.each(['2023-02-29', '2024-13-01', '2024-00-10', '31/04/2024', '13/13/2024', '2024-10-16x', '16/10', 'Octopus 16, 2024', '32.01.2024', 'yesterday', '20241016'])(
    '%j is not a date',
    (raw) => {
      expect(parseDate(raw, 'mdy')).toBeNaN();
      expect(parseDate(raw, 'dmy')).toBeNaN();
    },
  );

  it('refuses a d/m token under the other order and any d/m token without an order', () => {
    expect(parseDate('16/10/2024', 'mdy')).toBeNaN();
    expect(parseDate('10/16/2024', 'dmy')).toBeNaN();
    expect(parseDate('03/04/2024', 'ymd')).toBeNaN();
  });

  it('reports both readings of an ambiguous date', () => {
    const scan = createDateScan();
    expect(scanDate('03/04/2024', scan)).toBe(true);
    expect(scan.kind).toBe('either');
    expect(scan.mdy).toBe(day('2024-03-04'));
    expect(scan.dmy).toBe(day('2024-04-03'));
    expect(parseDate('03/04/2024', 'mdy')).toBe(day('2024-03-04'));
    expect(parseDate('03/04/2024', 'dmy')).toBe(day('2024-04-03'));
    expect(scanDate('05/05/2024', scan)).toBe(true);
    expect(scan.kind).toBe('fixed');
    expect(scanDate('13/04/2024', scan) && scan.kind).toBe('dmy');
    expect(scanDate('04/13/2024', scan) && scan.kind).toBe('mdy');
  });

  it('computes epoch days exactly like shared/dates for every day of 1900–2100', () => {
    for (let d = isoToEpochDay('1900-01-01'); d <= isoToEpochDay('2100-12-31'); d += 1) {
      const iso = new Date(d * 86_400_000).toISOString().slice(0, 10);
      const [y, m, dd] = iso.split('-').map(Number);
      if (daysFromCivil(y, m, dd) !== d) throw new Error(`mismatch at ${iso}`);
    }
    expect(daysFromCivil(2023, 2, 29)).toBeNaN();
  });
});

describe('Excel serial dates', () => {
  it('reads the 1900 system, with its phantom 1900-02-29', () => {
    expect(excelSerialToEpochDay(1)).toBe(day('1900-01-01'));
    expect(excelSerialToEpochDay(59)).toBe(day('1900-02-28'));
    expect(excelSerialToEpochDay(60)).toBeNaN();
    expect(excelSerialToEpochDay(61)).toBe(day('1900-03-01'));
    expect(excelSerialToEpochDay(25569)).toBe(0);
    expect(excelSerialToEpochDay(45213)).toBe(day('2023-10-14'));
    expect(excelSerialToEpochDay(45581.75)).toBe(day('2024-10-16'));
    expect(excelSerialToEpochDay(2958465)).toBe(day('9999-12-31'));
  });

  it('reads the 1904 system', () => {
    expect(excelSerialToEpochDay(0, 1904)).toBe(day('1904-01-01'));
    expect(excelSerialToEpochDay(1, 1904)).toBe(day('1904-01-02'));
    expect(excelSerialToEpochDay(43751, 1904)).toBe(day('2023-10-14'));
  });

  it('refuses serials outside the calendar', () => {
    expect(excelSerialToEpochDay(0)).toBeNaN();
    expect(excelSerialToEpochDay(-1)).toBeNaN();
    expect(excelSerialToEpochDay(2958466)).toBeNaN();
    expect(excelSerialToEpochDay(-1, 1904)).toBeNaN();
    expect(excelSerialToEpochDay(Number.NaN)).toBeNaN();
  });

  it('reads a UTC date from a spreadsheet library', () => {
    expect(utcDateToEpochDay(new Date(Date.UTC(2024, 9, 16, 13, 5)))).toBe(day('2024-10-16'));
    expect(utcDateToEpochDay(new Date(Number.NaN))).toBeNaN();
  });
});
