import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../../../shared/demo/generateDemoDataset';
import { profileDataset } from '../../../shared/scorecard/profile';
import { proposeDefaultScorecard } from '../../../shared/scorecard/propose';
import { parseScorecard } from '../../../shared/scorecard/validate';
import { ScoringError, scoringDataFromDataset } from '../../../shared/scoring/data';
import { ScoringEngine } from '../../../shared/scoring/engine';
import { buildSubScoreMatrix } from '../../../shared/scoring/matrix';
import { sameBesideWeights, sameScores } from '../../../shared/scoring/scorecardEdits';
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

describe('threshold changes', () => {
  const ds = generateDemoDataset({ accounts: 3000, seed: 5, snapshots: 2 });
  const data = scoringDataFromDataset(ds, ds.snapshots.length - 1);
  const proposed = proposeDefaultScorecard(profileDataset({ ...data, present: data.present })).scorecard;
  const overrides = [
    { accountKey: data.keys[3], score: 88, reason: 'renewal signed', expires: '2099-01-01' },
    { accountKey: data.keys[7], band: 'red', reason: 'escalation', expires: '2099-01-01' },
  ];
  const base = parseScorecard({ ...proposed, overrides });
  const segmented = base.segments.length > 0 ? base.segments.map((s, i) => (i === 0 ? { ...s, thresholds: { red: 55 } } : s)) : base.segments;
  const moved = parseScorecard({ ...base, name: 'moved', thresholds: { red: 30, green: 60 }, grades: [{ min: 50, grade: 'A' }, { min: 0, grade: 'B' }], segments: segmented });

  it('only bands the same scores again: the outputs of a fresh engine, overrides included', () => {
    const matrix = buildSubScoreMatrix(base, data, { precision: 'float32' });
    const engine = new ScoringEngine(base, matrix, { bins: 20 });
    engine.setScorecard(moved);
    engine.setScorecard(parseScorecard({ ...moved, thresholds: { red: 35, green: 75 } }));
    engine.setScorecard(moved);
    const fresh = new ScoringEngine(moved, matrix, { bins: 20 });
    expect(Array.from(engine.score)).toEqual(Array.from(fresh.score));
    expect(Array.from(engine.band)).toEqual(Array.from(fresh.band));
    expect(Array.from(engine.bandCounts)).toEqual(Array.from(fresh.bandCounts));
    expect(Array.from(engine.segmentHistograms)).toEqual(Array.from(fresh.segmentHistograms));
    expect(Array.from(engine.histogram)).toEqual(Array.from(fresh.histogram));
    // The computed score behind a score override survives (the contributions view shows it).
    expect(Array.from(engine.overrides.computed)).toEqual(Array.from(fresh.overrides.computed));
    expect(engine.score[3]).toBe(88);
    expect(engine.overrides.computed[0]).not.toBe(88);
  });

  it('recomputes only the segments whose weights changed: the outputs of a fresh engine', () => {
    const matrix = buildSubScoreMatrix(base, data, { precision: 'float32' });
    expect(matrix.segmentIds.length).toBeGreaterThan(2);
    const engine = new ScoringEngine(base, matrix, { bins: 20 });
    const [first, second] = base.metrics.map((m) => m.id);
    // One segment's weights (as normalising or rebalancing it does), with new thresholds besides.
    const oneSegment = parseScorecard({
      ...base,
      thresholds: { red: 45, green: 65 },
      segments: base.segments.map((s, i) => (i === 1 ? { ...s, weights: { [first]: 9, [second]: 'notApplicable' } } : s)),
    });
    // A metric's own weight: every segment that inherits it.
    const everyone = parseScorecard({ ...oneSegment, metrics: oneSegment.metrics.map((m, i) => (i === 2 ? { ...m, weight: 6 } : m)) });
    for (const next of [oneSegment, everyone]) {
      engine.setScorecard(next);
      const fresh = new ScoringEngine(next, matrix, { bins: 20 });
      expect(Array.from(engine.score)).toEqual(Array.from(fresh.score));
      expect(Array.from(engine.band)).toEqual(Array.from(fresh.band));
      expect(Array.from(engine.bandCounts)).toEqual(Array.from(fresh.bandCounts));
      expect(Array.from(engine.histogram)).toEqual(Array.from(fresh.histogram));
      expect(Array.from(engine.overrides.computed)).toEqual(Array.from(fresh.overrides.computed));
    }
  });

  it('tells a weight change from one of groups, policies, coverage or overrides', () => {
    const weighted = parseScorecard({ ...base, metrics: base.metrics.map((m, i) => (i === 0 ? { ...m, weight: 7 } : m)), thresholds: { red: 10, green: 20 } });
    expect(sameBesideWeights(base, weighted)).toBe(true);
    expect(sameBesideWeights(base, parseScorecard({ ...base, defaultSegment: { ...base.defaultSegment, weights: { [base.metrics[0].id]: 2 } } }))).toBe(true);
    expect(sameBesideWeights(base, parseScorecard({ ...base, minCoverage: 0.9 }))).toBe(false);
    expect(sameBesideWeights(base, parseScorecard({ ...base, missingPolicy: 'zero' }))).toBe(false);
    expect(sameBesideWeights(base, parseScorecard({ ...base, overrides: [] }))).toBe(false);
    const grouped = parseScorecard({ ...base, groups: [{ id: 'g', label: 'G', weight: 1 }], metrics: base.metrics.map((m, i) => (i < 2 ? { ...m, group: 'g' } : m)) });
    expect(sameBesideWeights(base, grouped)).toBe(false);
  });

  it('tells a threshold, grade or name change from one that moves scores', () => {
    expect(sameScores(base, moved)).toBe(true);
    expect(sameScores(base, parseScorecard({ ...base, minCoverage: 0.9 }))).toBe(false);
    expect(sameScores(base, parseScorecard({ ...base, overrides: [] }))).toBe(false);
    expect(sameScores(base, parseScorecard({ ...base, metrics: base.metrics.map((m, i) => (i === 0 ? { ...m, weight: 7 } : m)) }))).toBe(false);
    expect(sameScores(base, parseScorecard({ ...base, defaultSegment: { ...base.defaultSegment, weights: { [base.metrics[0].id]: 2 } } }))).toBe(false);
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
