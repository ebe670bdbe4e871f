// Row-level problems of an import: kept (the first 1,000) and counted (all). With onProblem 'abort'
// the first one stops the import as an ImportError that names file, row, column and value.

import { ImportError, preview, quoted } from './importError';

export type RowProblemKind = 'missing_id' | 'duplicate_id' | 'unparseable' | 'missing_date' | 'extra_cells' | 'unknown_account';

export interface RowProblem {
  kind: RowProblemKind;
  file: string;
  /** Spreadsheet row number (the header is row 1). */
  row: number;
  /** The column's header, or null for a problem with the whole row. */
  column: string | null;
  /** The raw cell value, or null. */
  value: string | null;
  message: string;
}

export type OnProblem = 'skipRow' | 'abort';

export const MAX_KEPT_PROBLEMS = 1000;

export class ProblemLog {
  readonly problems: RowProblem[] = [];
  count = 0;

  constructor(
    private readonly onProblem: OnProblem,
    private readonly maxKept = MAX_KEPT_PROBLEMS,
  ) {}

  add(kind: RowProblemKind, file: string, row: number, column: string | null, value: string | null, what: string): void {
    this.count++;
    const cell = column === null ? '' : `, column "${column}"`;
    const shown = value === null ? '' : `"${preview(value)}" `;
    const message = `${quoted(file)} row ${row}${cell}: ${shown}${what}`;
    if (this.onProblem === 'abort') throw new ImportError('row_problem', message, file);
    if (this.problems.length < this.maxKept) this.problems.push({ kind, file, row, column, value, message });
  }
}

/** A sheet none of whose rows could be used is refused whole, with its first problem as the reason. */
export function refuseSheetWithoutRows(log: ProblemLog, fileName: string, rowsRead: number, rowsImported: number): void {
  if (rowsImported > 0) return;
  const first = log.problems.find((p) => p.file === fileName);
  const why = first ? ` The first problem: ${first.message}` : '';
  throw new ImportError('no_valid_rows', `None of the ${rowsRead} data rows of ${quoted(fileName)} could be imported.${why}`, fileName);
}
