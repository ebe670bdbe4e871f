// The main thread's handle on one import worker: starts it with its request, forwards its messages,
// answers a decision, and cancels it: first the shared flag the worker checks between batches,
// then, if it has not stopped within the grace period, terminate(). A worker that is terminated
// or crashes before COMMIT leaves the workspace as it was (its transaction is never committed).

import { Worker } from 'node:worker_threads';
import { CancelFlag, type MainMessage, type WorkerMessage, type WorkerRequest } from './workerProtocol';

export const CANCEL_GRACE_MS = 2_000;

export interface WorkerRunHandlers {
  onMessage(message: WorkerMessage): void;
  /** The worker ended without a final message: killed after a cancel, or crashed. */
  onLost(reason: string): void;
  /** The worker thread is gone, however it ended. */
  onEnded?(): void;
}

/** The worker's last message ('done' is followed by a checkpoint, then 'released'). */
const FINAL: ReadonlySet<WorkerMessage['type']> = new Set(['analysed', 'released', 'failed', 'cancelled']);

type RequestWithoutFlag = WorkerRequest extends infer R ? (R extends unknown ? Omit<R, 'cancel'> : never) : never;

export class WorkerRun {
  private readonly worker: Worker;
  private readonly flag: CancelFlag;
  private ended = false;
  private killTimer: NodeJS.Timeout | null = null;
  private crash: string | null = null;
  /** The worker said COMMIT is under way: a cancel can no longer stop it. */
  committing = false;

  constructor(workerFile: string, request: RequestWithoutFlag, handlers: WorkerRunHandlers) {
    const cancel = CancelFlag.create();
    this.flag = new CancelFlag(cancel);
    this.worker = new Worker(workerFile, { workerData: { ...request, cancel } });
    this.worker.on('message', (message: WorkerMessage) => {
      if (this.ended) return;
      if (message.type === 'committing') this.committing = true;
      if (FINAL.has(message.type)) this.finish();
      handlers.onMessage(message);
    });
    this.worker.on('error', (err) => {
      this.crash = err.message;
    });
    this.worker.on('exit', (code) => {
      if (this.killTimer) clearTimeout(this.killTimer);
      handlers.onEnded?.();
      if (this.ended) return;
      this.ended = true;
      handlers.onLost(this.crash ?? (this.flag.requested ? 'stopped after a cancel' : `exited with code ${code}`));
    });
  }

  get cancelRequested(): boolean {
    return this.flag.requested;
  }

  decide(decision: MainMessage['decision']): void {
    if (!this.ended) this.worker.postMessage({ type: 'decision', decision } satisfies MainMessage);
  }

  /** Asks the worker to stop; terminates it after `graceMs` unless it stopped or is committing. */
  cancel(graceMs = CANCEL_GRACE_MS): void {
    if (this.ended || this.flag.requested) return;
    this.flag.request();
    this.killTimer = setTimeout(() => {
      if (!this.ended && !this.committing) void this.worker.terminate();
    }, graceMs);
    this.killTimer.unref();
  }

  /** Stops the worker now (its job is settled, or the app is closing). */
  dispose(): void {
    this.ended = true;
    if (this.killTimer) clearTimeout(this.killTimer);
    void this.worker.terminate();
  }

  private finish(): void {
    this.ended = true;
    if (this.killTimer) clearTimeout(this.killTimer);
    // Its job is over; the worker would otherwise idle, listening for messages.
    void this.worker.terminate();
  }
}
