// The slow statistics, run in worker instances that hold no session: bootstrap intervals (1,000
// seeded resamples) and weight suggestions. They are cancelled by terminating their worker, so
// they only need to report progress.

import { type BootstrapInterval, type PairedBootstrap, bootstrapAuc, bootstrapAucDifference } from '../../../shared/backtest/bootstrap';
import { type WeightSuggestion, suggestWeights } from '../../../shared/backtest/suggestWeights';
import type { IntervalArgs, IntervalResult, SegmentSuggestion, SuggestArgs } from './protocol';
import { labelsInSegment } from './viewStats';

export type Progress = (done: number, total: number) => void;

/**
 * AUC intervals and paired ΔAUC intervals of one part of the views: all accounts, or each segment
 * (a segment's accounts alone, resampled with the same seed). The other part's entries are null.
 */
export function intervalsOf(args: IntervalArgs, progress: Progress = () => {}): IntervalResult {
  const options = { seed: args.seed, resamples: args.resamples };
  const S = args.segmentCount;
  const views: (BootstrapInterval | null)[] = new Array(S + 1).fill(null);
  const differences: (PairedBootstrap | null)[] = new Array(S + 1).fill(null);
  const wanted = args.part === 'overall' ? [0] : Array.from({ length: S }, (_, k) => k + 1);
  const steps = wanted.length * (args.baselineScore ? 2 : 1);
  let done = 0;
  for (const v of wanted) {
    const y = v === 0 ? args.y : labelsInSegment(args.y, args.segment, v - 1);
    views[v] = bootstrapAuc(args.score, y, options);
    progress(++done, steps);
    if (args.baselineScore) {
      differences[v] = bootstrapAucDifference(args.score, args.baselineScore, y, options);
      progress(++done, steps);
    }
  }
  return { views, differences };
}

export function scenarioIntervalsOf(
  items: readonly ({ score: Float64Array; y: Uint8Array } | null)[],
  seed: number,
  resamples: number,
  progress: Progress = () => {},
): (BootstrapInterval | null)[] {
  return items.map((item, k) => {
    const interval = item ? bootstrapAuc(item.score, item.y, { seed, resamples }) : null;
    progress(k + 1, items.length);
    return interval;
  });
}

/** Progress units per segment: each segment's own done/total is scaled into its share. */
const UNITS = 1000;

/** suggestWeights per segment of the draft, with the CLI's options (seed, folds, other defaults). */
export function suggestionsOf(args: SuggestArgs, progress: Progress = () => {}): SegmentSuggestion[] {
  const S = args.segmentNames.length;
  return args.segmentNames.map((segment, k) => {
    const y = labelsInSegment(args.y, args.segment, k);
    let churned = 0;
    for (let i = 0; i < y.length; i++) if (y[i] === 1) churned++;
    let suggestion: WeightSuggestion | null = null;
    let error: string | null = null;
    try {
      suggestion = suggestWeights(
        { x: { values: args.x, rows: args.rows, cols: args.cols }, metricNames: args.metricIds, y },
        { seed: args.seed, folds: args.folds, onProgress: (done, total) => progress(k * UNITS + Math.round((UNITS * done) / total), S * UNITS) },
      );
    } catch (err) {
      error = (err as Error).message;
    }
    progress((k + 1) * UNITS, S * UNITS);
    return { segmentId: args.segmentIds[k], segment, churned, currentAuc: args.currentAuc[k], suggestion, error };
  });
}
