// A small seeded workspace for the back-test worker tests: the demo book (300 accounts, 12
// snapshots) as the api would send it (ScoringDataTransfer), its proposed scorecard, and the
// worker's handlers called in process the way the main thread calls them.

import type { ScoringDataTransfer } from '../../../../shared/api';
import { packColumn, packStrings } from '../../../../shared/columnTransfer';
import type { WorkspaceDataset } from '../../../../shared/dataset';
import { isoToEpochDay } from '../../../../shared/dates';
import { generateDemoDataset } from '../../../../shared/demo/generateDemoDataset';
import { profileDataset } from '../../../../shared/scorecard/profile';
import { proposeDefaultScorecard } from '../../../../shared/scorecard/propose';
import type { Scorecard } from '../../../../shared/scorecard/types';
import type { WorkerArgs, WorkerMessage, WorkerMethod, WorkerResult } from '../../../../renderer/features/backtest/protocol';
import { BacktestWorkerHost } from '../../../../renderer/features/backtest/workerHost';

export function demoDataset(accounts = 300): WorkspaceDataset {
  return generateDemoDataset({ accounts, seed: 7 });
}

/** What getScoringData({ asOf }) answers for snapshot `index` (fresh arrays every call). */
export function transferOf(ds: WorkspaceDataset, index: number): ScoringDataTransfer {
  const n = ds.accounts.keys.length;
  const snap = ds.snapshots[index];
  const churnDay = new Float64Array(n).fill(Number.NaN);
  const churnUndated = new Uint8Array(n);
  for (const e of ds.churn) {
    if (e.churnDate === null) churnUndated[e.accountIndex] = 1;
    else {
      const day = isoToEpochDay(e.churnDate);
      if (!(churnDay[e.accountIndex] <= day)) churnDay[e.accountIndex] = day;
    }
  }
  return {
    asOf: snap.asOf,
    snapshotDay: isoToEpochDay(snap.asOf),
    snapshotDates: ds.snapshots.map((s) => s.asOf),
    accountCount: n,
    keys: packStrings(ds.accounts.keys),
    arr: ds.accounts.arr.slice(),
    present: snap.present.slice(),
    attributes: ds.accounts.attributes.map((c) => packColumn({ field: c.field, values: Array.isArray(c.values) ? [...c.values] : c.values.slice() })),
    metrics: snap.metrics.map((c) => packColumn({ field: c.field, values: Array.isArray(c.values) ? [...c.values] : c.values.slice() })),
    churnDay,
    churnUndated,
  };
}

export function proposedScorecard(ds: WorkspaceDataset): Scorecard {
  const last = ds.snapshots[ds.snapshots.length - 1];
  return proposeDefaultScorecard(profileDataset({ metrics: last.metrics, attributes: ds.accounts.attributes, present: last.present }), { name: 'Health score' }).scorecard;
}

/** Calls the worker's handlers in process; progress messages are collected. */
export class InProcessWorker {
  readonly host = new BacktestWorkerHost();
  private nextId = 1;
  progress: { done: number; total: number }[] = [];

  call<M extends WorkerMethod>(method: M, args: WorkerArgs<M>): Promise<WorkerResult<M>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      void this.host.handle({ id, method, args } as never, (message: WorkerMessage) => {
        if ('progress' in message) this.progress.push(message.progress);
        else if (message.ok) resolve(message.result as WorkerResult<M>);
        else reject(new Error(message.error));
      });
    });
  }
}
