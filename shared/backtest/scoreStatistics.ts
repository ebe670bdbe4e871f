// Overall AUC, calibration and (when asked) the band tables together, for callers that need no
// curves. All of them read every account; the AUC's first pass (firstPass.ts) tallies the
// calibration and band-table cells on the way, so the accounts are read once for all three.
// Scores outside [0, 100] take the general route for AUC and calibration (sorted order, then a
// calibration pass); the band tables do not depend on scores and come from the first pass anyway.

import { type AucResult, aucOfOrder, aucResult, labelledOrder } from './auc';
import { countPairsAfter } from './aucCount';
import { type BandTableInput, type BandTables, bandTablesFromTally } from './bandTable';
import { type Calibrations, calibrationFromCounts, calibrations } from './calibration';
import { type FirstPass, bandTally, calibrationCounts, firstPass } from './firstPass';
import { requireLength } from './types';

export interface ScoreStatistics {
  auc: AucResult;
  calibration: Calibrations;
}

export interface CoreStatistics extends ScoreStatistics {
  bands: BandTables;
}

export function aucAndCalibration(score: Float64Array, y: Uint8Array, segment: Uint16Array, segmentNames: readonly string[]): ScoreStatistics {
  requireLength('score', score, y.length);
  requireLength('segment', segment, y.length);
  const pass = firstPass(score, y, { segment, segmentCount: segmentNames.length });
  return aucAndCalibrationAfter(pass, score, y, segment, segmentNames);
}

/** AUC, calibration and band tables (bandTable.ts) in one pass over the accounts plus the AUC's own. */
export function coreStatistics(score: Float64Array, y: Uint8Array, input: BandTableInput): CoreStatistics {
  const n = y.length;
  requireLength('score', score, n);
  requireLength('band', input.band, n);
  requireLength('segment', input.segment, n);
  requireLength('arr', input.arr, n);
  const pass = firstPass(score, y, { segment: input.segment, segmentCount: input.segmentNames.length, band: input.band, arr: input.arr });
  const { tally, tallyArr } = bandTally(pass);
  const bands = bandTablesFromTally(input, y, tally, tallyArr, pass.absArr);
  return { ...aucAndCalibrationAfter(pass, score, y, input.segment, input.segmentNames), bands };
}

function aucAndCalibrationAfter(
  pass: FirstPass,
  score: Float64Array,
  y: Uint8Array,
  segment: Uint16Array,
  segmentNames: readonly string[],
): ScoreStatistics {
  const pairs = countPairsAfter(pass, score, y);
  if (pairs) return { auc: aucResult(pairs.num2, pairs.churned, pairs.retained), calibration: calibrationFromCounts(calibrationCounts(pass), segmentNames) };
  return { auc: aucOfOrder(labelledOrder(score, y)).overall, calibration: calibrations(score, y, segment, segmentNames) };
}
