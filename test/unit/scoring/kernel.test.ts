// The WebAssembly SIMD kernel against the TypeScript loops it mirrors: two engines on one matrix,
// one with the kernel and one without, through random scorecards, data and weight changes. The
// kernel does the same f64 operations in the same order, so scores must be bit-equal.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScoringEngine } from '../../../shared/scoring/engine';
import { buildSubScoreMatrix } from '../../../shared/scoring/matrix';
import { SeededRandom } from '../../../shared/random';
import { card, linearMetric, makeData } from './helpers';

function sameNumbers(label: string, a: ArrayLike<number>, b: ArrayLike<number>): void {
  expect(a.length, label).toBe(b.length);
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (!(Object.is(x, y) || (x !== x && y !== y))) expect.fail(`${label}[${i}]: kernel ${x} ≠ scalar ${y}`);
  }
}

function sameOutputs(when: string, simd: ScoringEngine, scalar: ScoringEngine): void {
  sameNumbers(`${when} score`, simd.score, scalar.score);
  sameNumbers(`${when} band`, simd.band, scalar.band);
  sameNumbers(`${when} bandCounts`, simd.bandCounts, scalar.bandCounts);
  sameNumbers(`${when} segmentHistograms`, simd.segmentHistograms, scalar.segmentHistograms);
  sameNumbers(`${when} histogram`, simd.histogram, scalar.histogram);
  sameNumbers(`${when} coverage`, simd.coverage(), scalar.coverage());
}

const caseArb = fc
  .record({
    n: fc.integer({ min: 1, max: 70 }),
    m: fc.integer({ min: 1, max: 7 }),
    precision: fc.constantFrom('float32' as const, 'float64' as const),
    minCoverage: fc.constantFrom(0, 0.4, 0.9),
    bins: fc.integer({ min: 1, max: 60 }),
    adjustment: fc.boolean(),
    // Segments as contiguous runs (sequential loads) or interleaved (gathers through the row lists).
    // 'mixed': a dense default segment (recomputed masked over its span) among two sparse ones.
    segments: fc.constantFrom('none', 'runs', 'interleaved', 'mixed'),
    // Rarely a policy or group the kernel leaves to the scalar loops.
    policy: fc.constantFrom('redistribute', 'redistribute', 'redistribute', 'zero'),
    grouped: fc.constantFrom(false, false, false, true),
    // Overrides leave scoring to the scalar loops and the tally to the kernel.
    overrides: fc.constantFrom(false, false, false, true),
  })
  .chain((b) =>
    fc.record({
      base: fc.constant(b),
      cells: fc.array(
        fc.array(fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 6, arbitrary: fc.double({ min: -10, max: 110, noNaN: true }) }), {
          minLength: b.n,
          maxLength: b.n,
        }),
        { minLength: b.m, maxLength: b.m },
      ),
      weights: fc.array(fc.integer({ min: 0, max: 12 }).map((x) => x / 4), { minLength: b.m, maxLength: b.m }),
      flags: fc.array(fc.boolean(), { minLength: b.n, maxLength: b.n }),
      changes: fc.array(
        fc.record({ metric: fc.nat(), weight: fc.oneof(fc.integer({ min: 0, max: 40 }).map((x) => x / 8), fc.double({ min: 0.001, max: 1000, noNaN: true })), segment: fc.nat() }),
        { maxLength: 80 },
      ),
    }),
  );

describe('WebAssembly SIMD kernel', () => {
  it('is available here, and runs for an ungrouped redistribute scorecard', () => {
    const sc = card({ metrics: [linearMetric('a'), linearMetric('b')] });
    const matrix = buildSubScoreMatrix(sc, makeData({ metrics: { a: [10, 20, null, 40, 50], b: [1, null, 3, 4, 5] } }), { precision: 'float32' });
    expect(matrix.wasm).toBeTruthy();
    expect(new ScoringEngine(sc, matrix).kernelActive).toBe(true);
    expect(new ScoringEngine(sc, matrix, { kernel: false }).kernelActive).toBe(false);
  });

  it('gives bit-equal scores, bands, counts and histograms to the TypeScript loops', () => {
    let gathered = 0;
    let masked = 0;
    fc.assert(
      fc.property(caseArb, ({ base, cells, weights, flags, changes }) => {
        const ids = cells.map((_, j) => `m${j}`);
        const segOf = (i: number) =>
          base.segments === 'runs' ? (i < base.n / 3 ? 'x' : i < (2 * base.n) / 3 ? 'y' : 'z') : base.segments === 'mixed' ? ['x', 'z', 'z', 'y', 'z'][i % 5] : ['x', 'y', 'z'][i % 3];
        const sc = card({
          metrics: ids.map((id, j) => linearMetric(id, { weight: j === 0 ? weights[j] + 0.25 : weights[j], ...(base.grouped && j < 2 ? { group: 'g' } : {}) })),
          groups: base.grouped ? [{ id: 'g', label: 'G', weight: 2 }] : [],
          missingPolicy: base.policy,
          minCoverage: base.minCoverage,
          segments: base.segments === 'none' ? [] : [{ id: 'sx', label: 'X', when: [{ attribute: 'seg', operator: 'eq', value: 'x' }] }, { id: 'sy', label: 'Y', when: [{ attribute: 'seg', operator: 'eq', value: 'y' }] }],
          adjustments: base.adjustment ? [{ id: 'adj', label: 'Adj', when: { attribute: 'flag', operator: 'eq', value: 'yes' }, points: -15 }] : [],
          overrides: base.overrides
            ? [
                { accountKey: 'A0', score: 71, reason: 'r', expires: '2099-01-01' },
                ...(base.n > 1 ? [{ accountKey: `A${base.n - 1}`, band: 'yellow', reason: 'r', expires: '2099-01-01' }] : []),
              ]
            : [],
        });
        const data = makeData({
          metrics: Object.fromEntries(ids.map((id, j) => [id, cells[j]])),
          attributes: { seg: Array.from({ length: base.n }, (_, i) => segOf(i)), flag: flags.map((f) => (f ? 'yes' : 'no')) },
        });
        const matrix = buildSubScoreMatrix(sc, data, { precision: base.precision });
        const simd = new ScoringEngine(sc, matrix, { bins: base.bins });
        const scalar = new ScoringEngine(sc, matrix, { bins: base.bins, kernel: false });
        const compare = (when: string) => sameOutputs(when, simd, scalar);
        compare('initial');
        // The kernel, not a fallback, must be what the scalar loops are compared with.
        const served = base.policy === 'redistribute' && !base.grouped && !base.overrides;
        for (const [k, id] of matrix.segmentIds.entries()) {
          const rows = matrix.segmentRows[k];
          const run = rows.length > 0 && rows[rows.length - 1] - rows[0] === rows.length - 1;
          expect(simd.kernelPath(id), id).toBe(served ? (run ? 'run' : 'gather') : null);
          if (served && !run && rows.length >= 4) gathered++;
          if (simd.recomputePath(id) === 'masked') masked++;
        }
        changes.forEach((c, step) => {
          const segmentId = matrix.segmentIds[c.segment % matrix.segmentIds.length];
          const metricId = ids[c.metric % ids.length];
          simd.setMetricWeight(segmentId, metricId, c.weight);
          scalar.setMetricWeight(segmentId, metricId, c.weight);
          compare(`after change ${step}`);
        });
        simd.recomputeAll();
        scalar.recomputeAll();
        compare('after recomputeAll');
        // Thresholds alone: both engines band the scores they have again.
        const moved = { ...simd.scorecard, thresholds: { red: 35.5, green: 64 } };
        simd.setScorecard(moved);
        scalar.setScorecard(moved);
        compare('after a threshold change');
      }),
      { numRuns: 150 },
    );
    expect(gathered, 'interleaved segments scored by gathers').toBeGreaterThan(20);
    expect(masked, 'dense interleaved segments recomputed masked').toBeGreaterThan(10);
  });

  // The kernel works in blocks of 512 accounts and sweeps float32 columns four at a time: runs
  // longer than a block, starting off any block boundary, and term counts that are not a multiple of 4.
  // Interleaved, the segments' row lists are gathered four rows at a time, the ≤ 3 left by the scalar loops.
  it.each([
    ['float32', 'runs'],
    ['float64', 'runs'],
    ['float32', 'interleaved'],
    ['float64', 'interleaved'],
  ] as const)('is bit-equal across blocks and term groups (%s, %s)', (precision, layout) => {
    const rng = new SeededRandom(11);
    const n = 2900;
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const cell = () => (rng.next() < 0.1 ? null : Math.round(rng.uniform(-10, 110) * 100) / 100);
    const sc = card({
      metrics: ids.map((id, j) => linearMetric(id, { weight: 1 + j * 0.75 })),
      minCoverage: 0.6,
      segments: [{ id: 'sx', label: 'X', when: [{ attribute: 'seg', operator: 'eq', value: 'x' }] }],
      adjustments: [{ id: 'adj', label: 'Adj', when: { attribute: 'flag', operator: 'eq', value: 'yes' }, points: -15 }],
    });
    const data = makeData({
      metrics: Object.fromEntries(ids.map((id) => [id, Array.from({ length: n }, cell)])),
      attributes: { seg: Array.from({ length: n }, (_, i) => (layout === 'runs' ? i < 333 : rng.next() < 0.3) ? 'x' : 'y'), flag: Array.from({ length: n }, () => (rng.next() < 0.2 ? 'yes' : 'no')) },
    });
    const matrix = buildSubScoreMatrix(sc, data, { precision });
    const simd = new ScoringEngine(sc, matrix, { bins: 37 });
    const scalar = new ScoringEngine(sc, matrix, { bins: 37, kernel: false });
    for (const id of matrix.segmentIds) expect(simd.kernelPath(id)).toBe(layout === 'runs' ? 'run' : 'gather');
    // Interleaved, the sparse segment (30 %) is recomputed by the scalar loops, the dense default
    // one (70 %) masked over its span, across blocks.
    expect(matrix.segmentIds.map((id) => simd.recomputePath(id))).toEqual(layout === 'runs' ? ['run', 'run'] : [null, 'masked']);
    sameOutputs('initial', simd, scalar);
    for (let step = 0; step < 12; step++) {
      const segmentId = matrix.segmentIds[step % 2];
      const metricId = ids[step % ids.length];
      const weight = 0.5 + rng.next() * 4;
      simd.setMetricWeight(segmentId, metricId, weight);
      scalar.setMetricWeight(segmentId, metricId, weight);
      sameOutputs(`after change ${step}`, simd, scalar);
    }
    simd.recomputeAll();
    scalar.recomputeAll();
    sameOutputs('after recomputeAll', simd, scalar);
  });
});
