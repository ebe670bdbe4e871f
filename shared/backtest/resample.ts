// The per-resample work of the bootstrap (bootstrap.ts), O(n) and free of sorting: draw the
// multinomial counts of one resample, then sweep the accounts once in score order, weighting each
// by its count. The order is fixed up front, with each position coded as
//   churned (bit 0) | starts a new tie group (bit 1),
// so the sweep reads two sequential columns and needs no group table:
//   num2 += retained_g × (2 × churned below g + churned_g)   (weights as counts; auc.ts)
// Counts are integers below 2^32 and their products below 2^53, so every sum is exact and the AUC
// is one rounding away from the exact AUC of the materialised resample.

import type { SeededRandom } from '../random';
import type { ScoreOrder } from './scoreOrder';

export const CHURNED_BIT = 1;
export const GROUP_START_BIT = 2;

/** Codes (see above) of the sorted positions of `order`; `sortedY[j]` is the label at position j. */
export function positionCodes(order: ScoreOrder, sortedY: Uint8Array): Uint8Array {
  const code = new Uint8Array(sortedY.length);
  for (let j = 0; j < code.length; j++) code[j] = sortedY[j] & CHURNED_BIT;
  let start = 0;
  for (let g = 0; g < order.groupEnd.length; g++) {
    code[start] |= GROUP_START_BIT;
    start = order.groupEnd[g];
  }
  return code;
}

/** Draws per random chunk: small enough to stay in the first-level cache between fill and use. */
const CHUNK = 4096;

/**
 * Adds one resample's counts into `w` (which must be all zero): m draws, draw k picking position
 * floor(u_k × m), u_k = nextUint32() / 2^32, the same stream as m calls of rng.int(m).
 */
export function drawCounts(rng: SeededRandom, w: Uint32Array, chunk: Uint32Array): void {
  const m = w.length;
  for (let done = 0; done < m; done += chunk.length) {
    const part = Math.min(chunk.length, m - done);
    const draws = part === chunk.length ? chunk : chunk.subarray(0, part);
    rng.fillUint32(draws);
    // u × m < 2^53 is exact, so this is floor(next() × m).
    for (let k = 0; k < part; k++) w[((draws[k] * m) / 4294967296) | 0]++;
  }
}

export function drawChunk(): Uint32Array {
  return new Uint32Array(CHUNK);
}

/**
 * Weighted AUC over the coded positions, the weight of position j being w[j]; sets each w[j] back
 * to 0 as it reads it (ready for the next draw). NaN when a class has no weight.
 */
export function sweepAndClear(code: Uint8Array, w: Uint32Array): number {
  let num2 = 0;
  let below = 0;
  let retained = 0;
  let pos = 0;
  let all = 0;
  for (let j = 0; j < code.length; j++) {
    const c = code[j];
    const wj = w[j];
    w[j] = 0;
    if (c & GROUP_START_BIT) {
      num2 += (all - pos) * (2 * below + pos);
      below += pos;
      retained += all - pos;
      pos = 0;
      all = 0;
    }
    all += wj;
    pos += wj * (c & CHURNED_BIT);
  }
  num2 += (all - pos) * (2 * below + pos);
  below += pos;
  retained += all - pos;
  return below > 0 && retained > 0 ? num2 / (2 * below * retained) : Number.NaN;
}

/** The same, the weight of position j being w[map[j]], leaving `w` as it is. */
export function sweepMapped(code: Uint8Array, w: Uint32Array, map: Uint32Array): number {
  let num2 = 0;
  let below = 0;
  let retained = 0;
  let pos = 0;
  let all = 0;
  for (let j = 0; j < code.length; j++) {
    const c = code[j];
    const wj = w[map[j]];
    if (c & GROUP_START_BIT) {
      num2 += (all - pos) * (2 * below + pos);
      below += pos;
      retained += all - pos;
      pos = 0;
      all = 0;
    }
    all += wj;
    pos += wj * (c & CHURNED_BIT);
  }
  num2 += (all - pos) * (2 * below + pos);
  below += pos;
  retained += all - pos;
  return below > 0 && retained > 0 ? num2 / (2 * below * retained) : Number.NaN;
}
