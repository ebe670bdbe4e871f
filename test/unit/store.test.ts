import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { assertMigrationsMonotonic, LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/store/migrations';
import { APPLICATION_ID, NEW_WORKSPACE_PAGE_SIZE } from '../../electron/store/openDatabase';
import { WorkspaceStore } from '../../electron/store/workspaceStore';
import { expectApiError } from '../helpers/expectApiError';
import { useTempDirs } from '../helpers/tempDir';
import { smallDataset } from '../helpers/smallDataset';

const tempDir = useTempDirs();

describe('workspace store: creating and migrating', () => {
  it('creates a workspace at the latest schema version with WAL, foreign keys and its application id', () => {
    const file = path.join(tempDir(), 'new.hsw');
    const store = WorkspaceStore.create(file, 'Q3 review');
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(store.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('page_size', { simple: true })).toBe(NEW_WORKSPACE_PAGE_SIZE);
    expect(store.name).toBe('Q3 review');
    store.close();
    const reopened = WorkspaceStore.open(file);
    expect(reopened.name).toBe('Q3 review');
    reopened.close();
  });

  it('refuses to create over an existing file and leaves that file untouched', () => {
    const file = path.join(tempDir(), 'exists.hsw');
    fs.writeFileSync(file, 'precious');
    expectApiError(() => WorkspaceStore.create(file, 'x'), 'already_exists', /already exists/);
    expect(fs.readFileSync(file, 'utf8')).toBe('precious');
  });

  it('migrations are numbered 1..n, and a list out of order is rejected', () => {
    expect(() => assertMigrationsMonotonic()).not.toThrow();
    expect(() => assertMigrationsMonotonic([MIGRATIONS[0], { ...MIGRATIONS[0], version: 3 }])).toThrow(/expected 2/);
  });

  it('applies pending migrations to an older file in one transaction', () => {
    const file = path.join(tempDir(), 'old.hsw');
    const raw = new Database(file);
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.pragma('user_version = 0');
    raw.close();
    const store = WorkspaceStore.open(file);
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const tables = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['account_columns', 'snapshots', 'snapshot_columns', 'churn_events', 'scorecards', 'scorecard_versions']));
    store.close();
  });

  it('schema guard: tables, columns and indexes are what the migrations say', () => {
    const store = WorkspaceStore.create(path.join(tempDir(), 'schema.hsw'), 'x');
    const objects = store.db.prepare("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as { type: string; name: string }[];
    const shape = objects.map((o) => {
      if (o.type !== 'table') return `${o.type} ${o.name}`;
      const cols = (store.db.prepare(`PRAGMA table_info(${o.name})`).all() as { name: string; type: string }[]).map((c) => `${c.name}:${c.type}`);
      return `table ${o.name}(${cols.join(',')})`;
    });
    expect(shape).toMatchInlineSnapshot(`
      [
        "index churn_events_by_account",
        "table account_columns(name:TEXT,row_count:INTEGER,data:BLOB)",
        "table attribute_columns(field_id:INTEGER,row_count:INTEGER,data:BLOB)",
        "table churn_events(id:INTEGER,account_idx:INTEGER,churn_date:TEXT,source:TEXT)",
        "table fields(id:INTEGER,name:TEXT,role:TEXT,kind:TEXT)",
        "table import_mappings(header_signature:TEXT,mapping_json:TEXT,saved_at:TEXT)",
        "table notes(id:INTEGER,account_idx:INTEGER,body:TEXT,created_at:TEXT)",
        "table scorecard_versions(id:INTEGER,scorecard_id:INTEGER,version:INTEGER,message:TEXT,body_json:TEXT,created_at:TEXT)",
        "table scorecards(id:INTEGER,name:TEXT,draft_json:TEXT,draft_updated_at:TEXT,created_at:TEXT)",
        "table snapshot_columns(id:INTEGER,snapshot_id:INTEGER,field_id:INTEGER,row_count:INTEGER,data:BLOB)",
        "table snapshots(id:INTEGER,as_of:TEXT,row_count:INTEGER,present:BLOB,imported_at:TEXT,source:TEXT)",
        "table workspace_info(key:TEXT,value:TEXT)",
      ]
    `);
    store.close();
  });
});

describe('workspace store: refusing files it cannot trust', () => {
  it('refuses a file made by a newer version, without changing it', () => {
    const file = path.join(tempDir(), 'future.hsw');
    WorkspaceStore.create(file, 'x').close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    const before = fs.readFileSync(file);
    expectApiError(() => WorkspaceStore.open(file), 'workspace_refused', /newer version of Healthscore Workbench \(schema \d+; this version reads up to \d+\)/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not SQLite', () => {
    const file = path.join(tempDir(), 'notes.hsw');
    fs.writeFileSync(file, 'id,name\n1,Acme\n');
    expectApiError(() => WorkspaceStore.open(file), 'workspace_refused', /not an SQLite database/);
  });

  it('refuses an empty file and a folder', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'empty.hsw'), '');
    expectApiError(() => WorkspaceStore.open(path.join(dir, 'empty.hsw')), 'workspace_refused', /empty/);
    expectApiError(() => WorkspaceStore.open(dir), 'workspace_refused', /not a file/);
  });

  it('refuses another application\'s SQLite database', () => {
    const file = path.join(tempDir(), 'other.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE t (x)');
    raw.close();
    expectApiError(() => WorkspaceStore.open(file), 'workspace_refused', /not a Healthscore workspace/);
  });

  it('refuses a corrupted workspace with a clear message', () => {
    const file = path.join(tempDir(), 'damaged.hsw');
    const store = WorkspaceStore.create(file, 'x');
    store.writeDataset(smallDataset(), { source: 'test' });
    store.close();
    const bytes = fs.readFileSync(file);
    // Keep the 100-byte header (so it still looks like SQLite) and scribble over every later page.
    for (let i = 4096; i < bytes.length; i++) bytes[i] = (i * 7919) & 0xff;
    fs.writeFileSync(file, bytes);
    expectApiError(() => WorkspaceStore.open(file), 'workspace_refused', /damaged/);
  });

  it('reports a missing file as not found', () => {
    expectApiError(() => WorkspaceStore.open(path.join(tempDir(), 'nope.hsw')), 'not_found', /does not exist/);
  });
});

describe('workspace store: columnar data', () => {
  it('stores accounts, attributes, snapshots and churn and reads them back exactly', () => {
    const store = WorkspaceStore.create(path.join(tempDir(), 'data.hsw'), 'x');
    store.writeDataset(smallDataset(), { source: 'small.csv' });
    const accounts = store.readAccounts();
    expect(accounts.keys).toEqual(['A-1', 'A-2', 'A-3']);
    expect(Array.from(accounts.arr)).toEqual([120000, Number.NaN, 5000]);
    const [segment, csm] = store.readAttributes();
    expect(segment.values).toEqual(['Enterprise', 'SMB', null]);
    expect(Array.from(csm.values as Float64Array)).toEqual([1, 0, Number.NaN]);
    expect(store.listSnapshots().map((s) => s.asOf)).toEqual(['2026-01-01', '2026-02-01']);
    const feb = store.readSnapshot('2026-02-01')!;
    expect(Array.from(feb.present)).toEqual([1, 1, 0]);
    expect(Array.from(feb.metrics[0].values as Float64Array)).toEqual([12, 1, Number.NaN]);
    expect(store.readSnapshot('2026-01-01')!.metrics[1].values).toEqual(['Green', null, 'Red']);
    expect([...store.readChurn()]).toEqual([[2, '2026-01-20']]);
    store.close();
  });

  it('a second write matches accounts by id, appends new ones and pads older columns', () => {
    const store = WorkspaceStore.create(path.join(tempDir(), 'merge.hsw'), 'x');
    store.writeDataset(smallDataset(), { source: 'a' });
    store.writeDataset(
      {
        accounts: { keys: ['A-4', 'A-2'], names: ['Hooli', 'Globex Corp'], arr: Float64Array.from([9, 8]), attributes: [{ field: { name: 'segment', kind: 'text' }, values: ['SMB', 'Mid-Market'] }] },
        snapshots: [{ asOf: '2026-03-01', present: Uint8Array.from([1, 1]), metrics: [{ field: { name: 'logins', kind: 'number' }, values: Float64Array.from([4, 5]) }] }],
        churn: [],
      },
      { source: 'b' },
    );
    expect(store.readAccounts().names).toEqual(['Acme', 'Globex Corp', 'Initech', 'Hooli']);
    expect(store.readAttributes()[0].values).toEqual(['Enterprise', 'Mid-Market', null, 'SMB']);
    expect(Array.from(store.readSnapshot('2026-01-01')!.metrics[0].values as Float64Array)).toEqual([10, 3, Number.NaN, Number.NaN]);
    expect(Array.from(store.readSnapshot('2026-03-01')!.metrics[0].values as Float64Array)).toEqual([Number.NaN, 5, Number.NaN, 4]);
    store.close();
  });

  it('a failing write leaves the workspace exactly as it was', () => {
    const store = WorkspaceStore.create(path.join(tempDir(), 'atomic.hsw'), 'x');
    store.writeDataset(smallDataset(), { source: 'a' });
    const before = store.accountCount();
    const again = smallDataset();
    again.accounts.keys = ['A-1', 'A-9', 'A-8'];
    // Same snapshot date again without replaceSnapshots: refused after the accounts were inserted.
    expect(() => store.writeDataset(again, { source: 'b' })).toThrow(/already has a snapshot dated 2026-01-01/);
    expect(store.accountCount()).toBe(before);
    expect(store.readAccounts().keys).toEqual(['A-1', 'A-2', 'A-3']);
    store.close();
  });

  it('refuses a field whose kind changes between writes', () => {
    const store = WorkspaceStore.create(path.join(tempDir(), 'kinds.hsw'), 'x');
    store.writeDataset(smallDataset(), { source: 'a' });
    const bad = smallDataset();
    bad.snapshots = [{ asOf: '2026-05-01', present: Uint8Array.from([1, 1, 1]), metrics: [{ field: { name: 'logins', kind: 'text' }, values: ['a', 'b', 'c'] }] }];
    expect(() => store.writeDataset(bad, { source: 'b' })).toThrow(/"logins" is stored as number but the new data has it as text/);
    store.close();
  });
});
