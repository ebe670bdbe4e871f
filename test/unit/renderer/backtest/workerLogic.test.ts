// The back-test worker's handlers, run in Node on the seeded demo book (300 accounts): the panel's
// numbers are the CLI's (runBacktest on the snapshot at T, scored as backtestInput does), nothing
// dated after T moves them, and weight changes re-weight without rebuilding the matrix.

import { beforeAll, describe, expect, it } from 'vitest';
import { runBacktest } from '../../../../shared/backtest/backtest';
import { bootstrapAuc, bootstrapAucDifference } from '../../../../shared/backtest/bootstrap';
import { rollingBacktest } from '../../../../shared/backtest/rolling';
import { suggestWeights } from '../../../../shared/backtest/suggestWeights';
import { Y_EXCLUDED } from '../../../../shared/backtest/types';
import { scoredAccountsOf } from '../../../../shared/backtestBridge';
import type { WorkspaceDataset } from '../../../../shared/dataset';
import { isoToEpochDay } from '../../../../shared/dates';
import { SeededRandom } from '../../../../shared/random';
import type { Scorecard } from '../../../../shared/scorecard/types';
import { scoringDataFromDataset } from '../../../../shared/scoring/data';
import { ScoringEngine } from '../../../../shared/scoring/engine';
import { buildSubScoreMatrix } from '../../../../shared/scoring/matrix';
import { applyWeightToScorecard } from '../../../../shared/scoring/scorecardEdits';
import { defaultAsOf } from '../../../../renderer/features/backtest/controlDefaults';
import type { BacktestControls, EvaluateResult, HistoryResult } from '../../../../renderer/features/backtest/protocol';
import { InProcessWorker, demoDataset, proposedScorecard, transferOf } from './demoSession';

let ds: WorkspaceDataset;
let scorecard: Scorecard;
let dates: string[];

beforeAll(() => {
  ds = demoDataset();
  scorecard = proposedScorecard(ds);
  dates = ds.snapshots.map((s) => s.asOf);
});

/** The CLI's back-test (backtestInput + runBacktestCli), computed here without any worker code. */
function cliBacktest(sc: Scorecard, data: WorkspaceDataset, controls: BacktestControls) {
  const index = data.snapshots.findIndex((s) => s.asOf === controls.asOf);
  const scoringData = scoringDataFromDataset(data, index);
  const engine = new ScoringEngine(sc, buildSubScoreMatrix(sc, scoringData), { applyOverrides: false });
  const arrMetric = scoringData.metrics.find((m) => m.field.name.toLowerCase() === 'arr' && m.field.kind === 'number');
  const accounts = scoredAccountsOf(engine, arrMetric && !Array.isArray(arrMetric.values) ? arrMetric.values : undefined);
  const churn = transferOf(data, index);
  const result = runBacktest(accounts, { churnDay: churn.churnDay, churnedUndated: churn.churnUndated }, {
    asOfDay: isoToEpochDay(controls.asOf),
    horizonDays: controls.horizonDays,
    includeOverrides: controls.includeOverrides,
  });
  return { engine, accounts, result };
}

async function session(data: WorkspaceDataset, asOf: string, loadAll = true): Promise<InProcessWorker> {
  const worker = new InProcessWorker();
  await worker.call('init', { data: transferOf(data, dates.indexOf(asOf)) });
  if (loadAll) for (let s = 0; s < data.snapshots.length; s++) if (dates[s] !== asOf) await worker.call('addSnapshot', { data: transferOf(data, s) });
  return worker;
}

function headline(r: EvaluateResult) {
  const { fpr, tpr } = r.views[0].curves!;
  return { labels: r.labels, curves: [[...fpr], [...tpr]], views: r.views.map((v) => ({ auc: v.auc, bands: v.bands, calibration: v.calibration, histogram: [...v.histogram] })) };
}

/** The same book with every metric of the snapshots after `asOf` replaced by noise. */
function scrambledAfter(asOf: string): WorkspaceDataset {
  const rng = new SeededRandom(99);
  return {
    ...ds,
    snapshots: ds.snapshots.map((s) =>
      s.asOf <= asOf
        ? s
        : {
            ...s,
            metrics: s.metrics.map((m) => ({ field: m.field, values: Array.isArray(m.values) ? m.values.map(() => rng.pick(['Red', 'Green', null])) : m.values.map(() => rng.uniform(0, 1e4)) })),
          },
    ),
  };
}

describe('back-test worker logic', () => {
  it('shows the AUC, band tables and calibration runBacktest gives for the snapshot at T', async () => {
    const asOf = defaultAsOf(dates, 90)!;
    expect(asOf).toBe(dates[dates.length - 4]);
    const worker = await session(ds, asOf);
    for (const controls of [
      { asOf, horizonDays: 90, includeOverrides: false },
      { asOf: dates[5], horizonDays: 60, includeOverrides: false },
      { asOf: dates[2], horizonDays: 180, includeOverrides: true },
    ]) {
      const answer = await worker.call('evaluate', { revision: 1, inputsKey: 1, scorecard, baseline: null, controls, viewIndex: 0 });
      const cli = cliBacktest(scorecard, ds, controls);
      expect(answer.views[0].curves).toEqual(cli.result.curves);
      expect(cli.result.labels.churned).toBeGreaterThan(5);
      expect(answer.views[0].auc).toEqual(cli.result.auc);
      expect(answer.labels).toEqual(cli.result.labels);
      expect(answer.views[0].bands).toEqual(cli.result.bands.overall);
      expect(answer.views[0].calibration).toEqual(cli.result.calibration.overall);
      cli.result.segmentAuc.forEach((s, k) => {
        expect(answer.views[k + 1].label).toBe(s.segment);
        expect(answer.views[k + 1].auc).toEqual(s.auc);
        expect(answer.views[k + 1].bands).toEqual(cli.result.bands.segments[k]);
      });
      // The interval worker's CI is the CLI's (same seed and resamples).
      const intervals = await worker.call('intervals', await worker.call('intervalInput', { inputsKey: 1 }));
      expect(intervals.views[0]).toEqual(bootstrapAuc(cli.accounts.score, cli.result.y, { seed: 1, resamples: 1000 }));
    }
  });

  it('does not peek: data dated after T changes nothing, data at T does', async () => {
    const asOf = dates[6];
    const controls = { asOf, horizonDays: 90, includeOverrides: false };
    const onlyT = await session(ds, asOf, false);
    const expected = headline(await onlyT.call('evaluate', { revision: 1, inputsKey: 1, scorecard, baseline: null, controls, viewIndex: 0 }));
    const later = scrambledAfter(asOf);
    const withFuture = await session(later, asOf, true);
    expect(headline(await withFuture.call('evaluate', { revision: 1, inputsKey: 1, scorecard, baseline: null, controls, viewIndex: 0 }))).toEqual(expected);
    // The control: scrambling the snapshot at T itself does move the AUC.
    const scrambledAtT = scrambledAfter(dates[5]);
    const atT = await session(scrambledAtT, asOf, false);
    const moved = await atT.call('evaluate', { revision: 1, inputsKey: 1, scorecard, baseline: null, controls, viewIndex: 0 });
    expect(moved.views[0].auc.auc).not.toBeCloseTo(expected.views[0].auc.auc, 3);
  });

  it('re-weights without rebuilding the matrix; a method change rebuilds it', async () => {
    const asOf = dates[8];
    const worker = await session(ds, asOf, false);
    const controls = { asOf, horizonDays: 90, includeOverrides: false };
    await worker.call('evaluate', { revision: 1, inputsKey: 1, scorecard, baseline: null, controls, viewIndex: 0 });
    const builds = worker.host.matrixBuilds;
    const heavier = applyWeightToScorecard(scorecard, 0, 'metric', scorecard.metrics[0].id, 9);
    const answer = await worker.call('evaluate', { revision: 2, inputsKey: 2, scorecard: heavier, baseline: null, controls, viewIndex: 0 });
    expect(worker.host.matrixBuilds).toBe(builds);
    expect(answer.views[0].auc).toEqual(cliBacktest(heavier, ds, controls).result.auc);
    const flipped: Scorecard = { ...heavier, metrics: heavier.metrics.map((m, i) => (i === 0 ? { ...m, direction: m.direction === 'higherIsBetter' ? 'lowerIsBetter' : 'higherIsBetter' } : m)) };
    const rebuilt = await worker.call('evaluate', { revision: 3, inputsKey: 3, scorecard: flipped, baseline: null, controls, viewIndex: 0 });
    expect(worker.host.matrixBuilds).toBe(builds + 1);
    expect(rebuilt.views[0].auc).toEqual(cliBacktest(flipped, ds, controls).result.auc);
  });

  it('rolls the back-test over every snapshot and yields to a newer request', async () => {
    const asOf = dates[8];
    const worker = await session(ds, asOf);
    const controls = { asOf, horizonDays: 90, includeOverrides: false };
    const answer = await worker.call('evaluate', { revision: 1, inputsKey: 1, scorecard, baseline: null, controls, viewIndex: 0 });
    const history = (await worker.call('history', { inputsKey: 1 })) as HistoryResult;
    expect(history.missingDates).toEqual([]);
    expect(history.rolling[0].map((p) => p.day)).toEqual(dates.map(isoToEpochDay));
    // T's point is the headline back-test; the others are each snapshot's own (float32) back-test.
    expect(history.rolling[0][8].auc).toEqual(answer.views[0].auc);
    const churn = transferOf(ds, 0);
    for (const s of [0, 4, 11]) {
      const engine = new ScoringEngine(scorecard, buildSubScoreMatrix(scorecard, scoringDataFromDataset(ds, s), { precision: 'float32' }), { applyOverrides: false });
      const [expected] = rollingBacktest(
        [{ day: isoToEpochDay(dates[s]), score: engine.score, band: engine.band, override: engine.overrides.mask }],
        { churnDay: churn.churnDay, churnedUndated: churn.churnUndated },
        { horizonDays: 90, dataEndDay: isoToEpochDay(dates[11]) },
      );
      expect(history.rolling[0][s]).toEqual(expected);
    }
    // Segment lines add up: churned accounts per T over the segments equal the overall line.
    for (let s = 0; s < dates.length; s++) {
      const bySegment = history.rolling.slice(1).reduce((sum, line) => sum + line[s].churned, 0);
      expect(bySegment).toBe(history.rolling[0][s].churned);
    }
    expect(history.leadTime[0].counts.churnedDated).toBeGreaterThan(0);

    const pending = worker.call('history', { inputsKey: 1 });
    await worker.call('evaluate', { revision: 2, inputsKey: 2, scorecard, baseline: null, controls, viewIndex: 0 });
    expect(await pending).toEqual({ superseded: true });
  });

  it('compares with a baseline: transitions, what-if AUC and the paired ΔAUC on the same accounts', async () => {
    const asOf = dates[8];
    const worker = await session(ds, asOf, false);
    const controls = { asOf, horizonDays: 90, includeOverrides: false };
    const same = await worker.call('evaluate', { revision: 1, inputsKey: 1, scorecard, baseline: { id: 'v1', scorecard }, controls, viewIndex: 0 });
    const diagonal = same.whatIf![0].transitions;
    expect([1, 2, 3, 4, 6, 7, 8, 9, 11, 12, 13, 14].map((c) => diagonal[c])).toEqual(new Array(12).fill(0));
    expect(diagonal.reduce((a, b) => a + b, 0)).toBe(same.labels.labelled);

    const draft = applyWeightToScorecard(applyWeightToScorecard(scorecard, 0, 'metric', scorecard.metrics[0].id, 0), 1, 'metric', scorecard.metrics[1].id, 5);
    const answer = await worker.call('evaluate', { revision: 2, inputsKey: 2, scorecard: draft, baseline: { id: 'v1', scorecard }, controls, viewIndex: 0 });
    const moves = answer.whatIf![0].transitions;
    expect(moves.reduce((a, b) => a + b, 0)).toBe(answer.labels.labelled);
    expect(answer.whatIf![0].auc).toEqual(same.views[0].auc);
    const offDiagonal = [...moves].findIndex((count, cell) => count > 0 && cell % 5 !== 0);
    expect(offDiagonal).toBeGreaterThanOrEqual(0);
    const list = await worker.call('transitionAccounts', { inputsKey: 2, from: Math.floor(offDiagonal / 4), to: offDiagonal % 4, segment: null, limit: 1000 });
    expect(list.total).toBe(moves[offDiagonal]);
    expect(list.accounts.filter((a) => a.churned).length).toBe(answer.whatIf![0].transitionsChurned[offDiagonal]);

    const intervals = await worker.call('intervals', await worker.call('intervalInput', { inputsKey: 2 }));
    const cliDraft = cliBacktest(draft, ds, controls);
    const cliBase = cliBacktest(scorecard, ds, controls);
    expect(intervals.differences[0]).toEqual(bootstrapAucDifference(cliDraft.accounts.score, cliBase.accounts.score, cliDraft.result.y, { seed: 1, resamples: 1000 }));
  });

  it('suggests weights per segment exactly as `healthscore suggest-weights` wires them', async () => {
    const asOf = dates[6];
    const worker = await session(ds, asOf, false);
    const controls = { asOf, horizonDays: 180, includeOverrides: false };
    await worker.call('evaluate', { revision: 4, inputsKey: 4, scorecard, baseline: null, controls, viewIndex: 0 });
    const features = await worker.call('featureMatrix', { inputsKey: 4 });
    const suggestions = await worker.call('suggest', { ...features, seed: 1, folds: 5 });
    const cli = cliBacktest(scorecard, ds, controls);
    const { matrix } = cli.engine;
    const n = matrix.accountCount;
    const p = matrix.columns.length;
    const x = new Float64Array(n * p);
    for (let j = 0; j < p; j++) for (let i = 0; i < n; i++) x[i * p + j] = matrix.columns[j][i];
    expect(suggestions.map((s) => s.segment)).toEqual([...cli.accounts.segmentNames]);
    const k = suggestions.findIndex((s) => s.suggestion !== null);
    expect(k).toBeGreaterThanOrEqual(0);
    const y = Uint8Array.from(cli.result.y, (v, i) => (cli.accounts.segment[i] === k ? v : Y_EXCLUDED));
    const expected = suggestWeights({ x: { values: x, rows: n, cols: p }, metricNames: matrix.metricIds, y }, { seed: 1, folds: 5 });
    expect(suggestions[k].suggestion).toEqual(expected);
    expect(suggestions[k].currentAuc).toBe(cli.result.segmentAuc[k].auc.auc);
  });
});
