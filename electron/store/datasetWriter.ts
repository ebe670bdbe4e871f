// Writes a columnar dataset into a workspace in one transaction: either all of it lands or none.
// Accounts are matched by key (accountUpsert.ts), so data for known accounts lands on their existing
// column position and new accounts are appended; earlier columns stay valid (they read back padded).

import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/api';
import type { ColumnValues, DatasetColumn, FieldDef, WorkspaceDataset } from '../../shared/dataset';
import { upsertAccounts } from './accountUpsert';
import { decodeColumn, encodeColumn, encodePresence } from './columnCodec';

export interface WriteOptions {
  /** Where the data came from (file name), kept with each snapshot and churn event. */
  source: string;
  /** Replace snapshots whose date already exists instead of refusing. */
  replaceSnapshots?: boolean;
  /**
   * Called as the write advances (every few thousand accounts, after each column): for progress,
   * and to stop a long write: whatever it throws rolls the whole transaction back.
   */
  onStep?: (step: WriteStep) => void;
}

export interface WriteStep {
  /** Account rows and columns written so far, of `total`. */
  done: number;
  total: number;
}

/** Counts the units of work of a write (accounts, then each column) for onStep. */
class StepCounter {
  done = 0;
  constructor(
    readonly total: number,
    private readonly onStep: WriteOptions['onStep'],
  ) {}

  advance(units: number): void {
    this.done += units;
    this.onStep?.({ done: this.done, total: this.total });
  }
}

function fieldId(db: Database.Database, field: FieldDef, role: 'attribute' | 'metric'): number {
  const row = db.prepare('SELECT id, kind FROM fields WHERE role = ? AND name = ?').get(role, field.name) as { id: number; kind: string } | undefined;
  if (!row) return Number(db.prepare('INSERT INTO fields (name, role, kind) VALUES (?, ?, ?)').run(field.name, role, field.kind).lastInsertRowid);
  if (row.kind !== field.kind) {
    throw new ApiError('invalid_argument', `The ${role} "${field.name}" is stored as ${row.kind} but the new data has it as ${field.kind}.`);
  }
  return row.id;
}

/** True when dataset account i lands on store position i and fills the store (a first import). */
function isIdentity(positions: Int32Array, accountCount: number): boolean {
  if (positions.length !== accountCount) return false;
  for (let i = 0; i < positions.length; i++) if (positions[i] !== i) return false;
  return true;
}

/**
 * Spreads dataset-ordered values onto store positions, over a base column (or all-missing). With
 * identity positions and no base the values are already in store order: no copy (8 MB per column
 * at 1M accounts).
 */
function scatter(values: ColumnValues, positions: Int32Array, accountCount: number, base: ColumnValues | null, identity = false): ColumnValues {
  if (identity && base === null) return values;
  if (Array.isArray(values)) {
    const out: (string | null)[] = base && Array.isArray(base) ? base.slice() : new Array(accountCount).fill(null);
    for (let i = 0; i < positions.length; i++) out[positions[i]] = values[i];
    return out;
  }
  const out = base && !Array.isArray(base) ? Float64Array.from(base) : new Float64Array(accountCount).fill(Number.NaN);
  for (let i = 0; i < positions.length; i++) out[positions[i]] = values[i];
  return out;
}

function writeAttributes(db: Database.Database, columns: DatasetColumn[], positions: Int32Array, accountCount: number, steps: StepCounter): void {
  const identity = isIdentity(positions, accountCount);
  const read = db.prepare('SELECT row_count, data FROM attribute_columns WHERE field_id = ?');
  const upsert = db.prepare(
    'INSERT INTO attribute_columns (field_id, row_count, data) VALUES (?, ?, ?) ON CONFLICT(field_id) DO UPDATE SET row_count = excluded.row_count, data = excluded.data',
  );
  for (const column of columns) {
    const id = fieldId(db, column.field, 'attribute');
    const old = read.get(id) as { row_count: number; data: Buffer } | undefined;
    const base = old ? decodeColumn(column.field.kind, old.data, old.row_count, accountCount) : null;
    upsert.run(id, accountCount, encodeColumn(scatter(column.values, positions, accountCount, base, identity)));
    steps.advance(1);
  }
}

function writeSnapshots(db: Database.Database, dataset: WorkspaceDataset, positions: Int32Array, accountCount: number, options: WriteOptions, steps: StepCounter): void {
  const existing = db.prepare('SELECT id FROM snapshots WHERE as_of = ?').pluck();
  const remove = db.prepare('DELETE FROM snapshots WHERE id = ?');
  const insertSnapshot = db.prepare('INSERT INTO snapshots (as_of, row_count, present, imported_at, source) VALUES (?, ?, ?, ?, ?)');
  const insertColumn = db.prepare('INSERT INTO snapshot_columns (snapshot_id, field_id, row_count, data) VALUES (?, ?, ?, ?)');
  const now = new Date().toISOString();
  const identity = isIdentity(positions, accountCount);
  for (const snapshot of dataset.snapshots) {
    const old = existing.get(snapshot.asOf) as number | undefined;
    if (old !== undefined) {
      if (!options.replaceSnapshots) throw new ApiError('already_exists', `The workspace already has a snapshot dated ${snapshot.asOf}.`);
      remove.run(old);
    }
    let present = snapshot.present;
    if (!identity) {
      present = new Uint8Array(accountCount);
      for (let i = 0; i < positions.length; i++) present[positions[i]] = snapshot.present[i];
    }
    const id = Number(insertSnapshot.run(snapshot.asOf, accountCount, encodePresence(present), now, options.source).lastInsertRowid);
    for (const column of snapshot.metrics) {
      const values = scatter(column.values, positions, accountCount, null, identity);
      insertColumn.run(id, fieldId(db, column.field, 'metric'), accountCount, encodeColumn(values));
      steps.advance(1);
    }
  }
}

/** Refuses a dataset with duplicate account ids (upsertAccounts), rolling back. */
export function writeDataset(db: Database.Database, dataset: WorkspaceDataset, options: WriteOptions): void {
  const keys = dataset.accounts.keys;
  const columnCount = dataset.accounts.attributes.length + dataset.snapshots.reduce((n, s) => n + s.metrics.length, 0);
  const steps = new StepCounter(keys.length + columnCount, options.onStep);
  db.transaction(() => {
    const { positions, accountCount } = upsertAccounts(db, dataset.accounts, (rows) => steps.advance(rows));
    writeAttributes(db, dataset.accounts.attributes, positions, accountCount, steps);
    writeSnapshots(db, dataset, positions, accountCount, options, steps);
    const insertChurn = db.prepare('INSERT INTO churn_events (account_idx, churn_date, source) VALUES (?, ?, ?)');
    for (const event of dataset.churn) insertChurn.run(positions[event.accountIndex], event.churnDate, options.source);
  })();
}
