// Synthetic accounts for the back-test tests: seeded, with ties, unscored accounts, unknown ARR,
// overrides and segments, and churn that depends on the score (so AUC is well above 0.5).

import type { FeatureMatrix } from '../../../shared/backtest/design';
import type { ChurnHistory, ScoredAccounts } from '../../../shared/backtest/types';
import { SeededRandom } from '../../../shared/random';

export interface SyntheticOptions {
  /** Round scores to this many decimals (0 = integers, many ties); undefined = continuous. */
  decimals?: number;
  unscoredRate?: number;
  segments?: number;
  /** Make the last segment empty. */
  emptySegment?: boolean;
  /** Whole-dollar ARR (else cents, exercising the compensated sums). */
  wholeArr?: boolean;
  asOfDay?: number;
}

export interface Synthetic extends ScoredAccounts, ChurnHistory {
  asOfDay: number;
}

export function synthetic(n: number, seed: number, o: SyntheticOptions = {}): Synthetic {
  const rng = new SeededRandom(seed);
  const S = o.segments ?? 3;
  const T = o.asOfDay ?? 20_000;
  const score = new Float64Array(n);
  const band = new Uint8Array(n);
  const segment = new Uint16Array(n);
  const arr = new Float64Array(n);
  const churnDay = new Float64Array(n).fill(Number.NaN);
  const churnedUndated = new Uint8Array(n);
  const override = new Uint8Array(n);
  const usable = o.emptySegment ? S - 1 : S;
  for (let i = 0; i < n; i++) {
    let s = Math.min(100, Math.max(0, rng.normal(60, 22)));
    if (o.decimals !== undefined) s = Number(s.toFixed(o.decimals));
    const unscored = rng.next() < (o.unscoredRate ?? 0.05);
    score[i] = unscored ? Number.NaN : s;
    band[i] = unscored ? 3 : s < 40 ? 0 : s < 70 ? 1 : 2;
    if (rng.next() < 0.01) band[i] = 4;
    segment[i] = rng.int(usable);
    const a = rng.next() < 0.1 ? Number.NaN : rng.uniform(500, 250_000);
    arr[i] = o.wholeArr === false ? Math.round(a * 100) / 100 : Math.round(a);
    const risk = 1 / (1 + Math.exp((s - 45) / 8));
    if (rng.next() < risk * 0.5) {
      if (rng.next() < 0.05) churnedUndated[i] = 1;
      else churnDay[i] = T - 60 + rng.int(240);
    }
    override[i] = rng.next() < 0.02 ? 1 : 0;
  }
  return {
    score,
    band,
    segment,
    segmentNames: Array.from({ length: S }, (_, k) => `segment ${k}`),
    arr,
    override,
    churnDay,
    churnedUndated,
    asOfDay: T,
  };
}

/** Sub-scores 0–100 (some missing); churn logit = −0.3 + Σ beta_j (x_j − 50). */
export function simulate(n: number, beta: number[], seed: number, missingRate = 0.05): { x: FeatureMatrix; y: Uint8Array } {
  const rng = new SeededRandom(seed);
  const p = beta.length;
  const values = new Float64Array(n * p);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let eta = -0.3;
    for (let j = 0; j < p; j++) {
      const v = Math.round(Math.min(100, Math.max(0, rng.normal(55, 25))));
      values[i * p + j] = rng.next() < missingRate ? Number.NaN : v;
      eta += beta[j] * (v - 50);
    }
    y[i] = rng.next() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
  }
  return { x: { values, rows: n, cols: p }, y };
}

