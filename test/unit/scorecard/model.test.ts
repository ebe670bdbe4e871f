import { describe, expect, it } from 'vitest';
import { BAND_GREEN, BAND_RED, BAND_UNSCORED, BAND_YELLOW, bandOf, gradeOf } from '../../../shared/scorecard/bands';
import { diffScorecards } from '../../../shared/scorecard/diff';
import { profileColumn, profileDataset } from '../../../shared/scorecard/profile';
import { proposeDefaultScorecard } from '../../../shared/scorecard/propose';
import { effectiveWeights, segmentThresholds } from '../../../shared/scorecard/resolve';
import { parseScorecard } from '../../../shared/scorecard/validate';
import { generateDemoDataset } from '../../../shared/demo/generateDemoDataset';

const base = () =>
  parseScorecard({
    schemaVersion: 1,
    name: 'Health',
    groups: [
      { id: 'usage', label: 'Usage', weight: 3 },
      { id: 'support', label: 'Support', weight: 1 },
    ],
    metrics: [
      { id: 'logins', label: 'Logins', source: 'logins', method: { type: 'linear' }, group: 'usage', weight: 1 },
      { id: 'seats', label: 'Seats', source: 'seats', method: { type: 'linear' }, group: 'usage', weight: 3 },
      { id: 'tickets', label: 'Tickets', source: 'tickets', method: { type: 'linear' }, group: 'support', direction: 'lowerIsBetter' },
      { id: 'nps', label: 'NPS', source: 'nps', method: { type: 'linear', lo: -100, hi: 100 }, weight: 2 },
    ],
    segments: [
      { id: 'ent', label: 'Enterprise', when: [{ attribute: 'segment', operator: 'eq', value: 'Enterprise' }], weights: { nps: 'notApplicable' }, thresholds: { red: 50 } },
    ],
  });

describe('effective weights and thresholds', () => {
  it('(group weight / Σ group weights) × (metric weight / Σ metric weights in its group); ungrouped = group of one', () => {
    const sc = base();
    // Units: usage 3, support 1, nps 2 → Σ 6.
    expect(effectiveWeights(sc, 1)).toEqual([(3 / 6) * (1 / 4), (3 / 6) * (3 / 4), (1 / 6) * 1, 2 / 6]);
    // Enterprise excludes NPS: Σ 4.
    expect(effectiveWeights(sc, 0)).toEqual([(3 / 4) * (1 / 4), (3 / 4) * (3 / 4), 1 / 4, 0]);
    expect(segmentThresholds(sc, 0)).toEqual({ red: 50, green: 70 });
    expect(segmentThresholds(sc, 1)).toEqual({ red: 40, green: 70 });
  });

  it('bands: red below red, yellow below green, at a threshold the upper band; grades', () => {
    const t = { red: 40, green: 70 };
    expect([39.5, 40, 69.99, 70, Number.NaN].map((s) => bandOf(s, t))).toEqual([BAND_RED, BAND_YELLOW, BAND_YELLOW, BAND_GREEN, BAND_UNSCORED]);
    const grades = [
      { min: 80, grade: 'A' },
      { min: 60, grade: 'B' },
      { min: 0, grade: 'C' },
    ];
    expect([80, 79.9, 0, Number.NaN].map((s) => gradeOf(s, grades))).toEqual(['A', 'B', 'C', null]);
  });
});

describe('diffScorecards', () => {
  it('lists weight, threshold, metric and rule changes with old → new values', () => {
    const a = base();
    const b = parseScorecard({
      ...a,
      thresholds: { red: 35, green: 70 },
      metrics: [
        ...a.metrics.filter((m) => m.id !== 'logins').map((m) => (m.id === 'seats' ? { ...m, weight: 2 } : m)),
        { id: 'csm', label: 'CSM pulse', source: 'csm_pulse', method: { type: 'category', map: { Green: 100, Red: 0 } } },
      ],
      segments: [{ ...a.segments[0], when: [{ attribute: 'segment', operator: 'in', value: ['Enterprise', 'Strategic'] }], weights: { nps: 1 } }],
    });
    const messages = diffScorecards(a, b).map((c) => c.message);
    expect(messages).toEqual([
      'red threshold 40 → 35',
      'Removed metric "Logins"',
      'Metric "Seats": weight 3 → 2',
      'Added metric "CSM pulse"',
      'Segment "Enterprise": rule [{"attribute":"segment","operator":"eq","value":"Enterprise"}] → [{"attribute":"segment","operator":"in","value":["Enterprise","Strategic"]}]',
      'Segment "Enterprise": weight of "NPS" notApplicable → 1',
    ]);
    const weight = diffScorecards(a, b).find((c) => c.path === 'metrics[seats].weight');
    expect(weight).toMatchObject({ kind: 'weight', before: 3, after: 2 });
    expect(diffScorecards(a, a)).toEqual([]);
  });
});

describe('proposeDefaultScorecard', () => {
  it('proposes methods, directions and segments from the demo data', () => {
    const ds = generateDemoDataset({ accounts: 300, seed: 3, snapshots: 2 });
    const last = ds.snapshots[ds.snapshots.length - 1];
    const profile = profileDataset({ metrics: last.metrics, attributes: ds.accounts.attributes, present: last.present });
    const { scorecard, notes } = proposeDefaultScorecard(profile);
    const byId = Object.fromEntries(scorecard.metrics.map((m) => [m.id, m]));
    expect(byId.support_tickets_30d.direction).toBe('lowerIsBetter');
    expect(byId.logins_30d).toMatchObject({ direction: 'higherIsBetter', method: { type: 'linear' } });
    expect(byId.last_login).toMatchObject({ direction: 'lowerIsBetter', method: { type: 'daysSince' } });
    expect(byId.delinquent).toMatchObject({ direction: 'lowerIsBetter', method: { type: 'boolean' } });
    expect(byId.csm_pulse.method).toEqual({ type: 'category', map: expect.objectContaining({ Green: 100, Red: 0 }) });
    expect(byId.arr).toBeUndefined();
    expect(notes.some((n) => n.includes('"arr"'))).toBe(true);
    expect(scorecard.thresholds).toEqual({ red: 40, green: 70 });
    expect(new Set(scorecard.metrics.map((m) => m.weight))).toEqual(new Set([1]));
    expect(scorecard.segments.map((s) => s.when[0])).toContainEqual({ attribute: 'segment', operator: 'eq', value: 'Enterprise' });
  });

  it('uses the 5th–95th percentile range and recognises traffic-light text', () => {
    const profile = {
      metrics: [
        profileColumn({ field: { name: 'usage', kind: 'number' }, values: Float64Array.from({ length: 101 }, (_, i) => i) }),
        profileColumn({ field: { name: 'health', kind: 'text' }, values: ['Green', 'Yellow', 'Red', 'Amber', null] }),
        profileColumn({ field: { name: 'region', kind: 'text' }, values: ['EU', 'US'] }),
      ],
      attributes: [],
    };
    const { scorecard, notes } = proposeDefaultScorecard(profile);
    expect(scorecard.metrics[0].method).toEqual({ type: 'linear', lo: 5, hi: 95 });
    expect(scorecard.metrics[1].method).toEqual({ type: 'category', map: { Amber: 50, Green: 100, Red: 0, Yellow: 50 } });
    expect(scorecard.metrics).toHaveLength(2);
    expect(notes[0]).toMatch(/^Skipped "region"/);
    expect(scorecard.segments).toEqual([]);
  });
});
