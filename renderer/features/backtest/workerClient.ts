// The main thread's side of one back-test worker instance: typed calls matched to answers by id,
// progress callbacks, and cancellation by terminating the instance (the next call starts a fresh
// one). Terminating is the only way to stop a long synchronous statistic midway.

import type { WorkerArgs, WorkerMessage, WorkerMethod, WorkerResult } from './protocol';
import { type BacktestWorkerLike, type WorkerRole, createBacktestWorker } from './workerFactory';

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

export function isCancelled(error: unknown): boolean {
  return error instanceof CancelledError;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress?: (done: number, total: number) => void;
}

export interface CallOptions {
  transfer?: Transferable[];
  onProgress?: (done: number, total: number) => void;
}

export class WorkerClient {
  private worker: BacktestWorkerLike | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly role: WorkerRole,
    private readonly create: (role: WorkerRole) => BacktestWorkerLike = createBacktestWorker,
  ) {}

  /** True while a call has not been answered. */
  get busy(): boolean {
    return this.pending.size > 0;
  }

  call<M extends WorkerMethod>(method: M, args: WorkerArgs<M>, options: CallOptions = {}): Promise<WorkerResult<M>> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress: options.onProgress });
      worker.postMessage({ id, method, args }, options.transfer ?? []);
    });
  }

  /** Stops whatever the instance is doing; unanswered calls reject with CancelledError. */
  cancel(): void {
    if (!this.worker) return;
    this.worker.terminate();
    this.worker = null;
    this.failAll(new CancelledError());
  }

  dispose(): void {
    this.cancel();
  }

  private ensureWorker(): BacktestWorkerLike {
    if (this.worker) return this.worker;
    const worker = this.create(this.role);
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      if ('progress' in message) {
        waiter.onProgress?.(message.progress.done, message.progress.total);
        return;
      }
      this.pending.delete(message.id);
      if (message.ok) waiter.resolve(message.result);
      else waiter.reject(new Error(message.error));
    };
    worker.onerror = (event: ErrorEvent) => {
      // A worker that failed to load or crashed answers nothing more: start afresh next time.
      event.preventDefault?.();
      worker.terminate();
      if (this.worker === worker) this.worker = null;
      this.failAll(new Error(`The back-test worker stopped: ${event.message || 'it could not be loaded'}`));
    };
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }
}
