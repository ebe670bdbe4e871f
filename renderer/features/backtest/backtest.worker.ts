// The back-test Web Worker's entry (see protocol.ts for its instances and messages). Requests are
// handled as they arrive; the history handler yields between snapshots, so a newer live request
// is answered in between and overtakes it.

/// <reference lib="webworker" />

import type { WorkerRequest } from './protocol';
import { BacktestWorkerHost } from './workerHost';

const host = new BacktestWorkerHost();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  void host.handle(event.data, (message, transfer) => scope.postMessage(message, transfer));
};
