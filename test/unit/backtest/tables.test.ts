import { describe, expect, it } from 'vitest';
import { bandTables } from '../../../shared/backtest/bandTable';
import { calibrations, decileOf } from '../../../shared/backtest/calibration';

const NaN_ = Number.NaN;

describe('bandTables', () => {
  // Accounts: band, segment, ARR, y (255 = excluded).
  const rows: [number, number, number, number][] = [
    [0, 0, 1000, 1],
    [0, 0, 2000, 0],
    [0, 1, NaN_, 1],
    [1, 0, 500, 0],
    [1, 1, 700, 1],
    [2, 0, 9000, 0],
    [2, 0, 1000, 0],
    [2, 1, 300, 0],
    [3, 1, 50, 1],
    [4, 1, 99, 0], // absent: counted as unscored if labelled (band codes above 3)
    [0, 0, 123456, 255], // excluded: nowhere
  ];
  const input = {
    band: Uint8Array.from(rows.map((r) => r[0])),
    segment: Uint16Array.from(rows.map((r) => r[1])),
    arr: Float64Array.from(rows.map((r) => r[2])),
    segmentNames: ['SMB', 'Enterprise', 'Empty'],
  };
  const y = Uint8Array.from(rows.map((r) => r[3]));
  const t = bandTables(input, y);

  it('counts accounts, churned and ARR per band, unscored as its own row (worked by hand)', () => {
    expect(t.overall.rows.map((r) => [r.band, r.accounts, r.churned, r.arr, r.churnedArr])).toEqual([
      ['red', 3, 2, 3000, 1000],
      ['yellow', 2, 1, 1200, 700],
      ['green', 3, 0, 10300, 0],
      ['unscored', 2, 1, 149, 50],
    ]);
    expect(t.overall.total).toEqual({ accounts: 10, churned: 4, churnRate: 0.4, arr: 14649, churnedArr: 1750 });
  });

  it('rate, lift over the overall rate of all labelled accounts, recall over all churned', () => {
    const red = t.overall.rows[0];
    expect(red.churnRate).toBe(2 / 3);
    expect(red.lift).toBe(2 / 3 / 0.4);
    expect(red.recall).toBe(0.5);
    expect(t.overall.rows.reduce((s, r) => s + r.recall, 0)).toBe(1);
    expect(t.overall.rows[2].lift).toBe(0);
  });

  it('per segment: the same table over the segment alone; an empty segment has zeros and NaN ratios', () => {
    const ent = t.segments[1];
    expect(ent.total).toMatchObject({ accounts: 5, churned: 3, churnRate: 0.6 });
    expect(ent.rows[0]).toMatchObject({ accounts: 1, churned: 1, churnRate: 1, lift: 1 / 0.6, recall: 1 / 3, arr: 0, churnedArr: 0 });
    const empty = t.segments[2];
    expect(empty.segment).toBe('Empty');
    expect(empty.total).toMatchObject({ accounts: 0, churned: 0, arr: 0 });
    expect(empty.total.churnRate).toBeNaN();
    for (const r of empty.rows) {
      expect(r.accounts).toBe(0);
      expect(r.churnRate).toBeNaN();
      expect(r.lift).toBeNaN();
      expect(r.recall).toBeNaN();
    }
  });

  it('sums cent ARR with the compensated recurrence (0.1 + 0.2 + … stays pandas-exact)', () => {
    const n = 10;
    const cents = bandTables(
      { band: new Uint8Array(n), segment: new Uint16Array(n), arr: new Float64Array(n).fill(0.1), segmentNames: ['a'] },
      new Uint8Array(n),
    );
    // Naive summation of ten 0.1 gives 0.9999999999999999; Kahan gives 1.
    expect(cents.overall.rows[0].arr).toBe(1);
  });

  it('rejects out-of-range segments and mismatched columns', () => {
    expect(() => bandTables({ ...input, segmentNames: ['one'] }, y)).toThrow(/out of range/);
    expect(() => bandTables(input, y.subarray(1))).toThrow(/band/);
  });
});

describe('calibration', () => {
  it('uses fixed-width deciles [0,10) … [90,100] with exact boundaries', () => {
    expect([0, 9.999999999999998, 10, 29.999999999999996, 30, 89.99999999999999, 90, 99.5, 100].map(decileOf)).toEqual([0, 0, 1, 2, 3, 8, 9, 9, 9]);
    expect(decileOf(-3)).toBe(0);
    expect(decileOf(250)).toBe(9);
  });

  it('counts churn per decile, overall and per segment; unscored and excluded are in no decile', () => {
    const score = Float64Array.from([5, 5, 15, 95, 100, NaN_, 55, 55]);
    const y = Uint8Array.from([1, 0, 1, 0, 1, 1, 255, 0]);
    const segment = Uint16Array.from([0, 1, 0, 1, 1, 0, 0, 1]);
    const c = calibrations(score, y, segment, ['a', 'b', 'empty']);
    const o = c.overall;
    expect(o[0]).toEqual({ lo: 0, hi: 10, accounts: 2, churned: 1, churnRate: 0.5 });
    expect(o[1]).toMatchObject({ accounts: 1, churned: 1, churnRate: 1 });
    expect(o[5]).toMatchObject({ accounts: 1, churned: 0, churnRate: 0 });
    expect(o[9]).toMatchObject({ lo: 90, hi: 100, accounts: 2, churned: 1 });
    expect(o[3].accounts).toBe(0);
    expect(o[3].churnRate).toBeNaN();
    expect(o.reduce((s, b) => s + b.accounts, 0)).toBe(6);
    expect(c.segments[0].bins[0]).toMatchObject({ accounts: 1, churned: 1 });
    expect(c.segments[1].bins[9]).toMatchObject({ accounts: 2, churned: 1 });
    expect(c.segments[2].bins.every((b) => b.accounts === 0)).toBe(true);
  });
});
