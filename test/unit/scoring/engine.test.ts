import { describe, expect, it } from 'vitest';
import { BAND_ABSENT, BAND_GREEN, BAND_RED, BAND_UNSCORED, BAND_YELLOW } from '../../../shared/scorecard/bands';
import { explainAccount } from '../../../shared/scoring/contributions';
import { summarize } from '../../../shared/scoring/summary';
import { card, linearMetric, makeData, score } from './helpers';

const twoMetrics = (policy: string) =>
  card({ missingPolicy: policy, metrics: [linearMetric('a', { weight: 1 }), linearMetric('b', { weight: 3 })] });

const twoMetricData = () => makeData({ metrics: { a: [20, null, 40], b: [60, 80, null] } });

describe('missing-data policies (ungrouped)', () => {
  it('redistribute: weighted mean over present metrics; coverage below 0.5 is unscored', () => {
    const { engine } = score(twoMetrics('redistribute'), twoMetricData());
    expect(engine.score[0]).toBeCloseTo(50, 12); // (1·20 + 3·60) / 4
    expect(engine.score[1]).toBeCloseTo(80, 12); // only b present
    expect(engine.coverageOf(1)).toBeCloseTo(0.75, 15);
    expect(engine.score[2]).toBeNaN(); // coverage 0.25
    expect(Array.from(engine.band)).toEqual([BAND_YELLOW, BAND_GREEN, BAND_UNSCORED]);
  });

  it('zero: a missing metric counts as 0', () => {
    const { engine } = score(twoMetrics('zero'), twoMetricData());
    expect(engine.score[1]).toBeCloseTo(60, 12); // (1·0 + 3·80) / 4
    expect(engine.score[2]).toBeNaN(); // coverage is still 0.25
  });

  it('neutral: a missing metric counts as 50', () => {
    const { engine } = score(twoMetrics('neutral'), twoMetricData());
    expect(engine.score[1]).toBeCloseTo(72.5, 12); // (1·50 + 3·80) / 4
  });

  it('a per-metric policy overrides the scorecard policy', () => {
    const sc = card({ missingPolicy: 'redistribute', metrics: [linearMetric('a', { weight: 1, missing: 'zero' }), linearMetric('b', { weight: 3 })] });
    const { engine } = score(sc, twoMetricData());
    expect(engine.score[1]).toBeCloseTo(60, 12);
  });

  it('minimum coverage is configurable, and 0 scores anything with a value', () => {
    const { engine } = score({ ...twoMetrics('redistribute'), minCoverage: 0 }, twoMetricData());
    expect(engine.score[2]).toBeCloseTo(40, 12);
  });
});

describe('groups', () => {
  const grouped = (policy: string) =>
    card({
      missingPolicy: policy,
      groups: [
        { id: 'g1', label: 'G1', weight: 2 },
        { id: 'g2', label: 'G2', weight: 1 },
      ],
      metrics: [linearMetric('a', { group: 'g1' }), linearMetric('b', { group: 'g1' }), linearMetric('c', { group: 'g2' }), linearMetric('d')],
    });
  const data = () => makeData({ metrics: { a: [80, 80], b: [null, null], c: [40, null], d: [60, 60] } });

  it('redistribute shares missing weight within the group first, then across groups', () => {
    const { engine } = score(grouped('redistribute'), data());
    expect(engine.score[0]).toBeCloseTo(65, 12); // (2·80 + 1·40 + 1·60) / 4
    expect(engine.coverageOf(0)).toBeCloseTo(0.75, 15);
    expect(engine.score[1]).toBeCloseTo(220 / 3, 12); // g2 has no value: (2·80 + 1·60) / 3
    expect(engine.coverageOf(1)).toBeCloseTo(0.5, 15); // exactly at the minimum: scored
  });

  it('zero and neutral impute inside the group', () => {
    expect(score(grouped('zero'), data()).engine.score[0]).toBeCloseTo(45, 12); // g1 = 40
    expect(score(grouped('neutral'), data()).engine.score[0]).toBeCloseTo(57.5, 12); // g1 = 65
  });

  it('per-segment group weights and notApplicable metrics', () => {
    const sc = grouped('redistribute');
    const withSeg = card({
      ...sc,
      segments: [{ id: 'big', label: 'Big', when: [{ attribute: 'tier', operator: 'eq', value: 'big' }], groupWeights: { g1: 'notApplicable' }, weights: { d: 3 } }],
    });
    const d = makeData({ metrics: { a: [80, 80], b: [null, null], c: [40, 40], d: [60, 60] }, attributes: { tier: ['big', 'small'] } });
    const { engine } = score(withSeg, d);
    expect(engine.score[0]).toBeCloseTo((1 * 40 + 3 * 60) / 4, 12);
    expect(engine.score[1]).toBeCloseTo(65, 12);
  });
});

describe('bands, thresholds, adjustments, overrides', () => {
  const single = (extra: Record<string, unknown> = {}) => card({ metrics: [linearMetric('x')], ...extra });

  it('a score exactly at the red threshold is yellow, exactly at green is green', () => {
    const { engine } = score(single(), makeData({ metrics: { x: [39.999, 40, 69.999, 70, 100, 0] } }));
    expect(Array.from(engine.band)).toEqual([BAND_RED, BAND_YELLOW, BAND_YELLOW, BAND_GREEN, BAND_GREEN, BAND_RED]);
  });

  it('a score a rounding error below a threshold still counts as at it', () => {
    // 0.1·3 = 0.30000000000000004; the mean of these lands a hair off 40 in floating point.
    const sc = card({ metrics: [linearMetric('p', { method: { type: 'linear', lo: 0, hi: 1 } })] });
    const { engine } = score(sc, makeData({ metrics: { p: [0.4 - 1e-13] } }));
    expect(engine.band[0]).toBe(BAND_YELLOW);
  });

  it('per-segment thresholds override the scorecard thresholds', () => {
    const sc = single({ segments: [{ id: 's', label: 'S', when: [{ attribute: 't', operator: 'eq', value: 'y' }], thresholds: { red: 50 } }] });
    const { engine } = score(sc, makeData({ metrics: { x: [45, 45] }, attributes: { t: ['y', 'n'] } }));
    expect(Array.from(engine.band)).toEqual([BAND_RED, BAND_YELLOW]);
  });

  it('adjustments apply after weighting, then clamp to [0, 100]', () => {
    const sc = single({ adjustments: [{ id: 'del', label: 'Delinquent', when: { attribute: 'delinquent', operator: 'isTrue' }, points: -20 }] });
    const d = makeData({ metrics: { x: [50, 10, 50] }, attributes: { delinquent: ['yes', 'yes', 'no'] } });
    const { engine } = score(sc, d);
    expect(Array.from(engine.score)).toEqual([30, 0, 50]);
  });

  it('manual overrides: score or band, expiry, and the back-test flag', () => {
    const overrides = [
      { accountKey: 'A0', score: 90, reason: 'renewal signed', expires: '2030-01-01' },
      { accountKey: 'A1', band: 'red', reason: 'exec escalation', expires: '2030-01-01' },
      { accountKey: 'A2', score: 5, reason: 'old', expires: '2000-01-01' },
    ];
    const d = makeData({ metrics: { x: [50, 50, 50] } });
    const { engine } = score(single({ overrides }), d);
    expect(Array.from(engine.score)).toEqual([90, 50, 50]);
    expect(Array.from(engine.band)).toEqual([BAND_GREEN, BAND_RED, BAND_YELLOW]);
    expect(Array.from(engine.overrides.mask)).toEqual([1, 1, 0]);
    expect(Array.from(engine.bandCounts)).toEqual([1, 1, 1, 0]);
    expect(engine.histogram[45]).toBe(1); // the score override moved A0 to bin 45; A1 keeps its bin
    expect(engine.histogram[25]).toBe(2);

    const { engine: bt } = score(single({ overrides }), d, { applyOverrides: false });
    expect(Array.from(bt.score)).toEqual([50, 50, 50]);
    expect(Array.from(bt.overrides.mask)).toEqual([1, 1, 0]);
    expect(Array.from(bt.bandCounts)).toEqual([0, 3, 0, 0]);
  });

  it('accounts absent from the snapshot are neither scored nor counted', () => {
    const { engine } = score(single(), makeData({ metrics: { x: [50, 50] }, present: [1, 0] }));
    expect(engine.band[1]).toBe(BAND_ABSENT);
    expect(Array.from(engine.bandCounts)).toEqual([0, 1, 0, 0]);
  });

  it('histogram bins: 0 → first, 100 → last, 50 → middle', () => {
    const { engine } = score(single(), makeData({ metrics: { x: [0, 50, 100, null] } }), { bins: 50 });
    expect(engine.histogram[0]).toBe(1);
    expect(engine.histogram[25]).toBe(1);
    expect(engine.histogram[49]).toBe(1);
    expect(engine.histogram.reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('summarizes counts and ARR per band per segment', () => {
    const sc = single({ segments: [{ id: 's', label: 'S', when: [{ attribute: 't', operator: 'eq', value: 'y' }] }] });
    const d = makeData({ metrics: { x: [10, 80, 80, null] }, attributes: { t: ['y', 'y', 'n', 'n'] }, arr: [100, 200, 300, 400] });
    const s = summarize(score(sc, d).engine);
    expect(s.segments[0]).toMatchObject({ id: 's', accounts: { red: 1, yellow: 0, green: 1, unscored: 0 }, arr: { red: 100, green: 200 } });
    expect(s.total.accounts).toEqual({ red: 1, yellow: 0, green: 2, unscored: 1 });
    expect(s.total.arr).toEqual({ red: 100, yellow: 0, green: 500, unscored: 400 });
  });
});

describe('contributions', () => {
  it('sum to the weighted score before adjustments and name each metric’s status', () => {
    const sc = card({
      missingPolicy: 'redistribute',
      groups: [{ id: 'g', label: 'G', weight: 2 }],
      metrics: [linearMetric('a', { group: 'g' }), linearMetric('b', { group: 'g', missing: 'neutral' }), linearMetric('c'), linearMetric('d', { weight: 0 })],
      adjustments: [{ id: 'p', label: 'Penalty', when: { attribute: 'flag', operator: 'isTrue' }, points: -10 }],
    });
    const d = makeData({ metrics: { a: [80], b: [null], c: [30], d: [100] }, attributes: { flag: [1] } });
    const { engine } = score(sc, d);
    const x = explainAccount(engine, 0);
    // g = (80 + 50) / 2 = 65; score = (2·65 + 1·30) / 3 = 53.33…; minus 10.
    expect(x.weightedScore).toBeCloseTo(160 / 3, 12);
    expect(x.metrics.reduce((s, m) => s + m.contribution, 0)).toBeCloseTo(x.weightedScore, 12);
    expect(x.metrics.map((m) => m.status)).toEqual(['present', 'imputed', 'present', 'excluded']);
    expect(x.metrics.map((m) => m.effectiveWeight)).toEqual([1 / 3, 1 / 3, 1 / 3, 0]);
    expect(x.adjustments).toEqual([{ id: 'p', label: 'Penalty', points: -10 }]);
    expect(x.finalScore).toBeCloseTo(160 / 3 - 10, 12);
    expect(x.band).toBe('yellow');
  });
});
