// ARR per segment and band (summary.ts arrByBand, which the worker runs after every slider move)
// against a plain loop: the same sums, added in the same order, so equal to the bit (missing ARR
// and absent accounts included).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNTED_BANDS } from '../../../shared/scorecard/bands';
import type { ScoringEngine } from '../../../shared/scoring/engine';
import { arrByBand } from '../../../shared/scoring/summary';

function fakeEngine(band: number[], segment: number[], arr: number[] | null, segments: number): ScoringEngine {
  return {
    band: Uint8Array.from(band),
    matrix: { arr: arr ? Float64Array.from(arr) : null, segment: Uint8Array.from(segment), segmentIds: Array.from({ length: segments }, (_, k) => `s${k}`) },
  } as unknown as ScoringEngine;
}

/** The obvious loop: counted bands only, known ARR only. */
function plainArrByBand(band: number[], segment: number[], arr: number[], segments: number): number[] {
  const out = new Array<number>(segments * COUNTED_BANDS).fill(0);
  band.forEach((b, i) => {
    if (b < COUNTED_BANDS && !Number.isNaN(arr[i])) out[segment[i] * COUNTED_BANDS + b] += arr[i];
  });
  return out;
}

describe('ARR per segment and band', () => {
  it('sums each counted band per segment, skipping missing ARR and absent accounts', () => {
    const engine = fakeEngine([0, 1, 4, 3, 0, 2], [0, 0, 0, 1, 1, 1], [1.5, 2, 100, Number.NaN, 0.25, 7], 2);
    expect(Array.from(arrByBand(engine))).toEqual([1.5, 2, 0, 0, 0.25, 0, 7, 0]);
    expect(arrByBand(fakeEngine([0], [0], null, 1))).toEqual(new Float64Array(4));
  });

  it('gives exactly the plain loop’s sums', () => {
    const account = fc.record({
      band: fc.integer({ min: 0, max: 4 }),
      segment: fc.integer({ min: 0, max: 3 }),
      arr: fc.oneof(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.constant(Number.NaN)),
    });
    fc.assert(
      fc.property(fc.array(account, { maxLength: 200 }), (accounts) => {
        const band = accounts.map((a) => a.band);
        const segment = accounts.map((a) => a.segment);
        const arr = accounts.map((a) => a.arr);
        expect(Array.from(arrByBand(fakeEngine(band, segment, arr, 4)))).toEqual(plainArrByBand(band, segment, arr, 4));
      }),
    );
  });
});
