// Glue between the scoring engine and the back-test statistics: the engine's outputs for one
// snapshot as the back-test's ScoredAccounts. Used by the CLI and by the renderer's scoring worker.

import type { ScoredAccounts } from './backtest/types';
import { segmentList } from './scorecard/resolve';
import type { ScoringEngine } from './scoring/engine';

/**
 * Scores as computed, never overridden: the engine must run with applyOverrides false (a back-test
 * leaves manual overrides out unless asked; `override` marks them). ARR comes from the snapshot's
 * own `arr` metric when it has one (dated, so no peeking), else the account's current ARR.
 */
export function scoredAccountsOf(engine: ScoringEngine, snapshotArr?: Float64Array): ScoredAccounts {
  if (engine.overridesApplied) throw new Error('back-tests need the engine with applyOverrides: false');
  const { matrix } = engine;
  const n = matrix.accountCount;
  return {
    score: engine.score,
    band: engine.band,
    segment: Uint16Array.from(matrix.segment),
    segmentNames: segmentList(engine.scorecard).map((s) => s.label),
    arr: snapshotArr ?? matrix.arr ?? new Float64Array(n).fill(Number.NaN),
    override: engine.overrides.mask,
  };
}
