// Typed arrays that grow by doubling: rows are appended or accounts addressed by index without
// knowing the final count, and without an object per row.

/** Appendable Float64 values (row-level columns). */
export class Float64Buffer {
  private data: Float64Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Float64Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = value;
  }

  get(i: number): number {
    return this.data[i];
  }

  private grow(min: number): void {
    const next = new Float64Array(Math.max(min, this.data.length * 2));
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }

  /** The values so far, without copying (valid until the next push). */
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }

  /** A trimmed copy. */
  toArray(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

/** Appendable Int32 values (row → account index). */
export class Int32Buffer {
  private data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  get(i: number): number {
    return this.data[i];
  }

  /** The values so far, without copying (valid until the next push). */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

/** Float64 values addressed by account index; unset entries read as NaN (missing). */
export class AccountFloat64 {
  private data: Float64Array;

  constructor(capacity = 1024) {
    this.data = new Float64Array(capacity).fill(Number.NaN);
  }

  get(i: number): number {
    return i < this.data.length ? this.data[i] : Number.NaN;
  }

  set(i: number, value: number): void {
    if (i >= this.data.length) {
      const next = new Float64Array(Math.max(i + 1, this.data.length * 2)).fill(Number.NaN);
      next.set(this.data);
      this.data = next;
    }
    this.data[i] = value;
  }
}

/** Bytes addressed by account index; unset entries read as 0. */
export class AccountBytes {
  private data: Uint8Array;

  constructor(capacity = 1024) {
    this.data = new Uint8Array(capacity);
  }

  get(i: number): number {
    return i < this.data.length ? this.data[i] : 0;
  }

  set(i: number, value: number): void {
    if (i >= this.data.length) {
      const next = new Uint8Array(Math.max(i + 1, this.data.length * 2));
      next.set(this.data);
      this.data = next;
    }
    this.data[i] = value;
  }
}

/**
 * Float64 columns of rows appended a batch at a time, each batch one block laid out column after
 * column: a million rows cost neither the copies nor the spare capacity of doubling buffers (fresh
 * memory is what costs most here), and `column(c)` assembles one exact-size column, a copy per block.
 */
export class Float64RowBlocks {
  private readonly blocks: Float64Array[] = [];
  private readonly counts: number[] = [];
  length = 0;

  constructor(readonly width: number) {}

  /**
   * Appends `count` rows taken out of row-major cells: row i's value in column c is
   * `cells[rowAt[i] + offsets[c]]`. Read row by row, so that each row's cells are read together.
   */
  gather(cells: Float64Array, rowAt: Int32Array, count: number, offsets: Int32Array): void {
    const width = this.width;
    if (count === 0 || width === 0) return;
    const block = new Float64Array(count * width);
    for (let i = 0; i < count; i++) {
      const at = rowAt[i];
      for (let c = 0, to = i; c < width; c++, to += count) block[to] = cells[at + offsets[c]];
    }
    this.blocks.push(block);
    this.counts.push(count);
    this.length += count;
  }

  /** Column c's values in one new array (the caller owns it). */
  column(c: number): Float64Array {
    const out = new Float64Array(this.length);
    let at = 0;
    for (let b = 0; b < this.blocks.length; b++) {
      const count = this.counts[b];
      out.set(this.blocks[b].subarray(c * count, (c + 1) * count), at);
      at += count;
    }
    return out;
  }
}

/** Row values appended a batch at a time (see Float64RowBlocks), assembled once at the end. */
class TypedChunks<T extends Float64Array | Int32Array> {
  private readonly chunks: T[] = [];
  length = 0;

  constructor(private readonly allocate: (length: number) => T) {}

  /** Appends the first `count` values (copied: the caller may reuse `values`). */
  append(values: T, count: number): void {
    if (count === 0) return;
    this.chunks.push(values.slice(0, count) as T);
    this.length += count;
  }

  /** All values in one new array (the caller owns it). */
  toArray(): T {
    const out = this.allocate(this.length);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}

export class Float64Chunks extends TypedChunks<Float64Array> {
  constructor() {
    super((length) => new Float64Array(length));
  }
}

export class Int32Chunks extends TypedChunks<Int32Array> {
  constructor() {
    super((length) => new Int32Array(length));
  }
}
