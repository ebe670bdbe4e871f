// The live back-test panel at 100k accounts: what the panel waits for after a slider move — the
// back-test worker's `evaluate` of the new draft (re-weighting its engine, labels, AUC, band table,
// calibration, curves and every segment's view), with and without a saved version as the what-if
// baseline. The worker's handlers run in process, as its component tests call them; the panel
// shows the answer when it arrives (target: ≤ 100 ms after the last input). No Python reference:
// nothing in pandas or scikit-learn does this as one step.

import { applyWeightToScorecard } from '../../shared/scoring/scorecardEdits';
import { SeededRandom } from '../../shared/random';
import { defaultAsOf } from '../../renderer/features/backtest/controlDefaults';
import { InProcessWorker, demoDataset, proposedScorecard, transferOf } from '../unit/renderer/backtest/demoSession';

const ACCOUNTS = 100_000;
const MOVES = 60;
const WARMUP = 10;

const round = (x: number) => Math.round(x * 10) / 10;

function stats(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { p50: round(at(0.5)), p95: round(at(0.95)), max: round(s[s.length - 1]) };
}

export async function runBacktestLiveBench(): Promise<Record<string, unknown>> {
  const ds = demoDataset(ACCOUNTS);
  const dates = ds.snapshots.map((s) => s.asOf);
  const asOf = defaultAsOf(dates, 90)!;
  const worker = new InProcessWorker();
  await worker.call('init', { data: transferOf(ds, dates.indexOf(asOf)) });
  const saved = proposedScorecard(ds);
  const controls = { asOf, horizonDays: 90, includeOverrides: false };
  const rng = new SeededRandom(11);
  // Segment k of the scorecard, or k = segments.length for the default segment.
  const segmentCount = saved.segments.length + 1;

  let draft = saved;
  let revision = 0;
  async function moves(withBaseline: boolean): Promise<number[]> {
    const times: number[] = [];
    for (let i = 0; i < WARMUP + MOVES; i++) {
      const metric = saved.metrics[rng.int(saved.metrics.length)];
      draft = applyWeightToScorecard(draft, rng.int(segmentCount), 'metric', metric.id, 1 + rng.int(10));
      revision++;
      const started = performance.now();
      await worker.call('evaluate', {
        revision,
        inputsKey: revision,
        scorecard: draft,
        baseline: withBaseline ? { id: 'v1', scorecard: saved } : null,
        controls,
        viewIndex: 0,
      });
      if (i >= WARMUP) times.push(performance.now() - started);
    }
    return times;
  }

  const alone = await moves(false);
  const withBaseline = await moves(true);
  return {
    accounts: ACCOUNTS,
    asOf,
    segments: segmentCount,
    moves: MOVES,
    evaluateMs: stats(alone),
    evaluateWithBaselineMs: stats(withBaseline),
    targets: { afterLastInputMs: 100, met: stats(alone).p95 <= 100 && stats(withBaseline).p95 <= 100 },
  };
}
