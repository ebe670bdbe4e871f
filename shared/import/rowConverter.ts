// The order-free half of reading a mapped sheet: each row's cells converted under the column plans
// (numbers, flags and dates as numbers, text trimmed), with the raw text of every cell that failed
// to parse. It needs no account registry, so a helper thread can convert one half of a file while
// the SheetReader replays the converted rows in file order (ids, duplicates, problems).

import type { FieldKind } from '../dataset';
import { type CellReader, cellReader } from './cellReaders';
import { detachCell, trimCell } from './cellText';
import { type ColumnMapping, ROLE_TYPES, type SheetMapping } from './mapping';
import type { RowBatch } from './rowBatch';
import { isMissingValue } from './values/missing';

export interface ColumnPlan {
  column: ColumnMapping;
  cell: number;
  kind: FieldKind;
  read: CellReader | null;
}

/** The plans of the mapped columns a sheet reads, in mapping order (the order problems are met). */
export function columnPlans(mapping: SheetMapping, headers: readonly string[], fileName: string): ColumnPlan[] {
  const events = mapping.kind === 'churnEvents';
  const plans: ColumnPlan[] = [];
  for (const column of mapping.columns) {
    const { role } = column;
    if (role === 'ignore' || role === 'accountId') continue;
    if (events && role !== 'churnDate' && role !== 'churnedFlag') continue;
    const kind: FieldKind = ROLE_TYPES[role] ?? column.type;
    plans.push({ column, cell: headers.indexOf(column.header), kind, read: kind === 'text' ? null : cellReader(column, kind, fileName) });
  }
  return plans;
}

/** Rows converted under a sheet's plans; plain arrays and one Float64Array (cheap to post). */
export interface ConvertedBatch {
  rowNumbers: number[];
  /** The trimmed id, or the raw id cell ('' when absent) of a row whose id is missing. */
  ids: string[];
  /** 1 where the row's id is missing (its other cells are not converted). */
  idMissing: Uint8Array;
  /** rows × plans; NaN for missing, unparseable or text cells. */
  numbers: Float64Array;
  /** rows × text plans; null for missing cells. */
  texts: (string | null)[];
  /** Unparseable cells in file order: row (in the batch), plan, raw text. */
  failRows: number[];
  failPlans: number[];
  failRaw: string[];
  /** Rows with a non-blank cell beyond the header: row, its cell count, that cell. */
  extraRows: number[];
  extraCounts: number[];
  extraRaw: string[];
}

export class RowConverter {
  readonly textPlanCount: number;
  private readonly textSlot: Int32Array;

  constructor(
    readonly plans: readonly ColumnPlan[],
    readonly idCell: number,
    /** The header's width: cells past it are extra cells. */
    readonly width: number,
  ) {
    this.textSlot = new Int32Array(plans.length).fill(-1);
    let t = 0;
    plans.forEach((p, i) => {
      if (p.read === null) this.textSlot[i] = t++;
    });
    this.textPlanCount = t;
  }

  /** Where plan `p`'s text goes in a row's slice of `texts` (-1: not a text plan). */
  textSlotOf(p: number): number {
    return this.textSlot[p];
  }

  convert(batch: RowBatch): ConvertedBatch {
    const { rows } = batch;
    const { plans, idCell, width } = this;
    const P = plans.length;
    const T = this.textPlanCount;
    const out: ConvertedBatch = {
      rowNumbers: batch.rowNumbers,
      ids: new Array<string>(rows.length),
      idMissing: new Uint8Array(rows.length),
      numbers: new Float64Array(rows.length * P),
      texts: new Array<string | null>(rows.length * T).fill(null),
      failRows: [],
      failPlans: [],
      failRaw: [],
      extraRows: [],
      extraCounts: [],
      extraRaw: [],
    };
    const { numbers } = out;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      const idRaw = row[idCell];
      if (idRaw === undefined || isMissingValue(idRaw)) {
        out.ids[r] = idRaw ?? '';
        out.idMissing[r] = 1;
        numbers.fill(Number.NaN, r * P, (r + 1) * P);
        continue;
      }
      out.ids[r] = trimCell(idRaw);
      for (let p = 0; p < P; p++) this.convertCell(out, numbers, r, p, row[plans[p].cell]);
      if (row.length > width) {
        for (let i = width; i < row.length; i++) {
          if (row[i].trim() !== '') {
            noteExtraCell(out, r, row.length, row[i]);
            break;
          }
        }
      }
    }
    return out;
  }

  /**
   * Cell `raw` of plan `p` in row `r` into `out` (its numbers are `numbers`, which a caller may
   * still be growing): NaN when missing or text, the text trimmed, an unparseable cell recorded.
   */
  convertCell(out: ConvertedBatch, numbers: Float64Array, r: number, p: number, raw: string | undefined): void {
    const plan = this.plans[p];
    const at = r * this.plans.length + p;
    if (raw === undefined || isMissingValue(raw)) {
      numbers[at] = Number.NaN;
    } else if (plan.read === null) {
      numbers[at] = Number.NaN;
      out.texts[r * this.textPlanCount + this.textSlot[p]] = detachCell(trimCell(raw));
    } else {
      const v = plan.read(raw);
      if (Number.isNaN(v)) {
        out.failRows.push(r);
        out.failPlans.push(p);
        out.failRaw.push(raw);
      }
      numbers[at] = v;
    }
  }
}

/** Row `r` has `count` cells, more than the header, and `raw` is the first non-blank one past it. */
export function noteExtraCell(out: ConvertedBatch, r: number, count: number, raw: string): void {
  out.extraRows.push(r);
  out.extraCounts.push(count);
  out.extraRaw.push(raw);
}
