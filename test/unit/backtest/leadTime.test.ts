import { describe, expect, it } from 'vitest';
import { leadTimes } from '../../../shared/backtest/leadTime';
import { rollingBacktest } from '../../../shared/backtest/rolling';

const R = 0;
const Y = 1;
const G = 2;
const U = 3;
const A = 4;
const NaN_ = Number.NaN;

describe('leadTimes', () => {
  // Snapshots on days 0, 30, 60, 90; bands per account.
  const days = [0, 30, 60, 90];
  const bands = [
    [G, R, R, R], // 0: red from 30 until churn at 100 → 70 days
    [R, R, Y, R], // 1: red run broken at 60 → first red of the last run is 90 → churn 95 → 5 days
    [R, R, G, G], // 2: not red just before churn → no lead time
    [R, A, R, A], // 3: absent snapshots skipped: red at 0 and 60 → churn 70 → 70 days
    [G, G, G, G], // 4: never churned
    [R, R, R, R], // 5: undated churn
    [R, R, R, R], // 6: churn at 90, snapshot that day red → 90 days
    [U, R, R, R], // 7: churn before any snapshot → none
    [R, U, R, R], // 8: unscored breaks the run → red from 60, churn 100 → 40
  ];
  const snapshots = days.map((day, s) => ({ day, band: Uint8Array.from(bands.map((b) => b[s])) }));
  const churn = {
    churnDay: Float64Array.from([100, 95, 100, 70, NaN_, NaN_, 90, -5, 100]),
    churnedUndated: Uint8Array.from([0, 0, 0, 0, 0, 1, 0, 0, 0]),
  };

  it('measures churn day − first day of the unbroken red run before churn (worked by hand)', () => {
    const r = leadTimes(snapshots, churn);
    expect(Array.from(r.leadDays)).toEqual([70, 5, NaN_, 70, NaN_, NaN_, 90, NaN_, 40]);
    expect(r.counts).toEqual({ churnedDated: 7, withLeadTime: 5, notRedBeforeChurn: 1, noSnapshotBeforeChurn: 1, undated: 1 });
  });

  it('summarises with a histogram of 30-day bins and numpy-style median and quartiles', () => {
    const r = leadTimes(snapshots, churn);
    // Lead times 5, 40, 70, 70, 90.
    expect(Array.from(r.histogram.counts)).toEqual([1, 1, 2, 1]);
    expect(r.median).toBe(70);
    expect(r.p25).toBe(40);
    expect(r.p75).toBe(70);
  });

  it('respects include and a custom bin width; empty input gives NaN summaries', () => {
    const include = Uint8Array.from([1, 1, 0, 0, 0, 0, 0, 0, 0]);
    const r = leadTimes(snapshots, churn, { include, binDays: 7 });
    expect(r.counts.withLeadTime).toBe(2);
    expect(r.median).toBe(37.5);
    expect(Array.from(r.histogram.counts)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    const none = leadTimes([], { churnDay: new Float64Array(0), churnedUndated: new Uint8Array(0) });
    expect(none.median).toBeNaN();
    expect(none.histogram.counts.length).toBe(0);
  });

  it('rejects snapshots out of order', () => {
    expect(() => leadTimes([snapshots[1], snapshots[0]], churn)).toThrow(/ascending/);
  });
});

describe('rollingBacktest', () => {
  it('labels each snapshot date with the horizon and reports AUC and red recall', () => {
    const churn = { churnDay: Float64Array.from([50, 100, NaN_, 200]), churnedUndated: new Uint8Array(4) };
    const snaps = [
      { day: 0, score: Float64Array.from([10, 20, 90, 80]), band: Uint8Array.from([R, R, G, G]) },
      { day: 60, score: Float64Array.from([NaN_, 30, 90, 35]), band: Uint8Array.from([A, R, G, R]) },
    ];
    const points = rollingBacktest(snaps, churn, { horizonDays: 90, dataEndDay: 120 });
    // T = 0: churned in (0, 90] = account 0 only (1 at 100 is outside); all four labelled.
    expect(points[0]).toMatchObject({ day: 0, accounts: 4, churned: 1, redChurned: 1, redRecall: 1, complete: true });
    expect(points[0].auc.auc).toBe(1);
    // T = 60: account 0 absent (and churned before); churned in (60, 150] = account 1.
    expect(points[1]).toMatchObject({ day: 60, accounts: 3, churned: 1, redChurned: 1, complete: false });
    expect(points[1].auc.auc).toBe(1);
  });
});
