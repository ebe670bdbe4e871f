import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WorkspaceDataset } from '../../shared/dataset';
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
  // 600 rows: the first duplicate pair lands in a full multi-row INSERT, the others in the tail.
  for (const [label, first, second] of [
    ['both in the first multi-row insert', 3, 120],
    ['across two multi-row inserts', 10, 400],
    ['in the single-row tail', 560, 590],
    ['between a multi-row insert and the tail', 0, 599],
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

describe('workspace store: reading the accounts table', () => {
  it('reads accounts column by column, and row by row when idx has gaps', () => {
    const store = WorkspaceStore.create(path.join(tempDir(), 'read.hsw'), 'x');
    store.writeDataset(smallDataset(), { source: 'a' });
    expect(store.readAccounts()).toEqual({ keys: ['A-1', 'A-2', 'A-3'], names: ['Acme', 'Globex', 'Initech'], arr: Float64Array.from([120000, Number.NaN, 5000]) });
    // Not written by this app, but a file may hold it: position 4 with nothing at 3.
    store.db.prepare("INSERT INTO accounts (idx, account_key, name, arr) VALUES (4, 'A-5', 'Umbrella', 7.5)").run();
    expect(store.readAccounts()).toEqual({
      keys: ['A-1', 'A-2', 'A-3', '', 'A-5'],
      names: ['Acme', 'Globex', 'Initech', '', 'Umbrella'],
      arr: Float64Array.from([120000, Number.NaN, 5000, Number.NaN, 7.5]),
    });
    store.close();
  });
});
