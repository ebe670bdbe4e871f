// Merges what the sheet readers collected into one columnar WorkspaceDataset: account-level values
// with accounts sheets first (then snapshots sheets, in the order they were added), snapshot
// metrics scattered onto account positions per date, and one churn event per churned account.

import type { ChurnEvent, ColumnValues, DatasetColumn, FieldKind, SnapshotData } from '../dataset';
import { epochDayToIso } from '../dates';
import type { AccountLevelColumn, AccountRegistry } from './accountColumns';
import { ImportError, type ImportWarning, quoted } from './importError';
import type { SheetReader } from './sheetReader';

/** More dates than this is an event table read as snapshots; aggregate it first. */
export const MAX_SNAPSHOT_DATES = 1000;

function fieldConflict(role: string, name: string, a: FieldKind, b: FieldKind): ImportError {
  return new ImportError('field_kind_conflict', `The ${role} "${name}" is ${a} in one sheet and ${b} in another: map both as the same type.`);
}

/** First present value per account across the columns (in priority order). */
function mergeColumns(columns: AccountLevelColumn[], kind: FieldKind, n: number): ColumnValues {
  if (kind === 'text') {
    const out = new Array<string | null>(n).fill(null);
    if (columns.length === 0) return out;
    for (let i = 0; i < n; i++) {
      for (const c of columns) {
        const v = c.textAt(i);
        if (v !== null) {
          out[i] = v;
          break;
        }
      }
    }
    return out;
  }
  const out = new Float64Array(n).fill(Number.NaN);
  if (columns.length === 0) return out;
  for (let i = 0; i < n; i++) {
    for (const c of columns) {
      const v = c.numberAt(i);
      if (!Number.isNaN(v)) {
        out[i] = v;
        break;
      }
    }
  }
  return out;
}

function columnsOf(readers: SheetReader[], role: string): AccountLevelColumn[] {
  return readers.flatMap((r) => r.accountColumns.filter((c) => c.role === role).map((c) => c.column));
}

export function mergeAttributes(readers: SheetReader[], n: number): DatasetColumn[] {
  const byName = new Map<string, { kind: FieldKind; columns: AccountLevelColumn[] }>();
  for (const column of columnsOf(readers, 'attribute')) {
    const entry = byName.get(column.name);
    if (!entry) byName.set(column.name, { kind: column.kind, columns: [column] });
    else if (entry.kind !== column.kind) throw fieldConflict('attribute', column.name, entry.kind, column.kind);
    else entry.columns.push(column);
  }
  return [...byName].map(([name, { kind, columns }]) => ({ field: { name, kind }, values: mergeColumns(columns, kind, n) }));
}

export function mergeNamesAndArr(readers: SheetReader[], registry: AccountRegistry): { names: string[]; arr: Float64Array } {
  const n = registry.size;
  const { keys } = registry;
  const nameColumns = columnsOf(readers, 'accountName');
  // An account without a name is named by its id (every account, when no sheet has names).
  const names = nameColumns.length === 0 ? keys.slice() : (mergeColumns(nameColumns, 'text', n) as (string | null)[]).map((name, i) => name ?? keys[i]);
  const arr = mergeColumns(columnsOf(readers, 'arr'), 'number', n) as Float64Array;
  return { names, arr };
}

/**
 * One event per churned account. A churn flag, where known, decides whether the account churned;
 * its date is the latest churn date any sheet gives (an earlier churn was followed by a return).
 * Without a flag, a churn date or a churn-events row means churned.
 */
export function mergeChurn(readers: SheetReader[], n: number, warnings: ImportWarning[]): ChurnEvent[] {
  const flags = mergeColumns(columnsOf(readers, 'churnedFlag'), 'boolean', n) as Float64Array;
  const dateColumns = columnsOf(readers, 'churnDate');
  const events = readers.filter((r) => r.kind === 'churnEvents');
  const churn: ChurnEvent[] = [];
  let ignored = 0;
  for (let i = 0; i < n; i++) {
    let date = Number.NaN;
    let evidence = false;
    for (const c of dateColumns) {
      const d = c.numberAt(i);
      if (!Number.isNaN(d)) {
        evidence = true;
        if (!(date >= d)) date = d;
      }
    }
    for (const r of events) {
      if (r.eventSeen.get(i) === 0) continue;
      evidence = true;
      const d = r.latestEvent.get(i);
      if (!Number.isNaN(d) && !(date >= d)) date = d;
    }
    const flag = flags[i];
    const churned = Number.isNaN(flag) ? evidence : flag === 1;
    if (churned) churn.push({ accountIndex: i, churnDate: Number.isNaN(date) ? null : epochDayToIso(date) });
    else if (evidence) ignored++;
  }
  if (ignored > 0) {
    warnings.push({
      code: 'churn_ignored',
      file: events[0]?.fileName ?? readers[0]?.fileName ?? '',
      count: ignored,
      message: `${ignored} account(s) have a churn date or churn event but their churn flag says they did not churn (e.g. they came back); they count as not churned.`,
    });
  }
  return churn;
}

interface SnapshotBuild {
  day: number;
  present: Uint8Array;
  metrics: Map<string, DatasetColumn>;
}

function snapshotColumn(snapshot: SnapshotBuild, name: string, kind: FieldKind, n: number): ColumnValues {
  const existing = snapshot.metrics.get(name);
  if (existing) {
    if (existing.field.kind !== kind) throw fieldConflict('metric', name, existing.field.kind, kind);
    return existing.values;
  }
  const values: ColumnValues = kind === 'text' ? new Array<string | null>(n).fill(null) : new Float64Array(n).fill(Number.NaN);
  snapshot.metrics.set(name, { field: { name, kind }, values });
  return values;
}

/** A sheet's metric rows as plain arrays: each row's account and snapshot date. */
interface SheetRows {
  reader: SheetReader;
  accounts: Int32Array;
  days: Float64Array;
}

function sheetRows(reader: SheetReader): SheetRows {
  const { rowAccount, rowDay } = reader.metrics!;
  return { reader, accounts: rowAccount.toArray(), days: rowDay.toArray() };
}

/** The distinct snapshot dates, ascending; refuses an event table read as snapshots. */
function snapshotDays(sheets: SheetRows[]): number[] {
  const days = new Set<number>();
  for (const { reader, days: rowDays } of sheets) {
    // Rows mostly share the previous row's date: one Set operation per change of date.
    let last = Number.NaN;
    for (let i = 0; i < rowDays.length; i++) {
      if (rowDays[i] !== last) days.add((last = rowDays[i]));
    }
    if (days.size > MAX_SNAPSHOT_DATES) {
      throw new ImportError(
        'too_many_snapshot_dates',
        `${quoted(reader.fileName)} has more than ${MAX_SNAPSHOT_DATES} different snapshot dates: it looks like a table of events. Aggregate it per account and month (or week) first, or map its date column as an attribute.`,
        reader.fileName,
      );
    }
  }
  return [...days].sort((a, b) => a - b);
}

/** Each row's snapshot (found once per change of date), marking its account present there. */
function placeRows({ accounts, days }: SheetRows, index: Map<number, number>, snapshots: SnapshotBuild[]): Int32Array {
  const rowSnapshot = new Int32Array(accounts.length);
  let lastDay = Number.NaN;
  let s = -1;
  for (let row = 0; row < accounts.length; row++) {
    const day = days[row];
    if (day !== lastDay) {
      s = index.get(day) as number;
      lastDay = day;
    }
    rowSnapshot[row] = s;
    snapshots[s].present[accounts[row]] = 1;
  }
  return rowSnapshot;
}

/**
 * Whether the rows are the accounts 0..n-1 in order, all in one snapshot (the first import of an
 * accounts sheet): then a metric's column there is the sheet's column as it is, missing cells and all.
 */
function isWholeSnapshot(accounts: Int32Array, rowSnapshot: Int32Array, n: number): boolean {
  if (accounts.length !== n) return false;
  for (let i = 0; i < n; i++) if (accounts[i] !== i || rowSnapshot[i] !== rowSnapshot[0]) return false;
  return true;
}

/** Writes each row's present values onto its account in its snapshot's column for the metric. */
function scatterMetric(source: ColumnValues, { accounts }: SheetRows, rowSnapshot: Int32Array, targetOf: (s: number) => ColumnValues): void {
  // Per snapshot, the target column (created on first use).
  const targets: (ColumnValues | undefined)[] = [];
  const rows = accounts.length;
  // Two sheets may fill one snapshot: a missing value never replaces a present one.
  if (source instanceof Float64Array) {
    for (let row = 0; row < rows; row++) {
      const s = rowSnapshot[row];
      const target = targets[s] ?? (targets[s] = targetOf(s));
      const v = source[row];
      if (v === v) (target as Float64Array)[accounts[row]] = v;
    }
  } else {
    for (let row = 0; row < rows; row++) {
      const s = rowSnapshot[row];
      const target = targets[s] ?? (targets[s] = targetOf(s));
      if (source[row] !== null) (target as (string | null)[])[accounts[row]] = source[row];
    }
  }
}

/** Scatters each sheet's metric rows onto account positions, one snapshot per distinct date. */
export function mergeSnapshots(readers: SheetReader[], n: number): SnapshotData[] {
  const sheets = readers.filter((r) => r.metrics !== null && r.metrics.rowAccount.length > 0).map(sheetRows);
  const sorted = snapshotDays(sheets);
  const index = new Map(sorted.map((d, i) => [d, i]));
  const snapshots: SnapshotBuild[] = sorted.map((day) => ({ day, present: new Uint8Array(n), metrics: new Map() }));
  for (const sheet of sheets) {
    const rowSnapshot = placeRows(sheet, index, snapshots);
    const whole = isWholeSnapshot(sheet.accounts, rowSnapshot, n);
    const { fields, numbers, values } = sheet.reader.metrics!;
    for (let m = 0; m < fields.length; m++) {
      const { name, kind } = fields[m];
      const stored = values[m];
      const only = snapshots[rowSnapshot[0]];
      if (whole && !only.metrics.has(name)) {
        // The snapshot owns a new array: the assembled column, or a copy of the sheet's texts.
        only.metrics.set(name, { field: { name, kind }, values: typeof stored === 'number' ? numbers.column(stored) : stored.slice() });
      } else {
        const source = typeof stored === 'number' ? numbers.column(stored) : stored;
        scatterMetric(source, sheet, rowSnapshot, (s) => snapshotColumn(snapshots[s], name, kind, n));
      }
    }
  }
  return snapshots.map((s) => ({ asOf: epochDayToIso(s.day), present: s.present, metrics: [...s.metrics.values()] }));
}

/** Ids that snapshots or churn-event sheets added because no accounts sheet had them. */
export function unknownAccountWarnings(readers: SheetReader[], registry: AccountRegistry): ImportWarning[] {
  const accountsSheets = readers.filter((r) => r.kind === 'accounts');
  if (accountsSheets.length === 0) return [];
  const warnings: ImportWarning[] = [];
  for (const r of readers) {
    if (r.kind === 'accounts') continue;
    let count = 0;
    const examples: string[] = [];
    for (let i = 0; i < registry.size; i++) {
      if (r.touched.get(i) === 1 && registry.inAccountsSheet.get(i) === 0) {
        if (count++ < 5) examples.push(registry.keys[i]);
      }
    }
    if (count === 0) continue;
    warnings.push({
      code: 'unknown_accounts',
      file: r.fileName,
      count,
      message: `${quoted(r.fileName)} has ${count} account id(s) that ${accountsSheets.map((a) => quoted(a.fileName)).join(' and ')} do not (e.g. ${examples.join(', ')}); they were added with the id as their name.`,
    });
  }
  return warnings;
}
