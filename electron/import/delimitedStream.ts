// Delimited text read from disk in 256 KB chunks into the core's DelimitedFileReader, so a 130 MB
// file is never one string: memory holds one chunk of text and the rows of one batch at a time.
// Chunks end at a line feed when they have one, so that the reader can convert plain runs of
// records straight from their bytes (see DelimitedFileReader.pushConverted).

import fs from 'node:fs';
import { type ConvertedBatch, DelimitedFileReader, type ImportWarning, type RowBatch, type RowConverter } from '../../shared/import';
import { HalfHelper, type SplitOptions } from './halfHelper';
import type { SheetStream } from './sheetStream';

export const CHUNK_BYTES = 256 * 1024;

/**
 * The next chunk of `fd` from `position`: up to CHUNK_BYTES before `limit`, cut after its last line
 * feed unless it reaches `limit` or has none. A fresh buffer each time: the text decoder may keep
 * the previous chunk to re-decode its tail. Empty at `limit` or at the end of the file.
 */
export function readLineChunk(fd: number, position: number, limit: number): Buffer {
  const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, limit - position));
  const n = chunk.length === 0 ? 0 : fs.readSync(fd, chunk, 0, chunk.length, position);
  if (n < chunk.length || position + n === limit) return chunk.subarray(0, n);
  const lastLf = chunk.lastIndexOf(0x0a);
  return lastLf === -1 ? chunk : chunk.subarray(0, lastLf + 1);
}

export class DelimitedFileStream implements SheetStream {
  readonly sheetNames: string[] = [];
  private readonly reader: DelimitedFileReader;
  private consumed = 0;
  private helperRows = 0;

  constructor(
    private readonly path: string,
    readonly fileName: string,
    readonly totalBytes: number,
  ) {
    this.reader = new DelimitedFileReader({ fileName });
  }

  /** Rows that a helper thread read and converted. */
  get rowsFromHelper(): number {
    return this.helperRows;
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
    yield* this.read(null, null) as AsyncGenerator<RowBatch>;
  }

  /**
   * The same rows converted under `converter` (a sheet's plans), read on two threads when `split`
   * is given and the file qualifies: this thread reads up to the split while a helper reads and
   * converts the rest, whose batches come with their row numbers shifted.
   */
  convertedBatches(converter: RowConverter, split: SplitOptions | null): AsyncGenerator<ConvertedBatch> {
    return this.read(converter, split) as AsyncGenerator<ConvertedBatch>;
  }

  private async *read(converter: RowConverter | null, split: SplitOptions | null): AsyncGenerator<RowBatch | ConvertedBatch> {
    const fd = fs.openSync(this.path, 'r');
    let half: ReturnType<typeof HalfHelper.start> = null;
    try {
      let limit = this.totalBytes;
      for (;;) {
        for (;;) {
          const chunk = readLineChunk(fd, this.consumed, limit);
          if (chunk.length === 0) break;
          const first = this.consumed === 0;
          this.consumed += chunk.length;
          const batch = converter === null ? this.reader.push(chunk) : this.reader.pushConverted(chunk, converter);
          if (split !== null && first) {
            half = HalfHelper.start(this.path, this.fileName, this.totalBytes, this.reader.header, split);
            if (half !== null && half.split > this.consumed) limit = half.split;
            else half?.helper.stop(); // the first chunk already went past the middle
          }
          if (batch.rowNumbers.length > 0) yield batch;
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
          this.helperRows += batch.ids.length;
          yield batch;
        }
        this.reader.addContinuation(rest.stats, shift);
        this.consumed = this.totalBytes;
        break;
      }
      const last = this.reader.end();
      if (last.rows.length > 0) yield converter === null ? last : converter.convert(last);
    } finally {
      half?.helper.stop();
      fs.closeSync(fd);
    }
  }
}
