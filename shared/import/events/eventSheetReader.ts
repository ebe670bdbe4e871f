// Reads the rows of one events sheet into columns: each row's key (an account id, or the id that
// reaches an account through another sheet), its date, end date, and the value columns its
// aggregations read. Keys are interned per sheet; they are matched to accounts only once every
// sheet is read (the accounts sheet may come later). A row with a problem is skipped whole.

import { type CellReader, cellReader, expectedValue } from '../cellReaders';
import { detachCell, trimCell } from '../cellText';
import { Float64Buffer, Int32Buffer } from '../growable';
import { type ColumnMapping, validateMapping } from '../mapping';
import { type ProblemLog, refuseSheetWithoutRows } from '../problems';
import type { RowBatch } from '../rowBatch';
import { isMissingValue } from '../values/missing';
import { type EventSheetMapping, OP_COLUMN_TYPES } from './eventMapping';

export interface EventSheetSpec {
  fileName: string;
  headers: readonly string[];
  mapping: EventSheetMapping;
}

interface ReadPlan {
  column: ColumnMapping;
  cell: number;
  read: CellReader;
}

/** Interned strings: each distinct value once, rows refer to it by index. */
class Interned {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  idOf(value: string): number {
    let id = this.index.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(detachCell(value));
      this.index.set(value, id);
    }
    return id;
  }
}

export class EventSheetReader {
  readonly fileName: string;
  readonly mapping: EventSheetMapping;
  rowsRead = 0;
  rowsImported = 0;
  rowsSkipped = 0;
  /** Distinct keys (account ids, or accountVia ids) and, per imported row, its key's index. */
  readonly keys = new Interned();
  readonly rowKey = new Int32Buffer();
  readonly rowNumber = new Int32Buffer();
  readonly rowDay = new Float64Buffer();
  /** NaN where the end is blank (still active); null without an end column. */
  readonly rowEnd: Float64Buffer | null;
  /** Per value column (in `valueHeaders` order), one value per imported row; NaN is missing. */
  readonly valueHeaders: string[];
  readonly values: Float64Buffer[];
  /** Per published link (by header): link value → key index of the row that first gave it. */
  readonly links = new Map<string, Map<string, number>>();
  private readonly keyCell: number;
  private readonly keyHeader: string;
  private readonly datePlan: ReadPlan;
  private readonly endPlan: ReadPlan | null;
  private readonly valuePlans: ReadPlan[];
  private readonly linkCells: { header: string; cell: number; map: Map<string, number> }[];
  private readonly numbers: Float64Array;

  constructor(
    spec: EventSheetSpec,
    private readonly log: ProblemLog,
  ) {
    validateMapping(spec.mapping, spec.headers, spec.fileName);
    this.fileName = spec.fileName;
    this.mapping = spec.mapping;
    const { events, columns } = spec.mapping;
    const cellOf = (header: string) => spec.headers.indexOf(header);
    const byHeader = new Map(columns.map((c) => [c.header, c]));
    const plan = (header: string): ReadPlan => {
      const column = byHeader.get(header) as ColumnMapping;
      return { column, cell: cellOf(header), read: cellReader(column, column.type, spec.fileName) };
    };
    this.keyHeader = events.accountVia?.column ?? (columns.find((c) => c.role === 'accountId') as ColumnMapping).header;
    this.keyCell = cellOf(this.keyHeader);
    this.datePlan = plan(events.date);
    this.endPlan = events.end !== undefined ? plan(events.end) : null;
    this.rowEnd = this.endPlan ? new Float64Buffer() : null;
    this.valueHeaders = [...new Set(events.aggregations.filter((a) => OP_COLUMN_TYPES[a.op] !== null).map((a) => a.column as string))];
    this.valuePlans = this.valueHeaders.map(plan);
    this.values = this.valueHeaders.map(() => new Float64Buffer());
    this.linkCells = (events.links ?? []).map((header) => {
      const map = new Map<string, number>();
      this.links.set(header, map);
      return { header, cell: cellOf(header), map };
    });
    this.numbers = new Float64Array(this.valuePlans.length + 2);
  }

  push(batch: RowBatch): void {
    const { rows, rowNumbers } = batch;
    for (let r = 0; r < rows.length; r++) this.readRow(rows[r], rowNumbers[r]);
  }

  /** Refuses a sheet none of whose rows could be used. */
  end(): void {
    refuseSheetWithoutRows(this.log, this.fileName, this.rowsRead, this.rowsImported);
  }

  /** Reads one cell with its plan into `numbers[slot]`; logs and returns false when it does not parse. */
  private readCell(row: string[], rowNumber: number, p: ReadPlan, slot: number): boolean {
    const raw = row[p.cell];
    if (raw === undefined || isMissingValue(raw)) {
      this.numbers[slot] = Number.NaN;
      return true;
    }
    const v = p.read(raw);
    this.numbers[slot] = v;
    if (!Number.isNaN(v)) return true;
    this.log.add('unparseable', this.fileName, rowNumber, p.column.header, raw, `${expectedValue(p.column.type, p.column)}.`);
    return false;
  }

  private readRow(row: string[], rowNumber: number): void {
    this.rowsRead++;
    const keyRaw = row[this.keyCell];
    if (keyRaw === undefined || isMissingValue(keyRaw)) {
      const what = this.mapping.events.accountVia ? `the ${this.keyHeader} that leads to the account is missing.` : 'the account id is missing.';
      this.log.add('missing_id', this.fileName, rowNumber, this.keyHeader, keyRaw === undefined || keyRaw === '' ? null : keyRaw, what);
      this.rowsSkipped++;
      return;
    }
    let ok = this.readCell(row, rowNumber, this.datePlan, 0);
    if (ok && Number.isNaN(this.numbers[0])) {
      this.log.add('missing_date', this.fileName, rowNumber, this.datePlan.column.header, null, 'the event date is missing.');
      ok = false;
    }
    if (this.endPlan) ok = this.readCell(row, rowNumber, this.endPlan, 1) && ok;
    for (let v = 0; v < this.valuePlans.length; v++) ok = this.readCell(row, rowNumber, this.valuePlans[v], v + 2) && ok;
    if (!ok) {
      this.rowsSkipped++;
      return;
    }
    const key = this.keys.idOf(trimCell(keyRaw));
    for (const link of this.linkCells) {
      const raw = row[link.cell];
      if (raw === undefined || isMissingValue(raw)) continue;
      const value = trimCell(raw);
      const earlier = link.map.get(value);
      if (earlier === undefined) link.map.set(detachCell(value), key);
      else if (earlier !== key) {
        this.log.add('duplicate_id', this.fileName, rowNumber, link.header, value, `this ${link.header} already leads to account "${this.keys.values[earlier]}" in an earlier row; this row was skipped.`);
        this.rowsSkipped++;
        return;
      }
    }
    const n = this.numbers;
    this.rowsImported++;
    this.rowKey.push(key);
    this.rowNumber.push(rowNumber);
    this.rowDay.push(n[0]);
    this.rowEnd?.push(n[1]);
    for (let v = 0; v < this.values.length; v++) this.values[v].push(n[v + 2]);
  }
}
