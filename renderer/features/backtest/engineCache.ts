// Sub-score matrices and engines of the session worker. A matrix is built once per snapshot and
// scorecard structure (matrixStructureKey) and shared by every engine on it (draft, baseline);
// a weight or threshold change only re-weights an engine (setScorecard), never rebuilds.
// The as-of snapshot is scored in float64, exactly as the CLI does, so the AUC shown is the CLI's;
// the other snapshots (rolling back-test, lead time) in float32 to halve their memory.

import { ScoringEngine } from '../../../shared/scoring/engine';
import { type SubScoreMatrix, type SubScorePrecision, buildSubScoreMatrix } from '../../../shared/scoring/matrix';
import { matrixStructureKey } from '../../../shared/scoring/scorecardEdits';
import type { Scorecard } from '../../../shared/scorecard/types';
import { HISTOGRAM_BINS } from './protocol';
import type { SnapshotSet } from './snapshotSet';

export class EngineCache {
  private readonly matrices = new Map<string, SubScoreMatrix>();
  private readonly engines = new Map<string, { engine: ScoringEngine; tag: string | null }>();
  /** Matrix builds so far (tests check that weight changes do not rebuild). */
  builds = 0;

  constructor(private readonly snapshots: SnapshotSet) {}

  matrix(asOf: string, sc: Scorecard, precision: SubScorePrecision): SubScoreMatrix {
    const key = `${asOf}|${precision}|${matrixStructureKey(sc)}`;
    let m = this.matrices.get(key);
    if (!m) {
      m = buildSubScoreMatrix(sc, this.snapshots.get(asOf).data, { precision });
      this.builds++;
      this.matrices.set(key, m);
    }
    return m;
  }

  /**
   * The engine kept under `role`, scoring `sc` on snapshot `asOf`. Overrides are never applied to
   * scores (a back-test leaves them out unless asked, and then counts the computed score). With a
   * `tag`, an engine holding the same tag is taken as already scoring `sc` (a scorecard that arrives
   * as a fresh copy with every message need not be re-weighted).
   */
  engine(role: string, asOf: string, sc: Scorecard, precision: SubScorePrecision, tag: string | null = null): ScoringEngine {
    const matrix = this.matrix(asOf, sc, precision);
    const held = this.engines.get(role);
    if (held && held.engine.matrix === matrix) {
      const same = held.engine.scorecard === sc || (tag !== null && held.tag === tag);
      if (!same) held.engine.setScorecard(sc);
      held.tag = tag;
      return held.engine;
    }
    const engine = new ScoringEngine(sc, matrix, { applyOverrides: false, bins: HISTOGRAM_BINS });
    this.engines.set(role, { engine, tag });
    return engine;
  }

  /** An engine that is not kept (scenario rows): shares a cached matrix when one fits. */
  oneOff(asOf: string, sc: Scorecard): ScoringEngine {
    const key = `${asOf}|float64|${matrixStructureKey(sc)}`;
    const matrix = this.matrices.get(key) ?? buildSubScoreMatrix(sc, this.snapshots.get(asOf).data, { precision: 'float64' });
    return new ScoringEngine(sc, matrix, { applyOverrides: false, bins: HISTOGRAM_BINS });
  }

  dropEngine(role: string): void {
    this.engines.delete(role);
  }

  /**
   * Frees what the current request no longer needs: matrices of other structures (e.g. after a
   * metric's method changed) and float64 matrices of other as-of dates.
   */
  retain(scorecards: readonly Scorecard[], asOf: string): void {
    const keep = new Set(scorecards.map(matrixStructureKey));
    for (const [key, m] of this.matrices) {
      const [date, precision] = key.split('|', 2);
      if (!keep.has(m.structureKey) || (precision === 'float64' && date !== asOf)) this.matrices.delete(key);
    }
    const live = new Set(this.matrices.values());
    for (const [role, held] of this.engines) if (!live.has(held.engine.matrix)) this.engines.delete(role);
  }
}
