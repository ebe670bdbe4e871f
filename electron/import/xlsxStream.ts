// One worksheet of an XLSX workbook through exceljs's streaming reader (the workbook is never loaded
// whole): the first sheet unless one is named, rows as text cells with Excel's own row numbers. The
// first non-empty row is the header, checked like a CSV header; blank rows are skipped.

import fs from 'node:fs';
import { ImportError, type ImportWarning, type RowBatch, assertLooksLikeHeader, normaliseHeaderRow } from '../../shared/import';
import type { SheetStream } from './sheetStream';
import { JobCancelled } from './workerProtocol';
import { cellToText } from './xlsxCells';

const ROWS_PER_BATCH = 2_000;
const HEADER_SAMPLE_ROWS = 50;

/** The parts of exceljs's streaming reader objects used here (its typings omit them). */
interface StreamedWorkbook extends AsyncIterable<StreamedWorksheet> {
  model?: { sheets?: { name: string }[] };
  properties?: { model?: { date1904?: boolean } };
}
interface StreamedWorksheet extends AsyncIterable<StreamedRow> {
  name: string;
}
interface StreamedRow {
  number: number;
  cellCount: number;
  eachCell(callback: (cell: { value: unknown; numFmt?: string; col: number }, col: number) => void): void;
}

const quoted = (s: string) => `"${s}"`;

/**
 * Under load, exceljs's streaming reader (4.4) sometimes ends its pass over the ZIP before the last
 * entries, so a workbook written with the workbook part last (as exceljs itself writes it) fails
 * with "Cannot read properties of undefined (reading 'sheets')" about one pass in thirty. Such a
 * pass has yielded no rows, so it is simply read again.
 */
const READ_ATTEMPTS = 4;

/** A pass that ended before the workbook part was read; `failure` is what to report if it persists. */
class IncompletePass extends Error {
  constructor(readonly failure: ImportError) {
    super(failure.message);
  }
}

/** Loaded on first use: a worker importing CSV starts faster without exceljs's module graph. */
async function loadExcelJs(): Promise<typeof import('exceljs')> {
  const mod = await import('exceljs');
  return (mod as unknown as { default?: typeof import('exceljs') }).default ?? mod;
}

export class XlsxSheetStream implements SheetStream {
  readonly encoding = null;
  readonly delimiter = null;
  sheetNames: string[] = [];
  headers: string[] | null = null;
  warnings: ImportWarning[] = [];
  private input: fs.ReadStream | null = null;
  private firstColumn = 0;

  constructor(
    private readonly path: string,
    readonly fileName: string,
    readonly totalBytes: number,
    private readonly requestedSheet: string | undefined,
  ) {}

  get bytesRead(): number {
    return this.input?.bytesRead ?? 0;
  }

  async *batches(): AsyncGenerator<RowBatch> {
    for (let attempt = 1; ; attempt++) {
      let yielded = false;
      try {
        for await (const batch of this.readPass()) {
          yielded = true;
          yield batch;
        }
        return;
      } catch (err) {
        if (!(err instanceof IncompletePass) || yielded) throw err;
        if (attempt >= READ_ATTEMPTS) throw err.failure;
      }
    }
  }

  /** One pass of exceljs's reader over the ZIP, up to the end of the wanted sheet. */
  private async *readPass(): AsyncGenerator<RowBatch> {
    this.sheetNames = [];
    const input = fs.createReadStream(this.path);
    this.input = input;
    input.on('error', () => undefined); // reported through the reader's own error
    const workbook = new (await loadExcelJs()).stream.xlsx.WorkbookReader(input, {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache',
      worksheets: 'emit',
    }) as unknown as StreamedWorkbook;
    let found = false;
    try {
      for await (const worksheet of workbook) {
        this.sheetNames = workbook.model?.sheets?.map((s) => s.name) ?? [];
        const wanted = this.requestedSheet ?? this.sheetNames[0] ?? worksheet.name;
        if (worksheet.name !== wanted) continue;
        found = true;
        yield* this.readSheet(worksheet, workbook.properties?.model?.date1904 ?? false);
        break;
      }
    } catch (err) {
      if (err instanceof ImportError || err instanceof JobCancelled) throw err;
      const failure = new ImportError('binary_file', `${quoted(this.fileName)} cannot be read as an Excel workbook: ${(err as Error).message}`, this.fileName);
      // The workbook part (sheet names) never read: the pass ended early, not the file being bad.
      throw workbook.model === undefined ? new IncompletePass(failure) : failure;
    } finally {
      input.destroy();
    }
    if (found) return;
    const wanted = this.requestedSheet ?? this.sheetNames[0];
    if (wanted !== undefined && this.sheetNames.includes(wanted)) {
      // Listed in the workbook part, yet the pass ended before its rows.
      throw new IncompletePass(new ImportError('binary_file', `${quoted(this.fileName)}: the sheet ${quoted(wanted)} is listed but could not be read.`, this.fileName));
    }
    throw workbook.model === undefined ? new IncompletePass(this.missingSheet()) : this.missingSheet();
  }

  private missingSheet(): ImportError {
    if (this.sheetNames.length === 0) {
      return new ImportError('binary_file', `${quoted(this.fileName)} is a ZIP archive but not an Excel workbook (.xlsx) with worksheets.`, this.fileName);
    }
    return new ImportError(
      'invalid_argument',
      `${quoted(this.fileName)} has no sheet named ${quoted(this.requestedSheet ?? '')}; its sheets are ${this.sheetNames.map(quoted).join(', ')}.`,
      this.fileName,
    );
  }

  private async *readSheet(worksheet: StreamedWorksheet, date1904: boolean): AsyncGenerator<RowBatch> {
    let rows: string[][] = [];
    let rowNumbers: number[] = [];
    let dataRows = 0;
    let headerCells: string[] | null = null;
    for await (const row of worksheet) {
      const cells = this.rowCells(row, date1904);
      if (cells === null) continue;
      if (headerCells === null) {
        headerCells = this.takeHeader(cells);
        continue;
      }
      rows.push(this.firstColumn > 0 ? cells.slice(this.firstColumn) : cells);
      rowNumbers.push(row.number);
      dataRows++;
      if (dataRows === Math.min(HEADER_SAMPLE_ROWS, ROWS_PER_BATCH)) assertLooksLikeHeader(headerCells, rows, this.fileName);
      if (rows.length >= ROWS_PER_BATCH) {
        yield { rows, rowNumbers };
        rows = [];
        rowNumbers = [];
      }
    }
    const sheet = `The sheet ${quoted(worksheet.name)} of ${quoted(this.fileName)}`;
    if (headerCells === null) {
      const others = this.sheetNames.filter((n) => n !== worksheet.name);
      const hint = others.length > 0 ? ` The workbook's other sheets: ${others.map(quoted).join(', ')}; choose one of them.` : '';
      throw new ImportError('empty_file', `${sheet} is empty.${hint}`, this.fileName);
    }
    if (dataRows === 0) throw new ImportError('no_data_rows', `${sheet} has a header row but no data rows.`, this.fileName);
    if (dataRows < HEADER_SAMPLE_ROWS) assertLooksLikeHeader(headerCells, rows, this.fileName);
    if (rows.length > 0) yield { rows, rowNumbers };
  }

  /** The row's cells as text, column A first; null for a row with no value at all. */
  private rowCells(row: StreamedRow, date1904: boolean): string[] | null {
    const cells: string[] = [];
    let any = false;
    row.eachCell((cell, col) => {
      const text = cellToText(cell.value, cell.numFmt, date1904);
      if (text === '') return;
      while (cells.length < col - 1) cells.push('');
      cells[col - 1] = text;
      any = true;
    });
    return any ? cells : null;
  }

  /** The header row: columns before its first named cell (a table that starts in column B) are left out. */
  private takeHeader(cells: string[]): string[] {
    this.firstColumn = Math.max(0, cells.findIndex((c) => c.trim() !== ''));
    const named = cells.slice(this.firstColumn);
    const header = normaliseHeaderRow(named, this.fileName);
    this.headers = header.headers;
    this.warnings.push(...header.warnings);
    return named;
  }
}
