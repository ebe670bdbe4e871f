import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveWeights, resolveSegmentWeights } from '../../../shared/scorecard/resolve';
import type { Scorecard } from '../../../shared/scorecard/types';
import { validateScorecard } from '../../../shared/scorecard/validate';
import { ScoringEngine } from '../../../shared/scoring/engine';
import { buildSubScoreMatrix } from '../../../shared/scoring/matrix';
import { makeData, maxDiff, naiveScores } from './helpers';

const POLICIES = ['redistribute', 'zero', 'neutral'] as const;

/** Slider-like weights: 0, "notApplicable", or multiples of 0.5 up to 10. */
const weightArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant<number | 'notApplicable'>(0) },
  { weight: 1, arbitrary: fc.constant<number | 'notApplicable'>('notApplicable') },
  { weight: 8, arbitrary: fc.integer({ min: 1, max: 20 }).map((x) => x / 2) },
);
const cellArb = (missingRate: number) =>
  fc.oneof({ weight: missingRate, arbitrary: fc.constant(null) }, { weight: 10 - missingRate, arbitrary: fc.double({ min: -20, max: 120, noNaN: true }) });

interface World {
  sc: Scorecard;
  metrics: Record<string, (number | null)[]>;
  seg: string[];
}

function worldArb(opts: { missingRate?: number; maxAccounts?: number } = {}): fc.Arbitrary<World> {
  const missingRate = opts.missingRate ?? 2;
  return fc
    .record({
      n: fc.integer({ min: 1, max: opts.maxAccounts ?? 25 }),
      m: fc.integer({ min: 1, max: 5 }),
      groupCount: fc.integer({ min: 0, max: 2 }),
      policy: fc.constantFrom(...POLICIES),
      minCoverage: fc.constantFrom(0, 0.3, 0.5, 0.8),
      segmented: fc.boolean(),
      seed: fc.integer(),
    })
    .chain((b) =>
      fc.record({
        base: fc.constant(b),
        groupOf: fc.array(fc.integer({ min: -1, max: b.groupCount - 1 }), { minLength: b.m, maxLength: b.m }),
        metricPolicy: fc.array(fc.constantFrom(undefined, ...POLICIES), { minLength: b.m, maxLength: b.m }),
        lowerIsBetter: fc.array(fc.boolean(), { minLength: b.m, maxLength: b.m }),
        weights: fc.array(weightArb, { minLength: b.m, maxLength: b.m }),
        segWeights: fc.array(weightArb, { minLength: b.m, maxLength: b.m }),
        groupWeights: fc.array(weightArb, { minLength: 2, maxLength: 2 }),
        segGroupWeights: fc.array(weightArb, { minLength: 2, maxLength: 2 }),
        cells: fc.array(fc.array(cellArb(missingRate), { minLength: b.n, maxLength: b.n }), { minLength: b.m, maxLength: b.m }),
        seg: fc.array(fc.constantFrom('x', 'y'), { minLength: b.n, maxLength: b.n }),
      }),
    )
    .map((w): World | null => {
      const { base } = w;
      const ids = Array.from({ length: base.m }, (_, j) => `m${j}`);
      const groups = Array.from({ length: base.groupCount }, (_, g) => ({ id: `g${g}`, label: `G${g}`, weight: w.groupWeights[g] }));
      const metrics = ids.map((id, j) => ({
        id,
        label: id,
        source: id,
        method: { type: 'linear', lo: 0, hi: 100 },
        direction: w.lowerIsBetter[j] ? 'lowerIsBetter' : 'higherIsBetter',
        weight: w.weights[j],
        ...(w.groupOf[j] >= 0 ? { group: `g${w.groupOf[j]}` } : {}),
        ...(w.metricPolicy[j] ? { missing: w.metricPolicy[j] } : {}),
      }));
      const segments = base.segmented
        ? [
            {
              id: 'sx',
              label: 'X',
              when: [{ attribute: 'seg', operator: 'eq', value: 'x' }],
              weights: Object.fromEntries(ids.map((id, j) => [id, w.segWeights[j]])),
              groupWeights: Object.fromEntries(groups.map((g, j) => [g.id, w.segGroupWeights[j]])),
            },
          ]
        : [];
      const raw = { schemaVersion: 1, name: 'p', missingPolicy: base.policy, minCoverage: base.minCoverage, groups, metrics, segments };
      const parsed = validateScorecard(raw);
      return parsed.ok ? { sc: parsed.scorecard, metrics: Object.fromEntries(ids.map((id, j) => [id, w.cells[j]])), seg: [...w.seg] } : null;
    })
    .filter((x): x is World => x !== null);
}

function build(w: World) {
  const data = makeData({ metrics: w.metrics, attributes: { seg: w.seg } });
  const matrix = buildSubScoreMatrix(w.sc, data);
  return { data, matrix, engine: new ScoringEngine(w.sc, matrix) };
}

describe('scoring properties', () => {
  it('scores are in [0, 100] or unscored, and match the naive contract implementation', () => {
    fc.assert(
      fc.property(worldArb(), (w) => {
        const { matrix, engine } = build(w);
        for (const s of engine.score) expect(Number.isNaN(s) || (s >= 0 && s <= 100)).toBe(true);
        const naive = naiveScores(w.sc, matrix);
        expect(maxDiff(engine.score, naive.score)).toBeLessThanOrEqual(1e-9);
        expect(maxDiff(engine.coverage(), naive.coverage)).toBeLessThanOrEqual(1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it("scaling a segment's weights by c > 0 changes nothing", () => {
    fc.assert(
      fc.property(worldArb(), fc.double({ min: 0.01, max: 100, noNaN: true }), (w, c) => {
        const { engine } = build(w);
        const last = w.sc.segments.length; // scale the default segment
        const r = resolveSegmentWeights(w.sc, last);
        const scaled: Scorecard = {
          ...w.sc,
          defaultSegment: {
            ...w.sc.defaultSegment,
            weights: Object.fromEntries(w.sc.metrics.map((m, j) => [m.id, r.metric[j] * c])),
            groupWeights: Object.fromEntries(w.sc.groups.map((g, j) => [g.id, r.group[j] * c])),
          },
        };
        const other = build({ ...w, sc: scaled }).engine;
        expect(maxDiff(engine.score, other.score)).toBeLessThanOrEqual(1e-9);
      }),
      { numRuns: 200 },
    );
  });

  it('raising a higher-is-better metric never lowers a score (and lower-is-better never raises it)', () => {
    fc.assert(
      fc.property(worldArb(), fc.nat(), fc.nat(), fc.double({ min: 0, max: 50, noNaN: true }), (w, ai, mi, bump) => {
        const ids = Object.keys(w.metrics);
        const id = ids[mi % ids.length];
        const i = ai % w.seg.length;
        const before = build(w).engine.score[i];
        const cells = w.metrics[id].slice();
        if (cells[i] === null) return;
        cells[i] = cells[i]! + bump;
        const after = build({ ...w, metrics: { ...w.metrics, [id]: cells } }).engine.score[i];
        if (Number.isNaN(before)) return;
        const lower = w.sc.metrics.find((m) => m.id === id)!.direction === 'lowerIsBetter';
        if (lower) expect(after).toBeLessThanOrEqual(before + 1e-9);
        else expect(after).toBeGreaterThanOrEqual(before - 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('with no missing values every policy gives the plain weighted mean Σ effective weight × sub-score', () => {
    fc.assert(
      fc.property(worldArb({ missingRate: 0 }), (w) => {
        const results = POLICIES.map((p) => build({ ...w, sc: { ...w.sc, missingPolicy: p, metrics: w.sc.metrics.map((m) => ({ ...m, missing: undefined })) } }));
        const { matrix } = results[0];
        const plain = Array.from({ length: matrix.accountCount }, (_, i) => {
          const eff = effectiveWeights(w.sc, matrix.segment[i]);
          const s = eff.reduce((acc, e, m) => acc + e * matrix.columns[m][i], 0);
          return Math.min(100, Math.max(0, s));
        });
        for (const r of results) expect(maxDiff(r.engine.score, plain)).toBeLessThanOrEqual(1e-9);
      }),
      { numRuns: 200 },
    );
  });

  it('incremental updates equal a full recompute (1e-9) after any sequence of weight changes', () => {
    const change = fc.record({ seg: fc.nat(), target: fc.nat(), group: fc.boolean(), weight: weightArb });
    fc.assert(
      fc.property(worldArb(), fc.array(change, { minLength: 1, maxLength: 150 }), (w, changes) => {
        const { matrix, engine } = build(w);
        for (const c of changes) {
          const segId = matrix.segmentIds[c.seg % matrix.segmentIds.length];
          if (c.group && w.sc.groups.length > 0) engine.setGroupWeight(segId, w.sc.groups[c.target % w.sc.groups.length].id, c.weight);
          else engine.setMetricWeight(segId, w.sc.metrics[c.target % w.sc.metrics.length].id, c.weight);
        }
        const fresh = new ScoringEngine(engine.scorecard, matrix);
        expect(maxDiff(engine.score, fresh.score)).toBeLessThanOrEqual(1e-9);
        expect(maxDiff(engine.coverage(), fresh.coverage())).toBeLessThanOrEqual(1e-9);
        expect(Array.from(engine.band)).toEqual(Array.from(fresh.band));
        expect(Array.from(engine.bandCounts)).toEqual(Array.from(fresh.bandCounts));
        expect(Array.from(engine.histogram)).toEqual(Array.from(fresh.histogram));
        // …and the scorecard the engine wrote back scores the same from scratch.
        expect(maxDiff(fresh.score, naiveScores(engine.scorecard, matrix).score)).toBeLessThanOrEqual(1e-9);
      }),
      { numRuns: 300 },
    );
  });
});
