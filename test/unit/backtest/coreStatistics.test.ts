import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aucOfOrder, labelledOrder } from '../../../shared/backtest/auc';
import { countPairs } from '../../../shared/backtest/aucCount';
import { bandTables } from '../../../shared/backtest/bandTable';
import { calibrations } from '../../../shared/backtest/calibration';
import { labelAccounts } from '../../../shared/backtest/labels';
import { coreStatistics } from '../../../shared/backtest/scoreStatistics';
import { SeededRandom } from '../../../shared/random';
import { synthetic } from './fixtures';

/** Each statistic by its own route: AUC from the full order, calibration and bands by their own passes. */
function separately(score: Float64Array, y: Uint8Array, input: Parameters<typeof bandTables>[0]) {
  return {
    auc: aucOfOrder(labelledOrder(score, y)).overall,
    calibration: calibrations(score, y, input.segment, input.segmentNames),
    bands: bandTables(input, y),
  };
}

function accounts(n: number, seed: number, draw: (rng: SeededRandom) => number, arrOf: (rng: SeededRandom) => number = (r) => Math.round(r.uniform(0, 5e4))) {
  const rng = new SeededRandom(seed);
  const score = Float64Array.from({ length: n }, () => (rng.next() < 0.05 ? Number.NaN : draw(rng)));
  const y = Uint8Array.from({ length: n }, () => (rng.next() < 0.1 ? 255 : rng.next() < 0.3 ? 1 : 0));
  const band = Uint8Array.from({ length: n }, () => rng.int(5));
  const segment = Uint16Array.from({ length: n }, () => rng.int(3));
  const arr = Float64Array.from({ length: n }, () => (rng.next() < 0.1 ? Number.NaN : arrOf(rng)));
  return { score, y, input: { band, segment, arr, segmentNames: ['a', 'b', 'c', 'empty'] } };
}

describe('coreStatistics (AUC, calibration and band tables from one pass over the accounts)', () => {
  it.each([
    ['continuous, clamped to [0, 100]', (r: SeededRandom) => Math.min(100, Math.max(0, r.normal(60, 25)))],
    ['whole numbers', (r: SeededRandom) => Math.min(100, Math.max(0, Math.round(r.normal(60, 25))))],
    ['one decimal (equal scores crowd one fine bucket)', (r: SeededRandom) => Math.round(r.uniform(0, 100) * 10) / 10],
    ['on coarse-bucket edges (k/4) and one ulp below', (r: SeededRandom) => r.int(401) / 4 - (r.next() < 0.5 ? 0 : Number.EPSILON * 8)],
    ['0 and 100 with a few in between', (r: SeededRandom) => (r.next() < 0.45 ? 0 : r.next() < 0.9 ? 100 : r.uniform(0, 100))],
    ['distinct scores crowded into one fine bucket', (r: SeededRandom) => 50 + r.next() * 1e-9],
    ['sparse: a few scores spread out', (r: SeededRandom) => (r.next() < 0.99 ? 37.5 : r.uniform(0, 100))],
  ])('equals each statistic computed on its own, bit for bit: %s', (_label, draw) => {
    const { score, y, input } = accounts(20_000, 5, (r) => Math.max(0, draw(r)));
    expect(coreStatistics(score, y, input)).toEqual(separately(score, y, input));
  });

  it('equals them on the synthetic back-test data (whole-dollar and cent ARR, an empty segment)', () => {
    for (const wholeArr of [true, false]) {
      for (const decimals of [undefined, 0, 2]) {
        const d = synthetic(5_000, 21, { wholeArr, decimals, segments: 4, emptySegment: true });
        const { y } = labelAccounts({ ...d }, { asOfDay: d.asOfDay, horizonDays: 90 });
        expect(coreStatistics(d.score, y, d)).toEqual(separately(d.score, y, d));
      }
    }
  });

  it('sums ARR pandas-exactly whatever it holds: fractions, negatives, infinities, sums past 2^53', () => {
    const cases: [string, (r: SeededRandom) => number][] = [
      ['cents', (r) => Math.round(r.uniform(0, 1e4) * 100) / 100],
      ['negative whole numbers', (r) => Math.round(r.uniform(-1e4, 1e4))],
      ['an infinity now and then', (r) => (r.next() < 0.001 ? Number.POSITIVE_INFINITY : Math.round(r.uniform(0, 1e4)))],
      ['whole, summing past 2^53', (r) => Math.round(r.uniform(0, 2 ** 42))],
      ['0.1 each (Kahan differs from plain sums)', () => 0.1],
    ];
    for (const [, arrOf] of cases) {
      const { score, y, input } = accounts(5_000, 9, (r) => r.uniform(0, 100), arrOf);
      expect(coreStatistics(score, y, input).bands).toEqual(bandTables(input, y));
    }
  });

  it('keeps the band tables from its one pass when scores outside [0, 100] send AUC and calibration the sorted way', () => {
    const { score, y, input } = accounts(3_000, 13, (r) => r.normal(50, 60));
    expect(countPairs(score, y)).toBeNull();
    expect(coreStatistics(score, y, input)).toEqual(separately(score, y, input));
  });

  it('single class and no scored accounts: AUC undefined, tables as on their own', () => {
    for (const label of [0, 1]) {
      const { score, input } = accounts(500, 3, (r) => r.uniform(0, 100));
      const y = new Uint8Array(500).fill(label);
      const got = coreStatistics(score, y, input);
      expect(got).toEqual(separately(score, y, input));
      expect(got.auc.auc).toBeNaN();
    }
    const { y, input } = accounts(100, 4, () => 1);
    const unscored = new Float64Array(100).fill(Number.NaN);
    expect(coreStatistics(unscored, y, input)).toEqual(separately(unscored, y, input));
  });

  it('rejects a segment index out of range and mismatched columns', () => {
    const { score, y, input } = accounts(200, 1, (r) => r.uniform(0, 100));
    input.segment[150] = 7;
    expect(() => coreStatistics(score, y, input)).toThrow('segment index 7 of account 150 is out of range');
    expect(() => coreStatistics(score, y, { ...input, arr: input.arr.subarray(1) })).toThrow(/arr/);
  });

  it('equals the separate routes on small random inputs (property)', () => {
    const value = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true }), fc.constantFrom(0, 100, 25, 24.999999999999996, Number.NaN));
    const row = fc.record({
      s: value,
      y: fc.constantFrom(0, 1, 1, 0, 255),
      band: fc.integer({ min: 0, max: 4 }),
      segment: fc.integer({ min: 0, max: 1 }),
      arr: fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.constantFrom(Number.NaN, 0.5, 1e15)),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 120 }), (rows) => {
        const score = Float64Array.from(rows, (r) => r.s);
        const y = Uint8Array.from(rows, (r) => r.y);
        const input = {
          band: Uint8Array.from(rows, (r) => r.band),
          segment: Uint16Array.from(rows, (r) => r.segment),
          arr: Float64Array.from(rows, (r) => r.arr),
          segmentNames: ['x', 'y'],
        };
        expect(coreStatistics(score, y, input)).toEqual(separately(score, y, input));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the bucket sweep (pass 3 of the counting AUC)', () => {
  /** Brute force over all (churned, retained) pairs, doubled. */
  function pairs2(score: Float64Array, y: Uint8Array): number {
    let num2 = 0;
    for (let i = 0; i < score.length; i++) {
      if (y[i] !== 1 || !Number.isFinite(score[i])) continue;
      for (let j = 0; j < score.length; j++) if (y[j] === 0 && Number.isFinite(score[j])) num2 += score[j] > score[i] ? 2 : score[j] === score[i] ? 1 : 0;
    }
    return num2;
  }

  it('corrects fine buckets holding both classes, pair by pair and (crowded, out of order) by sorting', () => {
    // One coarse bucket [50, 50.25): a crowded fine bucket of distinct scores in descending order
    // (past the insertion budget), equal scores of both classes, and pairs one ulp apart.
    const score: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < 300; i++) {
      score.push(50 + (300 - i) * 1e-12);
      y.push(i % 3 === 0 ? 1 : 0);
    }
    for (let i = 0; i < 40; i++) {
      score.push(50.125, 50.2 + i * 1e-3, 50.2 + i * 1e-3 + Number.EPSILON * 64);
      y.push(i % 2, 1, 0);
    }
    const s = Float64Array.from(score);
    const t = Uint8Array.from(y);
    expect(countPairs(s, t)?.num2).toBe(pairs2(s, t));
  });

  it('counts sparse and dense buckets alike (buckets of 1, 2, 3 … scores)', () => {
    const rng = new SeededRandom(17);
    for (const n of [2, 3, 5, 9, 40, 700]) {
      const s = Float64Array.from({ length: n }, () => rng.uniform(0, 100));
      const t = Uint8Array.from({ length: n }, (_, i) => i % 2);
      expect(countPairs(s, t)?.num2).toBe(pairs2(s, t));
    }
  });
});
