// Delimited text read from disk in 256 KB chunks into the core's DelimitedFileReader, so a 130 MB
// file is never one string: memory holds one chunk of text and the rows of one batch at a time.

import fs from 'node:fs';
import { type ConvertedBatch, DelimitedFileReader, type ImportWarning, type RowBatch } from '../../shared/import';
import { HalfHelper, type SplitOptions } from './halfHelper';
import type { SheetStream } from './sheetStream';

export const CHUNK_BYTES = 256 * 1024;

export class DelimitedFileStream implements SheetStream {
  readonly sheetNames: string[] = [];
  private readonly reader: DelimitedFileReader;
  private consumed = 0;

  constructor(
    private readonly path: string,
    readonly fileName: string,
    readonly totalBytes: number,
  ) {
    this.reader = new DelimitedFileReader({ fileName });
  }

  get bytesRead(): number {
    return this.consumed;
  }

  get headers(): string[] | null {
    return this.reader.header?.headers ?? null;
  }

  get encoding(): string | null {
    return this.reader.encoding;
  }

  get delimiter(): string | null {
    return this.reader.header?.delimiter ?? null;
  }

  get warnings(): ImportWarning[] {
    return this.reader.warnings;
  }

  async *batches(): AsyncGenerator<RowBatch> {
    yield* this.read(null) as AsyncGenerator<RowBatch>;
  }

  /**
   * The same rows, read on two threads when the file qualifies: this thread reads up to the split
   * while a helper reads and converts the rest, whose batches come converted (row numbers shifted).
   */
  splitBatches(options: SplitOptions): AsyncGenerator<RowBatch | ConvertedBatch> {
    return this.read(options);
  }

  private async *read(split: SplitOptions | null): AsyncGenerator<RowBatch | ConvertedBatch> {
    const fd = fs.openSync(this.path, 'r');
    let half: ReturnType<typeof HalfHelper.start> = null;
    try {
      let limit = this.totalBytes;
      for (;;) {
        for (;;) {
          // A fresh buffer per chunk: the decoder may keep the previous chunk to re-decode its tail.
          const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, limit - this.consumed));
          const n = chunk.length === 0 ? 0 : fs.readSync(fd, chunk, 0, chunk.length, this.consumed);
          if (n === 0) break;
          this.consumed += n;
          const batch = this.reader.push(n === chunk.length ? chunk : chunk.subarray(0, n));
          if (split !== null && half === null && this.consumed === n) {
            half = HalfHelper.start(this.path, this.fileName, this.totalBytes, this.reader.header, split);
            if (half !== null && half.split > this.consumed) limit = half.split;
            else half?.helper.stop(); // the first chunk already went past the middle
          }
          if (batch.rows.length > 0) yield batch;
        }
        if (limit === this.totalBytes) break;
        const shift = this.reader.continuationPoint();
        const rest = shift === null ? null : await (half as NonNullable<typeof half>).helper.result();
        if (shift === null || rest === null) {
          limit = this.totalBytes; // read the second half here, as if there were no helper
          continue;
        }
        for (const { batch, bytes } of rest.batches) {
          const numbers = batch.rowNumbers;
          for (let i = 0; i < numbers.length; i++) numbers[i] += shift;
          this.consumed = limit + bytes;
          yield batch;
        }
        this.reader.addContinuation(rest.stats, shift);
        this.consumed = this.totalBytes;
        break;
      }
      const last = this.reader.end();
      if (last.rows.length > 0) yield last;
    } finally {
      half?.helper.stop();
      fs.closeSync(fd);
    }
  }
}
