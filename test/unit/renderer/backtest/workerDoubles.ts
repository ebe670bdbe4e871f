// Stand-ins for back-test worker instances: one that runs the real handlers in process (messages
// structured-cloned like postMessage does), and one the test answers by hand.

import type { WorkerMessage, WorkerRequest } from '../../../../renderer/features/backtest/protocol';
import type { BacktestWorkerLike } from '../../../../renderer/features/backtest/workerFactory';
import { BacktestWorkerHost } from '../../../../renderer/features/backtest/workerHost';

export function inProcessWorker(): BacktestWorkerLike {
  const host = new BacktestWorkerHost();
  let stopped = false;
  const worker: BacktestWorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message: unknown) {
      const request = structuredClone(message) as WorkerRequest;
      setTimeout(() => {
        void host.handle(request, (reply: WorkerMessage) => {
          if (!stopped) worker.onmessage?.({ data: structuredClone(reply) } as MessageEvent);
        });
      }, 0);
    },
    terminate() {
      stopped = true;
    },
  };
  return worker;
}

/** Records what it is sent; the test answers (or not) with `answer`. */
export class ManualWorker implements BacktestWorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly received: WorkerRequest[] = [];
  terminated = false;

  postMessage(message: unknown): void {
    this.received.push(message as WorkerRequest);
  }

  terminate(): void {
    this.terminated = true;
  }

  methods(): string[] {
    return this.received.map((r) => r.method);
  }

  last(method: string): WorkerRequest {
    const found = [...this.received].reverse().find((r) => r.method === method);
    if (!found) throw new Error(`no ${method} request received (got ${this.methods().join(', ')})`);
    return found;
  }

  answer(request: WorkerRequest, result: unknown): void {
    this.onmessage?.({ data: { id: request.id, ok: true, result } } as MessageEvent);
  }
}
