// "Apply as draft": the suggested percentages become the segment's effective weights, grouped or
// not, and nothing else in the scorecard changes.

import { describe, expect, it } from 'vitest';
import { effectiveWeights } from '../../../../shared/scorecard/resolve';
import type { MetricDef, Scorecard } from '../../../../shared/scorecard/types';
import { validateScorecard } from '../../../../shared/scorecard/validate';
import { roundWeight, scorecardWithSuggestedWeights } from '../../../../renderer/features/backtest/suggestedScorecard';

const metric = (id: string, group?: string): MetricDef => ({ id, label: id.toUpperCase(), source: id, method: { type: 'linear' }, direction: 'higherIsBetter', weight: 1, ...(group ? { group } : {}) });

const scorecard: Scorecard = {
  schemaVersion: 1,
  name: 'Test',
  missingPolicy: 'redistribute',
  minCoverage: 0.5,
  thresholds: { red: 40, green: 70 },
  groups: [
    { id: 'engagement', label: 'Engagement', weight: 3 },
    { id: 'support', label: 'Support', weight: 1 },
  ],
  metrics: [metric('logins', 'engagement'), metric('seats', 'engagement'), metric('tickets', 'support'), metric('nps')],
  segments: [{ id: 'ent', label: 'Enterprise', when: [{ attribute: 'segment', operator: 'eq', value: 'Enterprise' }], weights: { nps: 'notApplicable' }, groupWeights: {} }],
  defaultSegment: { id: 'default', label: 'Other accounts', weights: {}, groupWeights: { support: 2 } },
  adjustments: [],
  overrides: [],
};

const suggested = [
  { metric: 'logins', weightPct: 41.26 },
  { metric: 'seats', weightPct: 0 },
  { metric: 'tickets', weightPct: 18.74 },
  { metric: 'nps', weightPct: 40 },
];

describe('scorecardWithSuggestedWeights', () => {
  it('makes the suggested shares the effective weights of that segment', () => {
    const next = scorecardWithSuggestedWeights(scorecard, 'ent', suggested);
    expect(validateScorecard(next).ok).toBe(true);
    const eff = effectiveWeights(next, 0).map((w) => Math.round(w * 1000) / 10);
    expect(eff).toEqual([41.3, 0, 18.7, 40]);
    expect(next.segments[0].when).toEqual(scorecard.segments[0].when);
    // Other segments and everything else are untouched.
    expect(next.defaultSegment).toBe(scorecard.defaultSegment);
    expect({ ...next, segments: [] }).toEqual({ ...scorecard, segments: [] });
  });

  it('writes the default segment too, and the groups sum their metrics', () => {
    const next = scorecardWithSuggestedWeights(scorecard, 'default', suggested);
    expect(next.segments).toBe(scorecard.segments);
    expect(next.defaultSegment.groupWeights).toEqual({ engagement: 41.3, support: 18.7 });
    expect(next.defaultSegment.weights).toEqual({ logins: 41.3, seats: 0, tickets: 18.7, nps: 40 });
    expect(effectiveWeights(next, 1).map((w) => Math.round(w * 1000) / 10)).toEqual([41.3, 0, 18.7, 40]);
  });

  it('refuses a draft whose metrics or segments changed since the suggestion', () => {
    expect(() => scorecardWithSuggestedWeights(scorecard, 'smb', suggested)).toThrow(/no segment "smb"/);
    expect(() => scorecardWithSuggestedWeights(scorecard, 'ent', suggested.slice(0, 3))).toThrow(/NPS/);
  });

  it('rounds to a tenth of a point and treats NaN or negatives as 0', () => {
    expect([roundWeight(12.345), roundWeight(Number.NaN), roundWeight(-3), roundWeight(0.04)]).toEqual([12.3, 0, 0, 0]);
  });
});
