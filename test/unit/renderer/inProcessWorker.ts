// The scoring worker for component tests: the real request handlers, run in process behind the
// same message interface. Messages are structured-cloned with their transfer lists (so a typed
// array used after being sent shows up as detached, as in a browser), answers arrive
// asynchronously, and tests can log requests and delay answers.

import type { ScoringWorkerLike } from '../../../renderer/features/scoring/workerFactory';
import type { WorkerRequest } from '../../../renderer/features/scoring/protocol';
import { ScoringWorkerHost } from '../../../renderer/features/scoring/workerHandlers';

class InProcessWorker implements ScoringWorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  private readonly host = new ScoringWorkerHost();

  postMessage(message: unknown, transfer: Transferable[]): void {
    const request = structuredClone(message, { transfer }) as WorkerRequest;
    workerLog.requests.push(request);
    setTimeout(() => {
      const failure = workerLog.failOnce.get(request.method);
      if (failure) {
        workerLog.failOnce.delete(request.method);
        this.onmessage?.({ data: { id: request.id, ok: false, error: failure } } as MessageEvent);
        return;
      }
      const { response, transfer: back } = this.host.handle(request);
      this.onmessage?.({ data: structuredClone(response, { transfer: back }) } as MessageEvent);
    }, workerLog.latency(request));
  }

  terminate(): void {
    this.onmessage = null;
  }
}

/** What the page asked the worker, and how long each answer takes (ms). */
export const workerLog = {
  requests: [] as WorkerRequest[],
  latency: (_request: WorkerRequest): number => 0,
  /** The next request of a method fails with this message. */
  failOnce: new Map<WorkerRequest['method'], string>(),
  reset() {
    this.requests = [];
    this.latency = () => 0;
    this.failOnce.clear();
  },
  /** The requests of one method, oldest first. */
  of<M extends WorkerRequest['method']>(method: M): Extract<WorkerRequest, { method: M }>[] {
    return this.requests.filter((r): r is Extract<WorkerRequest, { method: M }> => r.method === method);
  },
};

/** Stands in for `renderer/features/scoring/workerFactory`. */
export const workerFactoryModule = { createScoringWorker: (): ScoringWorkerLike => new InProcessWorker() };
