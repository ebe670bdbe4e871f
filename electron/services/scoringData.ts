// Reads one snapshot of the open workspace in the shape the scoring engine takes.

import { ApiError } from '../../shared/api';
import { isoToEpochDay } from '../../shared/dates';
import type { ScoringData } from '../../shared/scoring/data';
import type { WorkspaceStore } from '../store/workspaceStore';

/** The snapshot dated `asOf`, or the latest one; null when the workspace has no snapshots. */
export function loadScoringData(store: WorkspaceStore, asOf?: string): (ScoringData & { asOf: string }) | null {
  const snapshots = store.listSnapshots();
  if (snapshots.length === 0) return null;
  const date = asOf ?? snapshots[snapshots.length - 1].asOf;
  const snapshot = store.readSnapshot(date);
  if (!snapshot) throw new ApiError('not_found', `The workspace has no snapshot dated ${date} (it has ${snapshots.map((s) => s.asOf).join(', ')}).`);
  const accounts = store.readAccounts();
  return {
    asOf: date,
    keys: accounts.keys,
    arr: accounts.arr,
    attributes: store.readAttributes(),
    metrics: snapshot.metrics,
    snapshotDay: isoToEpochDay(date),
    present: snapshot.present,
  };
}
