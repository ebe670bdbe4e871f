import { describe, expect, it } from 'vitest';
import { sortClampedScores } from '../../../shared/backtest/clampedOrder';
import { sortScores } from '../../../shared/backtest/scoreOrder';
import { SeededRandom } from '../../../shared/random';

/** The expected order: finite scores ascending, ties by position, excluded (255) left out. */
function reference(score: Float64Array, labels?: Uint8Array): number[] {
  const ids: number[] = [];
  for (let i = 0; i < score.length; i++) if (Number.isFinite(score[i]) && (!labels || labels[i] !== 255)) ids.push(i);
  return ids.sort((a, b) => score[a] - score[b] || a - b);
}

function check(score: Float64Array, labels?: Uint8Array): void {
  const order = sortClampedScores(score, labels);
  expect(order).not.toBeNull();
  if (!order) return;
  const expected = reference(score, labels);
  expect(Array.from(order.index)).toEqual(expected);
  expect(Array.from(order.sorted)).toEqual(expected.map((i) => score[i]));
  const ends: number[] = [];
  for (let j = 1; j <= expected.length; j++) if (j === expected.length || score[expected[j]] !== score[expected[j - 1]]) ends.push(j);
  expect(Array.from(order.groupEnd)).toEqual(ends);
}

function draw(n: number, seed: number, value: (r: SeededRandom) => number): { score: Float64Array; labels: Uint8Array } {
  const rng = new SeededRandom(seed);
  const score = Float64Array.from({ length: n }, () => (rng.next() < 0.05 ? Number.NaN : value(rng)));
  const labels = Uint8Array.from({ length: n }, () => (rng.next() < 0.1 ? 255 : rng.int(2)));
  return { score, labels };
}

describe('sortClampedScores (the [0, 100] path of sortScores)', () => {
  it('sorts with ties in position order, leaving out NaN and excluded; 0, −0 and 100 exactly', () => {
    check(Float64Array.from([100, 0, Number.NaN, 55.5, -0, 100, 0, 3, 55.5, 99.99999999999999]));
    check(Float64Array.from([100, 0, 7, 0, 100]), Uint8Array.from([0, 255, 1, 0, 255]));
  });

  it('handles empty, single and all-equal inputs', () => {
    check(new Float64Array(0));
    check(Float64Array.from([42]));
    check(new Float64Array(3000).fill(64.25));
    check(new Float64Array(10).fill(Number.NaN));
  });

  it.each([
    ['integers (many ties)', (r: SeededRandom) => Math.min(100, Math.max(0, Math.round(r.normal(60, 20))))],
    ['continuous, clamped', (r: SeededRandom) => Math.min(100, Math.max(0, r.normal(60, 25)))],
    ['crowded distinct values (comparison-sort fallback)', (r: SeededRandom) => 50 + r.next() * 1e-9],
    ['one-ulp neighbours', (r: SeededRandom) => 30 + (r.int(50) - 25) * Number.EPSILON * 16],
    ['denormals', (r: SeededRandom) => r.int(7) * 5e-324],
  ])('is exact at 30k accounts: %s', (_label, value) => {
    const { score, labels } = draw(30_000, 5, value);
    check(score);
    check(score, labels);
  });

  it('carries a payload column in place of positions', () => {
    const order = sortClampedScores(Float64Array.from([3, 1, 2, 1]), undefined, Uint32Array.from([30, 10, 20, 11]));
    expect(Array.from(order?.index ?? [])).toEqual([10, 11, 20, 30]);
  });

  it('gives up (null) when a kept score is outside [0, 100]; sortScores then sorts the general way', () => {
    const score = Float64Array.from([5, 100.5, 1]);
    expect(sortClampedScores(score)).toBeNull();
    expect(sortClampedScores(score, Uint8Array.from([0, 255, 0]))).not.toBeNull();
    expect(Array.from(sortScores(score).index)).toEqual([2, 0, 1]);
  });
});
