// Account id → dense index, for a million ids in one import. A JS Map of a million string keys
// costs two hash operations per row (get, then set) in a table that rehashes as it grows; this is
// one open-addressing table of Int32 slots with the 32-bit hash of each key stored beside it, so a
// lookup touches one slot (and compares strings only when the hashes match) and a get-or-add is one
// probe sequence.

const EMPTY = -1;
/** Grow when more than this share of the slots is used (linear probing stays short below it). */
const MAX_LOAD = 0.5;

/** FNV-1a over the UTF-16 code units, then a murmur3 finaliser so that similar ids spread apart. */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export class KeyIndex {
  /** The keys in the order they were added: index i is keys[i]. */
  readonly keys: string[] = [];
  private slots: Int32Array;
  private hashes: Int32Array;
  private mask: number;
  /** What `prefetch` read, kept so that its reads are not optimised away. */
  private warmed = 0;

  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity * MAX_LOAD < expected) capacity *= 2;
    this.slots = new Int32Array(capacity).fill(EMPTY);
    this.hashes = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  /** An index over these keys, where key i is at index i; null when a key repeats. */
  static ofUnique(keys: readonly string[]): KeyIndex | null {
    const index = new KeyIndex(keys.length);
    for (let i = 0; i < keys.length; i++) if (index.findOrAdd(keys[i]) >= 0) return null;
    return index;
  }

  get size(): number {
    return this.keys.length;
  }

  /** The index of `key`, or -1. */
  find(key: string): number {
    const h = hashKey(key);
    const { slots, hashes, mask, keys } = this;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const at = slots[s];
      if (at === EMPTY) return -1;
      if (hashes[s] === h && keys[at] === key) return at;
    }
  }

  /**
   * The index of `key`, adding it (as `stored()`, called only then) when it is new. Returns
   * `-(index + 1)` for a key just added, so the caller knows without a second lookup. `h` is
   * `hashKey(key)`, when the caller has it already.
   */
  findOrAdd(key: string, stored: (key: string) => string = (k) => k, h = hashKey(key)): number {
    const { slots, hashes, mask, keys } = this;
    let s = h & mask;
    for (; ; s = (s + 1) & mask) {
      const at = slots[s];
      if (at === EMPTY) break;
      if (hashes[s] === h && keys[at] === key) return at;
    }
    const index = keys.length;
    keys.push(stored(key));
    slots[s] = index;
    hashes[s] = h;
    if (keys.length > slots.length * MAX_LOAD) this.grow();
    return -(index + 1);
  }

  /**
   * Reads the first slot of each of these hashes (`hashes[from..to)`), so that the lookups that follow
   * find it in cache. In a big table nearly every lookup misses the cache; a group of independent
   * reads in a tight loop overlap, where one read per row, between the rest of the row's work, waits
   * alone (about 40% of the lookups' time for a million new ids).
   */
  prefetch(hashes: Int32Array, from: number, to: number): void {
    const { slots, hashes: stored, mask } = this;
    let x = 0;
    for (let i = from; i < to; i++) {
      const s = hashes[i] & mask;
      x ^= slots[s] ^ stored[s];
    }
    this.warmed ^= x;
  }

  private grow(): void {
    const capacity = this.slots.length * 2;
    const slots = new Int32Array(capacity).fill(EMPTY);
    const hashes = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let s = 0; s < this.slots.length; s++) {
      const at = this.slots[s];
      if (at === EMPTY) continue;
      const h = this.hashes[s];
      let t = h & mask;
      while (slots[t] !== EMPTY) t = (t + 1) & mask;
      slots[t] = at;
      hashes[t] = h;
    }
    this.slots = slots;
    this.hashes = hashes;
    this.mask = mask;
  }
}
