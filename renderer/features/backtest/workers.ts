// The panel's worker instances, one per role (see protocol.ts), created lazily. Tests swap the
// factory for in-process workers running the same handlers.

import { WorkerClient } from './workerClient';
import { type BacktestWorkerLike, type WorkerRole, createBacktestWorker } from './workerFactory';

let factory: (role: WorkerRole) => BacktestWorkerLike = createBacktestWorker;
const create = (role: WorkerRole) => factory(role);

export const workers = {
  session: new WorkerClient('session', create),
  intervals: new WorkerClient('intervals', create),
  scenario: new WorkerClient('scenario', create),
  suggestions: new WorkerClient('suggestions', create),
};

export function stopAllWorkers(): void {
  for (const client of Object.values(workers)) client.cancel();
}

/** For tests: every instance started from now on comes from `next`. */
export function setWorkerFactory(next: (role: WorkerRole) => BacktestWorkerLike): void {
  stopAllWorkers();
  factory = next;
}
