import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { WorkspaceDataset } from '../../shared/dataset';
import { KeyIndex } from '../../shared/import/keyIndex';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/store/migrations';
import { APPLICATION_ID } from '../../electron/store/openDatabase';
import { WorkspaceStore } from '../../electron/store/workspaceStore';
import { smallDataset } from '../helpers/smallDataset';
import { expectApiError } from '../helpers/expectApiError';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();

/** `count` accounts with one numeric metric and one text attribute, keyed K-0, K-1…, or as given. */
function dataset(count: number, keyOf: (i: number) => string = (i) => `K-${i}`): WorkspaceDataset {
  const keys = Array.from({ length: count }, (_, i) => keyOf(i));
  return {
    accounts: {
      keys,
      names: keys.map((k) => `Name ${k}`),
      arr: Float64Array.from(keys, (_, i) => (i % 3 === 0 ? Number.NaN : i * 10.5)),
      attributes: [{ field: { name: 'region', kind: 'text' }, values: keys.map((_, i) => (i % 4 === 0 ? null : `R${i % 5}`)) }],
    },
    snapshots: [{ asOf: '2026-01-01', present: Uint8Array.from(keys, (_, i) => (i % 7 === 0 ? 0 : 1)), metrics: [{ field: { name: 'logins', kind: 'number' }, values: Float64Array.from(keys, (_, i) => (i % 5 === 0 ? Number.NaN : i / 4)) }] }],
    churn: [],
  };
}

const expectDuplicateRefusal = (fn: () => void) => expectApiError(fn, 'invalid_argument', /duplicate account ids/);

describe('dataset writer: duplicate account ids', () => {
  for (const [label, first, second] of [
    ['next to each other', 3, 4],
    ['first and last', 0, 599],
    ['far apart', 10, 400],
  ] as const) {
    it(`refuses new accounts that repeat an id (${label}) and writes nothing`, () => {
      const store = WorkspaceStore.create(path.join(tempDir(), 'dup.hsw'), 'x');
      const data = dataset(600, (i) => (i === second ? `K-${first}` : `K-${i}`));
      expectDuplicateRefusal(() => store.writeDataset(data, { source: 'dup.csv' }));
      expect(store.accountCount()).toBe(0);
      expect(store.listSnapshots()).toEqual([]);
      store.close();
    });
  }

  it('refuses a dataset that names one stored account twice and leaves the workspace as it was', () => {
    const store = WorkspaceStore.create(path.join(tempDir(), 'dup-existing.hsw'), 'x');
    store.writeDataset(smallDataset(), { source: 'a' });
    const again = smallDataset();
    again.accounts.keys = ['A-2', 'A-9', 'A-2'];
    again.accounts.names = ['Changed', 'New', 'Changed again'];
    again.snapshots = [];
    again.churn = [];
    expectDuplicateRefusal(() => store.writeDataset(again, { source: 'b' }));
    expect(store.readAccounts().keys).toEqual(['A-1', 'A-2', 'A-3']);
    expect(store.readAccounts().names).toEqual(['Acme', 'Globex', 'Initech']);
    store.close();
  });
});

describe('dataset writer: ids matched through the key index a builder hands over', () => {
  it('places a second write through the given index, as without one', () => {
    const results = [false, true].map((withIndex) => {
      const store = WorkspaceStore.create(path.join(tempDir(), `index-${withIndex}.hsw`), 'x');
      store.writeDataset(dataset(5), { source: 'a' });
      const next = dataset(4, (i) => ['K-3', 'K-9', 'K-0', 'K-7'][i]);
      next.snapshots[0].asOf = '2026-02-01';
      if (withIndex) {
        const index = new KeyIndex();
        for (const key of next.accounts.keys) index.findOrAdd(key);
        next.accounts.keyIndex = index;
      }
      store.writeDataset(next, { source: 'b' });
      const out = { accounts: store.readAccounts(), feb: Array.from(store.readSnapshot('2026-02-01')!.metrics[0].values as Float64Array) };
      store.close();
      return out;
    });
    expect(results[1]).toEqual(results[0]);
    expect(results[1].accounts.keys).toEqual(['K-0', 'K-1', 'K-2', 'K-3', 'K-4', 'K-9', 'K-7']);
    // logins of the second write: K-3 (row 0) 0 is missing (i % 5 === 0), K-9 0.25, K-0 0.5, K-7 0.75.
    expect(results[1].feb).toEqual([0.5, Number.NaN, Number.NaN, Number.NaN, Number.NaN, 0.25, 0.75]);
  });

  it('refuses an index that does not match the ids and writes nothing', () => {
    const store = WorkspaceStore.create(path.join(tempDir(), 'bad-index.hsw'), 'x');
    store.writeDataset(dataset(3), { source: 'a' });
    const next = dataset(2, (i) => ['K-1', 'K-8'][i]);
    next.snapshots = [];
    next.accounts.keyIndex = { find: (key) => (key === 'K-2' ? 0 : -1) };
    expect(() => store.writeDataset(next, { source: 'b' })).toThrow(/key index does not match/);
    expect(store.readAccounts().keys).toEqual(['K-0', 'K-1', 'K-2']);
    store.close();
  });
});

describe('dataset writer: a first write stores columns as given, later writes scatter them', () => {
  it('reads back every value of a first write of 600 accounts', () => {
    const store = WorkspaceStore.create(path.join(tempDir(), 'first.hsw'), 'x');
    const data = dataset(600);
    store.writeDataset(data, { source: 'first.csv' });
    const accounts = store.readAccounts();
    expect(accounts.keys).toEqual(data.accounts.keys);
    expect(accounts.names).toEqual(data.accounts.names);
    expect(Array.from(accounts.arr)).toEqual(Array.from(data.accounts.arr));
    expect(store.readAttributes()[0].values).toEqual(data.accounts.attributes[0].values);
    const snapshot = store.readSnapshot('2026-01-01')!;
    expect(Array.from(snapshot.present)).toEqual(Array.from(data.snapshots[0].present));
    expect(Array.from(snapshot.metrics[0].values as Float64Array)).toEqual(Array.from(data.snapshots[0].metrics[0].values as Float64Array));
    store.close();
  });

  it('places a reordered second write on the stored positions', () => {
    const store = WorkspaceStore.create(path.join(tempDir(), 'second.hsw'), 'x');
    store.writeDataset(dataset(4), { source: 'a' });
    // Same count as stored but not in stored order: positions are a permutation, not the identity.
    const reversed = dataset(4, (i) => `K-${3 - i}`);
    reversed.snapshots[0].asOf = '2026-02-01';
    store.writeDataset(reversed, { source: 'b' });
    const feb = store.readSnapshot('2026-02-01')!;
    expect(Array.from(feb.metrics[0].values as Float64Array)).toEqual([0.75, 0.5, 0.25, Number.NaN]);
    expect(Array.from(feb.present)).toEqual([1, 1, 1, 0]);
    expect(store.readAttributes()[0].values).toEqual(['R3', 'R2', 'R1', null]);
    store.close();
  });
});

describe('schema 3: accounts move from a row table to column blobs', () => {
  /** A workspace file at schema 2 (as the app wrote it before), with the rows given. */
  function schema2Workspace(file: string, fill: (db: Database.Database) => void): void {
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    raw.transaction(() => {
      for (const m of MIGRATIONS.filter((x) => x.version <= 2)) m.up(raw);
      raw.pragma('user_version = 2');
      raw.pragma(`application_id = ${APPLICATION_ID}`);
      fill(raw);
    })();
    raw.close();
  }

  it('keeps every account, churn event and note on its position, gaps read as empty', () => {
    const file = path.join(tempDir(), 'v2.hsw');
    schema2Workspace(file, (db) => {
      const account = db.prepare('INSERT INTO accounts (idx, account_key, name, arr) VALUES (?, ?, ?, ?)');
      account.run(0, 'A-1', 'Acme', 120000);
      account.run(1, 'A-2', 'Globex', null);
      // Not written by this app, but a file may hold it: position 3 with nothing at 2.
      account.run(3, 'A-4', 'Umbrella', 7.5);
      db.prepare("INSERT INTO churn_events (account_idx, churn_date, source) VALUES (3, '2026-01-20', 'a.csv'), (1, NULL, 'b.csv')").run();
      db.prepare("INSERT INTO notes (account_idx, body, created_at) VALUES (0, 'renewal call', '2026-01-02T00:00:00Z'), (NULL, 'general', '2026-01-03T00:00:00Z')").run();
    });
    const store = WorkspaceStore.open(file);
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(store.accountCount()).toBe(4);
    expect(store.readAccounts()).toEqual({
      keys: ['A-1', 'A-2', '', 'A-4'],
      names: ['Acme', 'Globex', '', 'Umbrella'],
      arr: Float64Array.from([120000, Number.NaN, Number.NaN, 7.5]),
    });
    expect([...store.readChurn()].sort()).toEqual([[1, null], [3, '2026-01-20']]);
    expect(store.db.prepare('SELECT account_idx, body FROM notes ORDER BY id').raw().all()).toEqual([[0, 'renewal call'], [null, 'general']]);
    const tables = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).not.toContain('accounts');
    expect(store.db.pragma('foreign_key_check')).toEqual([]);
    // The next import matches the moved ids: A-2 keeps position 1, A-9 is appended.
    store.writeDataset({ ...dataset(0), accounts: { keys: ['A-9', 'A-2'], names: ['New', 'Globex Corp'], arr: Float64Array.from([1, 2]), attributes: [] } }, { source: 'c' });
    expect(store.readAccounts().keys).toEqual(['A-1', 'A-2', '', 'A-4', 'A-9']);
    expect(store.readAccounts().names).toEqual(['Acme', 'Globex Corp', '', 'Umbrella', 'New']);
    store.close();
  });

  it('migrates an empty workspace to empty account columns', () => {
    const file = path.join(tempDir(), 'v2-empty.hsw');
    schema2Workspace(file, () => {});
    const store = WorkspaceStore.open(file);
    expect(store.accountCount()).toBe(0);
    expect(store.readAccounts()).toEqual({ keys: [], names: [], arr: new Float64Array(0) });
    store.close();
  });
});
