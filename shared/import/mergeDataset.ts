// Merges what the sheet readers collected into one columnar WorkspaceDataset: account-level values
// with accounts sheets first (then snapshots sheets, in the order they were added), snapshot
// metrics scattered onto account positions per date, and one churn event per churned account.

import type { ChurnEvent, ColumnValues, DatasetColumn, FieldKind, SnapshotData } from '../dataset';
import { epochDayToIso } from '../dates';
import type { AccountLevelColumn, AccountRegistry } from './accountColumns';
import { Float64Buffer } from './growable';
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
  const names = mergeColumns(columnsOf(readers, 'accountName'), 'text', n) as (string | null)[];
  const arr = mergeColumns(columnsOf(readers, 'arr'), 'number', n) as Float64Array;
  return { names: names.map((name, i) => name ?? registry.keys[i]), arr };
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

/** Scatters each sheet's metric rows onto account positions, one snapshot per distinct date. */
export function mergeSnapshots(readers: SheetReader[], n: number): SnapshotData[] {
  const withMetrics = readers.filter((r) => r.metrics !== null && r.metrics.rowAccount.length > 0);
  const days = new Set<number>();
  for (const r of withMetrics) {
    const rowDay = r.metrics!.rowDay;
    for (let i = 0; i < rowDay.length; i++) days.add(rowDay.get(i));
    if (days.size > MAX_SNAPSHOT_DATES) {
      throw new ImportError(
        'too_many_snapshot_dates',
        `${quoted(r.fileName)} has more than ${MAX_SNAPSHOT_DATES} different snapshot dates: it looks like a table of events. Aggregate it per account and month (or week) first, or map its date column as an attribute.`,
        r.fileName,
      );
    }
  }
  const sorted = [...days].sort((a, b) => a - b);
  const index = new Map(sorted.map((d, i) => [d, i]));
  const snapshots: SnapshotBuild[] = sorted.map((day) => ({ day, present: new Uint8Array(n), metrics: new Map() }));
  for (const r of withMetrics) {
    const { rowAccount, rowDay, values, fields } = r.metrics!;
    const rows = rowAccount.length;
    // Each row's snapshot, found once; then one pass per metric (a tight loop over typed arrays).
    const rowSnapshot = new Int32Array(rows);
    let lastDay = Number.NaN;
    let s = -1;
    for (let row = 0; row < rows; row++) {
      const day = rowDay.get(row);
      if (day !== lastDay) {
        s = index.get(day) as number;
        lastDay = day;
      }
      rowSnapshot[row] = s;
      snapshots[s].present[rowAccount.get(row)] = 1;
    }
    const accounts = rowAccount.view();
    for (let m = 0; m < fields.length; m++) {
      // Per snapshot, this sheet's target column for the metric (created on first use).
      const targets: (ColumnValues | undefined)[] = [];
      const targetOf = (at: number) => targets[at] ?? (targets[at] = snapshotColumn(snapshots[at], fields[m].name, fields[m].kind, n));
      // Two sheets may fill one snapshot: a missing value never replaces a present one.
      const source = values[m];
      if (source instanceof Float64Buffer) {
        const column = source.view();
        for (let row = 0; row < rows; row++) {
          const target = targets[rowSnapshot[row]] ?? targetOf(rowSnapshot[row]);
          const v = column[row];
          if (v === v) (target as Float64Array)[accounts[row]] = v;
        }
      } else {
        for (let row = 0; row < rows; row++) {
          const target = targetOf(rowSnapshot[row]);
          if (source[row] !== null) (target as (string | null)[])[accounts[row]] = source[row];
        }
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
