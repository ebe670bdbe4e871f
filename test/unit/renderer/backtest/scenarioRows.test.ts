// Scenario table rows: headline numbers from a band table, intervals joined in, the comparison
// with the draft, and the honesty flags.

import { describe, expect, it } from 'vitest';
import type { BandTable } from '../../../../shared/backtest/bandTable';
import type { BootstrapInterval } from '../../../../shared/backtest/bootstrap';
import { formatMoney } from '../../../../renderer/features/backtest/displayFormat';
import type { ScenarioPoint } from '../../../../renderer/features/backtest/protocol';
import { headlineOf } from '../../../../renderer/features/backtest/scenario';
import { scenarioCells, withIntervals } from '../../../../renderer/features/backtest/scenarioRows';

const table: BandTable = {
  rows: [
    { band: 'red', accounts: 200, churned: 40, churnRate: 0.2, lift: 4, recall: 0.8, arr: 2e6, churnedArr: 9e5 },
    { band: 'yellow', accounts: 500, churned: 8, churnRate: 0.016, lift: 0.32, recall: 0.16, arr: 5e6, churnedArr: 1e5 },
    { band: 'green', accounts: 290, churned: 2, churnRate: 2 / 290, lift: 0.14, recall: 0.04, arr: 4e6, churnedArr: 2e4 },
    { band: 'unscored', accounts: 10, churned: 0, churnRate: 0, lift: 0, recall: 0, arr: 0, churnedArr: 0 },
  ],
  total: { accounts: 1000, churned: 50, churnRate: 0.05, arr: 11e6, churnedArr: 1.02e6 },
};

const point = (id: string, auc: number, churned = 50): ScenarioPoint => ({ id, label: id, error: null, auc, ...headlineOf(table), churned });
const interval = (lo: number, hi: number, notReliable = false) => ({ lo, hi, notReliable }) as BootstrapInterval;

describe('scenario rows', () => {
  it('reads the red band of the overall table', () => {
    expect(headlineOf(table)).toEqual({ labelled: 1000, churned: 50, redAccounts: 200, redChurned: 40, redRecall: 0.8, redChurnRate: 0.2, churnedArr: 1.02e6, redChurnedArr: 9e5 });
  });

  it('formats each row against the draft (the first row)', () => {
    const rows = withIntervals([point('Draft', 0.8), point('Version 2', 0.78), point('Version 1', 0.812, 12)], [interval(0.75, 0.85), null, interval(0.7, 0.95, true)]);
    const cells = scenarioCells(rows, true);
    expect(cells.map((c) => [c.auc, c.ci, c.vsDraft, c.notReliable])).toEqual([
      ['0.800', '0.750–0.850', '', false],
      ['0.780', 'computing…', '−0.020', false],
      ['0.812', '0.700–0.950', '+0.012', true],
    ]);
    expect(cells[0]).toMatchObject({ redRecall: '80.0%', redChurnRate: '20.0%', redChurnedArr: `${formatMoney(9e5)} of ${formatMoney(1.02e6)}`, churned: '50' });
    expect(scenarioCells(rows, false)[1].ci).toBe('—');
  });

  it('keeps a failed scorecard as a row with its reason', () => {
    const failed: ScenarioPoint = { ...point('Version 3', Number.NaN), error: 'no column named "nps" in the data' };
    const [draft, broken] = scenarioCells(withIntervals([point('Draft', 0.8), failed], null), false);
    expect(broken).toMatchObject({ error: 'no column named "nps" in the data', ci: '', notReliable: false });
    expect(draft.error).toBeNull();
  });
});
