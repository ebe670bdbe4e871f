import { describe, expect, it } from 'vitest';
import { weightedAucFromOrder } from '../../../shared/backtest/auc';
import { drawChunk, drawCounts, positionCodes, sweepAndClear, sweepMapped } from '../../../shared/backtest/resample';
import { sortScores } from '../../../shared/backtest/scoreOrder';
import { SeededRandom } from '../../../shared/random';

function sample(n: number, seed: number, integers: boolean) {
  const rng = new SeededRandom(seed);
  const score = Float64Array.from({ length: n }, () => (integers ? rng.int(20) : rng.uniform(0, 100)));
  const y = Uint8Array.from({ length: n }, () => (rng.next() < 0.3 ? 1 : 0));
  const order = sortScores(score);
  const sortedY = Uint8Array.from(order.index, (i) => y[i]);
  return { score, y, order, code: positionCodes(order, sortedY) };
}

describe('resample: draws and weighted sweeps', () => {
  it('draws the same positions as m calls of rng.int(m), across chunk boundaries', () => {
    for (const m of [1, 7, 4096, 10_000]) {
      const w = new Uint32Array(m);
      drawCounts(new SeededRandom(3), w, drawChunk());
      const expected = new Uint32Array(m);
      const rng = new SeededRandom(3);
      for (let k = 0; k < m; k++) expected[rng.int(m)]++;
      expect(w).toEqual(expected);
    }
  });

  it.each([
    ['with ties', true],
    ['without ties', false],
  ])('sweeps to the weighted AUC of auc.ts and clears the counts, %s', (_label, integers) => {
    const { y, order, code } = sample(3_000, 9, integers);
    const rng = new SeededRandom(4);
    for (let r = 0; r < 5; r++) {
      const w = new Uint32Array(y.length);
      drawCounts(rng, w, drawChunk());
      // Counts are by sorted position; auc.ts weights are by account.
      const byAccount = new Float64Array(y.length);
      for (let j = 0; j < w.length; j++) byAccount[order.index[j]] = w[j];
      const expected = weightedAucFromOrder(order, y, byAccount);
      const identity = Uint32Array.from(w.keys());
      expect(sweepMapped(code, w, identity)).toBe(expected);
      expect(sweepAndClear(code, w)).toBe(expected);
      expect(w.every((c) => c === 0)).toBe(true);
    }
  });

  it('is NaN when a class has no weight', () => {
    const { code } = sample(50, 2, true);
    const w = new Uint32Array(50);
    expect(sweepAndClear(code, w)).toBeNaN();
    w[0] = 3;
    expect(sweepAndClear(code, w)).toBeNaN();
  });
});
