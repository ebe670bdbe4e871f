import { describe, expect, it } from 'vitest';
import { auc } from '../../../shared/backtest/auc';
import { bootstrapAuc, bootstrapAucDifference } from '../../../shared/backtest/bootstrap';
import { labelAccounts } from '../../../shared/backtest/labels';
import { SeededRandom } from '../../../shared/random';
import { synthetic } from './fixtures';

function data(n: number, seed: number) {
  const d = synthetic(n, seed, { decimals: 1 });
  const { y } = labelAccounts(d, { asOfDay: d.asOfDay, horizonDays: 90 });
  return { d, y };
}

describe('bootstrapAuc', () => {
  it('is identical for the same seed and different for another', () => {
    const { d, y } = data(3_000, 1);
    const a = bootstrapAuc(d.score, y, { resamples: 200, seed: 7 });
    const b = bootstrapAuc(d.score, y, { resamples: 200, seed: 7 });
    const c = bootstrapAuc(d.score, y, { resamples: 200, seed: 8 });
    expect(a).toEqual(b);
    expect(c.lo).not.toBe(a.lo);
    expect(c.estimate).toBe(a.estimate);
  });

  it('brackets the point estimate with a sensible percentile interval', () => {
    const { d, y } = data(5_000, 2);
    const ci = bootstrapAuc(d.score, y, { resamples: 400, seed: 1 });
    expect(ci.estimate).toBe(auc(d.score, y).auc);
    expect(ci.lo).toBeLessThan(ci.estimate);
    expect(ci.hi).toBeGreaterThan(ci.estimate);
    expect(ci.resamples + ci.skipped).toBe(400);
    expect(ci.confidence).toBe(0.95);
    expect(ci.se).toBeGreaterThan(0);
    expect(ci.hi - ci.lo).toBeLessThan(0.1);
    expect(ci.notReliable).toBe(false);
    // Roughly ±1.96 standard errors.
    expect((ci.hi - ci.lo) / (2 * 1.96 * ci.se)).toBeGreaterThan(0.8);
    expect((ci.hi - ci.lo) / (2 * 1.96 * ci.se)).toBeLessThan(1.2);
  });

  it.each([
    ['with ties', 1],
    ['without ties', undefined],
  ])('each resample is the AUC of the materialised resample (same draws, brute force), %s', (_label, decimals) => {
    const d = synthetic(300, 3, { decimals });
    const { y } = labelAccounts(d, { asOfDay: d.asOfDay, horizonDays: 90 });
    // Reproduce the draw stream: members = labelled & scored, sorted by score (ties by position),
    // one uniform draw of a sorted position per member.
    const members: number[] = [];
    for (let i = 0; i < y.length; i++) if (y[i] !== 255 && Number.isFinite(d.score[i])) members.push(i);
    members.sort((a, b) => d.score[a] - d.score[b] || a - b);
    const rng = new SeededRandom(11);
    const values: number[] = [];
    for (let r = 0; r < 25; r++) {
      const s: number[] = [];
      const yy: number[] = [];
      for (let k = 0; k < members.length; k++) {
        const i = members[rng.int(members.length)];
        s.push(d.score[i]);
        yy.push(y[i]);
      }
      values.push(auc(Float64Array.from(s), Uint8Array.from(yy)).auc);
    }
    values.sort((a, b) => a - b);
    const ci = bootstrapAuc(d.score, y, { resamples: 25, seed: 11, confidence: 0.5 });
    const q = (p: number) => { const h = (values.length - 1) * p; const lo = Math.floor(h); return values[lo] + (h - lo) * (values[Math.min(lo + 1, values.length - 1)] - values[lo]); };
    expect(ci.lo).toBeCloseTo(q(0.25), 12);
    expect(ci.hi).toBeCloseTo(q(0.75), 12);
  });

  it('flags wide intervals as not reliable and handles a single class', () => {
    const rng = new SeededRandom(4);
    const few = bootstrapAuc(Float64Array.from({ length: 40 }, () => rng.uniform(0, 100)), Uint8Array.from({ length: 40 }, (_, i) => i % 4 === 0 ? 1 : 0), { resamples: 200 });
    expect(few.hi - few.lo).toBeGreaterThan(0.2);
    expect(few.notReliable).toBe(true);
    const one = bootstrapAuc(Float64Array.from([1, 2, 3]), Uint8Array.from([0, 0, 0]));
    expect(one.estimate).toBeNaN();
    expect(one.resamples).toBe(0);
    expect(one.notReliable).toBe(true);
  });

  it('validates options', () => {
    const { d, y } = data(50, 5);
    expect(() => bootstrapAuc(d.score, y, { resamples: 0 })).toThrow(/resamples/);
    expect(() => bootstrapAuc(d.score, y, { confidence: 1 })).toThrow(/confidence/);
  });
});

describe('bootstrapAucDifference (paired)', () => {
  it('resamples the same accounts for both scorecards', () => {
    const { d, y } = data(4_000, 6);
    const rng = new SeededRandom(2);
    const noisy = d.score.map((s) => s + rng.normal(0, 15));
    const pair = bootstrapAucDifference(d.score, noisy, y, { resamples: 300, seed: 3 });
    expect(pair.difference.estimate).toBeCloseTo(pair.a.estimate - pair.b.estimate, 15);
    expect(pair.difference.lo).toBeGreaterThan(0);
    // Pairing: the difference varies less than either AUC would suggest if independent.
    expect(pair.difference.se).toBeLessThan(Math.hypot(pair.a.se, pair.b.se));
    // Same accounts, same seed: the first scorecard's interval equals the single bootstrap.
    expect(pair.a).toEqual(bootstrapAuc(d.score, y, { resamples: 300, seed: 3 }));
    // A scorecard against itself: difference exactly 0.
    const self = bootstrapAucDifference(d.score, d.score, y, { resamples: 50, seed: 1 });
    expect([self.difference.lo, self.difference.hi, self.difference.estimate]).toEqual([0, 0, 0]);
  });

  it('uses only accounts scored by both', () => {
    const { d, y } = data(500, 7);
    const b = d.score.slice();
    b[0] = b[1] = Number.NaN;
    const scoredBoth = Array.from(y.keys()).filter((i) => y[i] !== 255 && Number.isFinite(d.score[i]) && Number.isFinite(b[i])).length;
    expect(bootstrapAucDifference(d.score, b, y, { resamples: 10 }).accounts).toBe(scoredBoth);
  });
});
