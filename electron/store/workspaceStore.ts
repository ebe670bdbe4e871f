// One open workspace file: its metadata and read access to its columnar data. Writes go through
// datasetWriter (one transaction each); this class never leaves a half-written file.

import path from 'node:path';
import type Database from 'better-sqlite3';
import type { DatasetColumn, FieldDef, FieldKind, SnapshotData } from '../../shared/dataset';
import { type AccountsColumns, type StoredAccounts, readAccountColumns, readAccountCount, readStoredAccounts } from './accountStore';
import { decodeColumn, decodePresence } from './columnCodec';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { openWorkspaceDatabase } from './openDatabase';
import { writeDataset, type WriteOptions } from './datasetWriter';
import type { WorkspaceDataset } from '../../shared/dataset';

export interface SnapshotRef {
  id: number;
  asOf: string;
}

export class WorkspaceStore {
  private constructor(
    readonly path: string,
    readonly db: Database.Database,
  ) {}

  static open(file: string): WorkspaceStore {
    return new WorkspaceStore(path.resolve(file), openWorkspaceDatabase(file, 'open'));
  }

  static create(file: string, name: string, options: { isDemo?: boolean } = {}): WorkspaceStore {
    const store = new WorkspaceStore(path.resolve(file), openWorkspaceDatabase(file, 'create'));
    store.db.transaction(() => {
      store.setInfo('name', name);
      store.setInfo('created_at', new Date().toISOString());
      store.setInfo('is_demo', options.isDemo ? '1' : '0');
    })();
    return store;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  get schemaVersion(): number {
    return LATEST_SCHEMA_VERSION;
  }

  getInfo(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM workspace_info WHERE key = ?').pluck().get(key) as string | undefined;
    return row ?? null;
  }

  setInfo(key: string, value: string): void {
    this.db.prepare('INSERT INTO workspace_info (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  get name(): string {
    return this.getInfo('name') ?? path.basename(this.path).replace(/\.[^.]+$/, '');
  }

  get isDemo(): boolean {
    return this.getInfo('is_demo') === '1';
  }

  writeDataset(dataset: WorkspaceDataset, options: WriteOptions): void {
    writeDataset(this.db, dataset, options);
  }

  accountCount(): number {
    return readAccountCount(this.db);
  }

  /** Account ids, names and ARR in position order (one read transaction). */
  readAccounts(): AccountsColumns {
    return readAccountColumns(this.db);
  }

  /** The same, with ids and names decoded on first use. */
  readAccountsLazily(): StoredAccounts {
    return readStoredAccounts(this.db);
  }

  listFields(role: 'attribute' | 'metric'): FieldDef[] {
    return this.db.prepare('SELECT name, kind FROM fields WHERE role = ? ORDER BY id').all(role) as FieldDef[];
  }

  readAttributes(): DatasetColumn[] {
    const n = this.accountCount();
    const rows = this.db
      .prepare('SELECT f.name, f.kind, c.row_count, c.data FROM attribute_columns c JOIN fields f ON f.id = c.field_id ORDER BY f.id')
      .all() as { name: string; kind: FieldKind; row_count: number; data: Buffer }[];
    return rows.map((r) => ({ field: { name: r.name, kind: r.kind }, values: decodeColumn(r.kind, r.data, r.row_count, n) }));
  }

  listSnapshots(): SnapshotRef[] {
    return this.db.prepare('SELECT id, as_of AS asOf FROM snapshots ORDER BY as_of').all() as SnapshotRef[];
  }

  /** Presence masks of every snapshot, in date order, without loading metric columns. */
  readPresence(): { asOf: string; present: Uint8Array }[] {
    const n = this.accountCount();
    const rows = this.db.prepare('SELECT as_of, present FROM snapshots ORDER BY as_of').all() as { as_of: string; present: Buffer }[];
    return rows.map((r) => ({ asOf: r.as_of, present: decodePresence(r.present, n) }));
  }

  readSnapshot(asOf: string): SnapshotData | null {
    const n = this.accountCount();
    const snap = this.db.prepare('SELECT id, present FROM snapshots WHERE as_of = ?').get(asOf) as { id: number; present: Buffer } | undefined;
    if (!snap) return null;
    const rows = this.db
      .prepare('SELECT f.name, f.kind, c.row_count, c.data FROM snapshot_columns c JOIN fields f ON f.id = c.field_id WHERE c.snapshot_id = ? ORDER BY f.id')
      .all(snap.id) as { name: string; kind: FieldKind; row_count: number; data: Buffer }[];
    return {
      asOf,
      present: decodePresence(snap.present, n),
      metrics: rows.map((r) => ({ field: { name: r.name, kind: r.kind }, values: decodeColumn(r.kind, r.data, r.row_count, n) })),
    };
  }

  /** Earliest churn date per account (null: churned, date unknown); accounts without events are absent. */
  readChurn(): Map<number, string | null> {
    const out = new Map<number, string | null>();
    const rows = this.db
      .prepare('SELECT account_idx, min(churn_date) FROM churn_events GROUP BY account_idx')
      .raw()
      .all() as [number, string | null][];
    for (const [idx, firstDate] of rows) out.set(idx, firstDate);
    return out;
  }
}
