// Back-test statistics bench: figures for the targets of the back-test issue, next to a Python
// (scikit-learn) reference run on the same workloads (test/bench/backtest_reference.py).
//   core 1M:       AUC + band table + calibration (per segment) at 1M accounts (target ≤ 20 ms):
//                  coreStatistics, what a caller that needs no curves runs (one pass over the
//                  accounts for all three); coreSeparate: aucAndCalibration, then bandTables
//   runBacktest 1M: the full back-test (labels, AUC overall and per segment, band tables,
//                  calibration, ROC/gains curves)
//   bootstrap:     1,000 AUC resamples at 100k accounts (target ≤ 1 s); paired ΔAUC likewise
//   fit + CV:      constrained and unconstrained fits + 5-fold CV at 100k × 20 (target ≤ 3 s)
// Data are synthetic and seeded. Python is /usr/bin/python3; without scikit-learn the reference is
// reported as skipped.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { auc } from '../../shared/backtest/auc';
import { runBacktest } from '../../shared/backtest/backtest';
import { bandTables } from '../../shared/backtest/bandTable';
import { bootstrapAuc, bootstrapAucDifference } from '../../shared/backtest/bootstrap';
import { labelAccounts } from '../../shared/backtest/labels';
import { aucAndCalibration, coreStatistics } from '../../shared/backtest/scoreStatistics';
import { buildDesign, fillValues } from '../../shared/backtest/design';
import { fitLogistic } from '../../shared/backtest/logistic';
import { suggestWeights } from '../../shared/backtest/suggestWeights';
import { SeededRandom } from '../../shared/random';

interface Timing {
  medianMs: number;
  p95Ms: number;
  runs: number;
}

function timed(fn: () => unknown, runs: number, warmup = 2): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  const q = (p: number) => {
    const h = (t.length - 1) * p;
    const lo = Math.floor(h);
    return t[lo] + (h - lo) * (t[Math.min(lo + 1, t.length - 1)] - t[lo]);
  };
  return { medianMs: round(q(0.5)), p95Ms: round(q(0.95)), runs };
}

const round = (v: number) => Math.round(v * 100) / 100;

function accounts(n: number, seed: number, integers: boolean) {
  const rng = new SeededRandom(seed);
  const score = new Float64Array(n);
  const band = new Uint8Array(n);
  const segment = new Uint16Array(n);
  const arr = new Float64Array(n);
  const churnDay = new Float64Array(n).fill(Number.NaN);
  const override = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let s = Math.min(100, Math.max(0, rng.normal(60, 20)));
    if (integers) s = Math.round(s);
    const unscored = rng.next() < 0.03;
    score[i] = unscored ? Number.NaN : s;
    band[i] = unscored ? 3 : s < 40 ? 0 : s < 70 ? 1 : 2;
    segment[i] = rng.int(4);
    arr[i] = rng.next() < 0.1 ? Number.NaN : Math.round(rng.uniform(1_000, 100_000));
    if (rng.next() < 1 / (1 + Math.exp(s / 10 - 4))) churnDay[i] = 20_000 + rng.int(200);
    override[i] = rng.next() < 0.01 ? 1 : 0;
  }
  return { score, band, segment, segmentNames: ['SMB', 'Mid', 'Enterprise', 'Strategic'], arr, override, churnDay, churnedUndated: new Uint8Array(n) };
}

function features(n: number, p: number, seed: number) {
  const rng = new SeededRandom(seed);
  const values = new Float64Array(n * p);
  const y = new Uint8Array(n);
  const beta = Array.from({ length: p }, (_, j) => (j % 5 === 4 ? 0.005 : (-0.01 * ((j % 4) + 1)) / 4));
  for (let i = 0; i < n; i++) {
    let eta = -1.5;
    for (let j = 0; j < p; j++) {
      const v = Math.round(Math.min(100, Math.max(0, rng.normal(55, 25))));
      values[i * p + j] = rng.next() < 0.05 ? Number.NaN : v;
      eta += beta[j] * (v - 50);
    }
    y[i] = rng.next() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
  }
  return { x: { values, rows: n, cols: p }, y, metricNames: Array.from({ length: p }, (_, j) => `metric ${j + 1}`) };
}

function pythonReference(): Record<string, unknown> {
  // The bench runs bundled (scripts/bench.mjs) from the repository root.
  const script = [path.resolve('test/bench/backtest_reference.py')].find((file) => fs.existsSync(file));
  if (!script) return { skipped: 'backtest_reference.py not found' };
  const run = spawnSync('/usr/bin/python3', [script], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (run.error || run.status !== 0) return { skipped: `python reference unavailable: ${run.error?.message ?? run.stderr.trim().split('\n').pop()}` };
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

function ratio(ours: Timing, ref: unknown): number | null {
  const r = ref as Timing | undefined;
  return r && typeof r.medianMs === 'number' ? round(ours.medianMs / r.medianMs) : null;
}

export async function runBacktestBench(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const integers of [false, true]) {
    const d = accounts(1_000_000, 1, integers);
    const { y } = labelAccounts({ ...d }, { asOfDay: 20_050, horizonDays: 90 });
    const key = integers ? 'integerScores1M' : 'continuousScores1M';
    out[key] = {
      core: timed(() => coreStatistics(d.score, y, d), 15),
      coreSeparate: timed(() => {
        aucAndCalibration(d.score, y, d.segment, d.segmentNames);
        bandTables(d, y);
      }, 15),
      aucOnly: timed(() => auc(d.score, y), 15),
      runBacktest: timed(() => runBacktest(d, d, { asOfDay: 20_050, horizonDays: 90 }), 15),
    };
  }
  const small = accounts(100_000, 2, false);
  const { y: y100k } = labelAccounts({ ...small }, { asOfDay: 20_050, horizonDays: 90 });
  const other = small.score.map((s, i) => s + ((i * 7919) % 13) - 6);
  out.bootstrap100k = {
    auc1000: timed(() => bootstrapAuc(small.score, y100k, { resamples: 1000, seed: 1 }), 3, 1),
    pairedDifference1000: timed(() => bootstrapAucDifference(small.score, other, y100k, { resamples: 1000, seed: 1 }), 3, 1),
  };
  const f = features(100_000, 20, 3);
  const rows = Uint32Array.from({ length: f.x.rows }, (_, i) => i);
  const design = buildDesign(f.x, rows, fillValues(f.x, rows, 'mean'));
  out.weights100kx20 = {
    singleFit: timed(() => fitLogistic(design, f.y, { C: 1 }), 5, 1),
    fitAndCv5: timed(() => suggestWeights(f, { bootstrap: 0, aucResamples: 0 }), 3, 1),
    defaultWithBootstrap: timed(() => suggestWeights(f, {}), 1, 0),
  };
  const ref = pythonReference();
  out.reference = ref; // the runner then does not run the reference a second time
  const cont = out.continuousScores1M as Record<string, Timing>;
  const ints = out.integerScores1M as Record<string, Timing>;
  const w = out.weights100kx20 as Record<string, Timing>;
  out.ratios = {
    note: 'ours ÷ Python median; < 1 means faster than the reference',
    aucContinuous1M: ratio(cont.aucOnly, ref.aucContinuous1M),
    aucIntegers1M: ratio(ints.aucOnly, ref.aucIntegers1M),
    singleFit100kx20: ratio(w.singleFit, ref.logisticFit100kx20),
    fitAndCv5_100kx20: ratio(w.fitAndCv5, ref.logisticFitCv5_100kx20),
  };
  out.targets = {
    core1MUnder20ms: { continuous: cont.core.medianMs, integers: ints.core.medianMs, met: cont.core.medianMs <= 20 && ints.core.medianMs <= 20 },
    bootstrap1000At100kUnder1s: (out.bootstrap100k as Record<string, Timing>).auc1000.medianMs <= 1000,
    fitCvAt100kx20Under3s: w.fitAndCv5.medianMs <= 3000,
  };
  return out;
}
