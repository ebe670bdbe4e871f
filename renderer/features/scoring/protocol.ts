// The scoring worker's message protocol, typed once. The main thread sends `{ id, method, args }`;
// the worker answers `{ id, ok, result }` or `{ id, ok: false, error }` in the order it received
// the requests. Every method that changes the scorecard answers the new distribution summary.
// Typed arrays travel as transferables (see transferablesOf), never as JSON numbers.

import type { AttributeValue, ScoringDataTransfer } from '../../../shared/api';
import type { AccountExplanation } from '../../../shared/scoring/contributions';
import type { Scorecard, Weight } from '../../../shared/scorecard/types';

/** 0 red, 1 yellow, 2 green, 3 unscored, 4 absent from the snapshot (shared/scorecard/bands). */
export type BandCode = 0 | 1 | 2 | 3 | 4;

/** Accounts or ARR per counted band: red, yellow, green, unscored. */
export type BandQuad = [number, number, number, number];

export interface SegmentDistribution {
  id: string;
  label: string;
  counts: BandQuad;
  arr: BandQuad;
  /** Scored accounts per score bin over [0, 100]. */
  histogram: number[];
}

export interface DistributionSummary {
  /** Bumped by every scorecard change the worker applied; answers carry the revision they reflect. */
  revision: number;
  bins: number;
  segments: SegmentDistribution[];
  total: SegmentDistribution;
}

export interface WeightChange {
  segmentId: string;
  kind: 'metric' | 'group';
  id: string;
  weight: Weight;
}

export const SCORED_SORT_COLUMNS = ['name', 'key', 'segment', 'score', 'band', 'change', 'coverage', 'arr'] as const;
export type ScoredSortColumn = (typeof SCORED_SORT_COLUMNS)[number];

export interface AccountQuery {
  offset: number;
  limit: number;
  sort: { column: ScoredSortColumn; direction: 'asc' | 'desc' };
  /** Case-insensitive substring of the name or id ('' = no search). */
  search: string;
  /** A scorecard segment id, or null for all. */
  segmentId: string | null;
  /** Band codes to keep, or null for all. */
  bands: BandCode[] | null;
}

export interface ScoredAccount {
  index: number;
  key: string;
  /** null until the names have been loaded. */
  name: string | null;
  segmentId: string;
  score: number | null;
  band: BandCode;
  previousScore: number | null;
  previousBand: BandCode | null;
  /** score − previousScore, null when either is missing. */
  change: number | null;
  coverage: number | null;
  arr: number | null;
  churned: boolean;
}

export interface AccountPage {
  revision: number;
  total: number;
  offset: number;
  rows: ScoredAccount[];
}

export type BandCrossing = 'anyDrop' | 'greenToYellow' | 'yellowToRed' | 'greenToRed';

export interface DropsQuery {
  segmentId: string | null;
  crossing: BandCrossing;
  limit: number;
}

export interface MetricValue {
  metricId: string;
  label: string;
  source: string;
  /** The raw cell as read (text, number, date as YYYY-MM-DD), null when blank. */
  raw: AttributeValue;
}

export interface AccountDetail {
  explanation: AccountExplanation;
  rawValues: MetricValue[];
  name: string | null;
  arr: number | null;
  segmentLabel: string;
  previousScore: number | null;
  minCoverage: number;
  /** Why the account has no score, for people; null when it is scored. */
  unscoredReason: string | null;
}

export interface HistoryPoint {
  asOf: string;
  score: number | null;
  band: BandCode;
}

/** Either the history, or the snapshot dates the worker needs sent (addSnapshot) first. */
export type HistoryAnswer = { points: HistoryPoint[] } | { needSnapshots: string[] };

/** The distribution of one metric's raw values, for the metric editor. */
export interface MetricProfile {
  metricId: string;
  kind: 'numeric' | 'category';
  /** numeric: bin edges lo…hi with `counts.length` equal bins. */
  lo: number;
  hi: number;
  counts: number[];
  /** category: the distinct values and how many accounts have each. */
  categories: { value: string; count: number }[];
  missing: number;
  present: number;
  /** The linear bounds the data resolved to (defaults filled in), when the method is linear. */
  resolvedLo: number | null;
  resolvedHi: number | null;
}

export interface LoadArgs {
  current: ScoringDataTransfer;
  previous: ScoringDataTransfer | null;
  scorecard: Scorecard;
  bins: number;
}

/** Methods the worker answers: argument and result types. */
export interface ScoringWorkerMethods {
  load(args: LoadArgs): DistributionSummary;
  setWeights(args: { changes: WeightChange[] }): DistributionSummary;
  setScorecard(args: { scorecard: Scorecard }): DistributionSummary;
  /** The scorecard to draw faintly behind the draft (null: none). */
  setBaseline(args: { scorecard: Scorecard | null }): DistributionSummary | null;
  /** Names in account order, NUL-joined, and each account's rank in the workspace's name order. */
  setNames(args: { names: string; nameRank: Uint32Array }): null;
  queryAccounts(args: AccountQuery): AccountPage;
  biggestDrops(args: DropsQuery): ScoredAccount[];
  explain(args: { index: number }): AccountDetail;
  history(args: { index: number }): HistoryAnswer;
  addSnapshot(args: { data: ScoringDataTransfer }): null;
  metricProfile(args: { metricId: string; bins: number }): MetricProfile;
  /** Whether the draft's engine runs the WebAssembly kernel here ('typescript': it could not compile). */
  engineInfo(args: Record<string, never>): { kernel: ScoringKernel };
}

/** What scores the draft: the WebAssembly SIMD kernel, or the TypeScript loops alone. */
export type ScoringKernel = 'wasm' | 'typescript';

export type WorkerMethod = keyof ScoringWorkerMethods;
export type WorkerArgs<M extends WorkerMethod> = Parameters<ScoringWorkerMethods[M]>[0];
export type WorkerResult<M extends WorkerMethod> = ReturnType<ScoringWorkerMethods[M]>;

export type WorkerRequest = { [M in WorkerMethod]: { id: number; method: M; args: WorkerArgs<M> } }[WorkerMethod];
export type WorkerResponse = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

/** The buffers of every typed array in a value (a few levels of objects and arrays deep), for postMessage. */
export function transferablesOf(value: unknown, out: Transferable[] = [], depth = 0): Transferable[] {
  if (ArrayBuffer.isView(value)) {
    const buffer = value.buffer;
    if (buffer instanceof ArrayBuffer && !out.includes(buffer)) out.push(buffer);
  } else if (value && typeof value === 'object' && depth < 5) {
    for (const v of Array.isArray(value) ? value : Object.values(value)) transferablesOf(v, out, depth + 1);
  }
  return out;
}
