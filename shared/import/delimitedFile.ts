// Bytes of a delimited file → rows: the text decoder and the delimited parser joined, for a worker
// that reads a file chunk by chunk (push bytes, get row batches) or for a whole file in memory.

import { type DecodedText, StreamingTextDecoder, type TextEncodingName, decodeText } from './decodeText';
import { type ContinuationStats, type DelimitedHeader, type DelimitedOptions, DelimitedParser, type ParsedDelimited, parseDelimited } from './delimited';
import type { ImportWarning } from './importError';
import type { RowBatch } from './rowBatch';

export class DelimitedFileReader {
  private readonly decoder: StreamingTextDecoder;
  private readonly parser: DelimitedParser;

  constructor(options: DelimitedOptions) {
    this.decoder = new StreamingTextDecoder(options.fileName);
    this.parser = new DelimitedParser(options);
  }

  push(bytes: Uint8Array): RowBatch {
    const text = this.decoder.push(bytes);
    return text.length === 0 ? { rows: [], rowNumbers: [] } : this.parser.push(text);
  }

  end(): RowBatch {
    const rest = this.decoder.end();
    const last = rest.length === 0 ? { rows: [], rowNumbers: [] } : this.parser.push(rest);
    const final = this.parser.end();
    return final.rows.length === 0 ? last : { rows: last.rows.concat(final.rows), rowNumbers: last.rowNumbers.concat(final.rowNumbers) };
  }

  /**
   * Records read so far, when the bytes pushed end at a record boundary of clean UTF-8 text (so
   * another reader can take the rest of the file from there); otherwise null.
   */
  continuationPoint(): number | null {
    return this.decoder.cleanUtf8 && this.parser.header !== null && this.parser.atRecordBoundary ? this.parser.recordCount : null;
  }

  /** Accounts for the rest of the file, read by another reader from the continuation point. */
  addContinuation(stats: ContinuationStats, shift: number): void {
    this.parser.addContinuation(stats, shift);
  }

  get header(): DelimitedHeader | null {
    return this.parser.header;
  }

  get encoding(): TextEncodingName | null {
    return this.decoder.encoding;
  }

  get rowCount(): number {
    return this.parser.rowCount;
  }

  get warnings(): ImportWarning[] {
    return [...this.decoder.warnings, ...this.parser.warnings];
  }
}

export interface ParsedDelimitedFile extends ParsedDelimited {
  encoding: DecodedText['encoding'];
}

/** Decodes and parses a whole file held in memory. */
export function parseDelimitedBytes(bytes: Uint8Array, options: DelimitedOptions): ParsedDelimitedFile {
  const decoded = decodeText(bytes, options.fileName);
  const parsed = parseDelimited(decoded.text, options);
  return { ...parsed, warnings: [...decoded.warnings, ...parsed.warnings], encoding: decoded.encoding };
}
