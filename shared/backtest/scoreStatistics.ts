// Overall AUC and calibration together. Both read every score; the AUC's first pass (aucCount.ts)
// tallies the calibration cells on the way, which saves the calibration its own pass over the
// accounts. Scores outside [0, 100] take the general route (sorted order, then a calibration pass).

import { type AucResult, aucOfOrder, aucResult, labelledOrder } from './auc';
import { countPairs } from './aucCount';
import { type Calibrations, DECILES, calibrationFromCounts, calibrations } from './calibration';
import { requireLength } from './types';

export interface ScoreStatistics {
  auc: AucResult;
  calibration: Calibrations;
}

export function aucAndCalibration(score: Float64Array, y: Uint8Array, segment: Uint16Array, segmentNames: readonly string[]): ScoreStatistics {
  requireLength('score', score, y.length);
  requireLength('segment', segment, y.length);
  const segmentCount = segmentNames.length;
  const counts = new Uint32Array(DECILES * 2 * segmentCount + 1);
  const pairs = countPairs(score, y, { segment, segmentCount, counts });
  if (pairs) return { auc: aucResult(pairs.num2, pairs.churned, pairs.retained), calibration: calibrationFromCounts(counts, segmentNames) };
  return { auc: aucOfOrder(labelledOrder(score, y)).overall, calibration: calibrations(score, y, segment, segmentNames) };
}
