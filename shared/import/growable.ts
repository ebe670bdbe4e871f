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
