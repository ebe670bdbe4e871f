import { describe, expect, it } from 'vitest';
import { isoToEpochDay } from '../../../../shared/dates';
import { type AggregationPlan, aggregateEvents, type EventColumns } from '../../../../shared/import/events/aggregate';
import { monthStartsCovering } from '../../../../shared/import/events/snapshotDates';

const day = isoToEpochDay;
const days = (...iso: string[]) => Float64Array.from(iso.map(day));

/** Events of two accounts (0 and 1) and their values; account −1 rows are left out. */
function events(rows: [account: number, date: string, value: number][]): EventColumns {
  return {
    account: Int32Array.from(rows.map((r) => r[0])),
    day: Float64Array.from(rows.map((r) => day(r[1]))),
    end: null,
    values: [Float64Array.from(rows.map((r) => r[2]))],
  };
}

const plans: AggregationPlan[] = [
  { op: 'count', value: -1 },
  { op: 'sum', value: 0 },
  { op: 'mean', value: 0 },
  { op: 'max', value: 0 },
  { op: 'countTrue', value: 0 },
];

describe('window aggregations', () => {
  // Window (D − 30, D] for D = 2024-03-01: 2024-01-31 is D − 30 (out), 2024-02-01 is in, D itself is in.
  const table = events([
    [0, '2024-01-31', 5], // exactly D − 30: never in the March window
    [0, '2024-02-01', 1],
    [0, '2024-03-01', 1], // dated D: counts at D
    [0, '2024-03-03', 7], // after D: not at D (no peeking)
    [1, '2024-02-15', Number.NaN], // a missing value: counted as an event, not in sum/mean/max
    [1, '2024-02-20', 0],
    [-1, '2024-02-20', 100], // an unknown account: left out
  ]);
  const at = aggregateEvents(table, plans, days('2024-03-01', '2024-04-01'), 30, 3);

  it('counts an event dated D at D and leaves out one dated D − window', () => {
    const [count, sum, mean, max, countTrue] = at[0];
    expect(Array.from(count)).toEqual([2, 2, 0]);
    expect(Array.from(sum)).toEqual([2, 0, 0]);
    expect(mean[0]).toBe(1);
    expect(mean[1]).toBe(0);
    expect(max[0]).toBe(1);
    expect(countTrue[0]).toBe(2);
    expect(countTrue[1]).toBe(0);
  });

  it('gives 0 for counts and sums and missing for mean and max without events', () => {
    const [count, sum, mean, max] = at[0];
    expect([count[2], sum[2]]).toEqual([0, 0]);
    expect(Number.isNaN(mean[2]) && Number.isNaN(max[2])).toBe(true);
  });

  it('moves the window with the date', () => {
    // D = 2024-04-01: window (2024-03-02, 2024-04-01] holds only account 0's 2024-03-03 event (7).
    const [count, sum, mean, max, countTrue] = at[1];
    expect(Array.from(count)).toEqual([1, 0, 0]);
    expect(sum[0]).toBe(7);
    expect(mean[0]).toBe(7);
    expect(max[0]).toBe(7);
    expect(countTrue[0]).toBe(0);
    expect(Number.isNaN(mean[1])).toBe(true);
  });

  it('a longer window takes in more', () => {
    const [[count, sum]] = aggregateEvents(table, plans, days('2024-03-01'), 31, 2);
    expect(Array.from(count)).toEqual([3, 2]);
    expect(sum[0]).toBe(7);
  });

  it('refuses dates out of order', () => {
    expect(() => aggregateEvents(table, plans, days('2024-04-01', '2024-03-01'), 30, 2)).toThrow(/ascending/);
  });
});

describe('active aggregations (state as of D)', () => {
  // Subscriptions: start, end (NaN = open), ARR.
  const subs: EventColumns = {
    account: Int32Array.from([0, 0, 0, 1, 1]),
    day: days('2024-01-10', '2024-02-01', '2024-03-15', '2024-02-01', '2024-02-10'),
    end: Float64Array.from([day('2024-03-01'), Number.NaN, Number.NaN, day('2024-02-01'), day('2024-03-01')]),
    values: [Float64Array.from([100, 0.1, 50, 999, 0.2])],
  };
  const activePlans: AggregationPlan[] = [
    { op: 'activeCount', value: -1 },
    { op: 'activeSum', value: 0 },
  ];
  const at = aggregateEvents(subs, activePlans, days('2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01'), 30, 2);

  it('counts rows with start ≤ D < end', () => {
    expect(at.map(([count]) => Array.from(count))).toEqual([
      [0, 0], // nothing started
      [2, 0], // account 0: both started; account 1's first ends the day it starts (never active), second not yet
      [1, 0], // ended on D is not active at D
      [2, 0],
    ]);
  });

  it('sums the values of active rows, exactly 0 once none is active', () => {
    expect(at[1][1][0]).toBeCloseTo(100.1, 12);
    expect(at[2][1][0]).toBeCloseTo(0.1, 12);
    expect(at[3][1][0]).toBeCloseTo(50.1, 12);
    expect(at[2][1][1]).toBe(0); // 0.2 added then removed: no residue
  });
});

describe('month starts', () => {
  it('covers the events from the month of the first to the month start on or after the last', () => {
    const starts = Array.from(monthStartsCovering(day('2023-11-15'), day('2024-02-01')));
    expect(starts).toEqual([day('2023-11-01'), day('2023-12-01'), day('2024-01-01'), day('2024-02-01')]);
    expect(Array.from(monthStartsCovering(day('2024-12-01'), day('2024-12-31')))).toEqual([day('2024-12-01'), day('2025-01-01')]);
  });
});
