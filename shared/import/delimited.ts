// Delimited text (CSV, semicolon CSV, TSV, pipe) → header + batches of string rows. Text is fed in
// chunks so that a worker can parse a large file with progress and cancellation between chunks;
// papaparse's low-level Parser does the quoting (embedded delimiters, newlines, doubled quotes) and
// tells where the last complete record ended, and the rest waits for the next chunk.

import Papa from 'papaparse';
import { type Delimiter, type Newline, detectNewline, sniffDelimiter } from './delimiterSniff';
import { isBlankRow } from './cellText';
import { type HeaderRow, assertLooksLikeHeader, normaliseHeaderRow } from './headerRow';
import { ImportError, type ImportWarning, quoted } from './importError';
import type { PlainRecordConverter } from './plainRecords';
import type { RowBatch } from './rowBatch';
import type { ConvertedBatch } from './rowConverter';

export type { Delimiter } from './delimiterSniff';

export interface DelimitedOptions {
  fileName: string;
  /** Skip sniffing when the caller knows the delimiter. */
  delimiter?: Delimiter;
  /**
   * The text continues a file at a record boundary (a helper thread reading its second half): no
   * header, the file's delimiter and newline, row numbers relative to the continuation's start.
   */
  continuation?: { headers: string[]; delimiter: Delimiter; newline: Newline };
}

/** What a continuation's reader found, for the parser of the file's start to account for. */
export interface ContinuationStats {
  dataRows: number;
  records: number;
  extraCellRows: number;
  /** Relative to the continuation's start (0 when none). */
  firstExtraCellRow: number;
}

export interface DelimitedHeader extends HeaderRow {
  delimiter: Delimiter;
  newline: Newline;
  /** Spreadsheet row number of the header (1 unless blank lines precede it). */
  rowNumber: number;
}

/** Text gathered before the delimiter is chosen (or the whole file, if smaller). */
const SNIFF_CHARS = 65_536;
/** A record still open after this many characters is an unterminated quote, not a long cell. */
const MAX_RECORD_CHARS = 8_000_000;
const HEADER_SAMPLE_ROWS = 50;

interface PapaResult {
  data: string[][];
  errors: { code: string; row: number }[];
  meta: { cursor: number };
}

export class DelimitedParser {
  readonly warnings: ImportWarning[] = [];
  private pending = '';
  private parser: Papa.Parser | null = null;
  private headerRow: DelimitedHeader | null = null;
  private delimiter: Delimiter = ',';
  private newline: Newline = '\n';
  /** Records consumed so far, blank ones included: the last record's spreadsheet row number. */
  private records = 0;
  private dataRows = 0;
  private extraCellRows = 0;
  private firstExtraCellRow = 0;
  private malformedQuotes = 0;
  private firstMalformedQuoteRow = 0;
  private lastMalformedQuoteRow = 0;
  private finished = false;

  constructor(private readonly options: DelimitedOptions) {
    const c = options.continuation;
    if (c) {
      this.headerRow = { headers: c.headers, rawHeaders: c.headers, warnings: [], delimiter: c.delimiter, newline: c.newline, rowNumber: 0 };
      this.delimiter = c.delimiter;
      this.newline = c.newline;
      this.parser = new Papa.Parser({ delimiter: c.delimiter, newline: c.newline, quoteChar: '"' });
    }
  }

  /** Records consumed so far (blank ones included), and whether none is left half-read. */
  get recordCount(): number {
    return this.records;
  }

  get atRecordBoundary(): boolean {
    return this.pending.length === 0;
  }

  get continuationStats(): ContinuationStats {
    return { dataRows: this.dataRows, records: this.records, extraCellRows: this.extraCellRows, firstExtraCellRow: this.firstExtraCellRow };
  }

  /** Counts a continuation read elsewhere (its rows follow this parser's `shift` records) before end(). */
  addContinuation(stats: ContinuationStats, shift: number): void {
    this.dataRows += stats.dataRows;
    this.records += stats.records;
    if (stats.extraCellRows > 0 && this.extraCellRows === 0) this.firstExtraCellRow = stats.firstExtraCellRow + shift;
    this.extraCellRows += stats.extraCellRows;
  }

  /** The header, once the first non-blank record has been read. */
  get header(): DelimitedHeader | null {
    return this.headerRow;
  }

  /** Data rows returned so far (blank rows not counted). */
  get rowCount(): number {
    return this.dataRows;
  }

  /** Feeds the next piece of text; returns the complete data rows it finished (possibly none). */
  push(text: string): RowBatch {
    if (this.finished) throw new Error('DelimitedParser: push after end');
    this.pending += text;
    if (!this.parser) {
      if (this.pending.length < SNIFF_CHARS) return { rows: [], rowNumbers: [] };
      this.start(false);
    }
    return this.parseAvailable(false);
  }

  /**
   * push(text), the rows converted: `bytes` are the text's bytes when they map one to one to its
   * characters (else null). A run after the header, at a record boundary, that the plain converter
   * can read skips papaparse; the rows are the same either way.
   */
  pushConverted(text: string, bytes: Uint8Array | null, plain: PlainRecordConverter): ConvertedBatch {
    if (this.finished) throw new Error('DelimitedParser: push after end');
    if (bytes !== null && this.headerRow !== null && this.pending.length === 0) {
      const run = plain.convert(bytes, text, this.records);
      if (run !== null) {
        if (run.extraCellRows > 0 && this.extraCellRows === 0) this.firstExtraCellRow = this.records + run.firstExtraCellRecord;
        this.extraCellRows += run.extraCellRows;
        this.records += run.records;
        this.dataRows += run.batch.ids.length;
        return run.batch;
      }
    }
    return plain.converter.convert(this.push(text));
  }

  /** Parses what is left; throws when the file had no header or no data rows. */
  end(): RowBatch {
    if (this.finished) return { rows: [], rowNumbers: [] };
    this.finished = true;
    const { fileName } = this.options;
    if (!this.parser) {
      if (this.pending.trim() === '') {
        const what = this.pending.length === 0 ? 'has no text' : 'contains only blank space';
        throw new ImportError('empty_file', `${quoted(fileName)} is empty: it ${what}.`, fileName);
      }
      this.start(true);
    }
    const batch = this.parseAvailable(true);
    if (this.options.continuation) return batch;
    if (!this.headerRow) throw new ImportError('empty_file', `${quoted(fileName)} is empty: it has only blank lines.`, fileName);
    if (this.dataRows === 0) throw new ImportError('no_data_rows', `${quoted(fileName)} has a header row but no data rows.`, fileName);
    if (this.extraCellRows > 0) {
      this.warnings.push({
        code: 'inconsistent_columns',
        file: fileName,
        count: this.extraCellRows,
        message: `${quoted(fileName)}: ${this.extraCellRows} row(s) have more cells than the header has columns (first: row ${this.firstExtraCellRow}).`,
      });
    }
    if (this.malformedQuotes > 0) {
      this.warnings.push({
        code: 'malformed_quotes',
        file: fileName,
        count: this.malformedQuotes,
        message: `${quoted(fileName)}: ${this.malformedQuotes} row(s) have text after the closing quote of a cell (first: row ${this.firstMalformedQuoteRow}); the text up to the next quote was read as one cell, so check those rows.`,
      });
    }
    return batch;
  }

  private start(complete: boolean): void {
    const sample = this.pending.slice(0, SNIFF_CHARS);
    this.newline = detectNewline(sample);
    this.delimiter = this.options.delimiter ?? sniffDelimiter(sample, this.newline, complete || this.pending.length <= SNIFF_CHARS).delimiter;
    this.parser = new Papa.Parser({ delimiter: this.delimiter, newline: this.newline, quoteChar: '"' });
  }

  private parseAvailable(final: boolean): RowBatch {
    const { fileName } = this.options;
    const parser = this.parser as Papa.Parser;
    const result = parser.parse(this.pending, 0, !final) as PapaResult;
    const firstRecord = this.records + 1;
    for (const error of result.errors) {
      if (error.code === 'MissingQuotes') {
        throw new ImportError(
          'unterminated_quote',
          `${quoted(fileName)}: a quoted cell that starts in row ${firstRecord + error.row} is never closed (a " is missing, or text follows a closing ").`,
          fileName,
        );
      }
      // Errors in the unfinished last record are seen again when it is parsed whole.
      // A malformed cell can raise several errors; count rows.
      const row = firstRecord + error.row;
      if (error.code === 'InvalidQuotes' && error.row < result.data.length && row !== this.lastMalformedQuoteRow) {
        if (this.malformedQuotes++ === 0) this.firstMalformedQuoteRow = row;
        this.lastMalformedQuoteRow = row;
      }
    }
    this.pending = final ? '' : this.pending.slice(result.meta.cursor);
    if (this.pending.length > MAX_RECORD_CHARS) {
      throw new ImportError(
        'unterminated_quote',
        `${quoted(fileName)}: a quoted cell that starts in row ${this.records + 1} is never closed (a " is missing).`,
        fileName,
      );
    }
    return this.collect(result.data);
  }

  private collect(records: string[][]): RowBatch {
    const rows: string[][] = [];
    const rowNumbers: number[] = [];
    let headerCells: string[] | null = null;
    for (const record of records) {
      const rowNumber = ++this.records;
      if (isBlankRow(record)) continue;
      if (!this.headerRow && !headerCells) {
        headerCells = record;
        this.headerRow = { ...normaliseHeaderRow(record, this.options.fileName), delimiter: this.delimiter, newline: this.newline, rowNumber };
        continue;
      }
      if (record.length > this.headerRow!.headers.length) this.noteExtraCells(record, rowNumber);
      rows.push(record);
      rowNumbers.push(rowNumber);
    }
    this.dataRows += rows.length;
    if (headerCells) this.checkHeader(headerCells, rows);
    return { rows, rowNumbers };
  }

  private checkHeader(cells: string[], rows: string[][]): void {
    const { fileName } = this.options;
    assertLooksLikeHeader(cells, rows.slice(0, HEADER_SAMPLE_ROWS), fileName);
    const header = this.headerRow as DelimitedHeader;
    this.warnings.push(...header.warnings);
    if (header.headers.length === 1) {
      this.warnings.push({
        code: 'single_column',
        file: fileName,
        count: 1,
        message: `${quoted(fileName)} has a single column ("${header.headers[0]}"): no comma, semicolon, tab or | separates its values. If another character separates them, save the file as CSV first.`,
      });
    }
  }

  private noteExtraCells(record: string[], rowNumber: number): void {
    const width = (this.headerRow as DelimitedHeader).headers.length;
    for (let i = width; i < record.length; i++) {
      if (record[i].trim() !== '') {
        if (this.extraCellRows++ === 0) this.firstExtraCellRow = rowNumber;
        return;
      }
    }
  }
}

export interface ParsedDelimited {
  header: DelimitedHeader;
  rows: string[][];
  rowNumbers: number[];
  warnings: ImportWarning[];
}

/** Parses a whole text at once (small files, tests, the CLI). */
export function parseDelimited(text: string, options: DelimitedOptions): ParsedDelimited {
  const parser = new DelimitedParser(options);
  const first = parser.push(text);
  const last = parser.end();
  const rows = last.rows.length === 0 ? first.rows : first.rows.concat(last.rows);
  const rowNumbers = last.rowNumbers.length === 0 ? first.rowNumbers : first.rowNumbers.concat(last.rowNumbers);
  return { header: parser.header as DelimitedHeader, rows, rowNumbers, warnings: parser.warnings };
}
