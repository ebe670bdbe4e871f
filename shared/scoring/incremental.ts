// Incremental updates after one weight change in one segment: a single pass over that segment's
// accounts that reads the changed metric's column (or none, for a group weight), subtracts the old
// contribution from the accumulators, adds the new one and writes the account's final score.
// Layout tables must already hold the new weights; the old values are passed in. The caller then
// tallies bands and histograms (state.ts).

import type { SubScoreColumn } from './matrix';
import { type EngineState, type FinishParams, finalScore } from './state';

/** An ungrouped metric's weight W changed: its term W·v moves by (W' − W)·v. */
export function updateUngroupedWeight(
  column: SubScoreColumn,
  impute: number,
  oldW: number,
  newW: number,
  rows: Uint32Array,
  state: EngineState,
  fp: FinishParams,
): void {
  const { num, den, cov, cnt } = state;
  const { covMin, adj, score } = fp;
  const separateCov = cov !== den;
  const delta = newW - oldW;
  const dc = (newW > 0 ? 1 : 0) - (oldW > 0 ? 1 : 0);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r];
    const v = column[i];
    let n = num[i];
    let d = den[i];
    if (v === v) {
      n += delta * v;
      d += delta;
    } else if (impute >= 0) {
      n += delta * impute;
      d += delta;
    } else {
      // Not a term here: only the coverage bar (Σ active W) moved.
      score[i] = finalScore(n, d, cov[i], covMin, adj === null ? 0 : adj[i]);
      continue;
    }
    if (dc !== 0) {
      const c = cnt[i] + dc;
      cnt[i] = c;
      if (c === 0) {
        n = 0;
        d = 0;
      }
    }
    num[i] = n;
    den[i] = d;
    let cv = d;
    if (separateCov) {
      cv = cov[i];
      if (v === v) cov[i] = cv += delta;
    }
    score[i] = finalScore(n, d, cv, covMin, adj === null ? 0 : adj[i]);
  }
}

/**
 * A metric inside a group changed weight w → w': the group's sums move by (w' − w)·v, its mean G
 * changes, and the outer sums move by W·(G' − G). The group total T changes too, which shifts
 * every account's coverage term W·pw/T, so all accounts of the segment are visited. With a group
 * weight of 0 only the group sums are kept current (no score changes).
 */
export function updateGroupedMetricWeight(
  column: SubScoreColumn,
  impute: number,
  slot: number,
  W: number,
  oldT: number,
  newT: number,
  oldW: number,
  newW: number,
  rows: Uint32Array,
  state: EngineState,
  fp: FinishParams,
): void {
  const { num, den, cov, cnt } = state;
  const { covMin, adj, score } = fp;
  const g = state.groups[slot];
  const separatePw = g.pw !== g.den;
  const delta = newW - oldW;
  const dc = (newW > 0 ? 1 : 0) - (oldW > 0 ? 1 : 0);
  const oldF = W > 0 && oldT > 0 ? W / oldT : 0;
  const newF = W > 0 && newT > 0 ? W / newT : 0;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r];
    const v = column[i];
    const present = v === v;
    let gn = g.num[i];
    let gd = g.den[i];
    let gc = g.cnt[i];
    const oldPw = g.pw[i];
    const oldOn = gc > 0 ? 1 : 0;
    const oldG = oldOn ? gn / gd : 0;
    if (present || impute >= 0) {
      gn += delta * (present ? v : impute);
      gd += delta;
      gc += dc;
      if (gc === 0) {
        gn = 0;
        gd = 0;
      }
      g.num[i] = gn;
      g.den[i] = gd;
      g.cnt[i] = gc;
    }
    let newPw = oldPw;
    if (separatePw) {
      if (present) g.pw[i] = newPw = oldPw + delta;
    } else {
      newPw = gd;
    }
    if (!(W > 0)) continue;
    const newOn = gc > 0 ? 1 : 0;
    let n = num[i] + W * ((newOn ? gn / gd : 0) - oldG);
    let d = den[i];
    if (newOn !== oldOn) {
      d += W * (newOn - oldOn);
      const c = cnt[i] + newOn - oldOn;
      cnt[i] = c;
      if (c === 0) {
        n = 0;
        d = 0;
      }
      den[i] = d;
    }
    num[i] = n;
    const cv = (cov[i] += newF * newPw - oldF * oldPw);
    score[i] = finalScore(n, d, cv, covMin, adj === null ? 0 : adj[i]);
  }
}

/** A group's weight changed W → W': its term W·G moves by (W' − W)·G for accounts where it has one. */
export function updateGroupWeight(
  slot: number,
  oldW: number,
  newW: number,
  oldT: number,
  newT: number,
  rows: Uint32Array,
  state: EngineState,
  fp: FinishParams,
): void {
  const { num, den, cov, cnt } = state;
  const { covMin, adj, score } = fp;
  const g = state.groups[slot];
  const delta = newW - oldW;
  const dc = (newW > 0 ? 1 : 0) - (oldW > 0 ? 1 : 0);
  const oldF = oldW > 0 && oldT > 0 ? oldW / oldT : 0;
  const newF = newW > 0 && newT > 0 ? newW / newT : 0;
  const dF = newF - oldF;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r];
    let n = num[i];
    let d = den[i];
    if (g.cnt[i] > 0) {
      n += delta * (g.num[i] / g.den[i]);
      d += delta;
      if (dc !== 0) {
        const c = cnt[i] + dc;
        cnt[i] = c;
        if (c === 0) {
          n = 0;
          d = 0;
        }
      }
      num[i] = n;
      den[i] = d;
    }
    const cv = (cov[i] += dF * g.pw[i]);
    score[i] = finalScore(n, d, cv, covMin, adj === null ? 0 : adj[i]);
  }
}
