// Which of `,` `;` tab `|` separates the columns. papaparse's own guess is not trusted: each
// candidate is parsed (quotes respected, so embedded newlines and quoted separators do not
// mislead) over the first rows, and the winner is the one under which most rows have the header's
// cell count, with more than one column.

import Papa from 'papaparse';

export type Delimiter = ',' | ';' | '\t' | '|';
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];
export type Newline = '\r\n' | '\n' | '\r';

const SNIFF_ROWS = 50;

/** The line break of the first line ending outside quotes (quotes are rare in a first line). */
export function detectNewline(sample: string): Newline {
  const lf = sample.indexOf('\n');
  const cr = sample.indexOf('\r');
  if (lf === -1 && cr === -1) return '\n';
  if (lf === -1) return '\r';
  if (cr === -1) return '\n';
  if (cr === lf - 1) return '\r\n';
  return cr < lf ? '\r' : '\n';
}

export interface DelimiterGuess {
  delimiter: Delimiter;
  /** Columns in the first non-blank row under that delimiter. */
  columns: number;
  /** Share of the sampled rows that have exactly that many cells. */
  consistency: number;
}

function isBlank(row: string[]): boolean {
  for (const cell of row) if (cell.trim() !== '') return false;
  return true;
}

/** Parses up to SNIFF_ROWS non-blank rows of the sample with one delimiter. */
export function sampleRows(sample: string, delimiter: Delimiter, newline: Newline, complete: boolean): string[][] {
  const parser = new Papa.Parser({ delimiter, newline, quoteChar: '"' });
  const result = parser.parse(sample, 0, !complete) as { data: string[][] };
  const rows: string[][] = [];
  for (const row of result.data) {
    if (isBlank(row)) continue;
    rows.push(row);
    if (rows.length >= SNIFF_ROWS) break;
  }
  return rows;
}

function widthOf(row: string[]): number {
  let w = row.length;
  while (w > 1 && row[w - 1].trim() === '') w--; // trailing separators do not make a column
  return w;
}

function guessFor(sample: string, delimiter: Delimiter, newline: Newline, complete: boolean): DelimiterGuess {
  const rows = sampleRows(sample, delimiter, newline, complete);
  if (rows.length === 0) return { delimiter, columns: 0, consistency: 0 };
  const columns = widthOf(rows[0]);
  let same = 0;
  for (const row of rows) if (widthOf(row) === columns || row.length === rows[0].length) same++;
  return { delimiter, columns, consistency: same / rows.length };
}

/**
 * Picks the delimiter for a text sample (the first tens of kilobytes). `complete` says the sample
 * is the whole file, so its last row is whole too. A file with one column gets `,` and columns 1.
 */
export function sniffDelimiter(sample: string, newline: Newline, complete: boolean): DelimiterGuess {
  let best: DelimiterGuess | null = null;
  for (const delimiter of DELIMITERS) {
    const guess = guessFor(sample, delimiter, newline, complete);
    if (guess.columns < 2) continue;
    // Consistency first (a decimal comma inside `;` data splits rows unevenly), then more columns.
    if (!best || guess.consistency > best.consistency + 1e-9 || (Math.abs(guess.consistency - best.consistency) <= 1e-9 && guess.columns > best.columns)) {
      best = guess;
    }
  }
  return best ?? { delimiter: ',', columns: 1, consistency: 1 };
}
