// The demo workspace: a seeded, deterministic book of B2B SaaS accounts with monthly snapshots and
// churn driven by a hidden health process (see health.ts), observed through noisy metrics (see
// metrics.ts). Same options → byte-identical dataset; nothing reads the clock or Math.random.

import type { ChurnEvent, DatasetColumn, SnapshotData, WorkspaceDataset } from '../dataset';
import { addMonths, epochDayToIso, isIsoDate, isoToEpochDay } from '../dates';
import { SeededRandom } from '../random';
import { accountKeys, attributeTexts, generateAccounts, nextAnniversary } from './accounts';
import { generateCompanyNames } from './companyNames';
import { churnProbability, createHealthState, stepHealth } from './health';
import { createSnapshotColumns, observeAccount, toDatasetColumns } from './metrics';

export const DEMO_WORKSPACE_NAME = 'Demo — Northwind SaaS book';
export const DEMO_DEFAULT_SEED = 20261122;

export interface DemoDatasetOptions {
  seed?: number;
  /** Accounts in the book, including those that sign up during the snapshot window. */
  accounts?: number;
  /** Monthly snapshots ending at `lastSnapshot`. */
  snapshots?: number;
  /** `YYYY-MM-DD` of the newest snapshot. */
  lastSnapshot?: string;
}

/** Months of simulated history before the first snapshot, so the book starts mid-story. */
const BURN_IN_MONTHS = 6;
/** Share of the book that signs up per month of the window. */
const NEW_LOGOS_PER_MONTH = 0.007;

/**
 * Independent random streams per concern: tuning how metrics are observed must not change which
 * accounts exist or churn. The mix is murmur3's finaliser over the seed and stream number.
 */
function streamRng(seed: number, stream: number): SeededRandom {
  let x = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return new SeededRandom((x ^ (x >>> 16)) >>> 0);
}

function resolveOptions(options: DemoDatasetOptions) {
  const seed = options.seed ?? DEMO_DEFAULT_SEED;
  const count = options.accounts ?? 2000;
  const snapshots = options.snapshots ?? 12;
  const lastSnapshot = options.lastSnapshot ?? '2026-11-01';
  if (!Number.isFinite(seed)) throw new RangeError(`Demo seed must be a finite number, got ${seed}`);
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`Demo accounts must be a positive integer, got ${count}`);
  if (!Number.isInteger(snapshots) || snapshots < 1 || snapshots > 600) {
    throw new RangeError(`Demo snapshots must be an integer from 1 to 600, got ${snapshots}`);
  }
  if (!isIsoDate(lastSnapshot)) throw new RangeError(`Demo lastSnapshot must be a YYYY-MM-DD date, got ${lastSnapshot}`);
  return { seed: seed >>> 0, count, snapshots, lastSnapshot };
}

export function generateDemoDataset(options: DemoDatasetOptions = {}): WorkspaceDataset {
  const { seed, count: n, snapshots: S, lastSnapshot } = resolveOptions(options);
  const dates: string[] = [];
  for (let s = 0; s < S; s++) dates.push(addMonths(lastSnapshot, s - (S - 1)));
  const days = dates.map(isoToEpochDay);

  const acc = generateAccounts(n, days[0], days[S - 1], Math.min(0.5, NEW_LOGOS_PER_MONTH * (S - 1)), streamRng(seed, 1));
  const names = generateCompanyNames(n, streamRng(seed, 2));
  const dyn = streamRng(seed, 3);
  const obs = streamRng(seed, 4);
  const miss = streamRng(seed, 5);
  const state = createHealthState(acc, dyn);

  for (let m = 0; m < BURN_IN_MONTHS; m++) {
    for (let i = 0; i < n; i++) if (acc.signupDay[i] < days[0]) stepHealth(acc, state, i, false, dyn);
  }

  // Next contract anniversary on or after the first snapshot (after signup for new logos).
  const nextRenewal = new Float64Array(n);
  for (let i = 0; i < n; i++) nextRenewal[i] = nextAnniversary(acc.signupDay[i], Math.max(acc.signupDay[i], days[0] - 1));
  const renewalPending = new Uint8Array(n);
  const started = new Uint8Array(n);
  const churned = new Uint8Array(n);
  const churn: ChurnEvent[] = [];
  const snapshots: SnapshotData[] = [];

  for (let s = 0; s < S; s++) {
    const day = days[s];
    const present = new Uint8Array(n);
    const cols = createSnapshotColumns(n);
    for (let i = 0; i < n; i++) {
      if (churned[i] || acc.signupDay[i] > day) continue;
      if (started[i]) {
        stepHealth(acc, state, i, renewalPending[i] === 1, dyn);
        if (renewalPending[i]) nextRenewal[i] = nextAnniversary(acc.signupDay[i], nextRenewal[i]);
        renewalPending[i] = 0;
      }
      started[i] = 1;
      present[i] = 1;
      observeAccount(acc, state, i, day, cols, obs, miss);

      // Churn during the month after this snapshot; none after the newest one (it is "today").
      if (s === S - 1) continue;
      const end = days[s + 1];
      const renewal = acc.annual[i] === 1 && nextRenewal[i] < end;
      renewalPending[i] = renewal ? 1 : 0;
      if (!dyn.bernoulli(churnProbability(acc, state, i, renewal))) continue;
      churned[i] = 1;
      // Strictly between the snapshots, so the account is in this one and absent from the next.
      const churnDay = renewal
        ? Math.min(end - 1, Math.max(day + 1, nextRenewal[i]))
        : day + 1 + dyn.int(Math.max(1, end - day - 1));
      churn.push({ accountIndex: i, churnDate: epochDayToIso(churnDay) });
    }
    snapshots.push({ asOf: dates[s], present, metrics: toDatasetColumns(cols) });
  }
  churn.sort((x, y) => x.accountIndex - y.accountIndex);

  const text = attributeTexts(acc);
  const csm = Float64Array.from(acc.csm);
  const attributes: DatasetColumn[] = [
    { field: { name: 'segment', kind: 'text' }, values: text.segment },
    { field: { name: 'csm_assigned', kind: 'boolean' }, values: csm },
    { field: { name: 'region', kind: 'text' }, values: text.region },
    { field: { name: 'industry', kind: 'text' }, values: text.industry },
    { field: { name: 'plan', kind: 'text' }, values: text.plan },
    { field: { name: 'signup_date', kind: 'date' }, values: Float64Array.from(acc.signupDay) },
  ];
  // Account ARR is the latest known: current for active accounts, at churn for churned ones.
  return {
    accounts: { keys: accountKeys(n), names, arr: Float64Array.from(state.arr), attributes },
    snapshots,
    churn,
  };
}
