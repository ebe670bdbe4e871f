// The main thread's side of the scoring worker: typed requests matched to answers by id, and the
// coalescing of scorecard updates. While the worker is busy only the latest wanted scorecard is
// kept; when it answers, the difference between what it has and that latest one is sent. So the
// last slider position always wins, no edit is lost, and requests never queue up behind a drag.

import type { Scorecard } from '../../../shared/scorecard/types';
import type { DistributionSummary, WorkerArgs, WorkerMethod, WorkerResponse, WorkerResult } from './protocol';
import { planUpdate } from './updatePlan';
import { type ScoringWorkerLike, createScoringWorker } from './workerFactory';

export interface UpdateListener {
  /** `tag` is the caller's label of the newest edit the summary includes (e.g. an input sequence number). */
  applied(summary: DistributionSummary | null, tag: number | null): void;
  failed(error: Error): void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export class ScoringClient {
  private worker: ScoringWorkerLike | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** What the worker has (null: unknown, send the whole scorecard next time). */
  private lastSent: Scorecard | null = null;
  private wanted: { scorecard: Scorecard; tag: number | null } | null = null;
  private inFlight = false;
  /** Bumped by load(): answers to updates of an earlier workspace are dropped. */
  private generation = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly listener: UpdateListener,
    private readonly createWorker: () => ScoringWorkerLike = createScoringWorker,
  ) {}

  call<M extends WorkerMethod>(method: M, args: WorkerArgs<M>, transfer: Transferable[] = []): Promise<WorkerResult<M>> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, method, args }, transfer);
    });
  }

  /** Loads a workspace's data; pending edits of the previous one are dropped. */
  async load(args: WorkerArgs<'load'>, transfer: Transferable[]): Promise<DistributionSummary> {
    this.wanted = null;
    this.lastSent = null;
    const generation = ++this.generation;
    const summary = await this.call('load', args, transfer);
    if (generation === this.generation) this.lastSent = args.scorecard;
    return summary;
  }

  /** Asks for `scorecard` to be scored; the listener hears when it (or a later one) was applied. */
  update(scorecard: Scorecard, tag: number | null = null): void {
    this.wanted = { scorecard, tag };
    if (!this.inFlight) void this.flush();
  }

  /** Resolves once every requested update has been applied (or failed). */
  whenIdle(): Promise<void> {
    if (!this.inFlight && !this.wanted) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.failAll(new Error('the scoring worker was stopped'));
  }

  private async flush(): Promise<void> {
    const next = this.wanted;
    this.wanted = null;
    if (!next) return this.notifyIdle();
    const plan = this.lastSent ? planUpdate(this.lastSent, next.scorecard) : ({ kind: 'scorecard' } as const);
    if (plan.kind === 'none') {
      this.lastSent = next.scorecard;
      this.listener.applied(null, next.tag);
      return this.flush();
    }
    this.inFlight = true;
    const generation = this.generation;
    try {
      const summary =
        plan.kind === 'weights'
          ? await this.call('setWeights', { changes: plan.changes })
          : await this.call('setScorecard', { scorecard: next.scorecard });
      if (generation === this.generation) {
        this.lastSent = next.scorecard;
        this.listener.applied(summary, next.tag);
      }
    } catch (error) {
      // The worker may have applied part of a batch: resend in full next time.
      if (generation === this.generation) {
        this.lastSent = null;
        this.listener.failed(error as Error);
      }
    } finally {
      this.inFlight = false;
    }
    return this.flush();
  }

  private notifyIdle(): void {
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private ensureWorker(): ScoringWorkerLike {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const answer = event.data;
      const waiter = this.pending.get(answer.id);
      if (!waiter) return;
      this.pending.delete(answer.id);
      if (answer.ok) waiter.resolve(answer.result);
      else waiter.reject(new Error(answer.error));
    };
    worker.onerror = (event: ErrorEvent) => {
      // A worker that failed to start or crashed answers nothing more; start afresh next time.
      event.preventDefault?.();
      this.worker?.terminate();
      this.worker = null;
      this.lastSent = null;
      this.failAll(new Error(`The scoring worker stopped: ${event.message || 'it could not be loaded'}`));
    };
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }
}
