import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoToEpochDay } from '../../../shared/dates';
import { ColumnProfiler, SheetProfiler, profileColumn } from '../../../shared/import/inferColumn';
import { batchOf } from '../../../shared/import/rowBatch';

describe('profileColumn: numbers', () => {
  it('infers numbers with min, max and missing counts', () => {
    const p = profileColumn(['10', '2.5', '', 'N/A', '-3', ' '], 'mrr');
    expect(p.type).toBe('number');
    expect(p.confidence).toBe(1);
    expect(p.missingCount).toBe(3);
    expect(p.missingPercent).toBe(50);
    expect([p.min, p.max]).toEqual([-3, 10]);
    expect(p.decimalComma).toBe(false);
    expect(p.failures).toEqual([]);
  });

  it('detects a decimal comma per column from its unambiguous tokens', () => {
    const p = profileColumn(['1.234,50', '3,5', '1,234', '12'], 'revenue');
    expect(p.type).toBe('number');
    expect(p.decimalComma).toBe(true);
    expect([p.min, p.max]).toEqual([1.234, 1234.5]);
  });

  it('resolves "1,234" alone to a decimal point (thousands comma)', () => {
    const p = profileColumn(['1,234', '5,678'], 'seats');
    expect(p.decimalComma).toBe(false);
    expect([p.min, p.max]).toEqual([1234, 5678]);
  });

  it('resolves "1,234" by the rest of the column', () => {
    expect(profileColumn(['1,234', '2,5'], 'x').max).toBe(2.5);
    expect(profileColumn(['1,234', '2.50'], 'x').max).toBe(1234);
  });

  it('keeps two columns of one sheet on their own conventions', () => {
    const profiler = new SheetProfiler(['eu', 'us']);
    profiler.push(batchOf([['3,5', '3.5'], ['1.000,25', '1,000.25']]));
    const [eu, us] = profiler.result();
    expect(eu.decimalComma).toBe(true);
    expect(us.decimalComma).toBe(false);
    expect(eu.max).toBe(1000.25);
    expect(us.max).toBe(1000.25);
  });

  it('notes percentages and currencies', () => {
    const pct = profileColumn(['45%', '12.5%', '100%'], 'adoption');
    expect(pct.percent).toBe(true);
    expect(pct.max).toBe(100);
    const eur = profileColumn(['1.234,50 €', '99 €', '(12,00 €)'], 'arr');
    expect(eur.currency).toBe('€');
    expect(eur.decimalComma).toBe(true);
    expect(eur.min).toBe(-12);
  });

  it('lists the values that do not parse, with their spreadsheet row', () => {
    const values = Array.from({ length: 50 }, (_, i) => String(i));
    values[7] = 'oops';
    values[30] = 'n.a.';
    const p = profileColumn(values, 'logins');
    expect(p.type).toBe('number');
    expect(p.failureCount).toBe(2);
    expect(p.failures).toEqual([
      { row: 9, value: 'oops' },
      { row: 32, value: 'n.a.' },
    ]);
    expect(p.confidence).toBeCloseTo(48 / 50);
  });

  it('keeps only the first 1,000 failures but counts all', () => {
    const values = Array.from({ length: 30_000 }, (_, i) => (i % 10 === 0 ? `x${i}` : String(i)));
    const p = profileColumn(values, 'n');
    expect(p.type).toBe('number');
    expect(p.failureCount).toBe(3000);
    expect(p.failures).toHaveLength(1000);
    expect(p.failures[0]).toEqual({ row: 2, value: 'x0' });
    expect(p.failures[999]).toEqual({ row: 9992, value: 'x9990' });
  });

  it('calls a column text when a non-number recurs (a category, not a typo)', () => {
    const values = [...Array.from({ length: 95 }, (_, i) => String(i)), ...Array(5).fill('unknown')];
    const p = profileColumn(values, 'tier');
    expect(p.type).toBe('text');
    expect(p.shares.number).toBeCloseTo(0.95);
  });

  it('calls a column text when fewer than 90% of values are numbers', () => {
    const p = profileColumn(['1', '2', 'three', 'four', '5'], 'x');
    expect(p.type).toBe('text');
    expect(p.confidence).toBeCloseTo(1 - 0.6);
  });
});

describe('profileColumn: booleans', () => {
  it('infers Yes/No, True/False and Y/N columns', () => {
    for (const pair of [['Yes', 'No'], ['True', 'False'], ['Y', 'N'], ['TRUE', 'FALSE']]) {
      const p = profileColumn([pair[0], pair[1], pair[0], ''], 'partner');
      expect(p.type).toBe('boolean');
      expect(p.topValues).toEqual([
        { value: pair[0], count: 2 },
        { value: pair[1], count: 1 },
      ]);
    }
  });

  it('prefers number for a 0/1 column unless the header reads like a flag', () => {
    const values = ['0', '1', '1', '0'];
    const plain = profileColumn(values, 'SeniorCitizen');
    expect(plain.type).toBe('number');
    expect(plain.booleanCapable).toBe(true);
    for (const header of ['is_active', 'has_csm', 'churn_flag', 'Churn', 'Delinquent']) {
      expect(profileColumn(values, header).type).toBe('boolean');
    }
  });

  it('accepts a mix of words and 0/1', () => {
    expect(profileColumn(['Yes', '0', '1', 'No'], 'x').type).toBe('boolean');
  });

  it('does not call Yes/No/"No phone service" a boolean', () => {
    const values = [...Array(60).fill('Yes'), ...Array(30).fill('No'), ...Array(10).fill('No phone service')];
    const p = profileColumn(values, 'MultipleLines');
    expect(p.type).toBe('text');
    expect(p.booleanCapable).toBe(false);
  });
});

describe('profileColumn: dates', () => {
  it('infers ISO dates with their range', () => {
    const p = profileColumn(['2024-10-16', '2023-07-28 03:00:00', ''], 'signup_date');
    expect(p.type).toBe('date');
    expect(p.dateOrder).toBe('ymd');
    expect([p.minDate, p.maxDate]).toEqual(['2023-07-28', '2024-10-16']);
    expect(p.min).toBe(isoToEpochDay('2023-07-28'));
  });

  it('decides month-first from one day above 12', () => {
    const p = profileColumn(['03/04/2024', '10/16/2024', '01/02/2024'], 'last_login');
    expect(p.dateOrder).toBe('mdy');
    expect([p.minDate, p.maxDate]).toEqual(['2024-01-02', '2024-10-16']);
  });

  it('decides day-first from one day above 12', () => {
    const p = profileColumn(['03/04/2024', '16/10/2024'], 'renewal');
    expect(p.dateOrder).toBe('dmy');
    expect(p.maxDate).toBe('2024-10-16');
    expect(p.minDate).toBe('2024-04-03');
  });

  it('says so when the day/month order cannot be told, with both candidates', () => {
    const p = profileColumn(['03/04/2024', '05/06/2024', '12/01/2023'], 'renewal');
    expect(p.type).toBe('date');
    expect(p.dateOrder).toBe('ambiguous');
    expect(p.dateOrderCandidates).toEqual([
      { order: 'mdy', min: '2023-12-01', max: '2024-05-06' },
      { order: 'dmy', min: '2023-01-12', max: '2024-06-05' },
    ]);
    expect(p.min).toBeNull();
  });

  it('reads dotted dates as day-first without asking', () => {
    const p = profileColumn(['03.04.2024', '05.06.2024'], 'd');
    expect(p.dateOrder).toBe('dmy');
    expect(p.maxDate).toBe('2024-06-05');
  });

  it('lists the minority order as failures when a column mixes both', () => {
    const p = profileColumn(['13/01/2024', '14/01/2024', '15/01/2024', '16/01/2024', '17/01/2024', '18/01/2024', '19/01/2024', '20/01/2024', '21/01/2024', '22/01/2024', '01/31/2024'], 'd');
    expect(p.dateOrder).toBe('dmy');
    expect(p.failures).toEqual([{ row: 12, value: '01/31/2024' }]);
  });
});

describe('profileColumn: text', () => {
  it('counts distinct values and the most frequent ones', () => {
    const p = profileColumn(['EU', 'US', 'EU', 'APAC', 'EU', null as unknown as string], 'region');
    expect(p.type).toBe('text');
    expect(p.distinctCount).toBe(3);
    expect(p.topValues[0]).toEqual({ value: 'EU', count: 3 });
    expect(p.hasRepeats).toBe(true);
    expect(p.examples).toEqual(['EU', 'US', 'APAC']);
  });

  it('caps distinct counting and still finds repeats beyond the cap', () => {
    const values = Array.from({ length: 5000 }, (_, i) => `id-${i}`);
    const unique = profileColumn(values, 'id');
    expect(unique.distinctCapped).toBe(true);
    expect(unique.distinctCount).toBeGreaterThan(1000);
    expect(unique.hasRepeats).toBe(false);
    expect(unique.topValues).toEqual([]);
    values.push('id-4000');
    expect(profileColumn(values, 'id').hasRepeats).toBe(true);
  });

  it('profiles an all-missing column as text with confidence 0', () => {
    const p = profileColumn(['', 'N/A', '-'], 'notes');
    expect(p.type).toBe('text');
    expect(p.confidence).toBe(0);
    expect(p.missingPercent).toBe(100);
  });
});

describe('type choices and streaming', () => {
  it('re-profiles under a type the user chose, listing its failures', () => {
    const profiler = new ColumnProfiler('score');
    ['1', 'two', '3', 'four'].forEach((v, i) => profiler.add(v, i + 2));
    expect(profiler.result().type).toBe('text');
    const asNumber = profiler.result({ type: 'number' });
    expect(asNumber.type).toBe('number');
    expect(asNumber.failures).toEqual([
      { row: 3, value: 'two' },
      { row: 5, value: 'four' },
    ]);
    const dates = new ColumnProfiler('d');
    ['03/04/2024', '05/06/2024'].forEach((v, i) => dates.add(v, i + 2));
    expect(dates.result({ type: 'date', dateOrder: 'dmy' }).minDate).toBe('2024-04-03');
  });

  it('gives the same profile however the rows are split into batches', () => {
    const cell = fc.oneof(fc.constantFrom('', 'N/A', 'Yes', 'No', '1,5', '2.5', '1,234', '03/04/2024', '2024-01-31', 'x'), fc.integer().map(String));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { maxLength: 60 }), fc.array(fc.nat(60), { maxLength: 5 }), (rows, cuts) => {
        const whole = new SheetProfiler(['a', 'b']);
        whole.push(batchOf(rows));
        const split = new SheetProfiler(['a', 'b']);
        const points = [...new Set(cuts.map((c) => Math.min(c, rows.length)))].sort((x, y) => x - y);
        let start = 0;
        for (const end of [...points, rows.length]) {
          split.push(batchOf(rows.slice(start, end), start + 2));
          start = end;
        }
        expect(split.result()).toEqual(whole.result());
      }),
      { numRuns: 300 },
    );
  });
});
