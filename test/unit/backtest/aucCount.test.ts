import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auc, aucOfOrder, labelledOrder } from '../../../shared/backtest/auc';
import { countPairs } from '../../../shared/backtest/aucCount';
import { calibrations } from '../../../shared/backtest/calibration';
import { aucAndCalibration } from '../../../shared/backtest/scoreStatistics';
import { SeededRandom } from '../../../shared/random';

const f64 = (v: number[]) => Float64Array.from(v);
const u8 = (v: number[]) => Uint8Array.from(v);

/** The order-based AUC (full sort, then the tie-group sweep): the reference for the counting path. */
const byOrder = (score: Float64Array, y: Uint8Array) => aucOfOrder(labelledOrder(score, y)).overall;

/** Brute force over all (churned, retained) pairs, doubled: the definition itself. */
function pairs2(score: Float64Array, y: Uint8Array): number {
  let num2 = 0;
  for (let i = 0; i < score.length; i++) {
    if (y[i] !== 1 || !Number.isFinite(score[i])) continue;
    for (let j = 0; j < score.length; j++) {
      if (y[j] !== 0 || !Number.isFinite(score[j])) continue;
      num2 += score[j] > score[i] ? 2 : score[j] === score[i] ? 1 : 0;
    }
  }
  return num2;
}

function random(n: number, seed: number, draw: (rng: SeededRandom) => number) {
  const rng = new SeededRandom(seed);
  const score = Float64Array.from({ length: n }, () => (rng.next() < 0.05 ? Number.NaN : draw(rng)));
  const y = Uint8Array.from({ length: n }, () => (rng.next() < 0.1 ? 255 : rng.next() < 0.3 ? 1 : 0));
  const segment = Uint16Array.from({ length: n }, () => rng.int(3));
  return { score, y, segment };
}

describe('countPairs (AUC without a full sort)', () => {
  it('counts exactly the pairs of the definition, ties half, on hand-made cases', () => {
    // churned {30, 50}, retained {50, 70}: (30,50)=2 (30,70)=2 (50,50)=1 (50,70)=2 → 7.
    expect(countPairs(f64([30, 50, 50, 70]), u8([1, 1, 0, 0]))).toEqual({ num2: 7, churned: 2, retained: 2 });
    expect(countPairs(f64([0, 100, 0, 100]), u8([1, 1, 0, 0]))).toEqual({ num2: pairs2(f64([0, 100, 0, 100]), u8([1, 1, 0, 0])), churned: 2, retained: 2 });
  });

  it('handles 0 and 100 exactly, −0 as 0, NaN as unscored and 255 as excluded', () => {
    const score = f64([0, -0, 0, 100, 100, Number.NaN, 50, 0, 100]);
    const y = u8([1, 0, 1, 0, 1, 1, 255, 0, 0]);
    const r = countPairs(score, y);
    expect(r).toEqual({ num2: pairs2(score, y), churned: 3, retained: 4 });
    expect(auc(score, y)).toEqual(byOrder(score, y));
  });

  it('is ½ for all-equal scores and undefined for a single class, like the order-based AUC', () => {
    const equal = new Float64Array(500).fill(42.5);
    const y = Uint8Array.from({ length: 500 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    expect(auc(equal, y).auc).toBe(0.5);
    for (const label of [0, 1]) {
      const one = auc(f64([1, 2, 3, 2]), new Uint8Array(4).fill(label));
      expect(one).toEqual(byOrder(f64([1, 2, 3, 2]), new Uint8Array(4).fill(label)));
      expect(one.auc).toBeNaN();
    }
    expect(auc(f64([Number.NaN, 7]), u8([1, 255])).undefinedReason).toBe('no scored accounts');
  });

  it('gives up (null) on a score outside [0, 100], and auc() then sorts instead', () => {
    expect(countPairs(f64([10, 101]), u8([1, 0]))).toBeNull();
    expect(countPairs(f64([-1e-300, 5]), u8([1, 0]))).toBeNull();
    // Out of range but excluded or unscored: not counted, so no reason to give up.
    expect(countPairs(f64([10, 500, 20]), u8([1, 255, 0]))).not.toBeNull();
    const score = f64([-5, 10, 250, 30, 30]);
    const y = u8([1, 0, 0, 1, 0]);
    expect(auc(score, y)).toEqual(byOrder(score, y));
  });

  it.each([
    ['integers (many ties)', (r: SeededRandom) => Math.round(r.normal(60, 20))],
    ['one decimal', (r: SeededRandom) => Math.round(Math.min(100, Math.max(0, r.normal(60, 20))) * 10) / 10],
    ['continuous, clamped', (r: SeededRandom) => Math.min(100, Math.max(0, r.normal(60, 25)))],
    ['distinct values crowded into one fine bucket', (r: SeededRandom) => 50 + r.next() * 1e-9],
    ['one-ulp neighbours', (r: SeededRandom) => 30 + (r.int(50) - 25) * Number.EPSILON * 16],
    ['denormals', (r: SeededRandom) => r.int(7) * 5e-324],
  ])('equals the order-based AUC bit for bit at 20k accounts: %s', (_label, draw) => {
    const { score, y } = random(20_000, 7, (r) => Math.min(100, Math.max(0, draw(r))));
    const fast = countPairs(score, y);
    expect(fast).not.toBeNull();
    expect(auc(score, y)).toEqual(byOrder(score, y));
  });

  it('notices a second distinct score in a bucket however late it comes (whole numbers, then one that is not)', () => {
    const rng = new SeededRandom(11);
    const n = 50_000;
    const score = Float64Array.from({ length: n }, () => rng.int(101));
    const y = Uint8Array.from({ length: n }, () => (rng.next() < 0.3 ? 1 : 0));
    // Each whole number has a bucket of its own until the last account shares 60's bucket with 60.1.
    score[n - 1] = 60.1;
    y[n - 1] = 1;
    expect(auc(score, y)).toEqual(byOrder(score, y));
    score[n - 1] = 60;
    expect(auc(score, y)).toEqual(byOrder(score, y));
  });

  it('equals the brute-force pair count (property)', () => {
    const value = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true }), fc.constantFrom(0, -0, 100, 50.25, Number.NaN));
    const rows = fc.array(fc.record({ s: value, y: fc.constantFrom(0, 1, 1, 0, 255) }), { minLength: 0, maxLength: 150 });
    fc.assert(
      fc.property(rows, (r) => {
        const score = Float64Array.from(r, (x) => x.s);
        const y = Uint8Array.from(r, (x) => x.y);
        const got = countPairs(score, y);
        return got !== null && got.num2 === pairs2(score, y) && Object.is(auc(score, y).auc, byOrder(score, y).auc);
      }),
      { numRuns: 300 },
    );
  });
});

describe('aucAndCalibration', () => {
  it('equals auc() and calibrations() computed on their own, with many ties and in the fallback', () => {
    for (const [seed, draw] of [
      [1, (r: SeededRandom) => Math.round(r.normal(60, 20))],
      [2, (r: SeededRandom) => r.uniform(0, 100)],
      [3, (r: SeededRandom) => r.normal(60, 40)],
    ] as const) {
      const { score, y, segment } = random(10_000, seed, (r) => (seed === 3 ? draw(r) : Math.min(100, Math.max(0, draw(r)))));
      const names = ['a', 'b', 'c', 'empty'];
      const both = aucAndCalibration(score, y, segment, names);
      expect(both.auc).toEqual(byOrder(score, y));
      expect(both.calibration).toEqual(calibrations(score, y, segment, names));
    }
  });

  it('rejects a segment index out of range', () => {
    expect(() => aucAndCalibration(f64([1, 2]), u8([0, 1]), Uint16Array.from([0, 2]), ['a', 'b'])).toThrow(/out of range/);
  });
});
