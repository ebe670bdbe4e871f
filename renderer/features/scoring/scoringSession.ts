// What the scoring worker holds: the latest snapshot's sub-score matrix and engine for the draft,
// the previous snapshot scored with the same draft (for "change since previous snapshot"), and an
// optional baseline scorecard scored on the latest snapshot. Pure: runs in the worker and, in
// component tests, in process.

import { ScoringError } from '../../../shared/scoring/data';
import { ScoringEngine } from '../../../shared/scoring/engine';
import { type SubScoreMatrix, buildSubScoreMatrix } from '../../../shared/scoring/matrix';
import { matrixStructureKey } from '../../../shared/scoring/scorecardEdits';
import type { Scorecard } from '../../../shared/scorecard/types';
import { distributionOf } from './distribution';
import type { DistributionSummary, LoadArgs, WeightChange } from './protocol';
import { type WorkerSnapshot, unpackSnapshot } from './snapshotData';

/** Float32 sub-scores halve the matrix (~1e-5 score error), which matters at 1M accounts. */
const PRECISION = 'float32';

function build(sc: Scorecard, snapshot: WorkerSnapshot): SubScoreMatrix {
  return buildSubScoreMatrix(sc, snapshot.data, { precision: PRECISION });
}

export class ScoringSession {
  readonly current: WorkerSnapshot;
  readonly previous: WorkerSnapshot | null;
  readonly snapshotDates: string[];
  readonly bins: number;
  /** Bumped by every applied scorecard change; caches keyed by it go stale together. */
  revision = 1;
  engine: ScoringEngine;
  names: string[] | null = null;
  nameRank: Uint32Array | null = null;
  private draft: Scorecard;
  private previousEngine: ScoringEngine | null = null;
  private previousRevision = 0;
  private previousError: string | null = null;
  private baselineEngine: ScoringEngine | null = null;
  private baselineSummary: DistributionSummary | null = null;

  constructor(args: LoadArgs) {
    this.current = unpackSnapshot(args.current);
    this.previous = args.previous ? unpackSnapshot(args.previous, this.current.data.keys) : null;
    this.snapshotDates = args.current.snapshotDates;
    this.bins = args.bins;
    this.draft = args.scorecard;
    this.engine = new ScoringEngine(args.scorecard, build(args.scorecard, this.current), { bins: this.bins });
  }

  get scorecard(): Scorecard {
    return this.draft;
  }

  get accountCount(): number {
    return this.engine.matrix.accountCount;
  }

  summary(): DistributionSummary {
    return distributionOf(this.engine, this.revision);
  }

  /** Incremental re-weighting: one pass over one column (or one segment) per change. */
  setWeights(changes: WeightChange[]): DistributionSummary {
    for (const c of changes) {
      if (c.kind === 'metric') this.engine.setMetricWeight(c.segmentId, c.id, c.weight);
      else this.engine.setGroupWeight(c.segmentId, c.id, c.weight);
    }
    this.draft = this.engine.scorecard;
    this.revision++;
    return this.summary();
  }

  /** Same structure: the engine recomputes from its matrix. New methods or rules: a new matrix. */
  setScorecard(sc: Scorecard): DistributionSummary {
    if (matrixStructureKey(sc) === this.engine.matrix.structureKey) this.engine.setScorecard(sc);
    else this.engine = new ScoringEngine(sc, build(sc, this.current), { bins: this.bins });
    this.draft = sc;
    this.revision++;
    if (this.baselineEngine && this.baselineEngine.matrix !== this.engine.matrix) this.rehomeBaseline();
    return this.summary();
  }

  setBaseline(sc: Scorecard | null): DistributionSummary | null {
    this.baselineEngine = null;
    this.baselineSummary = null;
    if (!sc) return null;
    const shared = matrixStructureKey(sc) === this.engine.matrix.structureKey;
    this.baselineEngine = new ScoringEngine(sc, shared ? this.engine.matrix : build(sc, this.current), { bins: this.bins });
    this.baselineSummary = distributionOf(this.baselineEngine, 0);
    return this.baselineSummary;
  }

  setNames(names: string[], nameRank: Uint32Array): void {
    if (names.length !== this.accountCount || nameRank.length !== this.accountCount) {
      throw new ScoringError(`got ${names.length} names for ${this.accountCount} accounts`);
    }
    this.names = names;
    this.nameRank = nameRank;
  }

  /**
   * The previous snapshot scored with the current draft, brought up to date on demand (a slider
   * move does not pay for it). Null when there is no previous snapshot or the draft cannot score it.
   */
  previousScores(): ScoringEngine | null {
    if (!this.previous) return null;
    if (this.previousRevision === this.revision) return this.previousEngine;
    this.previousRevision = this.revision;
    try {
      const engine = this.previousEngine;
      if (engine && engine.matrix.structureKey === this.engine.matrix.structureKey) engine.setScorecard(this.draft);
      else this.previousEngine = new ScoringEngine(this.draft, build(this.draft, this.previous), { bins: this.bins });
      this.previousError = null;
    } catch (error) {
      this.previousEngine = null;
      this.previousError = (error as Error).message;
    }
    return this.previousEngine;
  }

  get previousProblem(): string | null {
    return this.previousError;
  }

  /** A baseline on its own matrix keeps it; one sharing the draft's old matrix keeps that matrix alive. */
  private rehomeBaseline(): void {
    const baseline = this.baselineEngine!;
    if (matrixStructureKey(baseline.scorecard) === this.engine.matrix.structureKey) {
      this.baselineEngine = new ScoringEngine(baseline.scorecard, this.engine.matrix, { bins: this.bins });
    }
  }
}
