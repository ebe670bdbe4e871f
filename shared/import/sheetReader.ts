// Reads the rows of one mapped sheet into columnar buffers: account-level values per account,
// metric values per row (with the row's account and snapshot date), churn events per account.
// A row with any problem (missing id, unparseable value, duplicate id for its date) is skipped
// whole, or stops the import when the caller chose 'abort'.

import type { FieldKind } from '../dataset';
import { AccountLevelColumn, type AccountRegistry } from './accountColumns';
import { expectedValue } from './cellReaders';
import { AccountBytes, AccountFloat64, Float64Chunks, Float64RowBlocks, Int32Chunks } from './growable';
import { hashKey } from './keyIndex';
import { type ColumnMapping, type SheetKind, type SheetMapping, validateMapping } from './mapping';
import { type ProblemLog, refuseSheetWithoutRows } from './problems';
import type { RowBatch } from './rowBatch';
import { type ColumnPlan, type ConvertedBatch, RowConverter, columnPlans } from './rowConverter';

/** Rows whose ids are hashed, and looked up in the registry's table all at once, before they are read. */
const PREFETCH_ROWS = 256;

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

/** An account-level column of the sheet: its plan, and its slot in a row's texts (-1: a number). */
interface AccountPlan {
  plan: number;
  target: AccountLevelColumn;
  textSlot: number;
}

/** Row-level metric values of a sheet, with each row's account and snapshot date. */
export interface SheetMetricRows {
  fields: { name: string; kind: FieldKind }[];
  rowAccount: Int32Chunks;
  rowDay: Float64Chunks;
  /** The values of the number, flag and date metrics, a column each. */
  numbers: Float64RowBlocks;
  /** Per field: its column in `numbers`, or a text metric's values. */
  values: (number | (string | null)[])[];
}

/**
 * The rows of the batch being read that were accepted (batch row, account, date), so that their
 * metrics are appended once the batch is read, in one pass over its cells (Float64RowBlocks.gather)
 * instead of a push per cell. Reused across batches.
 */
class AcceptedRows {
  count = 0;
  rows = new Int32Array(0);
  accounts = new Int32Array(0);
  days = new Float64Array(0);

  /** Empties it, with room for a batch of `size` rows. */
  reset(size: number): void {
    this.count = 0;
    if (this.rows.length >= size) return;
    this.rows = new Int32Array(size);
    this.accounts = new Int32Array(size);
    this.days = new Float64Array(size);
  }

  add(row: number, account: number, day: number): void {
    const i = this.count++;
    this.rows[i] = row;
    this.accounts[i] = account;
    this.days[i] = day;
  }
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
  /** Accounts this sheet mentions, to report ids missing from the accounts sheet (not kept for accounts sheets). */
  readonly touched = new AccountBytes();
  private readonly idCell: number;
  private readonly idHeader: string;
  private readonly width: number;
  private readonly plans: ValuePlan[];
  private readonly accountPlans: AccountPlan[] = [];
  private readonly datePlan: number;
  private readonly flagPlan: number;
  private readonly churnDatePlan: number;
  private readonly metricPlans: number[];
  /** Where the metrics' values come from: the plan of each column of `numbers`, the text slot of each text metric. */
  private readonly numericPlans: Int32Array;
  private readonly textMetrics: { slot: number; buffer: (string | null)[] }[] = [];
  /** Its column plans: a caller may convert rows (pushConverted) as push would. */
  readonly converter: RowConverter;
  /** Per snapshot date, the accounts that have a row (duplicates); the last one used is kept at hand. */
  private readonly seenByDay = new Map<number, AccountBytes>();
  private lastDay = Number.NaN;
  private lastSeen: AccountBytes | null = null;
  private readonly accepted = new AcceptedRows();
  /** hashKey of each row's id in the batch being read (reused across batches). */
  private idHashes = new Int32Array(0);

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
    this.plans.forEach(({ target }, plan) => {
      if (target !== null) this.accountPlans.push({ plan, target, textSlot: this.converter.textSlotOf(plan) });
    });
    const planOf = (role: string) => this.plans.findIndex((p) => p.column.role === role);
    this.datePlan = planOf('snapshotDate');
    this.flagPlan = planOf('churnedFlag');
    this.churnDatePlan = planOf('churnDate');
    this.metricPlans = this.plans.flatMap((p, i) => (p.column.role === 'metric' ? [i] : []));
    const numeric = this.metricPlans.filter((i) => this.plans[i].kind !== 'text');
    this.numericPlans = Int32Array.from(numeric);
    this.metrics =
      this.metricPlans.length === 0
        ? null
        : {
            fields: this.metricPlans.map((i) => ({ name: this.plans[i].column.name ?? this.plans[i].column.header, kind: this.plans[i].kind })),
            rowAccount: new Int32Chunks(),
            rowDay: new Float64Chunks(),
            numbers: new Float64RowBlocks(numeric.length),
            values: this.metricPlans.map((i) => (this.plans[i].kind === 'text' ? [] : numeric.indexOf(i))),
          };
    this.metrics?.values.forEach((buffer, m) => {
      if (typeof buffer !== 'number') this.textMetrics.push({ slot: this.converter.textSlotOf(this.metricPlans[m]), buffer });
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
    const rows = batch.ids.length;
    this.accepted.reset(rows);
    if (this.idHashes.length < rows) this.idHashes = new Int32Array(rows);
    try {
      for (let from = 0; from < rows; from += PREFETCH_ROWS) {
        const to = Math.min(rows, from + PREFETCH_ROWS);
        this.hashIds(batch, from, to);
        for (let r = from; r < to; r++) {
          const failFrom = fail;
          while (fail < batch.failRows.length && batch.failRows[fail] === r) fail++;
          const hasExtra = extra < batch.extraRows.length && batch.extraRows[extra] === r;
          this.readRow(batch, r, r * P, failFrom, fail, hasExtra ? extra++ : -1);
        }
      }
    } finally {
      // Also when a problem aborts the import: the rows accepted before it stay, as row by row.
      this.appendMetrics(batch);
    }
  }

  /** Hashes the ids of rows [from, to) and has the registry read their slots (see KeyIndex.prefetch). */
  private hashIds(batch: ConvertedBatch, from: number, to: number): void {
    const { idHashes } = this;
    for (let r = from; r < to; r++) idHashes[r] = batch.idMissing[r] === 1 ? 0 : hashKey(batch.ids[r]);
    this.registry.prefetch(idHashes, from, to);
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
    const found = this.registry.findOrAdd(key, this.idHashes[r]);
    const account = found >= 0 ? found : -found - 1;
    if (this.kind !== 'churnEvents') {
      const seen = this.seenOn(day);
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
    if (this.kind === 'accounts') this.registry.inAccountsSheet.set(account, 1);
    else this.touched.set(account, 1);
    this.commit(batch, r, at, account, day);
  }

  /** The accounts with a row on `day` so far; consecutive rows mostly share a date, so no lookup then. */
  private seenOn(day: number): AccountBytes {
    if (day === this.lastDay && this.lastSeen !== null) return this.lastSeen;
    let seen = this.seenByDay.get(day);
    if (seen === undefined) {
      seen = new AccountBytes();
      this.seenByDay.set(day, seen);
    }
    this.lastDay = day;
    this.lastSeen = seen;
    return seen;
  }

  private commit(batch: ConvertedBatch, r: number, at: number, account: number, day: number): void {
    const { numbers, texts } = batch;
    const textAt = r * this.converter.textPlanCount;
    if (this.kind === 'churnEvents') {
      if (this.flagPlan >= 0 && numbers[at + this.flagPlan] === 0) return; // listed but not churned
      this.eventSeen.set(account, 1);
      const date = this.churnDatePlan >= 0 ? numbers[at + this.churnDatePlan] : Number.NaN;
      if (!Number.isNaN(date) && !(this.latestEvent.get(account) >= date)) this.latestEvent.set(account, date);
      return;
    }
    const { accountPlans } = this;
    for (let i = 0; i < accountPlans.length; i++) {
      const { plan, target, textSlot } = accountPlans[i];
      if (textSlot >= 0) target.offerText(account, texts[textAt + textSlot], day);
      else target.offerNumber(account, numbers[at + plan], day);
    }
    if (this.metrics !== null) this.accepted.add(r, account, day);
  }

  /** The metrics of the batch's accepted rows, appended one column at a time. */
  private appendMetrics(batch: ConvertedBatch): void {
    const { metrics, accepted } = this;
    const { count, rows } = accepted;
    if (metrics === null || count === 0) return;
    metrics.rowAccount.append(accepted.accounts, count);
    metrics.rowDay.append(accepted.days, count);
    // Where each accepted row's cells start in `numbers` (row-major, one cell per plan).
    const P = this.plans.length;
    const rowAt = new Int32Array(count);
    for (let i = 0; i < count; i++) rowAt[i] = rows[i] * P;
    metrics.numbers.gather(batch.numbers, rowAt, count, this.numericPlans);
    const T = this.converter.textPlanCount;
    for (const { slot, buffer } of this.textMetrics) {
      for (let i = 0; i < count; i++) buffer.push(batch.texts[rows[i] * T + slot]);
    }
    accepted.count = 0;
  }
}
