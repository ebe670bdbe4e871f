import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNumberScan, parseNumber, scanNumber } from '../../../shared/import/values/number';

describe('parseNumber', () => {
  it.each([
    ['0', 0],
    ['42', 42],
    ['-7', -7],
    ['+7', 7],
    ['3.25', 3.25],
    ['-0.5', -0.5],
    ['.5', 0.5],
    ['1,234', 1234],
    ['1,234,567', 1234567],
    ['1,234.50', 1234.5],
    ['1 234 567', 1234567],
    ['1\u00a0234.5', 1234.5],
    ["1'234.50", 1234.5],
    ['1e5', 100000],
    ['1.5E+3', 1500],
    ['-2.5e-3', -0.0025],
    ['007', 7],
  ])('reads %j as %d with a decimal point', (raw, expected) => {
    expect(parseNumber(raw)).toBe(expected);
  });

  it.each([
    ['3,5', 3.5],
    ['1.234,50', 1234.5],
    ['1.234.567', 1234567],
    ['1.234.567,89', 1234567.89],
    ['1 234,5', 1234.5],
    ['0,25', 0.25],
    [',5', 0.5],
    ['-12,75', -12.75],
    ['1.234', 1234],
  ])('reads %j as %d with a decimal comma', (raw, expected) => {
    expect(parseNumber(raw, true)).toBe(expected);
  });

  it.each([
    ['$1,234.50', 1234.5, false],
    ['1.234,50 €', 1234.5, true],
    ['€1.234,50', 1234.5, true],
    ['£12', 12, false],
    ['¥1,000', 1000, false],
    ['EUR 12', 12, false],
    ['12 EUR', 12, false],
    ['USD 1,234.56', 1234.56, false],
    ['CHF 1\'234.50', 1234.5, false],
    ['US$99', 99, false],
    ['-$1,234', -1234, false],
    ['$-1,234', -1234, false],
    ['€ -12,5', -12.5, true],
  ])('strips the currency of %j', (raw, expected, comma) => {
    expect(parseNumber(raw, comma)).toBe(expected);
  });

  it.each([
    ['45%', 45],
    ['45 %', 45],
    ['-3.5%', -3.5],
    ['100%', 100],
    ['0.5%', 0.5],
  ])('keeps the number of percentage %j', (raw, expected) => {
    expect(parseNumber(raw)).toBe(expected);
  });

  it.each([
    ['(1,234)', -1234, false],
    ['(1.234,50)', -1234.5, true],
    ['($1,234.50)', -1234.5, false],
    ['$(99)', -99, false],
    ['(12%)', -12, false],
    ['1234-', -1234, false],
    ['−5', -5, false],
  ])('reads negative %j', (raw, expected, comma) => {
    expect(parseNumber(raw, comma)).toBe(expected);
  });

  it.each(['abc', '12abc', '1,2,3', '1.2.3', '--5', '+-5', '12.', '1,23,456', '2024-10-16', '10/16/2024', '7590-VHVEG', 'Infinity', 'ABC 12', '$', '%', '()', '1 2'])(
    'refuses %j',
    (raw) => {
      expect(parseNumber(raw)).toBeNaN();
      expect(parseNumber(raw, true)).toBeNaN();
    },
  );

  it('rejects a token that only the other convention can read', () => {
    expect(parseNumber('3,5')).toBeNaN();
    expect(parseNumber('12.5', true)).toBeNaN();
    expect(parseNumber('1,234.50', true)).toBeNaN();
    expect(parseNumber('1.234,50')).toBeNaN();
  });
});

describe('scanNumber', () => {
  const scan = createNumberScan();
  it.each([
    ['1234', 'neutral'],
    ['1 234', 'neutral'],
    ['12.5', 'point'],
    ['0.123', 'point'],
    ['1,234.5', 'point'],
    ['1,234,567', 'point'],
    ['3,5', 'comma'],
    ['0,123', 'comma'],
    ['1.234,5', 'comma'],
    ['1.234.567', 'comma'],
    ['1,234', 'ambiguous'],
    ['1.234', 'ambiguous'],
    ['-1.234', 'ambiguous'],
  ])('classifies %j as %s', (raw, kind) => {
    expect(scanNumber(raw, scan)).toBe(true);
    expect(scan.kind).toBe(kind);
  });

  it('reports both readings of an ambiguous token, with sign', () => {
    expect(scanNumber('-1.234', scan)).toBe(true);
    expect([scan.point, scan.comma]).toEqual([-1.234, -1234]);
    expect(scanNumber('(1,234)', scan)).toBe(true);
    expect([scan.point, scan.comma]).toEqual([-1234, -1.234]);
  });

  it('notes the percent sign and the currency', () => {
    expect(scanNumber('45%', scan)).toBe(true);
    expect(scan.percent).toBe(true);
    expect(scanNumber('1.234,50 €', scan)).toBe(true);
    expect(scan.currency).toBe('€');
    expect(scan.percent).toBe(false);
    expect(scanNumber('EUR 12', scan)).toBe(true);
    expect(scan.currency).toBe('EUR');
  });
});

// Formats a number as a spreadsheet might (grouping, decimal mark, currency, negative style) and
// checks that parsing with the matching convention returns it.
type Style = { comma: boolean; group: '' | ',' | '.' | ' ' | "'"; currency: '' | '$' | '€ ' | ' €' | ' EUR'; negative: 'minus' | 'parens' | 'trailing'; percent: boolean };

function format(value: number, style: Style): string {
  const abs = Math.abs(value);
  const [int, frac] = abs.toFixed(2).split('.');
  const groupChar = style.group === ',' && style.comma ? '.' : style.group === '.' && !style.comma ? ',' : style.group;
  const grouped = groupChar ? int.replace(/\B(?=(\d{3})+(?!\d))/g, groupChar) : int;
  let body = `${grouped}${style.comma ? ',' : '.'}${frac}`;
  if (style.percent) body += '%';
  else if (style.currency === '$' || style.currency === '€ ') body = style.currency + body;
  else body += style.currency;
  if (value >= 0) return body;
  if (style.negative === 'parens') return `(${body})`;
  if (style.negative === 'trailing') return `${body}-`;
  return `-${body}`;
}

describe('parseNumber properties', () => {
  const style = fc.record({
    comma: fc.boolean(),
    group: fc.constantFrom('', ',', '.', ' ', "'"),
    currency: fc.constantFrom('', '$', '€ ', ' €', ' EUR'),
    negative: fc.constantFrom('minus', 'parens', 'trailing'),
    percent: fc.boolean(),
  }) as fc.Arbitrary<Style>;

  it('reads back any number formatted in a supported style', () => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }), style, (cents, s) => {
        const value = cents / 100;
        const text = format(value, s);
        expect(parseNumber(text, s.comma)).toBeCloseTo(value, 6);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back any finite double written by String()', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        if (Object.is(v, -0)) return;
        expect(parseNumber(String(v))).toBe(v);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with Number() on every plain decimal (the fast path computes values itself)', () => {
    fc.assert(
      fc.property(fc.constantFrom('', '-', '+'), fc.stringMatching(/^[0-9]{1,17}$/), fc.option(fc.stringMatching(/^[0-9]{1,17}$/)), (sign, int, frac) => {
        const text = `${sign}${int}${frac === null ? '' : `.${frac}`}`;
        expect(Object.is(parseNumber(text), Number(text))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const a = parseNumber(s);
        const b = parseNumber(s, true);
        expect(typeof a).toBe('number');
        expect(typeof b).toBe('number');
      }),
      { numRuns: 3000 },
    );
  });
});
