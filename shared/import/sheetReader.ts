// Reads the rows of one mapped sheet into columnar buffers: account-level values per account,
// metric values per row (with the row's account and snapshot date), churn events per account.
// A row with any problem (missing id, unparseable value, duplicate id for its date) is skipped
// whole, or stops the import when the caller chose 'abort'.

import type { FieldKind } from '../dataset';
import { AccountLevelColumn, type AccountRegistry } from './accountColumns';
import { type CellReader, cellReader, expectedValue } from './cellReaders';
import { detachCell, trimCell } from './cellText';
import { AccountBytes, AccountFloat64, Float64Buffer, Int32Buffer } from './growable';
import { type ColumnMapping, ROLE_TYPES, type SheetKind, type SheetMapping, validateMapping } from './mapping';
import { type ProblemLog, refuseSheetWithoutRows } from './problems';
import type { RowBatch } from './rowBatch';
import { isMissingValue } from './values/missing';

export interface SheetSpec {
  fileName: string;
  /** The sheet's headers, as the reader produced them (unique). */
  headers: readonly string[];
  mapping: SheetMapping;
}

interface ValuePlan {
  column: ColumnMapping;
  cell: number;
  kind: FieldKind;
  read: CellReader | null;
  /** Where account-level values go (null for metrics and the snapshot date). */
  target: AccountLevelColumn | null;
}

/** Row-level metric values of a sheet, with each row's account and snapshot date. */
export interface SheetMetricRows {
  fields: { name: string; kind: FieldKind }[];
  rowAccount: Int32Buffer;
  rowDay: Float64Buffer;
  values: (Float64Buffer | (string | null)[])[];
}

export class SheetReader {
  readonly fileName: string;
  readonly kind: SheetKind;
  rowsRead = 0;
  rowsImported = 0;
  rowsSkipped = 0;
  /** Account-level columns by role: name, arr, churnedFlag, churnDate, then attributes. */
  readonly accountColumns: { role: 'accountName' | 'arr' | 'churnedFlag' | 'churnDate' | 'attribute'; column: AccountLevelColumn }[] = [];
  readonly metrics: SheetMetricRows | null;
  /** Churn events: 1 where the sheet has an event for the account; the latest dated one. */
  readonly eventSeen = new AccountBytes();
  readonly latestEvent = new AccountFloat64();
  /** Accounts this sheet mentions (to report ids missing from the accounts sheet). */
  readonly touched = new AccountBytes();
  private readonly idCell: number;
  private readonly idHeader: string;
  private readonly width: number;
  private readonly plans: ValuePlan[];
  private readonly datePlan: number;
  private readonly flagPlan: number;
  private readonly churnDatePlan: number;
  private readonly metricPlans: number[];
  /** The metric buffers by kind, each with the plan its values come from (no type test per cell). */
  private readonly numericMetrics: { plan: number; buffer: Float64Buffer }[] = [];
  private readonly textMetrics: { plan: number; buffer: (string | null)[] }[] = [];
  private readonly numbers: Float64Array;
  private readonly texts: (string | null)[];
  private readonly seenByDay = new Map<number, AccountBytes>();

  constructor(
    spec: SheetSpec,
    private readonly registry: AccountRegistry,
    private readonly log: ProblemLog,
    private readonly importDay: number,
  ) {
    validateMapping(spec.mapping, spec.headers, spec.fileName);
    this.fileName = spec.fileName;
    this.kind = spec.mapping.kind;
    this.width = spec.headers.length;
    const cellOf = (header: string) => spec.headers.indexOf(header);
    const id = spec.mapping.columns.find((c) => c.role === 'accountId') as ColumnMapping;
    this.idCell = cellOf(id.header);
    this.idHeader = id.header;
    const dated = this.kind === 'snapshots';
    const events = this.kind === 'churnEvents';
    this.plans = [];
    for (const column of spec.mapping.columns) {
      const { role } = column;
      if (role === 'ignore' || role === 'accountId') continue;
      if (events && role !== 'churnDate' && role !== 'churnedFlag') continue;
      const kind: FieldKind = ROLE_TYPES[role] ?? column.type;
      let target: AccountLevelColumn | null = null;
      if (!events && role !== 'metric' && role !== 'snapshotDate') {
        target = new AccountLevelColumn(column.name ?? column.header, kind, dated);
        this.accountColumns.push({ role, column: target });
      }
      this.plans.push({ column, cell: cellOf(column.header), kind, read: kind === 'text' ? null : cellReader(column, kind, spec.fileName), target });
    }
    const planOf = (role: string) => this.plans.findIndex((p) => p.column.role === role);
    this.datePlan = planOf('snapshotDate');
    this.flagPlan = planOf('churnedFlag');
    this.churnDatePlan = planOf('churnDate');
    this.metricPlans = this.plans.flatMap((p, i) => (p.column.role === 'metric' ? [i] : []));
    this.metrics =
      this.metricPlans.length === 0
        ? null
        : {
            fields: this.metricPlans.map((i) => ({ name: this.plans[i].column.name ?? this.plans[i].column.header, kind: this.plans[i].kind })),
            rowAccount: new Int32Buffer(),
            rowDay: new Float64Buffer(),
            values: this.metricPlans.map((i) => (this.plans[i].kind === 'text' ? [] : new Float64Buffer())),
          };
    this.metricPlans.forEach((plan, m) => {
      const buffer = (this.metrics as SheetMetricRows).values[m];
      if (buffer instanceof Float64Buffer) this.numericMetrics.push({ plan, buffer });
      else this.textMetrics.push({ plan, buffer });
    });
    this.numbers = new Float64Array(this.plans.length);
    this.texts = new Array<string | null>(this.plans.length).fill(null);
  }

  push(batch: RowBatch): void {
    const { rows, rowNumbers } = batch;
    for (let r = 0; r < rows.length; r++) this.readRow(rows[r], rowNumbers[r]);
  }

  /** Refuses a sheet none of whose rows could be used. */
  end(): void {
    refuseSheetWithoutRows(this.log, this.fileName, this.rowsRead, this.rowsImported);
  }

  private readRow(row: string[], rowNumber: number): void {
    this.rowsRead++;
    const log = this.log;
    const before = log.count;
    const idRaw = row[this.idCell];
    if (idRaw === undefined || isMissingValue(idRaw)) {
      log.add('missing_id', this.fileName, rowNumber, this.idHeader, idRaw === undefined || idRaw === '' ? null : idRaw, 'the account id is missing.');
      this.rowsSkipped++;
      return;
    }
    const { plans, numbers, texts } = this;
    for (let p = 0; p < plans.length; p++) {
      const plan = plans[p];
      const raw = row[plan.cell];
      if (raw === undefined || isMissingValue(raw)) {
        numbers[p] = Number.NaN;
        texts[p] = null;
      } else if (plan.read === null) {
        texts[p] = detachCell(trimCell(raw));
      } else {
        const v = plan.read(raw);
        if (Number.isNaN(v)) log.add('unparseable', this.fileName, rowNumber, plan.column.header, raw, `${expectedValue(plan.kind, plan.column)}.`);
        numbers[p] = v;
      }
    }
    if (row.length > this.width) this.checkExtraCells(row, rowNumber);
    let day = this.importDay;
    if (this.datePlan >= 0) {
      day = numbers[this.datePlan];
      const raw = row[plans[this.datePlan].cell];
      if (Number.isNaN(day) && (raw === undefined || isMissingValue(raw))) {
        log.add('missing_date', this.fileName, rowNumber, plans[this.datePlan].column.header, null, 'the snapshot date is missing.');
      }
    }
    if (log.count > before) {
      this.rowsSkipped++;
      return;
    }
    const key = trimCell(idRaw);
    const found = this.registry.findOrAdd(key);
    const account = found >= 0 ? found : -found - 1;
    if (this.kind !== 'churnEvents') {
      let seen = this.seenByDay.get(day);
      if (seen === undefined) {
        seen = new AccountBytes();
        this.seenByDay.set(day, seen);
      }
      // A key just added cannot be a duplicate; a known one is when this date already has it.
      if (found >= 0 && seen.get(account) === 1) {
        const when = this.datePlan >= 0 ? ' for this snapshot date' : '';
        log.add('duplicate_id', this.fileName, rowNumber, this.idHeader, key, `the account id appears in an earlier row${when}; this row was skipped.`);
        this.rowsSkipped++;
        return;
      }
      seen.set(account, 1);
    }
    this.rowsImported++;
    this.touched.set(account, 1);
    if (this.kind === 'accounts') this.registry.inAccountsSheet.set(account, 1);
    this.commit(account, day);
  }

  private commit(account: number, day: number): void {
    const { plans, numbers, texts } = this;
    if (this.kind === 'churnEvents') {
      if (this.flagPlan >= 0 && numbers[this.flagPlan] === 0) return; // listed but not churned
      this.eventSeen.set(account, 1);
      const date = this.churnDatePlan >= 0 ? numbers[this.churnDatePlan] : Number.NaN;
      if (!Number.isNaN(date) && !(this.latestEvent.get(account) >= date)) this.latestEvent.set(account, date);
      return;
    }
    for (let p = 0; p < plans.length; p++) {
      const target = plans[p].target;
      if (target === null) continue;
      if (target.texts !== null) target.offerText(account, texts[p], day);
      else target.offerNumber(account, numbers[p], day);
    }
    const metrics = this.metrics;
    if (metrics === null) return;
    metrics.rowAccount.push(account);
    metrics.rowDay.push(day);
    const { numericMetrics, textMetrics } = this;
    for (let m = 0; m < numericMetrics.length; m++) numericMetrics[m].buffer.push(numbers[numericMetrics[m].plan]);
    for (let m = 0; m < textMetrics.length; m++) textMetrics[m].buffer.push(texts[textMetrics[m].plan]);
  }

  private checkExtraCells(row: string[], rowNumber: number): void {
    for (let i = this.width; i < row.length; i++) {
      if (row[i].trim() !== '') {
        this.log.add('extra_cells', this.fileName, rowNumber, null, row[i], `the row has ${row.length} cells but the header has ${this.width} columns (a missing quote or a separator inside a value?).`);
        return;
      }
    }
  }
}
