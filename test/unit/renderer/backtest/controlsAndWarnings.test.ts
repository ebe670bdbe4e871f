// Control defaults (the CLI's as-of rule, horizons) and the "not reliable" rule.

import { describe, expect, it } from 'vitest';
import type { AucResult } from '../../../../shared/backtest/auc';
import type { BootstrapInterval } from '../../../../shared/backtest/bootstrap';
import { defaultAsOf, parseHorizonDays, windowPastData } from '../../../../renderer/features/backtest/controlDefaults';
import { reliabilityOf } from '../../../../renderer/features/backtest/reliability';

const monthly = ['2025-12-01', '2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01'];

describe('back-test controls', () => {
  it('defaults T to the latest snapshot whose whole horizon is in the data, as the CLI does', () => {
    expect(defaultAsOf(monthly, 90)).toBe('2026-08-01'); // Aug 1 + 90 d = Oct 30 ≤ Nov 1
    expect(defaultAsOf(monthly, 30)).toBe('2026-10-01'); // Oct 1 + 30 d = Oct 31
    expect(defaultAsOf(monthly, 31)).toBe('2026-10-01');
    expect(defaultAsOf(monthly, 32)).toBe('2026-09-01');
    expect(defaultAsOf(monthly, 400)).toBe('2025-12-01'); // nothing fits: the first snapshot
    expect(defaultAsOf(['2026-03-01'], 90)).toBe('2026-03-01');
    expect(defaultAsOf([], 90)).toBeNull();
  });

  it('says when a window runs past the newest snapshot', () => {
    expect(windowPastData(monthly, '2026-08-01', 90)).toBe(false);
    expect(windowPastData(monthly, '2026-08-01', 93)).toBe(true);
  });

  it('reads a custom horizon in days or weeks', () => {
    expect(['45', ' 120 d', '12w', '2 weeks', '0', '-5', 'soon', '4000'].map(parseHorizonDays)).toEqual([45, 120, 84, 14, null, null, null, null]);
  });
});

describe('reliability', () => {
  const auc = (churned: number, value = 0.8): AucResult => ({ auc: value, churned, retained: 1000, undefinedReason: null });
  const ci = (lo: number, hi: number, notReliable: boolean) => ({ lo, hi, notReliable }) as BootstrapInterval;

  it('flags fewer than 30 churned accounts, and intervals wider than ±0.1', () => {
    expect(reliabilityOf(auc(30), ci(0.75, 0.85, false))).toEqual({ notReliable: false, reasons: [] });
    expect(reliabilityOf(auc(29), null).reasons).toEqual(['only 29 churned accounts (fewer than 30)']);
    expect(reliabilityOf(auc(200), ci(0.6, 0.95, true)).reasons).toEqual(['95% interval 0.600–0.950 is wider than ±0.1']);
    expect(reliabilityOf(auc(1), ci(0.2, 0.9, true)).reasons).toHaveLength(2);
  });

  it('says why an AUC is undefined', () => {
    const none: AucResult = { auc: Number.NaN, churned: 0, retained: 40, undefinedReason: 'no churned accounts' };
    expect(reliabilityOf(none, null)).toEqual({ notReliable: true, reasons: ['AUC undefined: no churned accounts'] });
  });
});
