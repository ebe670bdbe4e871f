// Latent account health and its monthly evolution: the hidden truth that both the observed metrics
// and the churn hazard are drawn from. Health = long-run mean − trouble depth + an AR(1) wobble.
// "Trouble" is a multi-month slide (champion leaves, failed rollout) that deepens by steps, so a
// churning account usually looks worse for a few snapshots first: that is the lead time a
// back-test should find.

import type { SeededRandom } from '../random';
import type { DemoAccounts } from './accounts';
import { roundArr } from './accounts';
import { SEGMENTS } from './catalog';

/** Month-to-month persistence of the wobble, and its innovation sd. */
const PERSISTENCE = 0.75;
const WOBBLE_SD = 0.3;
/** How far trouble deepens (or heals) per month. */
const TROUBLE_STEP = 0.6;
const TROUBLE_RECOVERY = 0.14;
const SHOCK_RATE = 0.012;
const DELINQUENCY_CLEAR = 0.45;

export interface HealthState {
  health: Float64Array;
  wobble: Float64Array;
  troubleDepth: Float64Array;
  troubleTarget: Float64Array;
  delinquent: Uint8Array;
  arr: Float64Array;
}

export function createHealthState(a: DemoAccounts, rng: SeededRandom): HealthState {
  const n = a.count;
  const s: HealthState = {
    health: new Float64Array(n),
    wobble: new Float64Array(n),
    troubleDepth: new Float64Array(n),
    troubleTarget: new Float64Array(n),
    delinquent: new Uint8Array(n),
    arr: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    s.wobble[i] = rng.normal(0, WOBBLE_SD / Math.sqrt(1 - PERSISTENCE * PERSISTENCE));
    s.arr[i] = a.startArr[i];
    s.health[i] = a.healthMean[i] + s.wobble[i];
  }
  return s;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Advances account i by one month. `renewal` applies a price uplift or downsell at the anniversary. */
export function stepHealth(a: DemoAccounts, s: HealthState, i: number, renewal: boolean, rng: SeededRandom): void {
  const p = SEGMENTS[a.segment[i]];
  const prev = s.health[i];

  // Enter or leave trouble; unhealthy accounts slip more easily.
  if (s.troubleTarget[i] === 0) {
    if (rng.bernoulli(p.troubleRate * (prev < 0 ? 1.6 : 1))) s.troubleTarget[i] = rng.uniform(1.2, 3);
  } else if (rng.bernoulli(TROUBLE_RECOVERY)) {
    s.troubleTarget[i] = 0;
  }
  const gap = s.troubleTarget[i] - s.troubleDepth[i];
  s.troubleDepth[i] += Math.max(-TROUBLE_STEP, Math.min(TROUBLE_STEP, gap));

  let w = PERSISTENCE * s.wobble[i] + rng.normal(0, WOBBLE_SD);
  if (rng.bernoulli(SHOCK_RATE)) w -= rng.uniform(0.5, 1.5);
  s.wobble[i] = w;
  const h = a.healthMean[i] - s.troubleDepth[i] + w;
  s.health[i] = h;

  // Delinquency: rare, sticky for a month or two, likelier when the relationship sours.
  if (s.delinquent[i]) {
    if (rng.bernoulli(DELINQUENCY_CLEAR)) s.delinquent[i] = 0;
  } else if (rng.bernoulli(p.delinquencyFactor * (0.003 + 0.025 * sigmoid(-1.5 * h - 1.5)))) {
    s.delinquent[i] = 1;
  }

  // ARR drifts: healthy accounts add seats, struggling ones trim them, mostly at renewal.
  const moveRate = renewal ? 0.25 : 0.025;
  if (h > 0.4 && rng.bernoulli(moveRate)) s.arr[i] = roundArr(s.arr[i] * (1 + rng.uniform(0.05, 0.35)));
  else if (h < -0.6 && rng.bernoulli(moveRate)) s.arr[i] = roundArr(s.arr[i] * (1 - rng.uniform(0.05, 0.3)));
}

/**
 * Probability that account i churns during the month after a snapshot. Logistic in latent health,
 * raised by delinquency, lowered by a CSM; annual contracts concentrate churn at renewal.
 */
export function churnProbability(a: DemoAccounts, s: HealthState, i: number, renewal: boolean): number {
  const p = SEGMENTS[a.segment[i]];
  let logit = p.churnLogit - 1.5 * s.health[i];
  if (s.delinquent[i]) logit += 1.4;
  if (a.csm[i]) logit -= 0.3;
  if (a.annual[i]) logit += renewal ? 1.6 : -0.9;
  return sigmoid(logit);
}
