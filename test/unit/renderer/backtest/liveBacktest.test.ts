// The live loop against hand-answered workers: coalescing (latest wins), follow-ups only once
// inputs pause, a view switch reusing the intervals and history, new inputs cancelling them.

import { describe, expect, it } from 'vitest';
import type { Scorecard } from '../../../../shared/scorecard/types';
import { type LiveListener, LiveBacktest } from '../../../../renderer/features/backtest/liveBacktest';
import type { EvaluateResult, IntervalArgs, WorkerRequest } from '../../../../renderer/features/backtest/protocol';
import { WorkerClient } from '../../../../renderer/features/backtest/workerClient';
import { ManualWorker } from './workerDoubles';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const controls = { asOf: '2026-08-01', horizonDays: 90, includeOverrides: false };
const draft = (name: string) => ({ name }) as unknown as Scorecard;

function resultOf(request: WorkerRequest): EvaluateResult {
  const args = request.args as { revision: number; inputsKey: number };
  return { revision: args.revision, inputsKey: args.inputsKey } as EvaluateResult;
}

function setUp() {
  const session = new ManualWorker();
  const intervalWorkers: ManualWorker[] = [];
  const events: string[] = [];
  const listener: LiveListener = {
    result: (r) => events.push(`result ${r.revision}`),
    failed: (e) => events.push(`failed ${e.message}`),
    history: (h) => events.push(`history ${h.inputsKey}`),
    historyFailed: (e) => events.push(`historyFailed ${e.message}`),
    intervals: (key, v) => events.push(`intervals ${key} ${v.views.length}`),
    intervalsFailed: (e) => events.push(`intervalsFailed ${e.message}`),
  };
  const live = new LiveBacktest(
    new WorkerClient('session', () => session),
    new WorkerClient('intervals', () => {
      const w = new ManualWorker();
      intervalWorkers.push(w);
      return w;
    }),
    listener,
    { historyMs: 5, intervalsMs: 10 },
  );
  const evaluations = () => session.received.filter((r) => r.method === 'evaluate').map((r) => (r.args as { revision: number }).revision);
  return { session, intervalWorkers, events, live, evaluations };
}

describe('live back-test loop', () => {
  it('sends only the latest of the requests made while the worker is busy', async () => {
    const { session, events, live, evaluations } = setUp();
    const [a, b, c] = [draft('a'), draft('b'), draft('c')];
    live.request({ scorecard: a, baseline: null, controls, viewIndex: 0 });
    live.request({ scorecard: b, baseline: null, controls, viewIndex: 0 });
    live.request({ scorecard: c, baseline: null, controls, viewIndex: 0 });
    expect(evaluations()).toEqual([1]);
    session.answer(session.last('evaluate'), resultOf(session.last('evaluate')));
    await wait(1);
    expect(evaluations()).toEqual([1, 3]);
    await wait(20);
    // Nothing slow started for the overtaken answer.
    expect(session.methods()).toEqual(['evaluate', 'evaluate']);
    session.answer(session.last('evaluate'), resultOf(session.last('evaluate')));
    await wait(4);
    expect(events).toEqual(['result 1', 'result 3']);
    await wait(20);
    expect((session.last('history').args as { inputsKey: number }).inputsKey).toBe(3);
    expect((session.last('intervalInput').args as { inputsKey: number }).inputsKey).toBe(3);
  });

  it('computes intervals in two parts, keeps them across a view switch, and stops them for new inputs', async () => {
    const { session, intervalWorkers, events, live } = setUp();
    const a = draft('a');
    live.request({ scorecard: a, baseline: null, controls, viewIndex: 0 });
    session.answer(session.last('evaluate'), resultOf(session.last('evaluate')));
    await wait(20);
    const input = { score: new Float64Array(3), y: new Uint8Array(3), segment: new Uint16Array(3), segmentCount: 2, baselineScore: null, seed: 1, resamples: 10, part: 'overall' } as IntervalArgs;
    session.answer(session.last('intervalInput'), input);
    await wait(1);
    const first = intervalWorkers[0];
    expect(first.received.map((r) => (r.args as IntervalArgs).part)).toEqual(['overall', 'segments']);
    first.answer(first.received[0], { views: [null, null, null], differences: [null, null, null] });
    await wait(1);
    expect(events).toContain('intervals 1 3');

    // Another view: same inputs, so nothing is stopped and nothing is recomputed.
    const before = session.received.length;
    live.request({ scorecard: a, baseline: null, controls, viewIndex: 2 });
    expect(first.terminated).toBe(false);
    session.answer(session.last('evaluate'), resultOf(session.last('evaluate')));
    await wait(20);
    expect(session.received.slice(before).map((r) => r.method)).toEqual(['evaluate']);
    expect((session.last('evaluate').args as { inputsKey: number }).inputsKey).toBe(1);

    // New inputs: the unfinished segment intervals are for old inputs and are stopped.
    live.request({ scorecard: a, baseline: null, controls: { ...controls, horizonDays: 60 }, viewIndex: 2 });
    expect(first.terminated).toBe(true);
    first.answer(first.received[1], { views: [null, null, null], differences: [null, null, null] });
    await wait(1);
    expect(events.filter((e) => e.startsWith('intervals'))).toEqual(['intervals 1 3']);
    expect((session.last('evaluate').args as { inputsKey: number }).inputsKey).toBe(2);
  });
});
