// Per-view statistics of one back-test: all accounts, then each segment of the draft. runBacktest
// gives AUC, band tables and calibration per segment already; here come the score histograms of
// every view (one pass) and the ROC/gains curves of the one view on screen.

import { labelledOrder } from '../../../shared/backtest/auc';
import type { BacktestResult } from '../../../shared/backtest/backtest';
import { curvesOfOrder } from '../../../shared/backtest/curves';
import { Y_EXCLUDED } from '../../../shared/backtest/types';
import { HISTOGRAM_BINS, type ViewStats } from './protocol';

/** Labels of the accounts in segment k; every other account excluded. */
export function labelsInSegment(y: Uint8Array, segment: ArrayLike<number>, k: number): Uint8Array {
  const out = new Uint8Array(y.length);
  for (let i = 0; i < y.length; i++) out[i] = segment[i] === k ? y[i] : Y_EXCLUDED;
  return out;
}

/**
 * Labelled accounts with a score per bin of width 100 / bins over [0, 100] (100 itself in the last
 * bin), for all accounts (entry 0) and each segment (entry k + 1).
 */
export function histogramsByView(score: Float64Array, y: Uint8Array, segment: ArrayLike<number>, segmentCount: number, bins = HISTOGRAM_BINS): Uint32Array[] {
  const counts = new Uint32Array((segmentCount + 1) * bins);
  for (let i = 0; i < score.length; i++) {
    const s = score[i];
    if (y[i] === Y_EXCLUDED || s - s !== 0) continue;
    const b = Math.min(bins - 1, Math.max(0, Math.floor((s * bins) / 100)));
    counts[b]++;
    counts[(segment[i] + 1) * bins + b]++;
  }
  return Array.from({ length: segmentCount + 1 }, (_, v) => counts.slice(v * bins, (v + 1) * bins));
}

/** The ROC/gains curves of one view (0 = all accounts; the back-test's own curves). */
export function curvesOfView(score: Float64Array, segment: Uint16Array, result: BacktestResult, viewIndex: number) {
  return viewIndex === 0 ? result.curves : curvesOfOrder(labelledOrder(score, labelsInSegment(result.y, segment, viewIndex - 1)));
}

export function viewStatsOf(score: Float64Array, segment: Uint16Array, segmentNames: readonly string[], result: BacktestResult, viewIndex: number): ViewStats[] {
  const histograms = histogramsByView(score, result.y, segment, segmentNames.length);
  const curves = viewIndex >= 0 && viewIndex <= segmentNames.length ? curvesOfView(score, segment, result, viewIndex) : null;
  const overall: ViewStats = {
    label: 'All accounts',
    auc: result.auc,
    bands: result.bands.overall,
    calibration: result.calibration.overall,
    curves: viewIndex === 0 ? curves : null,
    histogram: histograms[0],
  };
  const segments = segmentNames.map(
    (label, k): ViewStats => ({
      label,
      auc: result.segmentAuc[k].auc,
      bands: result.bands.segments[k],
      calibration: result.calibration.segments[k].bins,
      curves: viewIndex === k + 1 ? curves : null,
      histogram: histograms[k + 1],
    }),
  );
  return [overall, ...segments];
}
