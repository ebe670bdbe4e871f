// The second pass of an import (in the worker): the files read again, each row batch fed to the
// core's DatasetBuilder under the confirmed mapping. Row problems are collected (skipRow), not
// fatal, so the user sees the whole report before deciding whether to write without those rows.

import { DatasetBuilder, EventImport, ImportError, type ImportWarning, type WorkspaceImportResult, assertHasAccountSheet } from '../../shared/import';
import type { ProgressMeter } from './progressMeter';
import { openSheetStream } from './sheetStream';
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

export async function buildImport(request: ImportRequest, meter: ProgressMeter, cancel: CancelFlag): Promise<WorkspaceImportResult> {
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
    for await (const batch of stream.batches()) {
      cancel.check();
      if (rows === 0) assertSameHeaders(stream.headers, request.headers[i], source.fileName);
      sheet.push(batch);
      rows += batch.rows.length;
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
