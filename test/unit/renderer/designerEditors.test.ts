// The editors' pure parts: the sub-score curve drawn over a metric's values, starting methods, and
// segment-rule edits with condition values read for the column they test.

import { describe, expect, it } from 'vitest';
import { curveOf, defaultMethod } from '../../../renderer/features/designer/metricCurve';
import { addSegment, moveSegment, parseConditionValue, removeSegment, setCondition } from '../../../renderer/features/designer/ruleEdits';
import type { MetricProfile } from '../../../renderer/features/scoring/protocol';
import { validateScorecard } from '../../../shared/scorecard/validate';
import { fakeScorecard } from './fakeScoringData';

const profile: MetricProfile = {
  metricId: 'm',
  kind: 'numeric',
  lo: 0,
  hi: 100,
  counts: [10, 30, 40, 20],
  categories: [],
  missing: 3,
  present: 103,
  resolvedLo: 20,
  resolvedHi: 60,
};

describe('metric curve', () => {
  it('follows a linear method with the bounds the data resolved, reversed when lower is better', () => {
    const up = curveOf({ type: 'linear' }, 'higherIsBetter', profile)!;
    expect(up.map((p) => p.x)).toEqual([12.5, 37.5, 62.5, 87.5]);
    expect(up.map((p) => p.score)).toEqual([0, 43.75, 100, 100]);
    const down = curveOf({ type: 'linear', lo: 0, hi: 100 }, 'lowerIsBetter', profile)!;
    expect(down.map((p) => p.score)).toEqual([87.5, 62.5, 37.5, 12.5]);
  });

  it('steps through bands (first match wins) and gives days-since the same shape', () => {
    const bands = { type: 'bands' as const, bands: [{ min: 50, score: 100 }, { min: 25, score: 60 }], otherwise: 10 };
    expect(curveOf(bands, 'higherIsBetter', profile)!.map((p) => p.score)).toEqual([10, 60, 100, 100]);
    expect(curveOf({ type: 'daysSince', scoring: bands }, 'lowerIsBetter', profile)!.map((p) => p.score)).toEqual([90, 40, 0, 0]);
  });

  it('ranks by mid-rank for percentile, and has no curve for booleans or categories', () => {
    expect(curveOf({ type: 'percentile', scope: 'population' }, 'higherIsBetter', profile)!.map((p) => p.score)).toEqual([5, 25, 60, 90]);
    expect(curveOf({ type: 'boolean' }, 'higherIsBetter', profile)).toBeNull();
    expect(curveOf({ type: 'category', map: {} }, 'higherIsBetter', { ...profile, kind: 'category' })).toBeNull();
  });

  it('starts a bands method inside the data’s range, strictly decreasing, and a category map from the values seen', () => {
    const bands = defaultMethod('bands', profile);
    expect(bands).toEqual({ type: 'bands', bands: [{ min: 50, score: 100 }, { min: 36, score: 60 }], otherwise: 20 });
    const categories = defaultMethod('category', { ...profile, kind: 'category', categories: [{ value: 'Green', count: 5 }, { value: 'Red', count: 2 }] });
    expect(categories).toEqual({ type: 'category', map: { Green: 50, Red: 50 } });
  });
});

describe('segment rules', () => {
  it('reads condition values for the column kind', () => {
    expect(parseConditionValue('eq', 'Enterprise', 'text')).toBe('Enterprise');
    expect(parseConditionValue('eq', ' 42 ', 'number')).toBe(42);
    expect(parseConditionValue('in', 'SMB, Mid-Market ,', 'text')).toEqual(['SMB', 'Mid-Market']);
    expect(parseConditionValue('gte', '50000', 'number')).toBe(50000);
    expect(parseConditionValue('lt', '2026-01-01', 'date')).toBe('2026-01-01');
    expect(parseConditionValue('isTrue', 'anything', 'boolean')).toBeUndefined();
  });

  it('adds, reorders and removes segments, keeping the scorecard valid once the rule has a value', () => {
    const sc = fakeScorecard();
    const added = addSegment(sc, 'region');
    expect(added.segments.map((s) => s.id)).toEqual(['enterprise', 'mid-market', 'smb', 'segment-4']);
    const filled = setCondition(added, 3, 0, { attribute: 'region', operator: 'in', value: ['EMEA', 'APAC'] });
    expect(validateScorecard(filled).ok).toBe(true);
    const moved = moveSegment(filled, 3, -1);
    expect(moved.segments.map((s) => s.id)).toEqual(['enterprise', 'mid-market', 'segment-4', 'smb']);
    expect(moveSegment(moved, 0, -1)).toBe(moved);
    expect(removeSegment(moved, 2).segments.map((s) => s.id)).toEqual(['enterprise', 'mid-market', 'smb']);
  });
});
