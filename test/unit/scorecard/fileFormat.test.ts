import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ScorecardValidationError,
  parseScorecard,
  parseScorecardJson,
  serializeScorecard,
  validateScorecard,
  validateScorecardJson,
} from '../../../shared/scorecard/validate';

const minimal = () => ({
  schemaVersion: 1,
  name: 'Health',
  metrics: [
    { id: 'nps', label: 'NPS', source: 'nps', method: { type: 'linear', lo: -100, hi: 100 } },
    { id: 'tickets', label: 'Tickets', source: 'support_tickets_30d', method: { type: 'linear' }, direction: 'lowerIsBetter' },
  ],
});

function issuesOf(raw: unknown): string[] {
  const r = validateScorecard(raw);
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
}

describe('scorecard file: defaults and round trip', () => {
  it('fills in defaults', () => {
    const sc = parseScorecard(minimal());
    expect(sc.missingPolicy).toBe('redistribute');
    expect(sc.minCoverage).toBe(0.5);
    expect(sc.thresholds).toEqual({ red: 40, green: 70 });
    expect(sc.metrics[0]).toMatchObject({ direction: 'higherIsBetter', weight: 1 });
    expect(sc.defaultSegment).toEqual({ id: 'default', label: 'All other accounts', weights: {}, groupWeights: {} });
    expect(sc.segments).toEqual([]);
  });

  it('the documented example file is valid', () => {
    const doc = readFileSync(new URL('../../../docs/scorecard-format.md', import.meta.url), 'utf8');
    const json = /```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(json).toBeDefined();
    const sc = parseScorecardJson(json!);
    expect(sc.segments.length).toBeGreaterThan(0);
  });

  it('serialize → parse is the identity (property over weights and thresholds)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: 0, max: 1000, noNaN: true }), fc.constant('notApplicable' as const)), { minLength: 2, maxLength: 2 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom('redistribute', 'zero', 'neutral'),
        (weights, red, policy) => {
          const raw = {
            ...minimal(),
            missingPolicy: policy,
            thresholds: { red, green: red + 1 },
            metrics: minimal().metrics.map((m) => ({ ...m, weight: 1 })),
            segments: [{ id: 'ent', label: 'Enterprise', when: [{ attribute: 'segment', operator: 'eq', value: 'Enterprise' }], weights: { nps: weights[0], tickets: weights[1] } }],
          };
          const parsed = validateScorecard(raw);
          if (!parsed.ok) return; // both weights excluded: rejected, covered below
          const text = serializeScorecard(parsed.scorecard);
          expect(parseScorecardJson(text)).toEqual(parsed.scorecard);
          expect(serializeScorecard(parseScorecardJson(text))).toBe(text);
        },
      ),
    );
  });
});

describe('scorecard file: clear errors', () => {
  it('names the field path and the reason', () => {
    const raw = {
      ...minimal(),
      segments: [
        { id: 'a', label: 'A', when: [{ attribute: 'segment', operator: 'eq', value: 'A' }] },
        { id: 'b', label: 'B', when: [{ attribute: 'segment', operator: 'eq', value: 'B' }], weights: { nps: -1 } },
      ],
    };
    expect(issuesOf(raw)).toEqual(['segments[1].weights.nps: must be ≥ 0']);
    expect(() => parseScorecard(raw, 'health.json')).toThrow(new ScorecardValidationError([{ path: 'segments[1].weights.nps', message: 'must be ≥ 0' }], 'health.json'));
    expect(() => parseScorecard(raw, 'health.json')).toThrow('Invalid health.json: segments[1].weights.nps: must be ≥ 0');
  });

  it('shape errors: types, unknown keys, enums, schema version', () => {
    expect(issuesOf({ ...minimal(), schemaVersion: 2 })).toEqual(['schemaVersion: must be 1 (this app reads scorecard files of schema version 1)']);
    expect(issuesOf({ ...minimal(), minCoverage: 50 })).toEqual(['minCoverage: must be ≤ 1 (a fraction, not a percentage)']);
    expect(issuesOf({ ...minimal(), colour: 'red' })).toEqual(['(file): Unrecognized key: "colour"']);
    const badMetric = { ...minimal(), metrics: [{ ...minimal().metrics[0], method: { type: 'linear', lo: 'low' } }] };
    expect(issuesOf(badMetric)).toEqual(['metrics[0].method.lo: expected number, received string']);
    const badType = { ...minimal(), metrics: [{ ...minimal().metrics[0], method: { type: 'spline' } }] };
    expect(issuesOf(badType)[0]).toMatch(/^metrics\[0\]\.method\.type: Invalid discriminator value/);
    expect(issuesOf({ ...minimal(), metrics: [{ ...minimal().metrics[0], weight: 'lots' }] })).toEqual(['metrics[0].weight: must be a number ≥ 0 or "notApplicable"']);
    expect(issuesOf({ ...minimal(), metrics: [{ ...minimal().metrics[0], id: 'has space' }] })[0]).toMatch(/^metrics\[0\]\.id: must be 1–100 letters/);
  });

  it('cross-field errors: references, ordering, thresholds, operators', () => {
    const raw = {
      ...minimal(),
      thresholds: { red: 70, green: 40 },
      groups: [{ id: 'g', label: 'G' }],
      metrics: [
        { ...minimal().metrics[0], group: 'nope' },
        { id: 'b', label: 'B', source: 'b', method: { type: 'bands', bands: [{ min: 1, score: 10 }, { min: 5, score: 90 }], otherwise: 0 } },
        { id: 'nps', label: 'Dup', source: 'x', method: { type: 'linear', lo: 5, hi: 5 } },
      ],
      segments: [
        {
          id: 's',
          label: 'S',
          when: [{ attribute: 'tier', operator: 'in', value: 'Gold' }],
          weights: { ghost: 1 },
          groupWeights: { 'odd id': 2 },
          thresholds: { green: 10 },
        },
      ],
      adjustments: [{ id: 'x', label: 'X', when: { attribute: 'delinquent', operator: 'isTrue', value: true }, points: -20 }],
      overrides: [{ accountKey: 'A', score: 50, band: 'red', reason: 'r', expires: '2024-02-30' }],
    };
    expect(issuesOf(raw)).toEqual([
      'overrides[0].expires: must be a date written YYYY-MM-DD',
    ]);
    raw.overrides[0].expires = '2024-02-28';
    expect(issuesOf(raw)).toEqual([
      'metrics[2].id: duplicate metric id "nps" (also at metrics[0].id)',
      'metrics[0].group: no group with id "nope"',
      'metrics[1].method.bands[1].min: bands must be ordered by decreasing min (first match wins): 5 after 1 could never match',
      'metrics[2].method.hi: must be greater than lo (5)',
      'thresholds.red: must be below thresholds.green (40)',
      'segments[0].weights.ghost: no metric with id "ghost"',
      'segments[0].groupWeights["odd id"]: no group with id "odd id"',
      'segments[0].when[0].value: must be a non-empty list for operator in',
      'segments[0].thresholds: red (70) must be below green (10)',
      'adjustments[0].when.value: must be absent for operator isTrue',
      'overrides[0]: must set exactly one of score and band',
    ]);
  });

  it('rejects a segment in which every metric is excluded', () => {
    const raw = { ...minimal(), defaultSegment: { weights: { nps: 0, tickets: 'notApplicable' } } };
    expect(issuesOf(raw)).toEqual(['defaultSegment.weights: every metric is excluded in this segment; at least one metric (and its group) needs a weight > 0']);
  });

  it('reports invalid JSON as a problem with the file', () => {
    const r = validateScorecardJson('{ "schemaVersion": 1,');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].path).toBe('(file)');
  });
});
