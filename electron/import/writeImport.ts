// The write of an import (in the worker, on its own connection): the dataset and the confirmed
// mappings in ONE transaction. A cancel is honoured between write steps by throwing, which rolls
// everything back; after the last check the main thread is told that COMMIT is under way, so it does
// not report as cancelled an import that did land.

import type { WorkspaceDataset } from '../../shared/dataset';
import type { SavedMapping } from '../../shared/import';
import { writeDataset } from '../store/datasetWriter';
import { checkpointWorkspace, existingSnapshotDates, openWorkspaceForImport } from '../store/importConnection';
import { saveMappings } from '../store/importMappings';
import type { ProgressMeter } from './progressMeter';
import type { CancelFlag } from './workerProtocol';

export function findExistingDates(workspacePath: string, dates: readonly string[]): string[] {
  const db = openWorkspaceForImport(workspacePath);
  try {
    return existingSnapshotDates(db, dates);
  } finally {
    db.close();
  }
}

export interface CommitOptions {
  workspacePath: string;
  dataset: WorkspaceDataset;
  /** Kept with the snapshots and churn events: the files' names. */
  source: string;
  replaceSnapshots: boolean;
  mappings: SavedMapping[];
  meter: ProgressMeter;
  cancel: CancelFlag;
  /** Called inside the transaction once nothing can cancel it any more. */
  beforeCommit: () => void;
  /** Tests only: wait inside the open transaction until the worker is killed. */
  holdBeforeCommit?: boolean;
}

/** Blocks this worker thread for good; only terminating the worker ends it. */
function holdUntilKilled(): never {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  // Short waits: a terminated worker stops at the next JavaScript step.
  for (;;) Atomics.wait(cell, 0, 0, 50);
}

export function commitImport(options: CommitOptions): void {
  const { meter, cancel, dataset } = options;
  const accounts = dataset.accounts.keys.length;
  const db = openWorkspaceForImport(options.workspacePath);
  try {
    db.transaction(() => {
      writeDataset(db, dataset, {
        source: options.source,
        replaceSnapshots: options.replaceSnapshots,
        onStep: (step) => {
          cancel.check();
          meter.report(Math.min(step.done, accounts), meter.current.totalBytes, step.done / step.total);
        },
      });
      saveMappings(db, options.mappings);
      meter.report(accounts, meter.current.totalBytes, 1, true);
      if (options.holdBeforeCommit) holdUntilKilled();
      cancel.check();
      options.beforeCommit();
    })();
  } finally {
    db.close();
  }
}

/** After the import is reported done: the checkpoint (best effort; SQLite redoes it later if need be). */
export function checkpointAfterImport(workspacePath: string): void {
  try {
    checkpointWorkspace(workspacePath);
  } catch {
    // A busy or closed workspace: the next checkpoint will include these frames.
  }
}
