import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyIndex, hashKey } from '../../../shared/import/keyIndex';
import { parseNumber, parsePlainDecimal } from '../../../shared/import/values/number';

describe('parsePlainDecimal (the number columns’ fast path)', () => {
  it.each([
    ['0', 0],
    ['42', 42],
    ['-7', -7],
    ['3.25', 3.25],
    ['-0.5', -0.5],
    ['1234.50', 1234.5],
    ['999999999999999', 999999999999999],
  ])('reads %s', (raw, value) => {
    expect(parsePlainDecimal(raw)).toBe(value);
  });

  it.each(['', '-', '.5', '5.', '+5', '1,234', '$12', '45%', '1e5', ' 12', '12 ', '(3)', '1.2.3', '1234567890123456', 'abc'])(
    'leaves %j to the full parser',
    (raw) => {
      expect(parsePlainDecimal(raw)).toBeNaN();
    },
  );

  it('agrees with the full parser whenever it gives a value', () => {
    const token = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      fc.integer().map(String),
      fc.tuple(fc.integer({ min: -99999, max: 99999 }), fc.nat(9999)).map(([i, f]) => `${i}.${f}`),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(token, (raw) => {
        const fast = parsePlainDecimal(raw);
        if (!Number.isNaN(fast)) expect(fast).toBe(parseNumber(raw, false));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('KeyIndex', () => {
  it('gives each distinct key one dense index, in order of first sight, across growth', () => {
    const index = new KeyIndex(4);
    const reference = new Map<string, number>();
    const keys = Array.from({ length: 20_000 }, (_, i) => `ACC-${(i * 7919) % 5003}`);
    for (const key of keys) {
      const found = index.findOrAdd(key);
      const known = reference.get(key);
      if (known === undefined) {
        expect(found).toBe(-(reference.size + 1));
        reference.set(key, reference.size);
      } else {
        expect(found).toBe(known);
      }
    }
    expect(index.size).toBe(reference.size);
    expect(index.keys).toEqual([...reference.keys()]);
    for (const [key, i] of reference) expect(index.find(key)).toBe(i);
    expect(index.find('ACC-missing')).toBe(-1);
  });

  it('keeps keys apart whose hashes collide in the table', () => {
    const index = new KeyIndex();
    // Keys with equal low bits land in the same slot first; they must still be told apart.
    const keys: string[] = [];
    for (let i = 0; keys.length < 50; i++) if ((hashKey(`k${i}`) & 1023) === 0) keys.push(`k${i}`);
    keys.forEach((k, i) => expect(index.findOrAdd(k)).toBe(-(i + 1)));
    keys.forEach((k, i) => expect(index.findOrAdd(k)).toBe(i));
  });

  it('stores the copy the caller makes of a new key', () => {
    const index = new KeyIndex();
    index.findOrAdd('a', (k) => `${k}`);
    expect(index.findOrAdd('a', () => {
      throw new Error('a known key is not stored again');
    })).toBe(0);
  });
});
