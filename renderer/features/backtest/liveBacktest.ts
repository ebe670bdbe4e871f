// The live loop: every draft, baseline, control or view change becomes an evaluate request to the
// session worker, coalesced so the latest wins. When an answer arrives and nothing newer is
// waiting, the slower follow-ups start after a short quiet moment: the rolling back-test and lead
// times (session worker; other inputs overtake it) and the bootstrap intervals (their own worker,
// terminated as soon as other inputs make them stale). Switching the view shown changes no
// inputs, so it neither stops nor repeats the follow-ups.

import type { Scorecard } from '../../../shared/scorecard/types';
import { LatestOnly } from './latestOnly';
import { type BacktestControls, type EvaluateArgs, type EvaluateResult, type HistoryResult, type IntervalResult, transferablesOf } from './protocol';
import { type WorkerClient, isCancelled } from './workerClient';

export interface LiveListener {
  result(result: EvaluateResult): void;
  failed(error: Error, revision: number): void;
  history(history: HistoryResult): void;
  historyFailed(error: Error): void;
  intervals(inputsKey: number, value: IntervalResult): void;
  intervalsFailed(error: Error): void;
}

export interface QuietTimes {
  /** Before the history of an answer is computed (nothing happens while a slider is dragged). */
  historyMs: number;
  /** Before its bootstrap intervals are computed. */
  intervalsMs: number;
}

export const DEFAULT_QUIET: QuietTimes = { historyMs: 120, intervalsMs: 250 };

export type LiveRequest = Omit<EvaluateArgs, 'revision' | 'inputsKey'>;

function sameControls(a: BacktestControls, b: BacktestControls): boolean {
  return a.asOf === b.asOf && a.horizonDays === b.horizonDays && a.includeOverrides === b.includeOverrides;
}

function sameInputs(a: LiveRequest, b: LiveRequest): boolean {
  const baseline = (r: LiveRequest): [string, Scorecard] | null => (r.baseline ? [r.baseline.id, r.baseline.scorecard] : null);
  const ba = baseline(a);
  const bb = baseline(b);
  const sameBaseline = ba === null ? bb === null : bb !== null && ba[0] === bb[0] && ba[1] === bb[1];
  return a.scorecard === b.scorecard && sameBaseline && sameControls(a.controls, b.controls);
}

export class LiveBacktest {
  private revision = 0;
  private inputsKey = 0;
  private lastRequest: LiveRequest | null = null;
  private readonly coalescer = new LatestOnly<EvaluateArgs>((args) => this.run(args));
  private historyTimer: ReturnType<typeof setTimeout> | null = null;
  private intervalsTimer: ReturnType<typeof setTimeout> | null = null;
  /** The inputs whose follow-ups are scheduled or running. */
  private followUpsFor: number | null = null;
  private latestResult: EvaluateResult | null = null;

  constructor(
    private readonly session: WorkerClient,
    private readonly intervalWorker: WorkerClient,
    private readonly listener: LiveListener,
    private readonly quiet: QuietTimes = DEFAULT_QUIET,
  ) {}

  /** Asks for a back-test; returns its revision. Intermediate requests may never be answered. */
  request(request: LiveRequest): number {
    const revision = ++this.revision;
    if (!this.lastRequest || !sameInputs(this.lastRequest, request)) {
      this.inputsKey++;
      this.stopFollowUps();
    }
    this.lastRequest = request;
    this.coalescer.push({ ...request, revision, inputsKey: this.inputsKey });
    return revision;
  }

  /** Computes the history of the latest answer again (e.g. more snapshots have arrived). */
  refreshHistory(): void {
    const result = this.latestResult;
    if (result && result.inputsKey === this.inputsKey) this.startHistory(result.inputsKey);
  }

  whenIdle(): Promise<void> {
    return this.coalescer.whenIdle();
  }

  /** Forgets waiting requests and stops follow-ups (the workspace is being replaced). */
  reset(): void {
    this.coalescer.clear();
    this.stopFollowUps();
    this.latestResult = null;
    this.lastRequest = null;
  }

  private async run(args: EvaluateArgs): Promise<void> {
    let result: EvaluateResult;
    try {
      result = await this.session.call('evaluate', args);
    } catch (error) {
      if (!isCancelled(error)) this.listener.failed(error as Error, args.revision);
      return;
    }
    this.latestResult = result;
    // Shown from the next task: a request waiting behind this one goes to the worker first, so the
    // worker computes it while the main thread renders this answer.
    setTimeout(() => {
      if (this.latestResult === result) this.listener.result(result);
    }, 0);
    if (!this.coalescer.hasWaiting && result.inputsKey === this.inputsKey && this.followUpsFor !== result.inputsKey) this.scheduleFollowUps(result.inputsKey);
  }

  private scheduleFollowUps(inputsKey: number): void {
    this.stopFollowUps();
    this.followUpsFor = inputsKey;
    this.historyTimer = setTimeout(() => this.startHistory(inputsKey), this.quiet.historyMs);
    this.intervalsTimer = setTimeout(() => this.startIntervals(inputsKey), this.quiet.intervalsMs);
  }

  /** True while `inputsKey` is still what the user is looking at. */
  private current(inputsKey: number): boolean {
    return this.inputsKey === inputsKey;
  }

  private startHistory(inputsKey: number): void {
    this.historyTimer = null;
    this.session.call('history', { inputsKey }).then(
      (answer) => {
        if (!('superseded' in answer) && this.current(inputsKey)) this.listener.history(answer);
      },
      (error) => {
        if (!isCancelled(error) && this.current(inputsKey)) this.listener.historyFailed(error as Error);
      },
    );
  }

  /**
   * The session copies the columns of these inputs; the headline's interval comes first, then the
   * segments', the second call moving the columns rather than copying them.
   */
  private startIntervals(inputsKey: number): void {
    this.intervalsTimer = null;
    const failed = (error: unknown) => {
      if (!isCancelled(error) && this.current(inputsKey)) this.listener.intervalsFailed(error as Error);
    };
    const done = (value: IntervalResult) => {
      if (this.current(inputsKey)) this.listener.intervals(inputsKey, value);
    };
    this.session.call('intervalInput', { inputsKey }).then((input) => {
      if (!this.current(inputsKey)) return;
      this.intervalWorker.call('intervals', { ...input, part: 'overall' }).then(done, failed);
      if (input.segmentCount > 0) {
        const segments = { ...input, part: 'segments' as const };
        this.intervalWorker.call('intervals', segments, { transfer: transferablesOf(segments) }).then(done, failed);
      }
    }, failed);
  }

  private stopFollowUps(): void {
    if (this.historyTimer !== null) clearTimeout(this.historyTimer);
    if (this.intervalsTimer !== null) clearTimeout(this.intervalsTimer);
    this.historyTimer = null;
    this.intervalsTimer = null;
    this.followUpsFor = null;
    // A running bootstrap is for older inputs: stop it rather than wait a second for it.
    if (this.intervalWorker.busy) this.intervalWorker.cancel();
  }
}
