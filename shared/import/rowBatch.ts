// What a reader hands to the profiler and the builder: rows of string cells, in file order, with the
// spreadsheet row number of each (the header is row 1; blank lines are skipped but still counted, so
// a number points at the row a user sees in Excel).

export interface RowBatch {
  /** Cells of each data row; a row may be shorter or longer than the header. */
  rows: string[][];
  /** 1-based spreadsheet row number of each row (same length as rows). */
  rowNumbers: number[];
}

/** A batch over rows numbered consecutively from `firstRowNumber` (handy for readers and tests). */
export function batchOf(rows: string[][], firstRowNumber = 2): RowBatch {
  const rowNumbers = new Array<number>(rows.length);
  for (let i = 0; i < rows.length; i++) rowNumbers[i] = firstRowNumber + i;
  return { rows, rowNumbers };
}
