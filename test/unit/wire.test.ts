import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from '../../shared/wire';

describe('wire encoding', () => {
  it('round-trips plain values and typed arrays of every supported kind', () => {
    const value = {
      name: 'Acme',
      nested: [1, null, 'x', { ok: true }],
      scores: Float64Array.from([1.5, Number.NaN, -0, 1e300]),
      bands: Uint8Array.from([0, 1, 2, 3, 255]),
      subScores: Float32Array.from([0.25, 100]),
      segments: Int32Array.from([-1, 7]),
      counts: Uint32Array.from([4294967295]),
      small: Int16Array.from([-32768]),
      tiny: Int8Array.from([-1]),
      ids: Uint16Array.from([65535]),
    };
    const back = decodeWire(encodeWire(value)) as typeof value;
    expect(back.name).toBe('Acme');
    expect(back.nested).toEqual([1, null, 'x', { ok: true }]);
    expect(back.scores).toBeInstanceOf(Float64Array);
    expect(Array.from(back.scores)).toEqual([1.5, Number.NaN, -0, 1e300]);
    expect(Array.from(back.bands)).toEqual([0, 1, 2, 3, 255]);
    expect(Array.from(back.subScores)).toEqual([0.25, 100]);
    expect(Array.from(back.segments)).toEqual([-1, 7]);
    expect(Array.from(back.counts)).toEqual([4294967295]);
    expect(Array.from(back.small)).toEqual([-32768]);
    expect(Array.from(back.tiny)).toEqual([-1]);
    expect(Array.from(back.ids)).toEqual([65535]);
  });

  it('carries a large column as bytes, not as JSON numbers', () => {
    const column = new Float64Array(100_000).map((_, i) => i / 3);
    const bytes = encodeWire({ column });
    expect(bytes.byteLength).toBeLessThan(column.byteLength + 200);
    expect((decodeWire(bytes) as { column: Float64Array }).column).toEqual(column);
  });

  it('decodes from an unaligned view of a larger buffer', () => {
    const encoded = encodeWire({ v: Float64Array.from([3.25]) });
    const shifted = new Uint8Array(encoded.byteLength + 3);
    shifted.set(encoded, 3);
    expect(Array.from((decodeWire(shifted.subarray(3)) as { v: Float64Array }).v)).toEqual([3.25]);
  });

  it('rejects truncated and lying messages', () => {
    expect(() => decodeWire(new Uint8Array(2))).toThrow(/shorter than its header/);
    const bad = new Uint8Array(8);
    new DataView(bad.buffer).setUint32(0, 1000, true);
    expect(() => decodeWire(bad)).toThrow(/exceeds the message/);
    const encoded = encodeWire({ v: new Float64Array(4) });
    expect(() => decodeWire(encoded.subarray(0, encoded.byteLength - 8))).toThrow(/past the end/);
  });
});
