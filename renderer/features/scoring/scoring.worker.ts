// The scoring Web Worker's entry: answers each request in arrival order (see protocol.ts). It keeps
// the sub-score matrix and engines, so slider moves never block the UI thread.

/// <reference lib="webworker" />

import type { WorkerRequest } from './protocol';
import { ScoringWorkerHost } from './workerHandlers';

const host = new ScoringWorkerHost();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const { response, transfer } = host.handle(event.data);
  scope.postMessage(response, transfer);
};
