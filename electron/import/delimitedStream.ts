// Delimited text read from disk in 256 KB chunks into the core's DelimitedFileReader, so a 130 MB
// file is never one string: memory holds one chunk of text and the rows of one batch at a time.

import fs from 'node:fs';
import { DelimitedFileReader, type ImportWarning, type RowBatch } from '../../shared/import';
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
    const fd = fs.openSync(this.path, 'r');
    try {
      for (;;) {
        // A fresh buffer per chunk: the decoder may keep the previous chunk to re-decode its tail.
        const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
        const n = fs.readSync(fd, chunk, 0, CHUNK_BYTES, null);
        if (n === 0) break;
        this.consumed += n;
        const batch = this.reader.push(n === CHUNK_BYTES ? chunk : chunk.subarray(0, n));
        if (batch.rows.length > 0) yield batch;
      }
      const last = this.reader.end();
      if (last.rows.length > 0) yield last;
    } finally {
      fs.closeSync(fd);
    }
  }
}
