import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../shared/random';

describe('SeededRandom', () => {
  it('is reproducible from its seed and differs between seeds', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, ((r) => () => r.nextUint32())(new SeededRandom(seed)));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('fillUint32 continues the very same stream as nextUint32', () => {
    const bulk = new SeededRandom(7);
    const single = new SeededRandom(7);
    const out = new Uint32Array(1000);
    bulk.fillUint32(out);
    expect(Array.from(out)).toEqual(Array.from({ length: 1000 }, () => single.nextUint32()));
    expect(bulk.next()).toBe(single.next());
  });

  it('next() is uniform on [0, 1) and normal() has mean 0 and sd 1', () => {
    const r = new SeededRandom(1);
    const u = Array.from({ length: 20_000 }, () => r.next());
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    expect(u.reduce((a, b) => a + b, 0) / u.length).toBeCloseTo(0.5, 1);
    const z = Array.from({ length: 20_000 }, () => r.normal());
    const mean = z.reduce((a, b) => a + b, 0) / z.length;
    const sd = Math.sqrt(z.reduce((a, b) => a + (b - mean) ** 2, 0) / z.length);
    expect(mean).toBeCloseTo(0, 1);
    expect(sd).toBeCloseTo(1, 1);
  });
});
