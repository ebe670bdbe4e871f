// Reads the rows of one mapped sheet into columnar buffers: account-level values per account,
// metric values per row (with the row's account and snapshot date), churn events per account.
// A row with any problem (missing id, unparseable value, duplicate id for its date) is skipped
// whole, or stops the import when the caller chose 'abort'.

import type { FieldKind } from '../dataset';
import { AccountLevelColumn, type AccountRegistry } from './accountColumns';
import { expectedValue } from './cellReaders';
import { AccountBytes, AccountFloat64, Float64Buffer, Int32Buffer } from './growable';
import { type ColumnMapping, type SheetKind, type SheetMapping, validateMapping } from './mapping';
import { type ProblemLog, refuseSheetWithoutRows } from './problems';
import type { RowBatch } from './rowBatch';
import { type ColumnPlan, type ConvertedBatch, RowConverter, columnPlans } from './rowConverter';

export interface SheetSpec {
  fileName: string;
  /** The sheet's headers, as the reader produced them (unique). */
  headers: readonly string[];
  mapping: SheetMapping;
}

interface ValuePlan extends ColumnPlan {
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
  private readonly textMetrics: { slot: number; buffer: (string | null)[] }[] = [];
  private readonly converter: RowConverter;
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
    this.plans = columnPlans(spec.mapping, spec.headers, spec.fileName).map((plan) => {
      const { role } = plan.column;
      let target: AccountLevelColumn | null = null;
      if (!events && role !== 'metric' && role !== 'snapshotDate') {
        target = new AccountLevelColumn(plan.column.name ?? plan.column.header, plan.kind, dated);
        this.accountColumns.push({ role: role as SheetReader['accountColumns'][number]['role'], column: target });
      }
      return { ...plan, target };
    });
    this.converter = new RowConverter(this.plans, this.idCell, this.width);
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
      else this.textMetrics.push({ slot: this.converter.textSlotOf(plan), buffer });
    });
  }

  push(batch: RowBatch): void {
    this.pushConverted(this.converter.convert(batch));
  }

  /** Rows converted under this sheet's plans (here or by a helper thread), replayed in file order. */
  pushConverted(batch: ConvertedBatch): void {
    const P = this.plans.length;
    let fail = 0;
    let extra = 0;
    for (let r = 0; r < batch.ids.length; r++) {
      const failFrom = fail;
      while (fail < batch.failRows.length && batch.failRows[fail] === r) fail++;
      const hasExtra = extra < batch.extraRows.length && batch.extraRows[extra] === r;
      this.readRow(batch, r, r * P, failFrom, fail, hasExtra ? extra++ : -1);
    }
  }

  /** Refuses a sheet none of whose rows could be used. */
  end(): void {
    refuseSheetWithoutRows(this.log, this.fileName, this.rowsRead, this.rowsImported);
  }

  private readRow(batch: ConvertedBatch, r: number, at: number, failFrom: number, failTo: number, extra: number): void {
    this.rowsRead++;
    const log = this.log;
    const rowNumber = batch.rowNumbers[r];
    if (batch.idMissing[r] === 1) {
      const idRaw = batch.ids[r];
      log.add('missing_id', this.fileName, rowNumber, this.idHeader, idRaw === '' ? null : idRaw, 'the account id is missing.');
      this.rowsSkipped++;
      return;
    }
    const before = log.count;
    const { plans } = this;
    let dateFailed = false;
    for (let f = failFrom; f < failTo; f++) {
      const plan = plans[batch.failPlans[f]];
      if (batch.failPlans[f] === this.datePlan) dateFailed = true;
      log.add('unparseable', this.fileName, rowNumber, plan.column.header, batch.failRaw[f], `${expectedValue(plan.kind, plan.column)}.`);
    }
    if (extra >= 0) {
      const cells = batch.extraCounts[extra];
      this.log.add('extra_cells', this.fileName, rowNumber, null, batch.extraRaw[extra], `the row has ${cells} cells but the header has ${this.width} columns (a missing quote or a separator inside a value?).`);
    }
    let day = this.importDay;
    if (this.datePlan >= 0) {
      day = batch.numbers[at + this.datePlan];
      // NaN without a parse failure: the cell was missing.
      if (Number.isNaN(day) && !dateFailed) {
        log.add('missing_date', this.fileName, rowNumber, plans[this.datePlan].column.header, null, 'the snapshot date is missing.');
      }
    }
    if (log.count > before) {
      this.rowsSkipped++;
      return;
    }
    const key = batch.ids[r];
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
    this.commit(batch, r, at, account, day);
  }

  private commit(batch: ConvertedBatch, r: number, at: number, account: number, day: number): void {
    const { plans, converter } = this;
    const { numbers, texts } = batch;
    const textAt = r * converter.textPlanCount;
    if (this.kind === 'churnEvents') {
      if (this.flagPlan >= 0 && numbers[at + this.flagPlan] === 0) return; // listed but not churned
      this.eventSeen.set(account, 1);
      const date = this.churnDatePlan >= 0 ? numbers[at + this.churnDatePlan] : Number.NaN;
      if (!Number.isNaN(date) && !(this.latestEvent.get(account) >= date)) this.latestEvent.set(account, date);
      return;
    }
    for (let p = 0; p < plans.length; p++) {
      const target = plans[p].target;
      if (target === null) continue;
      if (target.texts !== null) target.offerText(account, texts[textAt + converter.textSlotOf(p)], day);
      else target.offerNumber(account, numbers[at + p], day);
    }
    const metrics = this.metrics;
    if (metrics === null) return;
    metrics.rowAccount.push(account);
    metrics.rowDay.push(day);
    const { numericMetrics, textMetrics } = this;
    for (let m = 0; m < numericMetrics.length; m++) numericMetrics[m].buffer.push(numbers[at + numericMetrics[m].plan]);
    for (let m = 0; m < textMetrics.length; m++) textMetrics[m].buffer.push(texts[textAt + textMetrics[m].slot]);
  }
}
