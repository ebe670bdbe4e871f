// The static side of each demo account: who it is (segment, region, plan, signup) and the hidden
// traits the simulation needs (long-run health, usage habits, contract type). Traits live in typed
// arrays indexed by account so that 100k-account books stay cheap.

import type { SeededRandom } from '../random';
import {
  INDUSTRIES,
  INDUSTRY_WEIGHTS,
  PLAN_NAMES,
  PLAN_SEAT_PRICE,
  REGIONS,
  REGION_WEIGHTS,
  SEGMENTS,
  SEGMENT_NAMES,
} from './catalog';

export interface DemoAccounts {
  count: number;
  segment: Uint8Array;
  csm: Uint8Array;
  /** 1 when on an annual contract (churn concentrates at renewal). */
  annual: Uint8Array;
  region: Uint8Array;
  industry: Uint8Array;
  plan: Uint8Array;
  signupDay: Float64Array;
  /** ARR when the account enters the book (the first snapshot or its signup). */
  startArr: Float64Array;
  /** Effective price per seat per year: ARR / price = licensed seats. */
  seatPrice: Float64Array;
  /** Long-run mean of latent health. */
  healthMean: Float64Array;
  /** Persistent per-account offsets: some healthy customers simply use fewer seats, etc. */
  utilOffset: Float64Array;
  adoptOffset: Float64Array;
  /** Logins per active user per 30 days at health 0. */
  loginRate: Float64Array;
  /** 0 when product analytics never tracked feature adoption for this account. */
  adoptionTracked: Uint8Array;
}

const DAY_MS = 86_400_000;

/**
 * Accounts are drawn so that `newShare` of them sign up inside (firstDay, lastDay]; the rest
 * signed up before the first snapshot with segment-typical tenure.
 */
export function generateAccounts(
  count: number,
  firstDay: number,
  lastDay: number,
  newShare: number,
  rng: SeededRandom,
): DemoAccounts {
  const a: DemoAccounts = {
    count,
    segment: new Uint8Array(count),
    csm: new Uint8Array(count),
    annual: new Uint8Array(count),
    region: new Uint8Array(count),
    industry: new Uint8Array(count),
    plan: new Uint8Array(count),
    signupDay: new Float64Array(count),
    startArr: new Float64Array(count),
    seatPrice: new Float64Array(count),
    healthMean: new Float64Array(count),
    utilOffset: new Float64Array(count),
    adoptOffset: new Float64Array(count),
    loginRate: new Float64Array(count),
    adoptionTracked: new Uint8Array(count),
  };
  const shares = SEGMENTS.map((s) => s.share);
  for (let i = 0; i < count; i++) {
    const seg = rng.weightedIndex(shares);
    const p = SEGMENTS[seg];
    a.segment[i] = seg;
    a.csm[i] = rng.bernoulli(p.csmRate) ? 1 : 0;
    a.annual[i] = rng.bernoulli(p.annualRate) ? 1 : 0;
    a.region[i] = rng.weightedIndex(REGION_WEIGHTS);
    a.industry[i] = rng.weightedIndex(INDUSTRY_WEIGHTS);
    const plan = rng.weightedIndex(p.planWeights);
    a.plan[i] = plan;

    const isNew = lastDay > firstDay && rng.bernoulli(newShare);
    if (isNew) {
      a.signupDay[i] = firstDay + 1 + rng.int(lastDay - firstDay);
    } else {
      // Exponential tenure, floored at a month so no one signs up on the first snapshot's eve.
      const tenure = 30 + Math.floor(-Math.log(1 - rng.next()) * p.tenureMeanDays);
      a.signupDay[i] = firstDay - Math.min(tenure, 4000);
    }

    // Lognormal ARR, clamped; new logos land a little smaller (land and expand).
    const raw = p.arrMedian * Math.exp(rng.normal(0, p.arrSdLog)) * (isNew ? 0.8 : 1);
    a.startArr[i] = roundArr(Math.min(p.arrMax, Math.max(p.arrMin, raw)));
    a.seatPrice[i] = PLAN_SEAT_PRICE[plan] * Math.exp(rng.normal(0, 0.2));

    a.healthMean[i] = rng.normal(p.healthMean, 0.55);
    a.utilOffset[i] = rng.normal(0, 0.45);
    a.adoptOffset[i] = rng.normal(0, 0.4);
    a.loginRate[i] = 9 * Math.exp(rng.normal(0, 0.35));
    a.adoptionTracked[i] = rng.bernoulli(0.025) ? 0 : 1;
  }
  return a;
}

/** ARR as a sales team books it: whole hundreds. */
export function roundArr(value: number): number {
  return Math.max(100, Math.round(value / 100) * 100);
}

/** Account keys sort in book order: ACC-00001 …, widened only past 99,999 accounts. */
export function accountKeys(count: number): string[] {
  const width = Math.max(5, String(count).length);
  const keys = new Array<string>(count);
  for (let i = 0; i < count; i++) keys[i] = `ACC-${String(i + 1).padStart(width, '0')}`;
  return keys;
}

/** The first anniversary of the signup strictly after `afterDay` (Feb 29 signups renew on Feb 28). */
export function nextAnniversary(signupDay: number, afterDay: number): number {
  const d = new Date(signupDay * DAY_MS);
  const month = d.getUTCMonth();
  const dom = d.getUTCDate();
  let year = new Date(afterDay * DAY_MS).getUTCFullYear();
  for (;;) {
    const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    const day = Date.UTC(year, month, Math.min(dom, last)) / DAY_MS;
    if (day > afterDay && day > signupDay) return day;
    year++;
  }
}

export function attributeTexts(a: DemoAccounts): {
  segment: string[];
  region: string[];
  industry: string[];
  plan: string[];
} {
  const segment = new Array<string>(a.count);
  const region = new Array<string>(a.count);
  const industry = new Array<string>(a.count);
  const plan = new Array<string>(a.count);
  for (let i = 0; i < a.count; i++) {
    segment[i] = SEGMENT_NAMES[a.segment[i]];
    region[i] = REGIONS[a.region[i]];
    industry[i] = INDUSTRIES[a.industry[i]];
    plan[i] = PLAN_NAMES[a.plan[i]];
  }
  return { segment, region, industry, plan };
}
