// Manual overrides located in a snapshot, and how they enter the outputs. An override is in force
// on snapshots dated on or before its expiry date. A score override replaces the score (its band
// follows from the thresholds); a band override forces the band and leaves the computed score
// (and its histogram bin) alone. The computed score is always kept for the contributions view and
// for back-tests, which run with overrides not applied.

import { isoToEpochDay } from '../dates';
import { bandCode } from '../scorecard/bands';
import type { ManualOverride, Scorecard } from '../scorecard/types';

export interface ResolvedOverride {
  accountIndex: number;
  override: ManualOverride;
  /** False when the snapshot is dated after the expiry date. */
  active: boolean;
}

/** Overrides whose account key exists in `keys`; unknown keys are ignored (the account may be gone). */
export function resolveOverrides(sc: Scorecard, keys: readonly string[], snapshotDay: number): ResolvedOverride[] {
  if (sc.overrides.length === 0) return [];
  const byKey = new Map(sc.overrides.map((o) => [o.accountKey, o]));
  const out: ResolvedOverride[] = [];
  for (let i = 0; i < keys.length; i++) {
    const o = byKey.get(keys[i]);
    if (o) out.push({ accountIndex: i, override: o, active: snapshotDay <= isoToEpochDay(o.expires) });
  }
  return out;
}

export class OverrideTracker {
  entries: ResolvedOverride[] = [];
  /** Score before the override, per entry (NaN when unscored). */
  computed = new Float64Array(0);
  /** 1 where an override is in force for the account (whether or not it is applied). */
  readonly mask: Uint8Array;

  constructor(accountCount: number) {
    this.mask = new Uint8Array(accountCount);
  }

  locate(sc: Scorecard, keys: readonly string[], snapshotDay: number): void {
    this.entries = resolveOverrides(sc, keys, snapshotDay);
    this.computed = new Float64Array(this.entries.length).fill(Number.NaN);
    this.mask.fill(0);
    for (const o of this.entries) if (o.active) this.mask[o.accountIndex] = 1;
  }

  /**
   * Before segment k's tally: remembers computed scores and, when applying, writes override
   * scores. Returns the entries in force in segment k.
   */
  beforeTally(k: number, segment: ArrayLike<number>, present: Uint8Array, score: Float64Array, apply: boolean): number[] {
    const active: number[] = [];
    for (let j = 0; j < this.entries.length; j++) {
      const { accountIndex: i, active: on, override } = this.entries[j];
      if (segment[i] !== k || !present[i]) continue;
      this.computed[j] = score[i];
      if (!on) continue;
      active.push(j);
      if (apply && override.score !== undefined) score[i] = override.score;
    }
    return active;
  }

  /**
   * Undoes beforeTally's score overrides in segment k, for a tally again over the same scores
   * (thresholds changed): beforeTally then remembers the computed scores, not the overrides.
   */
  restoreComputed(k: number, segment: ArrayLike<number>, present: Uint8Array, score: Float64Array, apply: boolean): void {
    if (!apply) return;
    for (let j = 0; j < this.entries.length; j++) {
      const { accountIndex: i, active: on, override } = this.entries[j];
      if (segment[i] === k && present[i] && on && override.score !== undefined) score[i] = this.computed[j];
    }
  }

  /** After segment k's tally: forces band overrides and moves them between band counts. */
  afterTally(active: number[], k: number, band: Uint8Array, bandCounts: Uint32Array, apply: boolean): void {
    if (!apply) return;
    for (const j of active) {
      const { accountIndex: i, override } = this.entries[j];
      if (override.band === undefined) continue;
      const forced = bandCode(override.band);
      bandCounts[k * 4 + band[i]]--;
      bandCounts[k * 4 + forced]++;
      band[i] = forced;
    }
  }
}
