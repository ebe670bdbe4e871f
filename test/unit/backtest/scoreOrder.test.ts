import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortScores } from '../../../shared/backtest/scoreOrder';
import { SeededRandom } from '../../../shared/random';

/** The expected order: finite scores ascending, ties by position. */
function reference(score: Float64Array, keep: (i: number) => boolean = () => true): number[] {
  const ids: number[] = [];
  for (let i = 0; i < score.length; i++) if (Number.isFinite(score[i]) && keep(i)) ids.push(i);
  return ids.sort((a, b) => score[a] - score[b] || a - b);
}

function check(score: Float64Array, labels?: Uint8Array): void {
  const order = sortScores(score, labels);
  const expected = reference(score, labels ? (i) => labels[i] !== 255 : undefined);
  expect(Array.from(order.index)).toEqual(expected);
  expect(Array.from(order.sorted)).toEqual(expected.map((i) => score[i]));
  const distinct = new Set(expected.map((i) => score[i] + 0)).size;
  expect(order.groupEnd.length).toBe(distinct);
  if (distinct) expect(order.groupEnd[distinct - 1]).toBe(expected.length);
}

describe('sortScores', () => {
  it('sorts ascending with ties in position order, leaving out non-finite and excluded', () => {
    const score = Float64Array.from([5, Number.NaN, 1, 5, Infinity, -0, 0, 3, -Infinity, 1]);
    check(score);
    check(score, Uint8Array.from([0, 0, 255, 1, 0, 0, 0, 0, 0, 1]));
  });

  it('handles empty, single and all-equal inputs', () => {
    check(new Float64Array(0));
    check(Float64Array.from([42]));
    check(new Float64Array(1000).fill(7));
    check(new Float64Array(5).fill(Number.NaN));
  });

  it('is exact on adversarial spreads: crowded clusters, one-ulp neighbours, denormal ranges, huge ranges', () => {
    const rng = new SeededRandom(3);
    const crowded = new Float64Array(20_000);
    for (let i = 0; i < crowded.length; i++) crowded[i] = i % 500 === 0 ? rng.uniform(0, 100) : 50 + rng.next() * 1e-9;
    check(crowded);
    const ulps = new Float64Array(5_000);
    for (let i = 0; i < ulps.length; i++) ulps[i] = 30 + (rng.int(50) - 25) * Number.EPSILON * 16;
    check(ulps);
    check(Float64Array.from({ length: 300 }, () => rng.int(7) * 5e-324));
    check(Float64Array.from({ length: 3000 }, () => (rng.next() - 0.5) * 1e300));
    check(Float64Array.from([-1.0977121702440959e293, 1.7976931348623147e308, -Number.MAX_VALUE, 0, Number.MAX_VALUE]));
    check(Float64Array.from({ length: 2000 }, (_, i) => (i % 2 ? 1 : -1) * Number.MAX_VALUE * rng.next()));
    const geometric = Float64Array.from({ length: 4000 }, (_, i) => 2 ** -(i % 1000));
    check(geometric);
  });

  it('matches a plain sort on random data of any size (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ noNaN: false }), fc.integer({ min: 0, max: 100 }).map((v) => v), fc.constant(50.5)), { maxLength: 400 }),
        (values) => check(Float64Array.from(values)),
      ),
      { numRuns: 200 },
    );
  });

  it('carries a payload column in place of positions', () => {
    const score = Float64Array.from([3, 1, 2, 1]);
    const order = sortScores(score, undefined, Uint32Array.from([30, 10, 20, 11]));
    expect(Array.from(order.index)).toEqual([10, 11, 20, 30]);
  });

  it('sorts a million scores with many ties exactly', () => {
    const rng = new SeededRandom(9);
    const score = Float64Array.from({ length: 1_000_000 }, () => Math.round(rng.normal(60, 20)));
    const order = sortScores(score);
    for (let j = 1; j < order.sorted.length; j++) {
      if (order.sorted[j] < order.sorted[j - 1] || (order.sorted[j] === order.sorted[j - 1] && order.index[j] < order.index[j - 1])) {
        throw new Error(`out of order at ${j}`);
      }
    }
    expect(order.groupEnd.length).toBe(new Set(score).size);
  });
});
