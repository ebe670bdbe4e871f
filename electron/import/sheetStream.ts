// One sheet of a file, read as row batches: delimited text streamed from disk, or one worksheet of
// an XLSX workbook through exceljs's streaming reader. The kind is decided by the file's first bytes
// (an .xlsx is a ZIP archive), not by its extension, so a renamed file is still read correctly and
// anything else goes to the delimited reader, whose core refuses binary data with a clear error.

import fs from 'node:fs';
import type { ImportWarning, RowBatch } from '../../shared/import';
import { DelimitedFileStream } from './delimitedStream';
import type { WorkerSource } from './workerProtocol';
import { XlsxSheetStream } from './xlsxStream';

export interface SheetStream {
  readonly fileName: string;
  readonly totalBytes: number;
  /** Bytes of the file consumed so far (for XLSX: of the compressed file). */
  readonly bytesRead: number;
  /** The sheet's column names, known from the first batch on. */
  readonly headers: string[] | null;
  /** Delimited text: what was detected; null for XLSX. */
  readonly encoding: string | null;
  readonly delimiter: string | null;
  /** XLSX: every sheet's name in workbook order; empty for delimited text. */
  readonly sheetNames: string[];
  /** Whole-file warnings of the reader (renamed headers, invalid UTF-8…), complete at the end. */
  readonly warnings: ImportWarning[];
  /** Data rows and their spreadsheet row numbers, in order. Throws ImportError for unreadable files. */
  batches(): AsyncGenerator<RowBatch>;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export type FileKind = 'xlsx' | 'delimited';

export function detectFileKind(file: string): FileKind {
  const head = Buffer.alloc(ZIP_MAGIC.length);
  const fd = fs.openSync(file, 'r');
  let n: number;
  try {
    n = fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  return n === ZIP_MAGIC.length && ZIP_MAGIC.every((b, i) => head[i] === b) ? 'xlsx' : 'delimited';
}

export function openSheetStream(source: WorkerSource): SheetStream {
  const totalBytes = fs.statSync(source.path).size;
  return detectFileKind(source.path) === 'xlsx'
    ? new XlsxSheetStream(source.path, source.fileName, totalBytes, source.sheet)
    : new DelimitedFileStream(source.path, source.fileName, totalBytes);
}
