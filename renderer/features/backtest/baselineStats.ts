// The what-if baseline's statistics on the draft's labelled accounts. Its scores only change with
// the baseline or T, and the labels and segments only when the draft's overrides or segment rules
// do; so its AUC, band table and histograms are kept while a weight slider moves, and only the
// transitions (which read the draft's bands) are counted again.

import { aucBySegment } from '../../../shared/backtest/auc';
import { bandTables } from '../../../shared/backtest/bandTable';
import type { ScoredAccounts } from '../../../shared/backtest/types';
import type { ScoringEngine } from '../../../shared/scoring/engine';
import type { WhatIfView } from './protocol';
import { transitionCounts } from './transitions';
import { histogramsByView } from './viewStats';

type Fixed = Omit<WhatIfView, 'transitions' | 'transitionsChurned'>;

function sameBytes(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class BaselineStats {
  private held: { engine: ScoringEngine; score: Float64Array; y: Uint8Array; segment: Uint16Array; names: string; arr: Float64Array; views: Fixed[] } | null = null;

  views(draft: ScoredAccounts, baseline: ScoringEngine, y: Uint8Array): WhatIfView[] {
    const fixed = this.fixedViews(draft, baseline, y);
    const S = draft.segmentNames.length;
    const moves = transitionCounts(baseline.band, draft.band, y, draft.segment, S);
    // Histograms are copied: the answer's typed arrays are moved to the main thread.
    return fixed.map((v, i) => ({ ...v, histogram: v.histogram.slice(), transitions: moves.accounts[i], transitionsChurned: moves.churned[i] }));
  }

  private fixedViews(draft: ScoredAccounts, baseline: ScoringEngine, y: Uint8Array): Fixed[] {
    const h = this.held;
    const names = draft.segmentNames.join('\u0000');
    // The baseline engine is re-weighted in place when its scorecard changes: compare its scores too.
    if (h && h.engine === baseline && h.arr === draft.arr && h.names === names && sameBytes(h.score, baseline.score) && sameBytes(h.y, y) && sameBytes(h.segment, draft.segment)) {
      return h.views;
    }
    const S = draft.segmentNames.length;
    const aucs = aucBySegment(baseline.score, y, draft.segment, S);
    const bands = bandTables({ band: baseline.band, segment: draft.segment, segmentNames: draft.segmentNames, arr: draft.arr }, y);
    const histograms = histogramsByView(baseline.score, y, draft.segment, S);
    const views = histograms.map((histogram, v) => ({
      auc: v === 0 ? aucs.overall : aucs.segments[v - 1],
      bands: v === 0 ? bands.overall : bands.segments[v - 1],
      histogram,
    }));
    this.held = { engine: baseline, score: baseline.score.slice(), y: y.slice(), segment: draft.segment.slice(), names, arr: draft.arr, views };
    return views;
  }
}
