// Band transitions between a baseline scorecard and the draft on the same labelled accounts:
// "37 accounts green → yellow". Rows are the baseline's band, columns the draft's (red, yellow,
// green, unscored); absent and excluded accounts are in no cell (both scorecards score the same
// snapshot, so an account absent for one is absent for the other).

import { Y_CHURNED, Y_EXCLUDED } from '../../../shared/backtest/types';
import { TRANSITION_BANDS } from './protocol';

const B = TRANSITION_BANDS;
const CELLS = B * B;

export interface TransitionCounts {
  /** Per view (all accounts, then each segment): [from × 4 + to] accounts. */
  accounts: Uint32Array[];
  churned: Uint32Array[];
}

export function transitionCounts(
  baselineBand: Uint8Array,
  draftBand: Uint8Array,
  y: Uint8Array,
  segment: ArrayLike<number>,
  segmentCount: number,
): TransitionCounts {
  const all = new Uint32Array((segmentCount + 1) * CELLS);
  const churned = new Uint32Array((segmentCount + 1) * CELLS);
  for (let i = 0; i < y.length; i++) {
    if (y[i] === Y_EXCLUDED || draftBand[i] >= B || baselineBand[i] >= B) continue;
    const cell = baselineBand[i] * B + draftBand[i];
    const seg = (segment[i] + 1) * CELLS + cell;
    all[cell]++;
    all[seg]++;
    if (y[i] === Y_CHURNED) {
      churned[cell]++;
      churned[seg]++;
    }
  }
  const views = (a: Uint32Array) => Array.from({ length: segmentCount + 1 }, (_, v) => a.slice(v * CELLS, (v + 1) * CELLS));
  return { accounts: views(all), churned: views(churned) };
}

/** Accounts in one cell (baseline band `from` → draft band `to`), optionally of one segment, in account order. */
export function transitionMembers(
  baselineBand: Uint8Array,
  draftBand: Uint8Array,
  y: Uint8Array,
  segment: ArrayLike<number>,
  from: number,
  to: number,
  onlySegment: number | null,
): number[] {
  const out: number[] = [];
  for (let i = 0; i < y.length; i++) {
    if (y[i] === Y_EXCLUDED || draftBand[i] >= B || baselineBand[i] >= B) continue;
    if (onlySegment !== null && segment[i] !== onlySegment) continue;
    if (baselineBand[i] === from && draftBand[i] === to) out.push(i);
  }
  return out;
}
