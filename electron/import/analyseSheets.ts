// The analysis pass of an import (in the worker): every source read once, in full, through the
// core's SheetProfiler, which keeps per-column tallies only, so memory does not grow with the rows.
// Out come the headers, a preview, the profiles and the guessed mapping of each sheet.

import { SheetProfiler, guessMapping } from '../../shared/import';
import type { ProgressMeter } from './progressMeter';
import { openSheetStream } from './sheetStream';
import type { CancelFlag, WorkerSheetAnalysis, WorkerSource } from './workerProtocol';

export const PREVIEW_ROWS = 20;
/** A preview cell longer than this is cut (a 2 MB cell must not travel to the UI). */
const PREVIEW_CELL_CHARS = 200;

function previewCell(value: string): string {
  return value.length <= PREVIEW_CELL_CHARS ? value : `${value.slice(0, PREVIEW_CELL_CHARS - 1)}…`;
}

export async function analyseSheets(sources: readonly WorkerSource[], meter: ProgressMeter, cancel: CancelFlag): Promise<WorkerSheetAnalysis[]> {
  const out: WorkerSheetAnalysis[] = [];
  let rowsBefore = 0;
  let bytesBefore = 0;
  meter.startPhase('reading');
  for (const source of sources) {
    cancel.check();
    const stream = openSheetStream(source);
    let profiler: SheetProfiler | null = null;
    const previewRows: string[][] = [];
    let rowCount = 0;
    for await (const batch of stream.batches()) {
      cancel.check();
      profiler ??= new SheetProfiler(stream.headers as string[]);
      profiler.push(batch);
      for (let i = 0; i < batch.rows.length && previewRows.length < PREVIEW_ROWS; i++) previewRows.push(batch.rows[i].map(previewCell));
      rowCount += batch.rows.length;
      meter.report(rowsBefore + rowCount, bytesBefore + stream.bytesRead);
    }
    cancel.check();
    meter.startPhase('analysing', rowsBefore + rowCount, bytesBefore + stream.totalBytes);
    // A stream that ends without a batch has thrown already (empty file, no data rows).
    const headers = stream.headers as string[];
    const profiles = (profiler as SheetProfiler).result();
    out.push({
      sheetNames: stream.sheetNames,
      encoding: stream.encoding,
      delimiter: stream.delimiter,
      headers,
      previewRows,
      rowCount,
      profiles,
      guess: guessMapping(headers, profiles),
    });
    rowsBefore += rowCount;
    bytesBefore += stream.totalBytes;
    if (out.length < sources.length) meter.startPhase('reading', rowsBefore, bytesBefore);
  }
  meter.report(rowsBefore, bytesBefore, 1, true);
  return out;
}
