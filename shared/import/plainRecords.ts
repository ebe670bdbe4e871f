// A quote-free run of delimited records converted straight from its bytes. papaparse splits such
// text into a string per cell (its fast mode: split by newline, then by delimiter) and RowConverter
// parses most of those strings back into numbers: for a million-row export of metrics, twenty
// million short-lived strings. Here a plain-decimal cell ("1234", "-5.25") is read from the bytes;
// ids, text and every other cell become strings and take RowConverter's own path. The result is
// the ConvertedBatch that RowConverter.convert gives for papaparse's rows of the same text (the
// tests compare the two on random files); a run it cannot read the same way is refused (null).

import { isBlankRow, trimCell } from './cellText';
import { triesPlainDecimalFirst } from './cellReaders';
import type { Delimiter, Newline } from './delimiterSniff';
import { type ConvertedBatch, type RowConverter, noteExtraCell } from './rowConverter';
import { isMissingValue } from './values/missing';
import { POW10 } from './values/number';

const LF = 10;
const CR = 13;

export interface PlainRun {
  batch: ConvertedBatch;
  /** Records read, blank ones included. */
  records: number;
  /** Rows with a non-blank cell past the header, and the record (1-based in the run) of the first. */
  extraCellRows: number;
  firstExtraCellRecord: number;
}

export class PlainRecordConverter {
  private readonly delimiter: number;
  private readonly crlf: boolean;
  /** Per cell of the header: the plan read from the cell's bytes when it is a plain decimal, or -1. */
  private readonly fastPlanOfCell: Int32Array;
  private readonly planCells: Int32Array;
  /** Per plan: the record (in the run) whose cell was read from the bytes. */
  private readonly parsedIn: Int32Array;
  /** Cell bounds of the record being read; grown for wider records. */
  private starts: Int32Array = new Int32Array(64);
  private ends: Int32Array = new Int32Array(64);
  /** Rows per byte of the last run, to size the next batch's arrays. */
  private rowsPerByte = 1 / 16;

  constructor(
    readonly converter: RowConverter,
    delimiter: Delimiter,
    newline: Newline,
  ) {
    if (!PlainRecordConverter.reads(newline)) throw new Error('PlainRecordConverter: records ended by a lone CR are left to papaparse');
    this.delimiter = delimiter.charCodeAt(0);
    this.crlf = newline === '\r\n';
    const { plans, width } = converter;
    this.planCells = Int32Array.from(plans, (p) => p.cell);
    this.parsedIn = new Int32Array(plans.length);
    this.fastPlanOfCell = new Int32Array(width).fill(-1);
    plans.forEach((p, i) => {
      if (p.read !== null && triesPlainDecimalFirst(p.column, p.kind) && p.cell >= 0 && p.cell < width) this.fastPlanOfCell[p.cell] = i;
    });
  }

  /** Whether records with this line ending can be read here. */
  static reads(newline: Newline): boolean {
    return newline !== '\r';
  }

  /**
   * Reads the whole records of `bytes`, whose text is `text` one character per byte (an ASCII
   * stretch of UTF-8, or single-byte text), starting at a record boundary and ending with a newline.
   * `recordsBefore`: records before the run (row numbers continue from it). Null when the run is
   * not like that, or holds what papaparse treats apart: a quote, a lone LF in CRLF text.
   */
  convert(bytes: Uint8Array, text: string, recordsBefore: number): PlainRun | null {
    const n = bytes.length;
    if (n === 0 || bytes[n - 1] !== LF || text.length !== n || text.indexOf('"') !== -1) return null;
    const { converter, delimiter, crlf, fastPlanOfCell, planCells, parsedIn } = this;
    const { plans, idCell, width } = converter;
    const P = plans.length;
    const T = converter.textPlanCount;
    let capacity = Math.ceil(n * this.rowsPerByte * 1.25) + 16;
    let numbers = new Float64Array(capacity * P);
    let idMissing = new Uint8Array(capacity);
    const batch: ConvertedBatch = {
      rowNumbers: [],
      ids: [],
      idMissing,
      numbers,
      texts: [],
      failRows: [],
      failPlans: [],
      failRaw: [],
      extraRows: [],
      extraCounts: [],
      extraRaw: [],
    };
    const { rowNumbers, ids, texts } = batch;
    parsedIn.fill(0);
    let records = 0;
    let extraCellRows = 0;
    let firstExtraCellRecord = 0;
    let r = 0;
    let pos = 0;
    while (pos < n) {
      if (r === capacity) {
        capacity = Math.ceil(capacity * 1.5);
        numbers = grownTo(numbers, capacity * P);
        idMissing = grownTo(idMissing, capacity);
      }
      const at = r * P;
      records++;
      // The record's cells up to its line break, bounds [starts[c], ends[c]). A plain-decimal cell
      // of a number column is read on the way (parsedIn[p] = this record); the others wait for the
      // plans' pass below, which keeps RowConverter's order (problems are met in plan order).
      let { starts, ends } = this;
      let cells = 0;
      let i = pos;
      for (;;) {
        const start = i;
        let c = bytes[i];
        const p = cells < width ? fastPlanOfCell[cells] : -1;
        if (p >= 0) {
          const negative = c === 45;
          if (negative) c = bytes[++i];
          const intStart = i;
          let digits = 0;
          while (c >= 48 && c <= 57) {
            digits = digits * 10 + (c - 48);
            c = bytes[++i];
          }
          const intDigits = i - intStart;
          let fracDigits = 0;
          const point = c === 46 && intDigits > 0;
          if (point) {
            const fracStart = ++i;
            c = bytes[i];
            while (c >= 48 && c <= 57) {
              digits = digits * 10 + (c - 48);
              c = bytes[++i];
            }
            fracDigits = i - fracStart;
          }
          const ended = c === delimiter || c === LF || (crlf && c === CR && bytes[i + 1] === LF);
          if (ended && intDigits > 0 && (!point || fracDigits > 0) && intDigits + fracDigits <= 15) {
            // As parsePlainDecimal: below 2^53, divided by an exact power of ten.
            const magnitude = fracDigits === 0 ? digits : digits / POW10[fracDigits];
            numbers[at + p] = negative ? -magnitude : magnitude;
            parsedIn[p] = records;
          }
        }
        while (c !== delimiter && c !== LF) c = bytes[++i];
        if (cells === starts.length) ({ starts, ends } = this.grow());
        starts[cells] = start;
        ends[cells++] = i;
        if (c === LF) break;
        i++;
      }
      const lineStart = pos;
      let lineEnd = i;
      pos = i + 1;
      if (crlf) {
        if (i === lineStart || bytes[i - 1] !== CR) return null;
        lineEnd = i - 1;
        ends[cells - 1] = Math.max(starts[cells - 1], lineEnd);
      }
      if (lineEnd === lineStart) continue; // an empty line
      const first = bytes[lineStart];
      if ((first <= 32 || first === delimiter) && isBlankRow(text.slice(lineStart, lineEnd).split(String.fromCharCode(delimiter)))) continue;
      const extraCell = cells > width ? this.firstNonBlankExtraCell(text, cells, width) : null;
      if (extraCell !== null && extraCellRows++ === 0) firstExtraCellRecord = records;

      rowNumbers.push(recordsBefore + records);
      for (let t = 0; t < T; t++) texts.push(null);
      const idRaw = idCell >= 0 && idCell < cells ? text.slice(starts[idCell], ends[idCell]) : undefined;
      if (idRaw === undefined || isMissingValue(idRaw)) {
        ids.push(idRaw ?? '');
        idMissing[r] = 1;
        numbers.fill(Number.NaN, at, at + P);
        r++;
        continue;
      }
      ids.push(trimCell(idRaw));
      for (let p = 0; p < P; p++) {
        if (parsedIn[p] === records) continue;
        const cell = planCells[p];
        if (cell < 0 || cell >= cells || starts[cell] === ends[cell]) {
          numbers[at + p] = Number.NaN; // no cell, or an empty one: missing
          continue;
        }
        converter.convertCell(batch, numbers, r, p, text.slice(starts[cell], ends[cell]));
      }
      if (extraCell !== null) noteExtraCell(batch, r, cells, extraCell);
      r++;
    }
    this.rowsPerByte = Math.max(r, 1) / n;
    batch.numbers = numbers.length === r * P ? numbers : numbers.slice(0, r * P);
    batch.idMissing = idMissing.length === r ? idMissing : idMissing.slice(0, r);
    return { batch, records, extraCellRows, firstExtraCellRecord };
  }

  /** The first cell past the header's width that is not blank (as its raw text), or null. */
  private firstNonBlankExtraCell(text: string, cells: number, width: number): string | null {
    for (let c = width; c < cells; c++) {
      const raw = text.slice(this.starts[c], this.ends[c]);
      if (raw.trim() !== '') return raw;
    }
    return null;
  }

  private grow(): { starts: Int32Array; ends: Int32Array } {
    this.starts = grownTo(this.starts, this.starts.length * 2);
    this.ends = grownTo(this.ends, this.ends.length * 2);
    return { starts: this.starts, ends: this.ends };
  }
}

function grownTo<A extends Float64Array | Int32Array | Uint8Array>(array: A, length: number): A {
  const bigger = new (array.constructor as new (n: number) => A)(length);
  bigger.set(array);
  return bigger;
}
