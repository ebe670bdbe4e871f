// Small helpers for the text of one cell, shared by the profiler and the builder.

/** Trims only when needed (most cells have no surrounding blanks). */
export function trimCell(raw: string): string {
  const n = raw.length;
  return n > 0 && (raw.charCodeAt(0) <= 32 || raw.charCodeAt(n - 1) <= 32 || raw.charCodeAt(0) === 0xa0) ? raw.trim() : raw;
}

/**
 * A copy of a cell that is kept (an account id, a text value): engines may represent a cell cut out
 * of a parsed chunk as a slice that keeps the whole chunk alive, so a kept slice of every chunk
 * would keep the whole file's text in memory. Concatenating forces a fresh, flat string.
 */
export function detachCell(value: string): string {
  return value.length < 13 ? value : (' ' + value).slice(1);
}

/** A record whose cells are all empty or blank (skipped, though it still counts as a row). */
export function isBlankRow(row: readonly string[]): boolean {
  for (let i = 0; i < row.length; i++) {
    const cell = row[i];
    if (cell.length !== 0 && (cell.charCodeAt(0) > 32 || cell.trim() !== '')) return false;
  }
  return true;
}
