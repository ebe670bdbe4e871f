// What the engine scores: one snapshot of a workspace, as aligned columns. Index i is the i-th
// account everywhere (attributes, metrics, present mask, ARR, keys).

import { isoToEpochDay } from '../dates';
import type { DatasetColumn, WorkspaceDataset } from '../dataset';

export interface ScoringData {
  /** Stable account ids, used to find manual overrides. */
  keys: readonly string[];
  /** ARR per account (NaN where unknown); optional, only for ARR per band. */
  arr?: Float64Array;
  attributes: readonly DatasetColumn[];
  metrics: readonly DatasetColumn[];
  /** The snapshot date in days since 1970-01-01 (for days-since metrics and override expiry). */
  snapshotDay: number;
  /** 1 where the account has a row in this snapshot; absent accounts are not scored. Default: all. */
  present?: Uint8Array;
}

/** A scoring problem caused by the data or by a scorecard that does not fit it. */
export class ScoringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScoringError';
  }
}

export function accountCount(data: ScoringData): number {
  return data.keys.length;
}

/** The snapshot at `snapshotIndex` of a workspace dataset, ready to score. */
export function scoringDataFromDataset(ds: WorkspaceDataset, snapshotIndex: number): ScoringData {
  const snap = ds.snapshots[snapshotIndex];
  if (!snap) throw new ScoringError(`no snapshot ${snapshotIndex} (the workspace has ${ds.snapshots.length})`);
  const day = isoToEpochDay(snap.asOf);
  if (Number.isNaN(day)) throw new ScoringError(`snapshot ${snapshotIndex} has an invalid date "${snap.asOf}"`);
  return {
    keys: ds.accounts.keys,
    arr: ds.accounts.arr,
    attributes: ds.accounts.attributes,
    metrics: snap.metrics,
    snapshotDay: day,
    present: snap.present,
  };
}

/**
 * Finds a column by name. Metric sources look in the snapshot metrics first; conditions (segment
 * rules, adjustments) look in the account attributes first. Either falls back to the other.
 */
export function findColumn(data: ScoringData, name: string, prefer: 'metrics' | 'attributes'): DatasetColumn | undefined {
  const [first, second] = prefer === 'metrics' ? [data.metrics, data.attributes] : [data.attributes, data.metrics];
  return first.find((c) => c.field.name === name) ?? second.find((c) => c.field.name === name);
}

export function checkColumnLengths(data: ScoringData): void {
  const n = accountCount(data);
  for (const c of [...data.attributes, ...data.metrics]) {
    if (c.values.length !== n) {
      throw new ScoringError(`column "${c.field.name}" has ${c.values.length} values but there are ${n} accounts`);
    }
  }
  if (data.present && data.present.length !== n) throw new ScoringError(`present mask has ${data.present.length} entries for ${n} accounts`);
  if (data.arr && data.arr.length !== n) throw new ScoringError(`ARR column has ${data.arr.length} values for ${n} accounts`);
  if (!Number.isFinite(data.snapshotDay)) throw new ScoringError('snapshot date is not a valid day');
}
