// An account's score over every snapshot, with the current draft. Older snapshots are scored on
// demand and their scores cached per draft revision; their data is kept within a byte budget, and
// what is not held is asked for (the main thread fetches it and sends it with addSnapshot).

import type { ScoringDataTransfer } from '../../../shared/api';
import { ScoringEngine } from '../../../shared/scoring/engine';
import { buildSubScoreMatrix } from '../../../shared/scoring/matrix';
import type { BandCode, HistoryAnswer, HistoryPoint } from './protocol';
import type { ScoringSession } from './scoringSession';
import { type WorkerSnapshot, unpackSnapshot } from './snapshotData';

/** Data of older snapshots kept for re-scoring after an edit (the latest two are always held). */
const DATA_BUDGET_BYTES = 384 * 1024 * 1024;
const BAND_UNSCORED = 3;

interface ScoredSnapshot {
  revision: number;
  score: Float32Array;
  band: Uint8Array;
}

export class SnapshotHistory {
  /** Insertion order is recency: the first entry is evicted first. */
  private readonly data = new Map<string, WorkerSnapshot>();
  private readonly scored = new Map<string, ScoredSnapshot>();

  constructor(private readonly session: ScoringSession) {}

  add(transfer: ScoringDataTransfer): void {
    const snapshot = unpackSnapshot(transfer, this.session.current.data.keys);
    if (snapshot.data.keys.length !== this.session.accountCount) throw new RangeError(`snapshot ${transfer.asOf} has another account count`);
    // Scored at once, so a history request can be answered even if the data is evicted below.
    this.scored.set(snapshot.asOf, this.score(snapshot));
    this.data.delete(snapshot.asOf);
    this.data.set(snapshot.asOf, snapshot);
    let bytes = 0;
    for (const s of this.data.values()) bytes += s.bytes;
    for (const [asOf, s] of this.data) {
      if (bytes <= DATA_BUDGET_BYTES || asOf === snapshot.asOf) break;
      this.data.delete(asOf);
      bytes -= s.bytes;
    }
  }

  of(i: number): HistoryAnswer {
    const s = this.session;
    const need = s.snapshotDates.filter((d) => !this.isAvailable(d));
    if (need.length) return { needSnapshots: need };
    const points: HistoryPoint[] = s.snapshotDates.map((asOf) => {
      const { score, band } = this.scoresOf(asOf);
      const v = score[i];
      return { asOf, score: v === v ? v : null, band: band[i] as BandCode };
    });
    return { points };
  }

  private isAvailable(asOf: string): boolean {
    const s = this.session;
    if (asOf === s.current.asOf || asOf === s.previous?.asOf) return true;
    return this.scored.get(asOf)?.revision === s.revision || this.data.has(asOf);
  }

  private scoresOf(asOf: string): { score: ArrayLike<number>; band: ArrayLike<number> } {
    const s = this.session;
    if (asOf === s.current.asOf) return s.engine;
    if (asOf === s.previous?.asOf) {
      const prev = s.previousScores();
      if (prev) return prev;
    }
    const cached = this.scored.get(asOf);
    if (cached?.revision === s.revision) return cached;
    const snapshot = asOf === s.previous?.asOf ? s.previous : this.data.get(asOf)!;
    const fresh = this.score(snapshot);
    this.scored.set(asOf, fresh);
    return fresh;
  }

  /** A snapshot the draft cannot score (a column it lacks) shows as unscored, not as an error. */
  private score(snapshot: WorkerSnapshot): ScoredSnapshot {
    const s = this.session;
    const n = s.accountCount;
    try {
      const engine = new ScoringEngine(s.scorecard, buildSubScoreMatrix(s.scorecard, snapshot.data, { precision: 'float32' }), { bins: s.bins });
      return { revision: s.revision, score: Float32Array.from(engine.score), band: engine.band.slice() };
    } catch {
      return { revision: s.revision, score: new Float32Array(n).fill(Number.NaN), band: new Uint8Array(n).fill(BAND_UNSCORED) };
    }
  }
}
