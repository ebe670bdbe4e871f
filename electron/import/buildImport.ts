// The second pass of an import (in the worker): the files read again, each row batch fed to the
// core's DatasetBuilder under the confirmed mapping. Row problems are collected (skipRow), not
// fatal, so the user sees the whole report before deciding whether to write without those rows.

import { DatasetBuilder, EventImport, ImportError, type ImportWarning, type WorkspaceImportResult, assertHasAccountSheet } from '../../shared/import';
import { DelimitedFileStream } from './delimitedStream';
import { SPLIT_MIN_BYTES } from './halfHelper';
import type { ProgressMeter } from './progressMeter';
import { type SheetStream, openSheetStream } from './sheetStream';
import type { CancelFlag, ImportRequest, WorkerSource } from './workerProtocol';

/**
 * How the report names a sheet: its file, and the sheet too when the import reads several sheets of
 * that workbook (so their row problems and counts can be told apart).
 */
export function sourceLabel(source: WorkerSource, all: readonly WorkerSource[]): string {
  const sameFile = all.filter((s) => s.path === source.path).length;
  return sameFile > 1 && source.sheet !== undefined ? `${source.fileName} · ${source.sheet}` : source.fileName;
}

function assertSameHeaders(now: readonly string[] | null, analysed: readonly string[], fileName: string): void {
  if (now !== null && now.length === analysed.length && now.every((h, i) => h === analysed[i])) return;
  throw new ImportError('invalid_argument', `"${fileName}" has changed since it was analysed (its columns are not the same): analyse it again.`, fileName);
}

type BuildSheet = ReturnType<DatasetBuilder['addSheet']> | ReturnType<EventImport['addSheet']>;

/**
 * The stream's batches: a delimited file's rows converted under the sheet's plans (on two threads
 * when a helper bundle is given and the file is big enough), other sheets' rows as read.
 */
function batchesOf(stream: SheetStream, sheet: BuildSheet, request: ImportRequest, i: number, cancel: CancelFlag, helperFile: string | undefined) {
  const mapping = request.mappings[i];
  if (mapping.kind === 'events' || !(stream instanceof DelimitedFileStream) || !('converter' in sheet)) return stream.batches();
  const minBytes = request.splitMinBytes ?? SPLIT_MIN_BYTES;
  const split = helperFile === undefined ? null : { helperFile, minBytes, headers: request.headers[i], mapping, cancel: cancel.buffer };
  return stream.convertedBatches(sheet.converter, split);
}

/** `helperFile`: the import worker's bundle, to read big delimited files on a second thread. */
export async function buildImport(request: ImportRequest, meter: ProgressMeter, cancel: CancelFlag, helperFile?: string): Promise<WorkspaceImportResult> {
  assertHasAccountSheet(request.mappings);
  const builder = new DatasetBuilder({ importDate: request.importDate, onProblem: 'skipRow' });
  // Events sheets (tickets, usage…) are read beside the builder and aggregated once it has finished.
  const events = new EventImport('skipRow');
  const readerWarnings: ImportWarning[] = [];
  let rowsBefore = 0;
  let bytesBefore = 0;
  meter.startPhase('building');
  for (let i = 0; i < request.sources.length; i++) {
    cancel.check();
    const source = request.sources[i];
    const stream = openSheetStream(source);
    const spec = { fileName: sourceLabel(source, request.sources), headers: request.headers[i] };
    const mapping = request.mappings[i];
    const sheet = mapping.kind === 'events' ? events.addSheet({ ...spec, mapping }, i) : builder.addSheet({ ...spec, mapping });
    let rows = 0;
    for await (const batch of batchesOf(stream, sheet, request, i, cancel, helperFile)) {
      cancel.check();
      if (rows === 0) assertSameHeaders(stream.headers, request.headers[i], source.fileName);
      if ('ids' in batch) (sheet as ReturnType<DatasetBuilder['addSheet']>).pushConverted(batch);
      else sheet.push(batch);
      rows += batch.rowNumbers.length;
      meter.report(rowsBefore + rows, bytesBefore + stream.bytesRead);
    }
    readerWarnings.push(...stream.warnings);
    rowsBefore += rows;
    bytesBefore += stream.totalBytes;
  }
  cancel.check();
  const result = events.finish(builder.finish());
  result.report.warnings.unshift(...readerWarnings);
  meter.report(rowsBefore, bytesBefore, 1, true);
  return result;
}
