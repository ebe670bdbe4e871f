// The events sheets of one import, next to the DatasetBuilder that reads the other sheets: each is
// read into columns as its batches come, and once the builder has finished they are matched to its
// accounts, aggregated at the snapshot dates and merged into its dataset and report.
//
//   const events = new EventImport('skipRow');
//   const sheet = events.addSheet({ fileName, headers, mapping }, position);  // position: order in the import
//   for (const batch of batches) sheet.push(batch);
//   const result = events.finish(builder.finish());

import { epochDayToIso } from '../../dates';
import type { BuildResult, ImportReport, SheetReport } from '../buildDataset';
import { ImportError, type ImportWarning, quoted } from '../importError';
import { KeyIndex } from '../keyIndex';
import { MAX_SNAPSHOT_DATES } from '../mergeDataset';
import { MAX_KEPT_PROBLEMS, type OnProblem, ProblemLog } from '../problems';
import { aggregateEvents, type AggregationPlan, type EventColumns } from './aggregate';
import { DEFAULT_LOOKBACK_DAYS, OP_COLUMN_TYPES } from './eventMapping';
import { EventSheetReader, type EventSheetSpec } from './eventSheetReader';
import { addEventMetrics, type EventMetric } from './mergeEventMetrics';
import { resolveAccounts } from './resolveAccounts';
import { eventSnapshotDays } from './snapshotDates';

/** A sheet's line in the report; events sheets have kind `events`. */
export type ImportSheetReport = Omit<SheetReport, 'kind'> & { kind: SheetReport['kind'] | 'events' };

/** The import report with events sheets listed among the sheets, in import order. */
export type WorkspaceImportReport = Omit<ImportReport, 'sheets'> & { sheets: ImportSheetReport[] };

export interface WorkspaceImportResult {
  dataset: BuildResult['dataset'];
  report: WorkspaceImportReport;
}

function columnsOf(reader: EventSheetReader, account: Int32Array): EventColumns {
  return {
    account,
    day: reader.rowDay.toArray(),
    end: reader.rowEnd ? reader.rowEnd.toArray() : null,
    values: reader.values.map((v) => v.toArray()),
  };
}

function plansOf(reader: EventSheetReader): AggregationPlan[] {
  return reader.mapping.events.aggregations.map((a) => ({ op: a.op, value: OP_COLUMN_TYPES[a.op] === null ? -1 : reader.valueHeaders.indexOf(a.column as string) }));
}

export class EventImport {
  private readonly log: ProblemLog;
  private readonly sheets: { reader: EventSheetReader; position: number }[] = [];

  constructor(onProblem: OnProblem) {
    this.log = new ProblemLog(onProblem);
  }

  /** Validates the mapping and returns the reader to feed; `position` is the sheet's place in the import. */
  addSheet(spec: EventSheetSpec, position: number): EventSheetReader {
    const reader = new EventSheetReader(spec, this.log);
    this.sheets.push({ reader, position });
    return reader;
  }

  get size(): number {
    return this.sheets.length;
  }

  /** Problems so far (for progress display). */
  get problemCount(): number {
    return this.log.count;
  }

  finish(built: BuildResult): WorkspaceImportResult {
    // Nothing to aggregate: pass the builder's result through (indexing 1M keys costs ~0.4 s).
    if (this.sheets.length === 0) return { dataset: built.dataset, report: { ...built.report, sheets: this.sheetReports(built.report.sheets) } };
    const readers = this.sheets.map((s) => s.reader);
    for (const reader of readers) reader.end();
    const { dataset, report } = built;
    const n = dataset.accounts.keys.length;
    // The builder's own index over the ids (a Map of a million ids cost ~0.4 s).
    const index = dataset.accounts.keyIndex ?? KeyIndex.ofUnique(dataset.accounts.keys);
    if (index === null) throw new Error('the dataset repeats an account id');
    const accounts = resolveAccounts(
      readers,
      (key) => {
        const i = index.find(key);
        return i < 0 ? undefined : i;
      },
      this.log,
    );
    const columns = readers.map((r, i) => columnsOf(r, accounts[i]));

    // The first event per account (presence) and the range of all events (month starts).
    const firstEventDay = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    let first = Number.NaN;
    let last = Number.NaN;
    for (const c of columns) {
      for (let r = 0; r < c.day.length; r++) {
        const a = c.account[r];
        if (a < 0) continue;
        const day = c.day[r];
        if (day < firstEventDay[a]) firstEventDay[a] = day;
        if (!(first <= day)) first = day;
        if (!(last >= day)) last = day;
      }
    }
    const days = eventSnapshotDays(report.snapshotDates, first, last);
    if (days.length > MAX_SNAPSHOT_DATES) {
      throw new ImportError('too_many_snapshot_dates', `The events span ${days.length} month starts, more than ${MAX_SNAPSHOT_DATES} snapshot dates.`, readers[0]?.fileName ?? null);
    }
    const metrics: EventMetric[] = [];
    const warnings: ImportWarning[] = [];
    readers.forEach((reader, i) => {
      const { events } = reader.mapping;
      const values = aggregateEvents(columns[i], plansOf(reader), days, events.lookbackDays ?? DEFAULT_LOOKBACK_DAYS, n);
      events.aggregations.forEach((a, k) => metrics.push({ name: a.name.trim(), fileName: reader.fileName, byDate: values.map((byAgg) => byAgg[k]) }));
      const late = lateEvents(columns[i], days);
      if (late > 0) {
        warnings.push({
          code: 'events_outside_snapshots',
          file: reader.fileName,
          count: late,
          message: `${late} row(s) of ${quoted(reader.fileName)} are dated after the last snapshot date (${epochDayToIso(days[days.length - 1])}) and count in no snapshot.`,
        });
      }
    });
    const merged = addEventMetrics(dataset, days, metrics, firstEventDay);
    const problems = [...report.problems, ...this.log.problems].slice(0, MAX_KEPT_PROBLEMS);
    return {
      dataset: merged,
      report: {
        ...report,
        problems,
        problemCount: report.problemCount + this.log.count,
        warnings: [...report.warnings, ...warnings],
        sheets: this.sheetReports(report.sheets),
        snapshotDates: merged.snapshots.map((s) => s.asOf),
      },
    };
  }

  /** The builder's sheets with the events sheets put back at their places in the import. */
  private sheetReports(rowSheets: readonly SheetReport[]): ImportSheetReport[] {
    const out: ImportSheetReport[] = [...rowSheets];
    for (const { reader, position } of [...this.sheets].sort((a, b) => a.position - b.position)) {
      const line: ImportSheetReport = { file: reader.fileName, kind: 'events', rowsRead: reader.rowsRead, rowsImported: reader.rowsImported, rowsSkipped: reader.rowsSkipped };
      out.splice(Math.min(position, out.length), 0, line);
    }
    return out;
  }
}

/** Rows of known accounts dated after the last date (none when there are no dates). */
function lateEvents(c: EventColumns, days: Float64Array): number {
  if (days.length === 0) return 0;
  const lastDay = days[days.length - 1];
  let late = 0;
  for (let r = 0; r < c.day.length; r++) if (c.account[r] >= 0 && c.day[r] > lastDay) late++;
  return late;
}
