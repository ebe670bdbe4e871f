// An engine's outputs as the small summary the UI draws after every change: accounts and ARR per
// band per segment, and the score histogram per segment and in total.

import { COUNTED_BANDS } from '../../../shared/scorecard/bands';
import { segmentList } from '../../../shared/scorecard/resolve';
import { arrByBand } from '../../../shared/scoring/summary';
import type { ScoringEngine } from '../../../shared/scoring/engine';
import type { BandQuad, DistributionSummary, SegmentDistribution } from './protocol';

function quad(values: ArrayLike<number>, offset: number): BandQuad {
  return [values[offset], values[offset + 1], values[offset + 2], values[offset + 3]];
}

function addQuad(a: BandQuad, b: BandQuad): BandQuad {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]];
}

export function distributionOf(engine: ScoringEngine, revision: number): DistributionSummary {
  const defs = segmentList(engine.scorecard);
  const arr = arrByBand(engine);
  const B = engine.bins;
  const segments: SegmentDistribution[] = defs.map((d, k) => ({
    id: d.id,
    label: d.label,
    counts: quad(engine.bandCounts, k * COUNTED_BANDS),
    arr: quad(arr, k * COUNTED_BANDS),
    histogram: Array.from(engine.segmentHistograms.subarray(k * B, (k + 1) * B)),
  }));
  const total: SegmentDistribution = {
    id: '*',
    label: 'All accounts',
    counts: segments.reduce<BandQuad>((t, s) => addQuad(t, s.counts), [0, 0, 0, 0]),
    arr: segments.reduce<BandQuad>((t, s) => addQuad(t, s.arr), [0, 0, 0, 0]),
    histogram: Array.from(engine.histogram),
  };
  return { revision, bins: B, segments, total };
}
