// Cross-checks against independent references (scikit-learn, pandas, scipy) on data they do not
// share code with: AUC to 1e-12, band table and calibration exactly, logistic coefficients to 1e-4.

import { describe, expect, it } from 'vitest';
import { auc, aucBySegment, weightedAucFromOrder } from '../../../shared/backtest/auc';
import { type BandTable, bandTables } from '../../../shared/backtest/bandTable';
import { type CalibrationBin, calibrations } from '../../../shared/backtest/calibration';
import { buildDesign, fillValues } from '../../../shared/backtest/design';
import { labelAccounts } from '../../../shared/backtest/labels';
import { fitLogistic } from '../../../shared/backtest/logistic';
import { coreStatistics } from '../../../shared/backtest/scoreStatistics';
import { sortScores } from '../../../shared/backtest/scoreOrder';
import { SeededRandom } from '../../../shared/random';
import { useTempDirs } from '../../helpers/tempDir';
import { synthetic } from './fixtures';
import { type ReferenceCase, num, requirePython, runReference } from './python';

const available = requirePython('back-test reference');
const tempDir = useTempDirs();

function labelled(n: number, seed: number, o: Parameters<typeof synthetic>[2] = {}) {
  const d = synthetic(n, seed, o);
  const { y } = labelAccounts({ ...d, band: d.band, override: d.override }, { asOfDay: d.asOfDay, horizonDays: 90 });
  return { d, y };
}

/** Exact equality with NaN = NaN (pandas' 0/0). */
function same(actual: number, expected: number | null): boolean {
  const e = num(expected);
  return Object.is(actual, e) || actual === e || (actual !== actual && e !== e);
}

describe.skipIf(!available)('AUC vs sklearn roc_auc_score(y, −score)', () => {
  const sizes = [2, 7, 50, 1_000, 20_000, 200_000];
  const variants = [
    { label: 'integers (many ties)', decimals: 0 },
    { label: 'one decimal', decimals: 1 },
    { label: 'continuous', decimals: undefined },
  ];

  it('agrees to 1e-12 at several sizes, with ties, overall and per segment', () => {
    const cases: ReferenceCase[] = [];
    const ours: Record<string, { auc: number; segments: number[] }> = {};
    let seed = 1;
    for (const n of sizes) {
      for (const v of variants) {
        const { d, y } = labelled(n, seed++, { decimals: v.decimals, segments: 3, emptySegment: n > 100 });
        const name = `${v.label} n=${n}`;
        cases.push({ name, params: { segments: 3 }, arrays: { y, score: d.score, segment: d.segment } });
        const r = aucBySegment(d.score, y, d.segment, 3);
        ours[name] = { auc: r.overall.auc, segments: r.segments.map((s) => s.auc) };
        expect(auc(d.score, y).auc).toBe(r.overall.auc);
        expect(coreStatistics(d.score, y, d).auc.auc).toBe(r.overall.auc);
      }
    }
    const ref = runReference('auc_ref.py', cases, tempDir());
    let maxDiff = 0;
    let compared = 0;
    for (const c of cases) {
      const mine = ours[c.name];
      const theirs = ref[c.name];
      const pairs: [number, number | null][] = [[mine.auc, theirs.auc], ...mine.segments.map((s, k): [number, number | null] => [s, theirs.segments[k]])];
      for (const [a, b] of pairs) {
        if (b === null) {
          expect(a, c.name).toBeNaN();
          continue;
        }
        maxDiff = Math.max(maxDiff, Math.abs(a - b));
        compared++;
      }
    }
    console.info(`AUC vs sklearn: ${compared} values, max |diff| = ${maxDiff.toExponential(2)}`);
    expect(compared).toBeGreaterThan(30);
    expect(maxDiff).toBeLessThanOrEqual(1e-12);
  });

  it('weighted AUC equals sklearn with sample_weight (bootstrap counts)', () => {
    const rng = new SeededRandom(5);
    const cases: ReferenceCase[] = [];
    const ours: Record<string, number> = {};
    for (const n of [30, 5_000]) {
      const { d, y } = labelled(n, 40 + n, { decimals: 0 });
      const weight = new Float64Array(n);
      for (let i = 0; i < n; i++) weight[rng.int(n)]++;
      const name = `n=${n}`;
      cases.push({ name, arrays: { y, score: d.score, weight } });
      ours[name] = weightedAucFromOrder(sortScores(d.score, y), y, weight);
    }
    const ref = runReference('auc_ref.py', cases, tempDir());
    for (const c of cases) expect(Math.abs(ours[c.name] - ref[c.name].auc)).toBeLessThanOrEqual(1e-12);
  });
});

describe.skipIf(!available)('band table vs pandas groupby', () => {
  it('matches exactly, overall and per segment (whole-dollar and cent ARR, an empty segment)', () => {
    const cases: ReferenceCase[] = [];
    const ours: Record<string, ReturnType<typeof bandTables>> = {};
    let seed = 100;
    for (const n of [1, 40, 3_000, 100_000]) {
      for (const wholeArr of [true, false]) {
        const { d, y } = labelled(n, seed++, { wholeArr, segments: 4, emptySegment: true });
        const name = `n=${n} ${wholeArr ? 'whole' : 'cents'}`;
        cases.push({ name, params: { segments: 4 }, arrays: { band: d.band, segment: d.segment, arr: d.arr, y } });
        ours[name] = bandTables(d, y);
        // The one-pass route (scoreStatistics.ts) gives the same tables, so it too equals pandas.
        expect(coreStatistics(d.score, y, d).bands).toEqual(ours[name]);
      }
    }
    const ref = runReference('band_table_ref.py', cases, tempDir());
    const mismatches: string[] = [];
    let checked = 0;
    for (const c of cases) {
      const mine = ours[c.name];
      const theirs = ref[c.name];
      const tables: [BandTable, any][] = [[mine.overall, theirs.overall], ...mine.segments.map((t, k): [BandTable, any] => [t, theirs.segments[k]])];
      tables.forEach(([m, t], ti) => {
        m.rows.forEach((row, b) => {
          for (const key of ['accounts', 'churned', 'churnRate', 'lift', 'recall', 'arr', 'churnedArr'] as const) {
            checked++;
            if (!same(row[key], t.rows[b][key])) mismatches.push(`${c.name} table ${ti} ${row.band}.${key}: ${row[key]} vs ${t.rows[b][key]}`);
          }
        });
        for (const key of ['accounts', 'churned', 'churnRate', 'arr', 'churnedArr'] as const) {
          checked++;
          if (!same(m.total[key], t.total[key])) mismatches.push(`${c.name} table ${ti} total.${key}: ${m.total[key]} vs ${t.total[key]}`);
        }
      });
    }
    console.info(`band table vs pandas: ${checked} values, ${mismatches.length} mismatches`);
    expect(mismatches).toEqual([]);
  });
});

describe.skipIf(!available)('calibration vs pandas cut + groupby', () => {
  it('matches exactly, including scores on and just below the decile boundaries', () => {
    const cases: ReferenceCase[] = [];
    const ours: Record<string, ReturnType<typeof calibrations>> = {};
    let seed = 200;
    for (const n of [5, 2_000, 100_000]) {
      for (const decimals of [0, undefined]) {
        const { d, y } = labelled(n, seed++, { decimals, segments: 3, emptySegment: true });
        // Boundary values and their neighbours.
        for (let k = 0; k <= 10 && k < n; k++) d.score[k] = k % 2 ? 10 * k : 10 * k - 1e-14 * k;
        if (n > 30) d.score[20] = 29.999999999999996;
        const name = `n=${n} ${decimals === undefined ? 'continuous' : 'integers'}`;
        cases.push({ name, params: { segments: 3 }, arrays: { score: d.score, segment: d.segment, y } });
        ours[name] = calibrations(d.score, y, d.segment, d.segmentNames);
        expect(coreStatistics(d.score, y, d).calibration).toEqual(ours[name]);
      }
    }
    const ref = runReference('calibration_ref.py', cases, tempDir());
    const mismatches: string[] = [];
    for (const c of cases) {
      const mine = ours[c.name];
      const theirs = ref[c.name];
      const all: [CalibrationBin[], any][] = [[mine.overall, theirs.overall], ...mine.segments.map((s, k): [CalibrationBin[], any] => [s.bins, theirs.segments[k]])];
      all.forEach(([m, t], ti) =>
        m.forEach((bin, dIx) => {
          for (const key of ['accounts', 'churned', 'churnRate'] as const) {
            if (!same(bin[key], t[dIx][key])) mismatches.push(`${c.name} ${ti} decile ${dIx} ${key}: ${bin[key]} vs ${t[dIx][key]}`);
          }
        }),
      );
    }
    expect(mismatches).toEqual([]);
  });
});

/** Sub-scores 0–100 with missing values; churn driven by some metrics up and one down. */
function logisticData(n: number, p: number, seed: number) {
  const rng = new SeededRandom(seed);
  const x = new Float64Array(n * p);
  const y = new Uint8Array(n);
  const beta = Array.from({ length: p }, (_, j) => (j === p - 1 ? 0.01 : -0.03 * (j + 1) / p));
  for (let i = 0; i < n; i++) {
    let eta = 0.5;
    for (let j = 0; j < p; j++) {
      const v = Math.round(Math.min(100, Math.max(0, rng.normal(55, 25))));
      x[i * p + j] = rng.next() < 0.05 ? Number.NaN : v;
      eta += beta[j] * (v - 50);
    }
    y[i] = rng.next() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
  }
  return { x: { values: x, rows: n, cols: p }, y };
}

describe.skipIf(!available)('logistic regression vs sklearn and scipy', () => {
  it('unconstrained coefficients match LogisticRegression within 1e-4 relative; constrained match L-BFGS-B', () => {
    const Cs = [0.001, 0.1, 1, 100];
    const cases: ReferenceCase[] = [];
    const data = [
      { name: 'n=400 p=3', ...logisticData(400, 3, 1) },
      { name: 'n=5000 p=8', ...logisticData(5_000, 8, 2) },
    ];
    for (const dt of data) cases.push({ name: dt.name, params: { C: Cs }, arrays: { x: { data: dt.x.values, shape: [dt.x.rows, dt.x.cols] }, y: dt.y } });
    const ref = runReference('logistic_ref.py', cases, tempDir());
    let maxRel = 0;
    let maxRelScipy = 0;
    let maxRelConstrained = 0;
    type Ref = { C: number; coef: number[]; intercept: number; scipyCoef: number[]; scipyIntercept: number; constrainedCoef: number[]; constrainedIntercept: number };
    // Relative difference per coefficient (floored at 1e-3 of the largest, so a near-zero one is
    // not divided by ~0), and of the intercept relative to the largest parameter.
    const rel = (a: ArrayLike<number>, ai: number, b: number[], bi: number) => {
      const scale = Math.max(...b.map(Math.abs), Math.abs(bi), 1e-12);
      let m = Math.abs(ai - bi) / scale;
      for (let j = 0; j < b.length; j++) m = Math.max(m, Math.abs(a[j] - b[j]) / Math.max(Math.abs(b[j]), 1e-3 * scale));
      return m;
    };
    for (const dt of data) {
      const rows = Uint32Array.from({ length: dt.x.rows }, (_, i) => i);
      const design = buildDesign(dt.x, rows, fillValues(dt.x, rows, 'mean'));
      ref[dt.name].forEach((r: Ref) => {
        const free = fitLogistic(design, dt.y, { C: r.C });
        const held = fitLogistic(design, dt.y, { C: r.C, nonNegativeHealth: true });
        expect(free.converged && held.converged).toBe(true);
        maxRel = Math.max(maxRel, rel(free.coef, free.intercept, r.coef, r.intercept));
        maxRelScipy = Math.max(maxRelScipy, rel(free.coef, free.intercept, r.scipyCoef, r.scipyIntercept));
        maxRelConstrained = Math.max(maxRelConstrained, rel(held.coef, held.intercept, r.constrainedCoef, r.constrainedIntercept));
        for (const c of held.coef) expect(c).toBeLessThanOrEqual(0);
      });
    }
    console.info(
      `logistic: max relative diff vs sklearn lbfgs ${maxRel.toExponential(2)}, vs scipy L-BFGS-B ${maxRelScipy.toExponential(2)}; ` +
        `constrained vs L-BFGS-B with bounds ${maxRelConstrained.toExponential(2)}`,
    );
    expect(maxRel).toBeLessThanOrEqual(1e-4);
    expect(maxRelScipy).toBeLessThanOrEqual(1e-6);
    expect(maxRelConstrained).toBeLessThanOrEqual(1e-6);
  });
});
