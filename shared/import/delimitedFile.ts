// Bytes of a delimited file → rows: the text decoder and the delimited parser joined, for a worker
// that reads a file chunk by chunk (push bytes, get row batches) or for a whole file in memory.

import { type DecodedText, StreamingTextDecoder, type TextEncodingName, decodeText } from './decodeText';
import { type ContinuationStats, type DelimitedHeader, type DelimitedOptions, DelimitedParser, type ParsedDelimited, parseDelimited } from './delimited';
import type { ImportWarning } from './importError';
import { PlainRecordConverter } from './plainRecords';
import type { RowBatch } from './rowBatch';
import type { ConvertedBatch, RowConverter } from './rowConverter';

const LF = 10;

export class DelimitedFileReader {
  private readonly decoder: StreamingTextDecoder;
  private readonly parser: DelimitedParser;
  private plain: PlainRecordConverter | null = null;
  /** The last byte pushed (a line feed: the decoder holds nothing back). */
  private lastByte = -1;

  constructor(options: DelimitedOptions) {
    this.decoder = new StreamingTextDecoder(options.fileName);
    this.parser = new DelimitedParser(options);
  }

  push(bytes: Uint8Array): RowBatch {
    this.lastByte = bytes.length > 0 ? bytes[bytes.length - 1] : this.lastByte;
    const text = this.decoder.push(bytes);
    return text.length === 0 ? { rows: [], rowNumbers: [] } : this.parser.push(text);
  }

  /**
   * push(bytes), the rows converted under `converter`. Chunks that end with a line break let the
   * next chunk's text map one to one to its bytes (nothing held back by the decoder), so plain
   * runs of them are converted from the bytes (PlainRecordConverter); the rows are the same.
   */
  pushConverted(bytes: Uint8Array, converter: RowConverter): ConvertedBatch {
    // UTF-16 text never maps one to one to its bytes; a chunk boundary could even split a unit.
    const whole = this.lastByte === LF && (this.decoder.encoding === 'utf-8' || this.decoder.encoding === 'cp1252');
    this.lastByte = bytes.length > 0 ? bytes[bytes.length - 1] : this.lastByte;
    const text = this.decoder.push(bytes);
    const plain = this.plainConverter(converter);
    if (plain === null) return converter.convert(text.length === 0 ? { rows: [], rowNumbers: [] } : this.parser.push(text));
    return this.parser.pushConverted(text, whole ? bytes : null, plain);
  }

  private plainConverter(converter: RowConverter): PlainRecordConverter | null {
    const header = this.parser.header;
    if (header === null || !PlainRecordConverter.reads(header.newline)) return null;
    if (this.plain?.converter !== converter) this.plain = new PlainRecordConverter(converter, header.delimiter, header.newline);
    return this.plain;
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
