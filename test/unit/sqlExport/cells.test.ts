// Reading cells in SQL exactly as the engine does (shared/scoring/values.ts), and the order
// statistics (default linear bounds, mid-rank percentiles) to the last bit, in SQLite and DuckDB.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScorecard } from '../../../shared/scorecard/validate';
import { TRIM_CODE_POINTS } from '../../../shared/sqlExport/dialect';
import { runSmall } from './helpers';

const card = (raw: Record<string, unknown>) => parseScorecard({ schemaVersion: 1, name: 'cells', minCoverage: 0, ...raw });

const NUMBER_CELLS = [
  '12', ' 12 ', '\t8\n', '\u00a012\u2003', '\ufeff7', '-3.5', '+5', '.5', '5.', '+.5', '-.5', '1e3', '1E+3', '2e-2', '-0', '00012',
  '1,000', '0x10', '1_000', '12abc', 'abc', 'Infinity', '-Infinity', '1e400', '-1e400', '１２', '1e', 'e1', '1e+', '+-1', '1-', '.', '..5',
  '1.2.3', '1e5.5', '1e5e5', '5e-', '-', '--', '+', 'N/A', ' na ', '#N/A', 'NULL', 'NaN', 'nan', '', '   ', '0.1', '0.30000000000000004',
  '123456789012345678901234567890', '4.9e-324', '1.7976931348623157e308', '1.7976931348623159e308', '1 2', '1e 2', '٣', '12\u200b',
];
const DATE_CELLS = [
  '2024-06-30', ' 2024-06-01 ', '2024-02-29', '2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '0099-12-31', '0100-01-01', '9999-12-31',
  '2024-1-5', '2024-06-01T00:00', '20240601', '2024/06/01', 'N/A', '', '2030-01-01', '1970-01-01', '1969-12-31', '２０２４-06-01',
];
const BOOLEAN_CELLS = ['Yes', 'YES', ' y ', 'T', 'true', 'False', 'no', 'N', 'f', '1', '0', '1.0', '2', 'ja', '', 'N/A', '\u00a0TRUE\u00a0'];
const CATEGORY_CELLS = ['Green', ' Green ', 'green', 'GREEN', 'Yellow', 'Red', 'N/A', 'Amber', '', 'Green\u00a0', '1', '1.0', ' 2.50 '];

function column<T>(cells: T[], n: number): T[] {
  return Array.from({ length: n }, (_, i) => cells[i % cells.length]);
}

describe('reading cells', () => {
  it('trims exactly the characters JavaScript trim() removes', () => {
    const trimmed: number[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) if (String.fromCharCode(cp).trim() === '') trimmed.push(cp);
    expect(TRIM_CODE_POINTS).toEqual(trimmed);
  });

  it('text cells: numbers, dates, booleans and categories parsed like the engine', async () => {
    const n = Math.max(NUMBER_CELLS.length, DATE_CELLS.length, BOOLEAN_CELLS.length, CATEGORY_CELLS.length);
    const sc = card({
      metrics: [
        { id: 'num', label: 'num', source: 'num', method: { type: 'linear', lo: -1000, hi: 1000 } },
        { id: 'num_bands', label: 'num bands', source: 'num', method: { type: 'bands', bands: [{ min: 1e300, score: 100 }, { min: 0.1, score: 70 }, { min: -1e-300, score: 20 }], otherwise: 5 } },
        { id: 'days', label: 'days', source: 'date', method: { type: 'daysSince', scoring: { type: 'linear', lo: -10000, hi: 1000000 } } },
        { id: 'flag', label: 'flag', source: 'flag', method: { type: 'boolean' } },
        { id: 'cat', label: 'cat', source: 'cat', method: { type: 'category', map: { Green: 100, Yellow: 50, Red: 0, '1': 11, '2.5': 25, 'N/A': 99 } } },
      ],
    });
    const r = await runSmall({
      sc,
      columns: {
        id: Array.from({ length: n }, (_, i) => `a${i}`),
        num: column(NUMBER_CELLS, n),
        date: column(DATE_CELLS, n),
        flag: column(BOOLEAN_CELLS, n),
        cat: column(CATEGORY_CELLS, n),
      },
    });
    // The engine's reading, spelled out for a few cells (runSmall already compared every one).
    const sub = (i: number, id: string) => r.engine[i].subs[id];
    expect(sub(NUMBER_CELLS.indexOf(' 12 '), 'num')).toBeCloseTo(50.6, 12);
    expect(Number.isNaN(sub(NUMBER_CELLS.indexOf('1,000'), 'num'))).toBe(true);
    expect(Number.isNaN(sub(NUMBER_CELLS.indexOf('1e400'), 'num'))).toBe(true);
    expect(Number.isNaN(sub(NUMBER_CELLS.indexOf('１２'), 'num'))).toBe(true);
    expect(Number.isNaN(sub(DATE_CELLS.indexOf('2023-02-29'), 'days'))).toBe(true);
    expect(Number.isNaN(sub(DATE_CELLS.indexOf('0099-12-31'), 'days'))).toBe(true);
    expect(sub(BOOLEAN_CELLS.indexOf(' y '), 'flag')).toBe(100);
    expect(Number.isNaN(sub(BOOLEAN_CELLS.indexOf('1.0'), 'flag'))).toBe(true);
    expect(sub(CATEGORY_CELLS.indexOf(' Green '), 'cat')).toBe(100);
    expect(Number.isNaN(sub(CATEGORY_CELLS.indexOf('N/A'), 'cat'))).toBe(true);
    expect(Number.isNaN(sub(CATEGORY_CELLS.indexOf('1.0'), 'cat'))).toBe(true);
  });

  it('number-typed cells: finite numbers only; booleans exactly 1 or 0; categories by shortest decimal text', async () => {
    const nums = [1, 0, 2, 0.5, -0, 2.5, 1e21, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, null, 3];
    const sc = card({
      metrics: [
        { id: 'num', label: 'num', source: 'x', method: { type: 'linear', lo: -10, hi: 10 } },
        { id: 'flag', label: 'flag', source: 'x', method: { type: 'boolean' } },
        { id: 'cat', label: 'cat', source: 'x', method: { type: 'category', map: { '1': 10, '0': 20, '2.5': 30, '1e+21': 40, '1.0': 50, '-0': 60, '3': 70 } } },
      ],
      segments: [{ id: 'truthy', label: 'truthy', when: [{ attribute: 'x', operator: 'isTrue' }], weights: {} }],
    });
    const r = await runSmall({ sc, columns: { id: nums.map((_, i) => `n${i}`), x: nums } });
    expect(r.engine.map((e) => e.subs.cat)).toEqual([10, 20, Number.NaN, Number.NaN, 20, 30, 40, Number.NaN, Number.NaN, Number.NaN, 70]);
    expect(r.engine.map((e) => e.subs.flag + 0)).toEqual([100, 0, Number.NaN, Number.NaN, 0, Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN]);
  });

  it('DuckDB typed columns (INTEGER, DECIMAL, BOOLEAN, DATE) read like the engine\'s number, boolean and date columns', async () => {
    const sc = card({
      metrics: [
        { id: 'int', label: 'int', source: 'i', method: { type: 'category', map: { '1': 10, '7': 70 } } },
        { id: 'dec', label: 'dec', source: 'd', method: { type: 'linear' } },
        { id: 'flag', label: 'flag', source: 'b', method: { type: 'boolean' } },
        { id: 'days', label: 'days', source: 'day', method: { type: 'daysSince', scoring: { type: 'linear' } } },
        { id: 'day_linear', label: 'day as a number', source: 'day', method: { type: 'linear', lo: 19000, hi: 20000 } },
      ],
      segments: [
        { id: 'recent', label: 'recent', when: [{ attribute: 'day', operator: 'gt', value: '2024-06-01' }], weights: {} },
        { id: 'flagged', label: 'flagged', when: [{ attribute: 'b', operator: 'isTrue' }], weights: {} },
      ],
    });
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    const r = await runSmall({
      sc,
      columns: {
        id: ['a', 'b', 'c', 'd', 'e'],
        i: [1, 7, 3, null, 1],
        d: [12.5, 0.1, 99.99, 1e-7, null],
        b: [1, 0, null, 1, 0],
        day: [day('2024-06-02'), day('2024-01-31'), null, day('2023-12-31'), day('2024-06-30')],
      },
      kinds: { b: 'boolean', day: 'date' },
      duckdbTypes: { i: 'INTEGER', d: 'DECIMAL(12,7)', b: 'BOOLEAN', day: 'DATE' },
    });
    expect(r.engine.map((e) => e.segment)).toEqual(['recent', 'default', 'default', 'flagged', 'recent']);
  });
});

describe('order statistics', () => {
  const sc = card({
    metrics: [
      { id: 'both', label: 'both', source: 'x', method: { type: 'linear' } },
      { id: 'lo_only', label: 'lo only', source: 'x', direction: 'lowerIsBetter', method: { type: 'linear', hi: 50 } },
      { id: 'hi_only', label: 'hi only', source: 'x', method: { type: 'linear', lo: -50 } },
      { id: 'pop', label: 'pop', source: 'x', method: { type: 'percentile', scope: 'population' } },
      { id: 'seg', label: 'seg', source: 'x', method: { type: 'percentile', scope: 'segment' } },
      { id: 'days', label: 'days', source: 'when', method: { type: 'daysSince', scoring: { type: 'linear' } } },
    ],
    segments: [{ id: 'even', label: 'even', when: [{ attribute: 'parity', operator: 'eq', value: 'even' }], weights: {} }],
  });

  it('ties, a constant column and a single value', async () => {
    const cases: (string | null)[][] = [
      ['1', '1', '2', '3', '3', '3', null],
      ['5', '5', '5', '5'],
      ['42'],
      [null, null],
      ['-0', '0', '0', '1'],
    ];
    for (const xs of cases) {
      const r = await runSmall({
        sc,
        columns: { id: xs.map((_, i) => `a${i}`), x: xs, parity: xs.map((_, i) => (i % 2 ? 'odd' : 'even')), when: xs.map((_, i) => `2024-0${1 + (i % 6)}-15`) },
      });
      if (xs[0] === '1') expect(r.engine.slice(0, 6).map((e) => e.subs.pop)).toEqual([(100 * 1) / 6, (100 * 1) / 6, (100 * 2.5) / 6, 75, 75, 75]);
      if (xs[0] === '5') expect(r.engine.map((e) => e.subs.both)).toEqual([50, 50, 50, 50]);
    }
  });

  it('random columns of every size up to 60: default bounds and ranks agree to the last bit', { timeout: 120_000 }, async () => {
    const value = fc.oneof(
      fc.integer({ min: -20, max: 20 }).map(String),
      fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map(String),
      fc.constantFrom('', 'N/A', '0.1', '0.2', '0.30000000000000004', '1e-300'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(value, { minLength: 1, maxLength: 60 }), async (xs) => {
        const r = await runSmall({
          sc,
          columns: { id: xs.map((_, i) => `a${i}`), x: xs, parity: xs.map((_, i) => (i % 3 ? 'odd' : 'even')), when: xs.map((_, i) => `2024-0${1 + (i % 9)}-${10 + (i % 19)}`) },
        });
        expect(r.comparisons.sqlite.maxSubScoreDiff).toBe(0);
        expect(r.comparisons.duckdb.maxSubScoreDiff).toBe(0);
      }),
      { numRuns: 40 },
    );
  });
});
