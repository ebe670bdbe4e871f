// What changes from the baseline to the draft on the same accounts, in the terms a CS lead acts
// on: churned accounts caught in red, churned ARR caught in red, red accounts to call.

import type { BandTable } from '../../../shared/backtest/bandTable';
import { TRANSITION_BANDS } from './protocol';

export interface Change {
  draft: number;
  baseline: number;
  /** draft − baseline. */
  delta: number;
}

function change(draft: number, baseline: number): Change {
  return { draft, baseline, delta: draft - baseline };
}

export interface CaptureChanges {
  redChurned: Change;
  redRecall: Change;
  redChurnedArr: Change;
  redAccounts: Change;
  redChurnRate: Change;
}

export function captureChanges(draft: BandTable, baseline: BandTable): CaptureChanges {
  const d = draft.rows[0];
  const b = baseline.rows[0];
  return {
    redChurned: change(d.churned, b.churned),
    redRecall: change(d.recall, b.recall),
    redChurnedArr: change(d.churnedArr, b.churnedArr),
    redAccounts: change(d.accounts, b.accounts),
    redChurnRate: change(d.churnRate, b.churnRate),
  };
}

export interface TransitionCellView {
  from: number;
  to: number;
  accounts: number;
  churned: number;
  diagonal: boolean;
}

/** The matrix as rows of cells (rows: baseline band; columns: draft band). */
export function transitionRows(accounts: Uint32Array, churned: Uint32Array): TransitionCellView[][] {
  const B = TRANSITION_BANDS;
  return Array.from({ length: B }, (_, from) =>
    Array.from({ length: B }, (_, to) => ({ from, to, accounts: accounts[from * B + to], churned: churned[from * B + to], diagonal: from === to })),
  );
}

/** Accounts whose band changed, and how many of them moved towards red (a lower band). */
export function movedCounts(accounts: Uint32Array): { moved: number; down: number; up: number } {
  const B = TRANSITION_BANDS;
  let down = 0;
  let up = 0;
  let moved = 0;
  for (let from = 0; from < B; from++) {
    for (let to = 0; to < B; to++) {
      const n = accounts[from * B + to];
      if (from === to || n === 0) continue;
      moved += n;
      // Red < yellow < green; unscored is neither up nor down.
      if (from < 3 && to < 3) {
        if (to < from) down += n;
        else up += n;
      }
    }
  }
  return { moved, down, up };
}
