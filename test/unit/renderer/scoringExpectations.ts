// What the screen should show, computed here with the real engine on the fake workspace's data
// (the same float32 sub-scores the worker uses), independently of the UI and its worker.

import type { AccountRow } from '../../../shared/api';
import type { Scorecard } from '../../../shared/scorecard/types';
import { ScoringEngine } from '../../../shared/scoring/engine';
import { buildSubScoreMatrix } from '../../../shared/scoring/matrix';
import { SNAPSHOT_DATES } from './fakeDates';
import { fakeScorecard, fakeSnapshotData } from './fakeScoringData';

function engine(sc: Scorecard, rows: AccountRow[], s: number): ScoringEngine {
  return new ScoringEngine(sc, buildSubScoreMatrix(sc, fakeSnapshotData(rows, s), { precision: 'float32' }), { bins: 100 });
}

/** The latest and the previous snapshot scored with `sc` (default: the fake draft). */
export function engineFor(rows: AccountRow[], sc: Scorecard = fakeScorecard()): { current: ScoringEngine; previous: ScoringEngine } {
  const last = SNAPSHOT_DATES.length - 1;
  return { current: engine(sc, rows, last), previous: engine(sc, rows, last - 1) };
}

/** Accounts per band (red, yellow, green, unscored) over all segments. */
export function bandTotals(e: ScoringEngine): [number, number, number, number] {
  const out: [number, number, number, number] = [0, 0, 0, 0];
  for (let k = 0; k < e.segmentCount; k++) for (let b = 0; b < 4; b++) out[b] += e.bandCounts[k * 4 + b];
  return out;
}
