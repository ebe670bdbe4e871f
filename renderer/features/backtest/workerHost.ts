// The back-test worker's request handling, apart from the worker entry so that tests run the very
// same code in process. One handler per protocol method; errors become answers. Long handlers
// report progress (throttled) and the history handler yields between snapshots.

import { Y_CHURNED } from '../../../shared/backtest/types';
import { EngineCache } from './engineCache';
import { BaselineStats } from './baselineStats';
import { type Evaluation, evaluate, intervalInputOf } from './evaluate';
import { featureMatrixOf } from './featureMatrix';
import { computeHistory } from './history';
import {
  type BacktestWorkerMethods,
  type SessionInfo,
  type TransitionList,
  type TransitionQuery,
  type WorkerMessage,
  type WorkerRequest,
  transferablesOf,
} from './protocol';
import { scenarioPoints } from './scenario';
import { SnapshotSet } from './snapshotSet';
import { type Progress, intervalsOf, scenarioIntervalsOf, suggestionsOf } from './statsJobs';
import { transitionMembers } from './transitions';

export type Post = (message: WorkerMessage, transfer: Transferable[]) => void;

/** Progress messages at most this often. */
const PROGRESS_EVERY_MS = 100;

type Handlers = { [M in keyof BacktestWorkerMethods]: (args: Parameters<BacktestWorkerMethods[M]>[0], progress: Progress) => ReturnType<BacktestWorkerMethods[M]> };

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class BacktestWorkerHost {
  private session: { snapshots: SnapshotSet; cache: EngineCache; baselineStats: BaselineStats } | null = null;
  private latest: Evaluation | null = null;

  constructor(private readonly pause: () => Promise<void> = nextTask) {}

  /** For tests: how many sub-score matrices were built. */
  get matrixBuilds(): number {
    return this.session?.cache.builds ?? 0;
  }

  private get state() {
    if (!this.session) throw new Error('no back-test data loaded yet');
    return this.session;
  }

  private evaluation(inputsKey: number): Evaluation {
    if (!this.latest || this.latest.args.inputsKey !== inputsKey) throw new Error('the back-test has changed since; ask again');
    return this.latest;
  }

  private info(): SessionInfo {
    const { snapshots } = this.state;
    return { snapshotDates: snapshots.snapshotDates, accountCount: snapshots.accountCount, loadedDates: snapshots.loadedDates };
  }

  private readonly handlers: Handlers = {
    init: ({ data }) => {
      const snapshots = new SnapshotSet(data);
      this.session = { snapshots, cache: new EngineCache(snapshots), baselineStats: new BaselineStats() };
      this.latest = null;
      return this.info();
    },
    addSnapshot: ({ data }) => {
      this.state.snapshots.add(data);
      return this.info();
    },
    evaluate: (args) => {
      const { snapshots, cache, baselineStats } = this.state;
      const { evaluation, answer } = evaluate(cache, baselineStats, snapshots, args);
      this.latest = evaluation;
      return answer;
    },
    intervalInput: ({ inputsKey }) => intervalInputOf(this.evaluation(inputsKey)),
    history: async ({ inputsKey }) => {
      const { snapshots, cache } = this.state;
      if (this.latest?.args.inputsKey !== inputsKey) return { superseded: true };
      // A later evaluate of the same inputs (another view) scores the same: only other inputs stop it.
      const stale = () => this.latest?.args.inputsKey !== inputsKey;
      return computeHistory({ cache, snapshots, evaluation: this.latest, stale, pause: this.pause });
    },
    transitionAccounts: (query) => this.transitionList(query),
    scenario: ({ entries, controls }) => scenarioPoints(this.state.cache, this.state.snapshots, entries, controls),
    featureMatrix: ({ inputsKey }) => featureMatrixOf(this.evaluation(inputsKey)),
    intervals: (args, progress) => intervalsOf(args, progress),
    scenarioIntervals: ({ items, seed, resamples }, progress) => scenarioIntervalsOf(items, seed, resamples, progress),
    suggest: (args, progress) => suggestionsOf(args, progress),
  };

  private transitionList(q: TransitionQuery): TransitionList {
    const e = this.evaluation(q.inputsKey);
    if (!e.baseline) throw new Error('no baseline to compare with');
    const { y } = e.result;
    const members = transitionMembers(e.baseline.band, e.draft.band, y, e.accounts.segment, q.from, q.to, q.segment);
    const score = e.draft.score;
    // Most at risk under the draft first; unscored last.
    members.sort((a, b) => (score[a] === score[a] ? score[a] : Infinity) - (score[b] === score[b] ? score[b] : Infinity) || a - b);
    const keys = this.state.snapshots.keys;
    const value = (v: number) => (v === v ? v : null);
    return {
      total: members.length,
      accounts: members.slice(0, q.limit).map((i) => ({
        index: i,
        key: keys[i],
        baselineScore: value(e.baseline!.score[i]),
        draftScore: value(score[i]),
        churned: y[i] === Y_CHURNED,
        arr: value(e.accounts.arr[i]),
      })),
    };
  }

  async handle(request: WorkerRequest, post: Post): Promise<void> {
    const { id } = request;
    let lastProgress = 0;
    const progress: Progress = (done, total) => {
      const now = Date.now();
      if (done < total && now - lastProgress < PROGRESS_EVERY_MS) return;
      lastProgress = now;
      post({ id, progress: { done, total } }, []);
    };
    try {
      const handler = this.handlers[request.method] as (args: unknown, progress: Progress) => unknown;
      const result = await handler(request.args, progress);
      // Results own their typed arrays (copies or fresh), so they are moved, not copied.
      post({ id, ok: true, result }, transferablesOf(result));
    } catch (error) {
      post({ id, ok: false, error: error instanceof Error ? error.message : String(error) }, []);
    }
  }
}
