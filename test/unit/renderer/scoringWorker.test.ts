// The scoring worker's logic and its client, in process: summaries equal a fresh engine's after
// incremental, whole-scorecard and structural changes; coalescing keeps only the newest scorecard
// while the worker is busy; queries, drops, explanations and history answer from the draft.

import { afterEach, describe, expect, it } from 'vitest';
import { ScoringClient } from '../../../renderer/features/scoring/scoringClient';
import type { DistributionSummary, WorkerRequest } from '../../../renderer/features/scoring/protocol';
import { planUpdate } from '../../../renderer/features/scoring/updatePlan';
import { ScoringWorkerHost } from '../../../renderer/features/scoring/workerHandlers';
import type { Scorecard } from '../../../shared/scorecard/types';
import { applyWeightEdits } from '../../../renderer/features/designer/weightTree';
import { SNAPSHOT_DATES, generateAccounts } from './fakeApi';
import { fakeScorecard, fakeScoringTransfer } from './fakeScoringData';
import { bandTotals, engineFor } from './scoringExpectations';

const rows = generateAccounts(3_000);

/** A worker stand-in whose answers wait until the test releases them. */
function heldWorker() {
  const host = new ScoringWorkerHost();
  const held: (() => void)[] = [];
  const sent: WorkerRequest[] = [];
  const worker = {
    onmessage: null as ((e: MessageEvent) => void) | null,
    onerror: null,
    hold: false,
    postMessage(message: unknown) {
      const request = structuredClone(message) as WorkerRequest;
      sent.push(request);
      const answer = () => worker.onmessage?.({ data: host.handle(request).response } as MessageEvent);
      if (worker.hold) held.push(answer);
      else setTimeout(answer, 0);
    },
    terminate() {},
  };
  return { worker, sent, release: () => held.splice(0).forEach((a) => a()) };
}

function loadArgs(sc: Scorecard) {
  return { current: fakeScoringTransfer(rows)!, previous: fakeScoringTransfer(rows, SNAPSHOT_DATES[10])!, scorecard: sc, bins: 100 };
}

const totalsOf = (s: DistributionSummary) => s.total.counts;
const withWeight = (sc: Scorecard, seg: number, id: string, w: number) => applyWeightEdits(sc, seg, [{ kind: 'metric', id, weight: w }]);

let client: ScoringClient | null = null;
afterEach(() => client?.dispose());

describe('scoring client and worker', () => {
  it('loads, then applies weight edits incrementally and other edits whole, matching a fresh engine', async () => {
    const applied: (DistributionSummary | null)[] = [];
    const { worker, sent } = heldWorker();
    client = new ScoringClient({ applied: (s) => applied.push(s), failed: (e) => { throw e; } }, () => worker);
    const sc = fakeScorecard();
    const loaded = await client.load(loadArgs(sc), []);
    expect(totalsOf(loaded)).toEqual(bandTotals(engineFor(rows, sc).current));

    const heavierSeats = withWeight(sc, 0, 'seats', 4);
    client.update(heavierSeats, 7);
    await client.whenIdle();
    expect(sent.at(-1)).toMatchObject({ method: 'setWeights', args: { changes: [{ segmentId: 'enterprise', kind: 'metric', id: 'seats', weight: 4 }] } });
    expect(totalsOf(applied.at(-1)!)).toEqual(bandTotals(engineFor(rows, heavierSeats).current));

    const stricter = { ...heavierSeats, thresholds: { red: 45, green: 60 } };
    client.update(stricter);
    await client.whenIdle();
    expect(sent.at(-1)?.method).toBe('setScorecard');
    expect(totalsOf(applied.at(-1)!)).toEqual(bandTotals(engineFor(rows, stricter).current));

    // A new method changes the matrix: the worker rebuilds it.
    const banded = { ...stricter, metrics: stricter.metrics.map((m) => (m.id === 'nps' ? { ...m, method: { type: 'bands' as const, bands: [{ min: 9, score: 100 }, { min: 7, score: 50 }], otherwise: 0 } } : m)) };
    client.update(banded);
    await client.whenIdle();
    expect(totalsOf(applied.at(-1)!)).toEqual(bandTotals(engineFor(rows, banded).current));
  });

  it('coalesces updates while the worker is busy: the newest wins and nothing queues up', async () => {
    const applied: { summary: DistributionSummary | null; tag: number | null }[] = [];
    const { worker, sent, release } = heldWorker();
    client = new ScoringClient({ applied: (summary, tag) => applied.push({ summary, tag }), failed: (e) => { throw e; } }, () => worker);
    const sc = fakeScorecard();
    await client.load(loadArgs(sc), []);
    worker.hold = true;
    const before = sent.length;
    let last = sc;
    for (let step = 1; step <= 60; step++) {
      last = withWeight(sc, 2, 'logins', 1 + step / 10);
      client.update(last, step);
    }
    // One request in flight, the other 59 positions folded into one pending scorecard.
    expect(sent.length - before).toBe(1);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(sent.length - before).toBe(2);
    release();
    await client.whenIdle();
    expect(applied.map((a) => a.tag)).toEqual([1, 60]);
    expect(sent.at(-1)).toMatchObject({ method: 'setWeights', args: { changes: [{ segmentId: 'smb', id: 'logins', weight: 7 }] } });
    expect(totalsOf(applied.at(-1)!.summary!)).toEqual(bandTotals(engineFor(rows, last).current));
  });

  it('plans no request when nothing the engine reads changed', () => {
    const sc = fakeScorecard();
    const sameValue = withWeight(sc, 0, 'logins', 1);
    expect(planUpdate(sc, sameValue)).toEqual({ kind: 'none' });
    expect(planUpdate(sc, { ...sc, name: 'renamed' }).kind).toBe('scorecard');
    const many = applyWeightEdits(sc, 3, ['logins', 'seats', 'nps'].map((id, i) => ({ kind: 'metric' as const, id, weight: i + 2 })));
    expect(planUpdate(sc, many)).toMatchObject({ kind: 'weights' });
    const everywhere = [0, 1, 2, 3].reduce((s, k) => applyWeightEdits(s, k, [{ kind: 'metric', id: 'nps', weight: 5 }, { kind: 'metric', id: 'seats', weight: 2 }]), sc);
    expect(planUpdate(sc, everywhere).kind).toBe('scorecard');
  });

  it('answers pages, drops, explanations and history from the draft', async () => {
    const host = new ScoringWorkerHost();
    const sc = fakeScorecard();
    const call = (method: WorkerRequest['method'], args: unknown) => {
      const { response } = host.handle({ id: 1, method, args } as WorkerRequest);
      if (!response.ok) throw new Error(response.error);
      return response.result as never;
    };
    call('load', loadArgs(sc));
    const { current, previous } = engineFor(rows, sc);

    const page = call('queryAccounts', { offset: 0, limit: 5, sort: { column: 'score', direction: 'desc' }, search: '', segmentId: null, bands: [0] }) as {
      total: number;
      rows: { index: number; score: number }[];
    };
    expect(page.total).toBe(bandTotals(current)[0]);
    const reds = Array.from(current.score).filter((s, i) => current.band[i] === 0).sort((a, b) => b - a);
    expect(page.rows.map((r) => r.score)).toEqual(reds.slice(0, 5));

    const drops = call('biggestDrops', { segmentId: null, crossing: 'yellowToRed', limit: 1000 }) as { index: number; change: number }[];
    const expected = Array.from(current.score.keys()).filter((i) => previous.band[i] === 1 && current.band[i] === 0 && current.score[i] < previous.score[i]);
    expect(drops.map((d) => d.index).sort((a, b) => a - b)).toEqual(expected);
    expect(drops.every((d, k) => k === 0 || drops[k - 1].change <= d.change)).toBe(true);

    const i = page.rows[0].index;
    const detail = call('explain', { index: i }) as { explanation: { finalScore: number; weightedScore: number; metrics: { contribution: number }[] } };
    const sum = detail.explanation.metrics.reduce((t, m) => t + m.contribution, 0);
    expect(sum).toBeCloseTo(detail.explanation.weightedScore, 9);
    expect(detail.explanation.finalScore).toBeCloseTo(current.score[i], 9);

    const first = call('history', { index: i }) as { needSnapshots: string[] };
    expect(first.needSnapshots).toEqual(SNAPSHOT_DATES.slice(0, 10));
    for (const asOf of first.needSnapshots) call('addSnapshot', { data: fakeScoringTransfer(rows, asOf) });
    const history = call('history', { index: i }) as { points: { asOf: string; score: number | null }[] };
    expect(history.points.map((p) => p.asOf)).toEqual(SNAPSHOT_DATES);
    expect(history.points.at(-1)!.score).toBeCloseTo(current.score[i], 9);
    expect(history.points.at(-2)!.score).toBeCloseTo(previous.score[i], 9);
  });
});
