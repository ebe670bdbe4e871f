import { describe, expect, it } from 'vitest';
import { defaultLabelMode, labelAccounts } from '../../../shared/backtest/labels';
import { BacktestError, Y_CHURNED, Y_EXCLUDED, Y_RETAINED } from '../../../shared/backtest/types';

const T = 20_000;
const H = 90;
const NaN_ = Number.NaN;

function churn(days: number[], undated: number[] = days.map(() => 0)) {
  return { churnDay: Float64Array.from(days), churnedUndated: Uint8Array.from(undated) };
}

describe('labelAccounts, dated mode', () => {
  it('labels the window (T, T + H]: at T excluded, T + 1 and T + H churned, T + H + 1 retained', () => {
    const { y, counts } = labelAccounts(churn([T - 1, T, T + 1, T + H, T + H + 1, NaN_]), { asOfDay: T, horizonDays: H });
    expect(Array.from(y)).toEqual([Y_EXCLUDED, Y_EXCLUDED, Y_CHURNED, Y_CHURNED, Y_RETAINED, Y_RETAINED]);
    expect(counts).toEqual({
      labelled: 4,
      churned: 2,
      retained: 2,
      excludedAbsent: 0,
      excludedChurnedBefore: 2,
      excludedUndatedChurn: 0,
      excludedOverride: 0,
    });
  });

  it('excludes undated churn (the window cannot be told), absent accounts and overrides unless asked', () => {
    const input = {
      ...churn([NaN_, NaN_, T + 5, NaN_, T + 5], [1, 0, 0, 0, 0]),
      band: Uint8Array.from([0, 4, 0, 2, 1]),
      override: Uint8Array.from([0, 0, 1, 1, 0]),
    };
    const a = labelAccounts(input, { asOfDay: T, horizonDays: H });
    expect(Array.from(a.y)).toEqual([Y_EXCLUDED, Y_EXCLUDED, Y_EXCLUDED, Y_EXCLUDED, Y_CHURNED]);
    expect(a.counts).toMatchObject({ labelled: 1, excludedUndatedChurn: 1, excludedAbsent: 1, excludedOverride: 2 });
    const b = labelAccounts(input, { asOfDay: T, horizonDays: H, includeOverrides: true });
    expect(Array.from(b.y)).toEqual([Y_EXCLUDED, Y_EXCLUDED, Y_CHURNED, Y_RETAINED, Y_CHURNED]);
  });

  it('counts each excluded account once, under its first reason (absent, churned before, undated, override)', () => {
    const input = { ...churn([T - 3, T - 3], [0, 0]), band: Uint8Array.from([4, 0]), override: Uint8Array.from([1, 1]) };
    const { counts } = labelAccounts(input, { asOfDay: T, horizonDays: H });
    expect(counts).toMatchObject({ excludedAbsent: 1, excludedChurnedBefore: 1, excludedOverride: 0, labelled: 0 });
  });

  it('reads nothing but the given columns, each only at indices 0…n−1', () => {
    const touched = new Set<string>();
    const watch = <A extends Float64Array | Uint8Array>(name: string, a: A): A =>
      new Proxy(a, {
        get(target, key) {
          touched.add(`${name}.${String(key)}`);
          const v = (target as unknown as Record<PropertyKey, unknown>)[key];
          return typeof v === 'function' ? v.bind(target) : v;
        },
      });
    const input = {
      churnDay: watch('churnDay', Float64Array.from([T + 1, NaN_, T - 1])),
      churnedUndated: watch('churnedUndated', Uint8Array.from([0, 1, 0])),
      band: watch('band', Uint8Array.from([0, 1, 2])),
      override: watch('override', Uint8Array.from([0, 0, 1])),
    };
    const { y } = labelAccounts(input, { asOfDay: T, horizonDays: H });
    expect(Array.from(y)).toEqual([Y_CHURNED, Y_EXCLUDED, Y_EXCLUDED]);
    for (const key of touched) expect(key).toMatch(/^(churnDay|churnedUndated|band|override)\.(length|[0-2])$/);
  });

  it('without band or override columns nothing is excluded for them', () => {
    const { y } = labelAccounts(churn([T + 1, NaN_]), { asOfDay: T, horizonDays: H });
    expect(Array.from(y)).toEqual([Y_CHURNED, Y_RETAINED]);
  });

  it('rejects a missing as-of date, a non-positive horizon and mismatched columns', () => {
    expect(() => labelAccounts(churn([1]), { horizonDays: H })).toThrow(BacktestError);
    expect(() => labelAccounts(churn([1]), { asOfDay: T, horizonDays: 0 })).toThrow(/horizon/);
    expect(() => labelAccounts({ churnDay: new Float64Array(2), churnedUndated: new Uint8Array(1) }, { asOfDay: T, horizonDays: H })).toThrow(/churnedUndated/);
  });
});

describe('labelAccounts, flag mode', () => {
  it('y = the churn flag, dated or not; T and H are not needed; absent and overrides still excluded', () => {
    const input = { ...churn([NaN_, NaN_, T - 500, NaN_], [1, 0, 0, 1]), band: Uint8Array.from([0, 1, 2, 4]) };
    const { y, counts } = labelAccounts(input, { mode: 'flag' });
    expect(Array.from(y)).toEqual([Y_CHURNED, Y_RETAINED, Y_CHURNED, Y_EXCLUDED]);
    expect(counts).toMatchObject({ labelled: 3, churned: 2, excludedAbsent: 1 });
  });

  it('is the default only with one snapshot and no churn date', () => {
    expect(defaultLabelMode(churn([NaN_], [1]), 1)).toBe('flag');
    expect(defaultLabelMode(churn([NaN_, T], [1, 0]), 1)).toBe('dated');
    expect(defaultLabelMode(churn([NaN_], [1]), 2)).toBe('dated');
  });
});
