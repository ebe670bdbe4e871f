import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeStrings, encodeStrings } from '../../electron/store/accountStore';

describe('account id and name blobs', () => {
  it('round-trips any strings: empty, accented, CJK, astral, separators', () => {
    const strings = ['', 'ACC-1', 'Zürich AG', '株式会社', '🚀 Rocket, Inc.', 'a\u0000b', '"quoted"\n', ''];
    expect(decodeStrings(encodeStrings(strings), strings.length)).toEqual(strings);
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 20 }), { maxLength: 60 }), (list) => {
        expect(decodeStrings(encodeStrings(list), list.length)).toEqual(list);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a blob that is not 4-byte aligned', () => {
    const blob = encodeStrings(['x', 'yz']);
    const shifted = Buffer.alloc(blob.length + 1);
    blob.copy(shifted, 1);
    expect(decodeStrings(shifted.subarray(1), 2)).toEqual(['x', 'yz']);
  });

  it('refuses a blob whose count or lengths do not match', () => {
    const blob = encodeStrings(['ab', 'c']);
    expect(() => decodeStrings(blob, 3)).toThrow(/account count/);
    expect(() => decodeStrings(blob.subarray(0, blob.length - 1), 2)).toThrow(/lengths/);
    expect(() => decodeStrings(Buffer.alloc(2), 0)).toThrow(/account count/);
  });
});
