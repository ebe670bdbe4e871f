import { describe, expect, it } from 'vitest';
import { auc, aucBySegment } from '../../../shared/backtest/auc';
import { runBacktest } from '../../../shared/backtest/backtest';
import { bandTables } from '../../../shared/backtest/bandTable';
import { calibrations } from '../../../shared/backtest/calibration';
import { labelAccounts } from '../../../shared/backtest/labels';
import { synthetic } from './fixtures';

describe('runBacktest', () => {
  const d = synthetic(20_000, 21, { decimals: 1, segments: 4, emptySegment: true });
  const r = runBacktest(d, d, { asOfDay: d.asOfDay, horizonDays: 90, curvePoints: 51 });
  const { y } = labelAccounts({ ...d }, { asOfDay: d.asOfDay, horizonDays: 90 });

  it('computes every statistic over the same labelled accounts as the standalone functions', () => {
    expect(Array.from(r.y)).toEqual(Array.from(y));
    expect(r.auc).toEqual(auc(d.score, y));
    expect(r.segmentAuc.map((s) => s.auc)).toEqual(aucBySegment(d.score, y, d.segment, 4).segments);
    expect(r.bands).toEqual(bandTables(d, y));
    expect(r.calibration).toEqual(calibrations(d.score, y, d.segment, d.segmentNames));
    expect(r.curves.fpr.length).toBeLessThanOrEqual(51);
    expect(r.auc.auc).toBeGreaterThan(0.7);
  });

  it('keeps the counts consistent: band table = labelled accounts, AUC and deciles = the scored ones', () => {
    expect(r.bands.overall.total.accounts).toBe(r.labels.labelled);
    expect(r.bands.overall.total.churned).toBe(r.labels.churned);
    const unscored = r.bands.overall.rows[3].accounts;
    expect(r.auc.churned + r.auc.retained).toBe(r.labels.labelled - unscored);
    expect(r.calibration.overall.reduce((s, b) => s + b.accounts, 0)).toBe(r.labels.labelled - unscored);
    expect(r.segmentAuc[3].auc.undefinedReason).toBe('no scored accounts');
    expect(r.labels.excludedOverride).toBeGreaterThan(0);
  });

  it('includes overrides only when asked', () => {
    const withOverrides = runBacktest(d, d, { asOfDay: d.asOfDay, horizonDays: 90, includeOverrides: true });
    expect(withOverrides.labels.labelled).toBe(r.labels.labelled + r.labels.excludedOverride);
    expect(withOverrides.labels.excludedOverride).toBe(0);
  });

  it('runs in flag mode for a churn flag without dates', () => {
    const flag = runBacktest(d, d, { mode: 'flag' });
    expect(flag.labels.excludedChurnedBefore).toBe(0);
    expect(flag.labels.churned).toBeGreaterThan(r.labels.churned);
    expect(flag.auc.auc).toBeGreaterThan(0.5);
  });
});
