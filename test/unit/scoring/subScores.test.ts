import { describe, expect, it } from 'vitest';
import { isoToEpochDay } from '../../../shared/dates';
import { buildSubScoreMatrix } from '../../../shared/scoring/matrix';
import { percentilesInPlace } from '../../../shared/scoring/quantiles';
import { parseBooleanText, parseNumberText } from '../../../shared/scoring/values';
import { card, makeData, type DataSpec } from './helpers';

/** Sub-scores of a single metric `x` defined by `metric` over `spec`. */
function sub(metric: Record<string, unknown>, spec: DataSpec, extra: Record<string, unknown> = {}): number[] {
  const sc = card({ metrics: [{ id: 'x', label: 'x', source: 'x', ...metric }], ...extra });
  return Array.from(buildSubScoreMatrix(sc, makeData(spec)).columns[0]);
}

describe('linear', () => {
  it('clamps (x − lo)/(hi − lo) to [0, 1] × 100', () => {
    expect(sub({ method: { type: 'linear', lo: 10, hi: 20 } }, { metrics: { x: [15, 5, 25, 12, null] } })).toEqual([50, 0, 100, 20, Number.NaN]);
  });

  it('lower is better gives 100 − s', () => {
    expect(sub({ method: { type: 'linear', lo: 10, hi: 20 }, direction: 'lowerIsBetter' }, { metrics: { x: [12, 25] } })).toEqual([80, 0]);
  });

  it('defaults lo/hi to the 5th/95th percentile (linear interpolation) of present values', () => {
    // 1…21: p5 = 1 + 0.05·20 = 2, p95 = 1 + 0.95·20 = 20.
    const xs = Array.from({ length: 21 }, (_, i) => i + 1);
    const s = sub({ method: { type: 'linear' } }, { metrics: { x: [...xs, null] } });
    expect(s[10]).toBeCloseTo(((11 - 2) / 18) * 100, 12);
    expect(s[0]).toBe(0);
    expect(s[20]).toBe(100);
    // An absent account's value takes no part in the bounds.
    const withAbsent = sub({ method: { type: 'linear' } }, { metrics: { x: [...xs, 1000] }, present: [...xs.map(() => 1), 0] });
    expect(withAbsent[10]).toBeCloseTo(((11 - 2) / 18) * 100, 12);
    expect(withAbsent[21]).toBeNaN();
  });

  it('one default bound with an explicit other', () => {
    const xs = Array.from({ length: 21 }, (_, i) => i + 1);
    expect(sub({ method: { type: 'linear', lo: 0 } }, { metrics: { x: xs } })[9]).toBeCloseTo(50, 12); // 10 / 20
  });

  it('a constant column (lo = hi) scores 50 at the value', () => {
    expect(sub({ method: { type: 'linear' } }, { metrics: { x: [7, 7, 7] } })).toEqual([50, 50, 50]);
  });

  it('percentiles match numpy on small samples', () => {
    expect(percentilesInPlace(Float64Array.from([3, 1, 2, 4]), [0.05, 0.5, 0.95])).toEqual([1.15, 2.5, 3.8499999999999996]);
    expect(percentilesInPlace(new Float64Array(0), [0.5])).toEqual([Number.NaN]);
  });
});

describe('bands', () => {
  const method = { type: 'bands', bands: [{ min: 5, score: 100 }, { min: 2, score: 60 }], otherwise: 20 };
  it('first band with x ≥ min wins, otherwise the fallback', () => {
    expect(sub({ method }, { metrics: { x: [5, 4.9, 2, 1.99, -3, null] } })).toEqual([100, 60, 60, 20, 20, Number.NaN]);
  });
});

describe('percentile', () => {
  it('mid-rank with ties: 100 × (L + 0.5·E) / N', () => {
    const s = sub({ method: { type: 'percentile', scope: 'population' } }, { metrics: { x: [10, 20, 20, 30, null] } });
    expect(s).toEqual([12.5, 50, 50, 87.5, Number.NaN]);
  });

  it('all equal values sit at 50', () => {
    expect(sub({ method: { type: 'percentile', scope: 'population' } }, { metrics: { x: [4, 4, 4] } })).toEqual([50, 50, 50]);
  });

  it('segment scope ranks within the account’s segment', () => {
    const seg = { segments: [{ id: 'a', label: 'A', when: [{ attribute: 'tier', operator: 'eq', value: 'a' }] }] };
    const spec = { metrics: { x: [1, 2, 100, 200] }, attributes: { tier: ['a', 'a', 'b', 'b'] } };
    expect(sub({ method: { type: 'percentile', scope: 'segment' } }, spec, seg)).toEqual([25, 75, 25, 75]);
    expect(sub({ method: { type: 'percentile', scope: 'population' } }, spec, seg)).toEqual([12.5, 37.5, 62.5, 87.5]);
  });
});

describe('boolean, category, days since', () => {
  it('boolean: true 100, false 0, anything else missing', () => {
    expect(sub({ method: { type: 'boolean' } }, { metrics: { x: [1, 0, 2, null] } })).toEqual([100, 0, Number.NaN, Number.NaN]);
    expect(sub({ method: { type: 'boolean' } }, { metrics: { x: ['Yes', 'no', 'maybe', ' ', 'TRUE'] } })).toEqual([100, 0, Number.NaN, Number.NaN, 100]);
  });

  it('category: mapped text scores, unmapped and blank are missing', () => {
    const method = { type: 'category', map: { Green: 100, Yellow: 50, Red: 0 } };
    expect(sub({ method }, { metrics: { x: ['Green', ' Red ', 'Blue', null, 'N/A', 'Yellow'] } })).toEqual([100, 0, Number.NaN, Number.NaN, Number.NaN, 50]);
  });

  it('days since: d = snapshot − date, then bands or linear', () => {
    const snapshotDay = isoToEpochDay('2024-03-01');
    const bands = { type: 'daysSince', scoring: { type: 'bands', bands: [{ min: 30, score: 0 }, { min: 7, score: 50 }], otherwise: 100 } };
    const spec = { metrics: { x: ['2024-02-20', '2024-03-01', null, '2024-01-01', 'yesterday'] }, snapshotDay };
    expect(sub({ method: bands }, spec)).toEqual([50, 100, Number.NaN, 0, Number.NaN]);
    const linear = { type: 'daysSince', scoring: { type: 'linear', lo: 0, hi: 30 } };
    const dateCol = { metrics: { x: [isoToEpochDay('2024-02-20'), Number.NaN] }, kinds: { x: 'date' as const }, snapshotDay };
    const s = sub({ method: linear, direction: 'lowerIsBetter' }, dateCol);
    expect(s[0]).toBeCloseTo(100 - (10 / 30) * 100, 12);
    expect(s[1]).toBeNaN();
  });
});

describe('missing values are never 0', () => {
  it('blank, whitespace, N/A, unparseable and non-finite cells are missing', () => {
    const cells = [' ', '', 'N/A', 'n/a', '#N/A', '-', 'abc', '1,000', 'Infinity', '0x10', '0', '1e2', ' 42 '];
    const s = sub({ method: { type: 'linear', lo: 0, hi: 100 } }, { metrics: { x: cells } });
    expect(s.slice(0, 10).every(Number.isNaN)).toBe(true);
    expect(s.slice(10)).toEqual([0, 100, 42]);
    expect(sub({ method: { type: 'linear', lo: 0, hi: 100 } }, { metrics: { x: [Infinity, -Infinity, Number.NaN] } }).every(Number.isNaN)).toBe(true);
  });

  it('text parsers', () => {
    expect(parseNumberText(' ')).toBeNaN();
    expect(parseNumberText('-2.5')).toBe(-2.5);
    expect(parseBooleanText('Y')).toBe(1);
    expect(parseBooleanText('')).toBeNaN();
  });
});
