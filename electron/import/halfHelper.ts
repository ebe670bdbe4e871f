// The import worker's side of a split read: where to split a delimited file (the first line start
// after its byte midpoint), and the helper thread that reads the second half (halfRead.ts), started
// from the import worker's own bundle. Its batches are kept until it has read its whole half: only
// then is it known that the half could be read apart (else the import worker reads on by itself).

import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { type ContinuationStats, type ConvertedBatch, type DelimitedHeader, ImportError, type SheetMapping } from '../../shared/import';
import type { HalfMessage, HalfRequest } from './workerProtocol';

/** Below this size a second thread costs more than it saves. */
export const SPLIT_MIN_BYTES = 8 * 1024 * 1024;

export interface SplitOptions {
  /** The import worker's bundle (it also runs helpers). */
  helperFile: string;
  minBytes: number;
  headers: string[];
  mapping: SheetMapping;
  cancel: SharedArrayBuffer;
}

export interface HalfResult {
  batches: { batch: ConvertedBatch; bytes: number }[];
  stats: ContinuationStats;
}

/** The offset just after the first '\n' at or after the file's midpoint, or null (none, or at the end). */
export function findSplit(file: string, totalBytes: number): number | null {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(64 * 1024);
    for (let at = Math.floor(totalBytes / 2); at < totalBytes; ) {
      const n = fs.readSync(fd, buf, 0, buf.length, at);
      if (n === 0) return null;
      const nl = buf.subarray(0, n).indexOf(0x0a);
      if (nl !== -1) return at + nl + 1 < totalBytes ? at + nl + 1 : null;
      at += n;
    }
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

export class HalfHelper {
  private readonly worker: Worker;
  private readonly batches: HalfResult['batches'] = [];
  private readonly outcome: Promise<HalfMessage>;

  constructor(request: HalfRequest, options: SplitOptions) {
    this.worker = new Worker(options.helperFile, { workerData: { ...request, cancel: options.cancel } });
    this.outcome = new Promise((resolve) => {
      this.worker.on('message', (message: HalfMessage) => {
        if (message.type === 'batch') this.batches.push({ batch: message.batch, bytes: message.bytes });
        else resolve(message);
      });
      // A helper that crashed or stopped after a cancel: the import worker reads the half itself.
      this.worker.on('error', () => resolve({ type: 'fallback', reason: 'the helper failed' }));
      this.worker.on('exit', () => resolve({ type: 'fallback', reason: 'the helper stopped' }));
    });
  }

  /** Starts a helper when the file qualifies, once the reader knows its header; returns it and the split. */
  static start(file: string, fileName: string, totalBytes: number, header: DelimitedHeader | null, options: SplitOptions): { helper: HalfHelper; split: number } | null {
    if (totalBytes < options.minBytes || header === null || header.newline === '\r') return null;
    const split = findSplit(file, totalBytes);
    if (split === null) return null;
    const request: HalfRequest = {
      kind: 'half',
      path: file,
      fileName,
      start: split,
      end: totalBytes,
      headers: options.headers,
      mapping: options.mapping,
      delimiter: header.delimiter,
      newline: header.newline,
    };
    return { helper: new HalfHelper(request, options), split };
  }

  /** The half's converted batches, or null when the import worker must read it; throws its ImportError. */
  async result(): Promise<HalfResult | null> {
    const outcome = await this.outcome;
    if (outcome.type === 'error') throw new ImportError(outcome.error.code, outcome.error.message, outcome.error.fileName);
    return outcome.type === 'end' ? { batches: this.batches, stats: outcome.stats } : null;
  }

  stop(): void {
    void this.worker.terminate();
  }
}
