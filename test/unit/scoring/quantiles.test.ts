import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { midRankPercentiles, percentilesInPlace } from '../../../shared/scoring/quantiles';
import { radixSortFloat64 } from '../../../shared/scoring/radixSort';

/** numpy's linear interpolation between the sorted values, as the engine computes it. */
function interpolated(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const f = Math.floor(h);
  const t = h - f;
  if (t === 0 || f + 1 >= sorted.length) return sorted[f];
  const d = sorted[f + 1] - sorted[f];
  return t >= 0.5 ? sorted[f + 1] - d * (1 - t) : sorted[f] + d * t;
}

describe('order statistics', () => {
  it('radix sort equals the native sort, negatives, zeros, ties and large sizes included', () => {
    const value = fc.oneof(fc.double({ noNaN: true }), fc.integer({ min: -5, max: 5 }), fc.constantFrom(-0, 0, 1e-300, -1e300));
    fc.assert(
      fc.property(fc.array(value, { minLength: 0, maxLength: 6000 }), (xs) => {
        const a = Float64Array.from(xs);
        expect(Array.from(radixSortFloat64(a))).toEqual(Array.from(a.slice().sort()));
      }),
      { numRuns: 60 },
    );
  });

  it('percentiles by selection equal interpolation on the sorted values', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 500 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }), (xs, ps) => {
        const sorted = Float64Array.from(xs).sort();
        const expected = ps.map((p) => interpolated(sorted, p));
        expect(percentilesInPlace(Float64Array.from(xs), ps)).toEqual(expected);
      }),
    );
  });

  it('percentiles of large arrays (bucketed selection) equal interpolation on the sorted values', () => {
    const value = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -3, max: 3 }), fc.constantFrom(-0, 0, 5e-324, -5e-324, 1e-300));
    // -0 and +0 compare equal, so either may be picked: compare with zeros unsigned.
    const unsignedZero = (x: number) => x + 0;
    fc.assert(
      fc.property(fc.array(value, { minLength: 4096, maxLength: 12000 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }), (xs, ps) => {
        const sorted = Float64Array.from(xs).sort();
        const got = percentilesInPlace(Float64Array.from(xs), [...ps, 0, 1, 0.05, 0.95]);
        expect(got.map(unsignedZero)).toEqual([...ps, 0, 1, 0.05, 0.95].map((p) => unsignedZero(interpolated(sorted, p))));
      }),
      { numRuns: 40 },
    );
  });

  it('mid-rank percentiles over a large tied column', () => {
    const n = 10_000;
    const x = Float64Array.from({ length: n }, (_, i) => (i % 4 === 0 ? Number.NaN : i % 7));
    const rows = Uint32Array.from({ length: n }, (_, i) => i);
    const out = new Float64Array(n);
    midRankPercentiles(x, rows, out);
    const present = Array.from(x).filter((v) => !Number.isNaN(v));
    for (const i of [1, 2, 3, 5, 13]) {
      const L = present.filter((v) => v < x[i]).length;
      const E = present.filter((v) => v === x[i]).length;
      expect(out[i]).toBe((100 * (L + 0.5 * E)) / present.length);
    }
    expect(out[0]).toBeNaN();
  });
});
