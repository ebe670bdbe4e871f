// Builds a WorkspaceDataset from mapped sheets. Sheets are read one after the other, each fed in
// row batches (so a worker can report progress and cancel between batches), then merged: accounts
// matched by id across sheets, metrics per snapshot date, churn from flags, dates and events.
//
//   const builder = new DatasetBuilder({ importDate: '2024-11-01', onProblem: 'skipRow' });
//   const sheet = builder.addSheet({ fileName, headers, mapping });
//   for (const batch of batches) sheet.push(batch);
//   const { dataset, report } = builder.finish();

import type { WorkspaceDataset } from '../dataset';
import { isoToEpochDay } from '../dates';
import { AccountRegistry } from './accountColumns';
import { ImportError, type ImportWarning } from './importError';
import type { SheetKind } from './mapping';
import { mergeAttributes, mergeChurn, mergeNamesAndArr, mergeSnapshots, unknownAccountWarnings } from './mergeDataset';
import { type OnProblem, ProblemLog, type RowProblem } from './problems';
import type { RowBatch } from './rowBatch';
import { SheetReader, type SheetSpec } from './sheetReader';

export type { SheetSpec } from './sheetReader';

export interface BuildOptions {
  /** `YYYY-MM-DD`: the date of the snapshot made from a sheet without a date column. */
  importDate: string;
  /** skipRow: leave out rows with a problem and report them; abort: stop at the first one. */
  onProblem: OnProblem;
}

export interface SheetReport {
  file: string;
  kind: SheetKind;
  rowsRead: number;
  rowsImported: number;
  rowsSkipped: number;
}

export interface ImportReport {
  /** The first 1,000 row problems, in the order met. */
  problems: RowProblem[];
  /** All row problems (a row can have several). */
  problemCount: number;
  warnings: ImportWarning[];
  sheets: SheetReport[];
  accountCount: number;
  /** `YYYY-MM-DD`, ascending. */
  snapshotDates: string[];
  churnedCount: number;
  /** Churned accounts whose churn date is known. */
  churnDatesKnown: number;
}

export interface BuildResult {
  dataset: WorkspaceDataset;
  report: ImportReport;
}

/** Sheet readers in merge priority: accounts sheets first, then snapshots, then churn events. */
function byPriority(readers: SheetReader[]): SheetReader[] {
  const rank: Record<SheetKind, number> = { accounts: 0, snapshots: 1, churnEvents: 2 };
  return readers.map((r, i) => ({ r, i })).sort((a, b) => rank[a.r.kind] - rank[b.r.kind] || a.i - b.i).map((x) => x.r);
}

export class DatasetBuilder {
  private readonly registry = new AccountRegistry();
  private readonly log: ProblemLog;
  private readonly readers: SheetReader[] = [];
  private readonly importDay: number;

  constructor(options: BuildOptions) {
    this.importDay = isoToEpochDay(options.importDate);
    if (Number.isNaN(this.importDay)) throw new ImportError('invalid_argument', `The import date "${options.importDate}" is not a YYYY-MM-DD date.`);
    this.log = new ProblemLog(options.onProblem);
  }

  /** Validates the sheet's mapping against its headers and returns the reader to feed. */
  addSheet(spec: SheetSpec): Pick<SheetReader, 'push' | 'pushConverted' | 'converter' | 'end'> {
    const reader = new SheetReader(spec, this.registry, this.log, this.importDay);
    this.readers.push(reader);
    return reader;
  }

  /** Index of an account id in the dataset's keys, or -1: the builder's own index (a million ids need no second map). */
  accountIndexOf(key: string): number {
    return this.registry.lookup(key) ?? -1;
  }

  /** Problems so far (for progress display). */
  get problemCount(): number {
    return this.log.count;
  }

  finish(): BuildResult {
    if (this.readers.length === 0) throw new ImportError('invalid_argument', 'No sheet was added to the import.');
    for (const reader of this.readers) reader.end();
    const readers = byPriority(this.readers);
    const n = this.registry.size;
    const warnings: ImportWarning[] = [];
    const { names, arr } = mergeNamesAndArr(readers, this.registry);
    const attributes = mergeAttributes(readers, n);
    const snapshots = mergeSnapshots(readers, n);
    const churn = mergeChurn(readers, n, warnings);
    warnings.unshift(...unknownAccountWarnings(readers, this.registry));
    const accounts = { keys: this.registry.keys.slice(), keyIndex: this.registry.keyLookup, names, arr, attributes };
    const dataset: WorkspaceDataset = { accounts, snapshots, churn };
    const report: ImportReport = {
      problems: this.log.problems.slice(),
      problemCount: this.log.count,
      warnings,
      sheets: this.readers.map((r) => ({ file: r.fileName, kind: r.kind, rowsRead: r.rowsRead, rowsImported: r.rowsImported, rowsSkipped: r.rowsSkipped })),
      accountCount: n,
      snapshotDates: snapshots.map((s) => s.asOf),
      churnedCount: churn.length,
      churnDatesKnown: churn.filter((c) => c.churnDate !== null).length,
    };
    return { dataset, report };
  }
}

/** Builds from sheets whose rows are already in memory (small files, tests, the CLI). */
export function buildDataset(sheets: readonly (SheetSpec & { batches: Iterable<RowBatch> })[], options: BuildOptions): BuildResult {
  const builder = new DatasetBuilder(options);
  for (const sheet of sheets) {
    const reader = builder.addSheet(sheet);
    for (const batch of sheet.batches) reader.push(batch);
  }
  return builder.finish();
}
