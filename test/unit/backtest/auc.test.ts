import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auc, aucBySegment, aucFromOrder, labelledOrder, weightedAucFromOrder } from '../../../shared/backtest/auc';
import { curvesOfOrder } from '../../../shared/backtest/curves';
import { sortScores } from '../../../shared/backtest/scoreOrder';

const f64 = (v: number[]) => Float64Array.from(v);
const u8 = (v: number[]) => Uint8Array.from(v);

/** Brute force over all (churned, retained) pairs: the definition itself. */
function pairwise(score: Float64Array, y: Uint8Array, w?: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < score.length; i++) {
    if (y[i] !== 1 || !Number.isFinite(score[i])) continue;
    for (let j = 0; j < score.length; j++) {
      if (y[j] !== 0 || !Number.isFinite(score[j])) continue;
      const ww = (w ? w[i] : 1) * (w ? w[j] : 1);
      den += ww;
      num += ww * (score[j] > score[i] ? 1 : score[j] === score[i] ? 0.5 : 0);
    }
  }
  return den > 0 ? num / den : Number.NaN;
}

describe('auc: hand-checked cases', () => {
  it('is 1 when every retained account outscores every churned one, 0 in reverse', () => {
    expect(auc(f64([10, 20, 80, 90]), u8([1, 1, 0, 0])).auc).toBe(1);
    expect(auc(f64([10, 20, 80, 90]), u8([0, 0, 1, 1])).auc).toBe(0);
  });

  it('counts ties half: (1 + ½ + 1 + ½) / 4 for churned {30, 50} against retained {50, 70}… worked by hand', () => {
    // pairs (churned, retained): (30,50)=1 (30,70)=1 (50,50)=½ (50,70)=1 → 3.5 / 4
    expect(auc(f64([30, 50, 50, 70]), u8([1, 1, 0, 0])).auc).toBe(0.875);
  });

  it('is exactly ½ when every score is the same', () => {
    expect(auc(new Float64Array(101).fill(55), Uint8Array.from({ length: 101 }, (_, i) => i % 3 === 0 ? 1 : 0)).auc).toBe(0.5);
  });

  it('is undefined (NaN, with a reason) for a single class or no scored account', () => {
    expect(auc(f64([1, 2, 3]), u8([0, 0, 0]))).toEqual({ auc: Number.NaN, churned: 0, retained: 3, undefinedReason: 'no churned accounts' });
    expect(auc(f64([1, 2]), u8([1, 1])).undefinedReason).toBe('no retained accounts');
    expect(auc(f64([Number.NaN, 2]), u8([1, 255])).undefinedReason).toBe('no scored accounts');
    expect(auc(new Float64Array(0), new Uint8Array(0)).undefinedReason).toBe('no scored accounts');
  });

  it('leaves out unscored (NaN) and excluded (255) accounts', () => {
    const full = auc(f64([10, Number.NaN, 90, 50, 20]), u8([1, 0, 0, 255, 0]));
    expect(full).toMatchObject({ churned: 1, retained: 2, auc: 1 });
  });

  it('per segment: each segment on its own accounts; an empty segment is undefined', () => {
    const score = f64([10, 20, 30, 40, 50, 60]);
    const y = u8([1, 0, 0, 1, 1, 0]);
    const segment = Uint16Array.from([0, 0, 1, 1, 0, 1]);
    const r = aucBySegment(score, y, segment, 3);
    expect(r.overall.auc).toBeCloseTo(pairwise(score, y), 15);
    expect(r.segments[0].auc).toBe(pairwise(f64([10, 20, 50]), u8([1, 0, 1])));
    expect(r.segments[1].auc).toBe(pairwise(f64([30, 40, 60]), u8([0, 1, 0])));
    expect(r.segments[2]).toMatchObject({ churned: 0, retained: 0, undefinedReason: 'no scored accounts' });
    expect(() => aucBySegment(score, y, Uint16Array.from([0, 0, 0, 0, 0, 3]), 3)).toThrow(/out of range/);
  });
});

const scored = fc
  .array(fc.record({ s: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 100, noNaN: true }), fc.constant(Number.NaN)), y: fc.constantFrom(0, 1, 1, 0, 255) }), { minLength: 1, maxLength: 120 })
  .map((rows) => ({ score: Float64Array.from(rows, (r) => r.s), y: Uint8Array.from(rows, (r) => r.y) }));

describe('auc: properties', () => {
  it('equals the pairwise definition', () => {
    fc.assert(fc.property(scored, ({ score, y }) => {
      const a = auc(score, y).auc;
      const b = pairwise(score, y);
      return (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) <= 1e-12;
    }), { numRuns: 300 });
  });

  it('AUC(−score) = 1 − AUC(score)', () => {
    fc.assert(fc.property(scored, ({ score, y }) => {
      const a = auc(score, y).auc;
      const b = auc(score.map((s) => -s), y).auc;
      return (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a + b - 1) <= 1e-12;
    }), { numRuns: 300 });
  });

  it('is invariant to strictly increasing transforms', () => {
    const transforms = [(s: number) => 8 * s, (s: number) => Math.exp(s / 20) * 3 - 7, (s: number) => Math.cbrt(s - 50)];
    fc.assert(fc.property(scored, fc.constantFrom(...transforms), ({ score, y }, t) => {
      const moved = score.map(t);
      // Only where rounding keeps the transform strictly increasing on this sample.
      const ids = Array.from(score.keys()).filter((i) => Number.isFinite(score[i])).sort((a, b) => score[a] - score[b]);
      fc.pre(ids.every((i, k) => k === 0 || score[ids[k - 1]] === score[i] || moved[ids[k - 1]] < moved[i]));
      const a = auc(score, y).auc;
      const b = auc(moved, y).auc;
      return Object.is(a, b) || Math.abs(a - b) <= 1e-12;
    }), { numRuns: 300 });
  });

  it('weighted AUC with unit weights equals plain AUC; integer weights equal the materialised resample', () => {
    fc.assert(fc.property(scored, fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 120, maxLength: 120 }), ({ score, y }, counts) => {
      const order = sortScores(score, y);
      const plain = aucFromOrder(order, y).auc;
      const unit = weightedAucFromOrder(order, y, new Float64Array(y.length).fill(1));
      const w = counts.slice(0, y.length);
      const rs: number[] = [];
      const ry: number[] = [];
      w.forEach((c, i) => { for (let k = 0; k < c; k++) { rs.push(score[i]); ry.push(y[i]); } });
      const weighted = weightedAucFromOrder(order, y, w);
      const materialised = auc(Float64Array.from(rs), Uint8Array.from(ry)).auc;
      const eq = (a: number, b: number) => (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) <= 1e-12;
      return eq(plain, auc(score, y).auc) && eq(unit, plain) && eq(weighted, materialised);
    }), { numRuns: 300 });
  });

  it('per-segment AUC of a single segment equals the overall AUC', () => {
    fc.assert(fc.property(scored, ({ score, y }) => {
      const r = aucBySegment(score, y, new Uint16Array(y.length), 1);
      return Object.is(r.overall.auc, r.segments[0].auc);
    }), { numRuns: 100 });
  });
});

describe('ROC and gains curves', () => {
  it('runs from (0, 0) to (1, 1) through one point per tie group, with exact rates', () => {
    const score = f64([10, 20, 20, 30, 40]);
    const y = u8([1, 0, 1, 0, 0]);
    const c = curvesOfOrder(labelledOrder(score, y));
    expect(Array.from(c.threshold)).toEqual([-Infinity, 10, 20, 30, 40]);
    expect(Array.from(c.tpr)).toEqual([0, 0.5, 1, 1, 1]);
    expect(Array.from(c.fpr)).toEqual([0, 0, 1 / 3, 2 / 3, 1]);
    expect(Array.from(c.share)).toEqual([0, 0.2, 0.6, 0.8, 1]);
    expect(c.lift[1]).toBeCloseTo(2.5, 15);
    expect(c.lift[0]).toBeNaN();
  });

  it('downsamples to at most maxPoints exact points, keeping both ends; trapezoid area ≈ AUC', () => {
    const n = 50_000;
    const score = Float64Array.from({ length: n }, (_, i) => (i * 7919) % 10007);
    const y = Uint8Array.from({ length: n }, (_, i) => ((i * 31) % 97 < 30 + ((i * 7919) % 10007) / 400 ? 0 : 1));
    const c = curvesOfOrder(labelledOrder(score, y), 101);
    expect(c.fpr.length).toBeLessThanOrEqual(101);
    expect(c.fpr[c.fpr.length - 1]).toBe(1);
    expect(c.tpr[c.tpr.length - 1]).toBe(1);
    let area = 0;
    for (let k = 1; k < c.fpr.length; k++) area += ((c.fpr[k] - c.fpr[k - 1]) * (c.tpr[k] + c.tpr[k - 1])) / 2;
    // Flagging low scores first is the ROC of −score as a churn predictor: its area is the AUC.
    expect(area).toBeCloseTo(auc(score, y).auc, 2);
  });

  it('marks undefined rates as NaN when a class is missing', () => {
    const c = curvesOfOrder(labelledOrder(f64([1, 2]), u8([0, 0])));
    expect(c.tpr[1]).toBeNaN();
    expect(c.fpr[2]).toBe(1);
  });
});
