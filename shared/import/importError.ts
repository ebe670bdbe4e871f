// Errors and warnings of an import. A whole-file problem (nothing sensible can be imported) is one
// ImportError with a code the UI can branch on and a message that names the file; row-level
// problems are collected in the import report instead (see problems.ts).

export type ImportErrorCode =
  | 'empty_file'
  | 'binary_file'
  | 'unreadable_encoding'
  | 'no_header'
  | 'no_data_rows'
  | 'unterminated_quote'
  | 'invalid_mapping'
  | 'no_account_id'
  | 'nothing_mapped'
  | 'unknown_column'
  | 'date_order_required'
  | 'field_kind_conflict'
  | 'too_many_snapshot_dates'
  | 'no_valid_rows'
  | 'row_problem'
  | 'invalid_argument';

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    /** The file the error is about, when there is one. */
    readonly fileName: string | null = null,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

/** Something the user should know that did not stop the import (a renamed header, an added account). */
export interface ImportWarning {
  code:
    | 'duplicate_header'
    | 'blank_header'
    | 'dropped_blank_columns'
    | 'single_column'
    | 'inconsistent_columns'
    | 'invalid_utf8'
    | 'malformed_quotes'
    | 'unknown_accounts'
    | 'churn_ignored'
    | 'events_outside_snapshots';
  file: string;
  message: string;
  /** How many rows, columns or values the warning is about. */
  count: number;
}

/** `"name.csv"`: every message names its file the same way. */
export function quoted(fileName: string): string {
  return `"${fileName}"`;
}

/** Shortens a raw value for a message (a 2 MB cell must not become a 2 MB message). */
export function preview(value: string, max = 40): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}
