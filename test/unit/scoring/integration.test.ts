import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../../../shared/demo/generateDemoDataset';
import { profileDataset } from '../../../shared/scorecard/profile';
import { proposeDefaultScorecard } from '../../../shared/scorecard/propose';
import { parseScorecard } from '../../../shared/scorecard/validate';
import { ScoringError, scoringDataFromDataset } from '../../../shared/scoring/data';
import { ScoringEngine } from '../../../shared/scoring/engine';
import { buildSubScoreMatrix } from '../../../shared/scoring/matrix';
import { summarize } from '../../../shared/scoring/summary';
import { card, linearMetric, makeData, maxDiff, naiveScores } from './helpers';

describe('engine on the demo workspace', () => {
  it('scores a proposed scorecard, and weight changes through the engine match a rebuild', () => {
    const ds = generateDemoDataset({ accounts: 2000, seed: 11, snapshots: 3 });
    const data = scoringDataFromDataset(ds, ds.snapshots.length - 1);
    const { scorecard } = proposeDefaultScorecard(profileDataset({ ...data, present: data.present }));
    const matrix = buildSubScoreMatrix(scorecard, data, { precision: 'float32' });
    const engine = new ScoringEngine(scorecard, matrix, { bins: 20 });
    const naive = naiveScores(scorecard, matrix);
    expect(maxDiff(engine.score, naive.score)).toBeLessThanOrEqual(1e-9);

    const seg = matrix.segmentIds[0];
    engine.setMetricWeight(seg, scorecard.metrics[0].id, 5);
    engine.setMetricWeight(seg, scorecard.metrics[1].id, 'notApplicable');
    expect(engine.scorecard.segments[0].weights).toEqual({ [scorecard.metrics[0].id]: 5, [scorecard.metrics[1].id]: 'notApplicable' });
    const rebuilt = new ScoringEngine(engine.scorecard, matrix, { bins: 20 });
    expect(maxDiff(engine.score, rebuilt.score)).toBeLessThanOrEqual(1e-9);

    const s = summarize(engine);
    const present = data.present!.reduce((a, b) => a + b, 0);
    const t = s.total.accounts;
    expect(t.red + t.yellow + t.green + t.unscored).toBe(present);
    expect(s.histogram.reduce((a, b) => a + b, 0)).toBe(t.red + t.yellow + t.green);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});

describe('engine errors and switches', () => {
  const sc = card({ metrics: [linearMetric('x')] });
  const data = makeData({ metrics: { x: [10, 90] } });

  it('names a missing source column', () => {
    const bad = card({ metrics: [linearMetric('x', { source: 'nope' })] });
    expect(() => buildSubScoreMatrix(bad, data)).toThrow(new ScoringError('metrics[0].source: no column named "nope" in the data'));
  });

  it('refuses a scorecard whose methods changed since the matrix was built, accepts new weights', () => {
    const engine = new ScoringEngine(sc, buildSubScoreMatrix(sc, data));
    const changed = parseScorecard({ ...sc, metrics: [{ ...sc.metrics[0], method: { type: 'linear', lo: 0, hi: 50 } }] });
    expect(() => engine.setScorecard(changed)).toThrow(/rebuild the matrix/);
    engine.setScorecard(parseScorecard({ ...sc, thresholds: { red: 20, green: 95 } }));
    expect(Array.from(engine.band)).toEqual([0, 1]);
    expect(() => engine.setMetricWeight('default', 'x', -1)).toThrow(/weight must be a number ≥ 0/);
    expect(() => engine.setMetricWeight('nope', 'x', 1)).toThrow(/no segment with id "nope"/);
  });

  it('toggles overrides on and off', () => {
    const withOverride = card({ metrics: [linearMetric('x')], overrides: [{ accountKey: 'A0', score: 99, reason: 'r', expires: '2099-01-01' }] });
    const engine = new ScoringEngine(withOverride, buildSubScoreMatrix(withOverride, data));
    expect(engine.score[0]).toBe(99);
    engine.setApplyOverrides(false);
    expect(engine.score[0]).toBe(10);
    expect(engine.overrides.computed[0]).toBe(10);
    expect(engine.overrides.mask[0]).toBe(1);
  });
});
