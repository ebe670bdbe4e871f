// The observation model: what a CS platform would actually record for an account in a snapshot,
// drawn as noisy functions of latent health. Noise is deliberately large (per-account habits plus
// monthly jitter) so that no single metric gives churn away and scorecard weights matter.

import type { DatasetColumn } from '../dataset';
import type { SeededRandom } from '../random';
import type { DemoAccounts } from './accounts';
import { SEGMENTS } from './catalog';
import type { HealthState } from './health';

export const METRIC_FIELDS = [
  { name: 'active_users', kind: 'number' },
  { name: 'seat_utilization_pct', kind: 'number' },
  { name: 'feature_adoption_pct', kind: 'number' },
  { name: 'logins_30d', kind: 'number' },
  { name: 'last_login', kind: 'date' },
  { name: 'support_tickets_30d', kind: 'number' },
  { name: 'nps', kind: 'number' },
  { name: 'csm_pulse', kind: 'text' },
  { name: 'delinquent', kind: 'boolean' },
  { name: 'arr', kind: 'number' },
] as const;

/** Sprinkled missingness: a telemetry outage blanks the whole usage feed for an account-month. */
const MISS_USAGE = 0.015;
const MISS_ADOPTION = 0.01;
const MISS_TICKETS = 0.01;
const MISS_LAST_LOGIN = 0.01;
const MISS_BILLING = 0.004;

export interface SnapshotColumns {
  activeUsers: Float64Array;
  seatUtil: Float64Array;
  adoption: Float64Array;
  logins: Float64Array;
  lastLogin: Float64Array;
  tickets: Float64Array;
  nps: Float64Array;
  pulse: (string | null)[];
  delinquent: Float64Array;
  arr: Float64Array;
}

/** Columns start all-missing, so absent accounts need no further work. */
export function createSnapshotColumns(n: number): SnapshotColumns {
  const num = () => new Float64Array(n).fill(Number.NaN);
  return {
    activeUsers: num(),
    seatUtil: num(),
    adoption: num(),
    logins: num(),
    lastLogin: num(),
    tickets: num(),
    nps: num(),
    pulse: new Array<string | null>(n).fill(null),
    delinquent: num(),
    arr: num(),
  };
}

export function toDatasetColumns(c: SnapshotColumns): DatasetColumn[] {
  const values = [c.activeUsers, c.seatUtil, c.adoption, c.logins, c.lastLogin, c.tickets, c.nps, c.pulse, c.delinquent, c.arr];
  return METRIC_FIELDS.map((f, k) => ({ field: { name: f.name, kind: f.kind }, values: values[k] }));
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const round1 = (x: number) => Math.round(x * 10) / 10;

/** Active users out of `seats`: exact binomial for small teams, normal approximation above. */
function activeOutOf(seats: number, p: number, rng: SeededRandom): number {
  if (seats <= 25) {
    let k = 0;
    for (let j = 0; j < seats; j++) if (rng.next() < p) k++;
    return k;
  }
  const k = Math.round(rng.normal(seats * p, Math.sqrt(seats * p * (1 - p))));
  return Math.max(0, Math.min(seats, k));
}

/**
 * Fills account i's row of a snapshot dated `day` (epoch days). `rng` drives values, `miss` drives
 * missingness, so that changing one cannot reshuffle the other.
 */
export function observeAccount(
  a: DemoAccounts,
  s: HealthState,
  i: number,
  day: number,
  c: SnapshotColumns,
  rng: SeededRandom,
  miss: SeededRandom,
): void {
  const p = SEGMENTS[a.segment[i]];
  const h = s.health[i];
  const arr = s.arr[i];
  const tenureMonths = (day - a.signupDay[i]) / 30.44;

  // Usage: utilisation of licensed seats, with a per-account habit and monthly jitter.
  const seats = Math.max(2, Math.round(arr / a.seatPrice[i]));
  const util = sigmoid(0.6 + 0.8 * h + a.utilOffset[i] + rng.normal(0, 0.3));
  const active = activeOutOf(seats, util, rng);
  const logins = rng.poisson(active * a.loginRate[i] * Math.exp(0.3 * h + rng.normal(0, 0.2)));

  // Adoption ramps up over the first months after signup.
  const adoption = 100 * sigmoid(-0.1 + 0.7 * h + a.adoptOffset[i] - 1.5 * Math.exp(-tenureMonths / 3) + rng.normal(0, 0.25));

  // Days since the last login: short when logins are frequent; never before signup.
  let lastLogin: number;
  if (logins > 0) {
    lastLogin = day - Math.min(29, Math.floor((-Math.log(1 - rng.next()) * 30) / logins));
  } else {
    lastLogin = day - 30 - rng.poisson(25);
  }
  if (lastLogin < a.signupDay[i]) lastLogin = Number.NaN;

  const tickets = rng.poisson(p.ticketRate * Math.exp(-0.5 * h + rng.normal(0, 0.3)));

  if (!miss.bernoulli(MISS_USAGE)) {
    c.activeUsers[i] = active;
    c.seatUtil[i] = round1((100 * active) / seats);
    c.logins[i] = logins;
  }
  if (a.adoptionTracked[i] && !miss.bernoulli(MISS_ADOPTION)) c.adoption[i] = round1(adoption);
  if (!miss.bernoulli(MISS_LAST_LOGIN)) c.lastLogin[i] = lastLogin;
  if (!miss.bernoulli(MISS_TICKETS)) c.tickets[i] = tickets;

  // NPS (0–10) only for the minority who answered a survey this month.
  const nps = Math.max(0, Math.min(10, Math.round(7.4 + 1.4 * h + rng.normal(0, 1.6))));
  if (miss.bernoulli(p.npsResponse)) c.nps[i] = nps;

  // CSM pulse: the CSM's own read of the account, noisy but informed; only where a CSM exists.
  if (a.csm[i]) {
    const felt = h + rng.normal(0, 0.55);
    c.pulse[i] = felt > 0.2 ? 'Green' : felt < -0.9 ? 'Red' : 'Yellow';
  }

  if (!miss.bernoulli(MISS_BILLING)) {
    c.delinquent[i] = s.delinquent[i];
    c.arr[i] = arr;
  }
}
