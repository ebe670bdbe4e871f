import { describe, expect, it } from 'vitest';
import { isoToEpochDay } from '../../../shared/dates';
import { ScoringError } from '../../../shared/scoring/data';
import { assignSegments } from '../../../shared/scoring/matrix';
import { card, linearMetric, makeData } from './helpers';

function segmentsOf(rules: Record<string, unknown>[], attributes: Record<string, (string | number | null)[]>, kinds = {}): number[] {
  const segments = rules.map((when, k) => ({ id: `s${k}`, label: `S${k}`, when: [when] }));
  const n = Object.values(attributes)[0].length;
  const data = makeData({ metrics: { x: Array(n).fill(50) }, attributes: attributes as Record<string, (string | null)[]>, kinds });
  return Array.from(assignSegments(card({ metrics: [linearMetric('x')], segments }), data));
}

describe('segment rules', () => {
  it('first matching rule wins; the default segment (last) catches the rest', () => {
    const rules = [
      { attribute: 'arr', operator: 'gte', value: 50000 },
      { attribute: 'tier', operator: 'in', value: ['Gold', 'Silver'] },
    ];
    const attrs = { arr: [60000, 10000, 70000, 10000], tier: ['Bronze', 'Gold', 'Gold', 'Bronze'] };
    expect(segmentsOf(rules, attrs)).toEqual([0, 1, 0, 2]);
  });

  it('text operators compare trimmed text exactly; a missing cell matches nothing, not even neq', () => {
    const attrs = { csm: ['Yes', ' Yes ', 'No', null, 'N/A'] };
    expect(segmentsOf([{ attribute: 'csm', operator: 'eq', value: 'Yes' }], attrs)).toEqual([0, 0, 1, 1, 1]);
    expect(segmentsOf([{ attribute: 'csm', operator: 'neq', value: 'Yes' }], attrs)).toEqual([1, 1, 0, 1, 1]);
    expect(segmentsOf([{ attribute: 'csm', operator: 'notIn', value: ['No'] }], attrs)).toEqual([0, 0, 1, 1, 1]);
    expect(segmentsOf([{ attribute: 'csm', operator: 'isTrue' }], attrs)).toEqual([0, 0, 1, 1, 1]);
    expect(segmentsOf([{ attribute: 'csm', operator: 'isFalse' }], attrs)).toEqual([1, 1, 0, 1, 1]);
  });

  it('numeric operators on number and text columns; booleans and dates', () => {
    const attrs = { n: [1, 2, 3, null], t: ['1', '2.0', 'x', ''] };
    expect(segmentsOf([{ attribute: 'n', operator: 'gt', value: 1 }], attrs)).toEqual([1, 0, 0, 1]);
    expect(segmentsOf([{ attribute: 'n', operator: 'lte', value: 2 }], attrs)).toEqual([0, 0, 1, 1]);
    expect(segmentsOf([{ attribute: 'n', operator: 'lt', value: 2 }], attrs)).toEqual([0, 1, 1, 1]);
    expect(segmentsOf([{ attribute: 't', operator: 'eq', value: 2 }], attrs)).toEqual([1, 0, 1, 1]);
    expect(segmentsOf([{ attribute: 'n', operator: 'eq', value: true }], { n: [1, 0, null] })).toEqual([0, 1, 1]);
    const days = { d: [isoToEpochDay('2023-12-31'), isoToEpochDay('2024-01-01'), Number.NaN] };
    expect(segmentsOf([{ attribute: 'd', operator: 'gte', value: '2024-01-01' }], days, { d: 'date' })).toEqual([1, 0, 1]);
  });

  it('names the rule when a column is missing or a value cannot be compared', () => {
    expect(() => segmentsOf([{ attribute: 'nope', operator: 'eq', value: 'x' }], { n: [1] })).toThrow(
      new ScoringError('segments[0].when[0].attribute: no column named "nope" in the data'),
    );
    expect(() => segmentsOf([{ attribute: 'n', operator: 'eq', value: 'big' }], { n: [1] })).toThrow(/segments\[0\]\.when\[0\]\.value: "big" cannot be compared/);
  });
});
