import { describe, expect, it } from 'vitest';
import { suggestWeights } from '../../../shared/backtest/suggestWeights';
import { BacktestError } from '../../../shared/backtest/types';
import { simulate } from './fixtures';

const names = ['logins', 'nps', 'tickets', 'noise'];

describe('suggestWeights', () => {
  const { x, y } = simulate(4_000, [-0.04, -0.015, 0.02, 0], 11);

  it('proposes non-negative weights summing to 100%, zero for a metric that raises churn', () => {
    const s = suggestWeights({ x, y, metricNames: names }, { bootstrap: 30, aucResamples: 200 });
    const pct = s.metrics.map((m) => m.weightPct);
    expect(pct.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 10);
    for (const v of pct) expect(v).toBeGreaterThanOrEqual(0);
    expect(s.metrics[0].weightPct).toBeGreaterThan(s.metrics[1].weightPct);
    expect(s.metrics[2].weightPct).toBe(0);
    expect(s.metrics[2].unconstrainedCoefficient).toBeGreaterThan(0);
    for (const m of s.metrics) expect(m.coefficient).toBeLessThanOrEqual(0);
    // The main metric's bootstrap range brackets its weight.
    expect(s.metrics[0].lo).toBeLessThanOrEqual(s.metrics[0].weightPct);
    expect(s.metrics[0].hi).toBeGreaterThanOrEqual(s.metrics[0].weightPct);
    expect(s.folds).toBe(5);
    expect(s.cvFoldAuc).toHaveLength(5);
    expect(s.trainingAuc).toBeGreaterThan(0.7);
    expect(Math.abs(s.trainingAuc - s.cvAuc)).toBeLessThan(0.03);
    expect(s.unconstrainedTrainingAuc).toBeGreaterThanOrEqual(s.trainingAuc - 1e-9);
    expect(s.rows).toBe(4_000);
    expect(s.warnings).toEqual([]);
    expect(s.aucInterval?.notReliable).toBe(false);
  });

  it('is reproducible for a seed; the seed changes folds and resamples only', () => {
    const a = suggestWeights({ x, y, metricNames: names }, { bootstrap: 10, aucResamples: 100, seed: 5 });
    const b = suggestWeights({ x, y, metricNames: names }, { bootstrap: 10, aucResamples: 100, seed: 5 });
    const c = suggestWeights({ x, y, metricNames: names }, { bootstrap: 10, aucResamples: 100, seed: 6 });
    expect(a).toEqual(b);
    expect(c.metrics.map((m) => m.weightPct)).toEqual(a.metrics.map((m) => m.weightPct));
    expect(c.cvAuc).not.toBe(a.cvAuc);
  });

  it('warns about overfitting, few churned accounts per segment and wide AUC intervals', () => {
    // 60 accounts, 12 pure-noise metrics, weak regularisation: training AUC flatters.
    const noise = simulate(60, Array(12).fill(0), 3, 0);
    const segment = Uint16Array.from({ length: 60 }, (_, i) => i % 2);
    const s = suggestWeights(
      { x: noise.x, y: noise.y, metricNames: Array.from({ length: 12 }, (_, j) => `m${j}`), segment, segmentNames: ['a', 'b', 'empty'] },
      { C: 100, bootstrap: 0, aucResamples: 200 },
    );
    const codes = s.warnings.map((w) => w.code);
    expect(codes).toContain('cv-gap');
    expect(codes).toContain('few-churned');
    expect(s.warnings.filter((w) => w.code === 'few-churned-segment').map((w) => w.segment)).toEqual(['a', 'b']);
    expect(codes).toContain('wide-auc-ci');
    expect(s.trainingAuc - s.cvAuc).toBeGreaterThan(0.05);
    expect(s.bootstrap.resamples).toBe(0);
    expect(s.metrics[0].lo).toBeNaN();
  });

  it('says so when no metric lowers churn risk, and reduces folds when churned accounts are scarce', () => {
    const harmful = simulate(400, [0.03, 0.02], 8, 0);
    const s = suggestWeights({ x: harmful.x, y: harmful.y, metricNames: ['a', 'b'] }, { bootstrap: 5, aucResamples: 50 });
    expect(s.warnings.map((w) => w.code)).toContain('no-signal');
    expect(s.metrics.every((m) => Number.isNaN(m.weightPct))).toBe(true);
    const y3 = new Uint8Array(400);
    y3[0] = y3[1] = y3[2] = 1;
    const scarce = suggestWeights({ x: harmful.x, y: y3, metricNames: ['a', 'b'] }, { bootstrap: 0, aucResamples: 50 });
    expect(scarce.folds).toBe(3);
    expect(scarce.warnings.map((w) => w.code)).toContain('folds-reduced');
  });

  it('leaves out excluded rows and rows without any sub-score; rejects a single class', () => {
    const small = simulate(200, [-0.05], 9, 0);
    const values = small.x.values.slice();
    values[0] = Number.NaN;
    const y = small.y.slice();
    y[1] = 255;
    const s = suggestWeights({ x: { ...small.x, values }, y, metricNames: ['a'] }, { bootstrap: 0, aucResamples: 20 });
    expect(s.rows).toBe(198);
    expect(() => suggestWeights({ x: small.x, y: new Uint8Array(200), metricNames: ['a'] })).toThrow(BacktestError);
    expect(() => suggestWeights({ x: small.x, y, metricNames: ['a', 'b'] })).toThrow(/metric names/);
  });
});
