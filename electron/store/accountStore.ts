// The accounts of a workspace, stored like every other column: one blob each for the ids, the names
// and the ARR, position i being account i (schema 3). A million accounts are three blobs written in
// tens of milliseconds; as a row table with a UNIQUE index they took about a second per import.
// Uniqueness of the ids is checked by the writer (accountUpsert.ts) before they are stored.

import type Database from 'better-sqlite3';
import { decodeColumn, encodeColumn } from './columnCodec';

export interface AccountsColumns {
  keys: string[];
  names: string[];
  /** NaN where unknown. */
  arr: Float64Array;
}

type AccountColumnName = 'key' | 'name' | 'arr';

/** Number of accounts: the length of the id column (0 before the first import). */
export function readAccountCount(db: Database.Database): number {
  const count = db.prepare("SELECT row_count FROM account_columns WHERE name = 'key'").pluck().get() as number | undefined;
  return count ?? 0;
}

function readBlob(db: Database.Database, name: AccountColumnName): { row_count: number; data: Buffer } | undefined {
  return db.prepare('SELECT row_count, data FROM account_columns WHERE name = ?').get(name) as { row_count: number; data: Buffer } | undefined;
}

/** A JSON array of n strings (the text column codec, without its copy: ids and names are never missing). */
function decodeStrings(blob: Buffer, n: number): string[] {
  const parsed: unknown = JSON.parse(blob.toString('utf8'));
  if (!Array.isArray(parsed) || parsed.length !== n) throw new Error('account column blob does not match the account count');
  for (let i = 0; i < n; i++) if (typeof parsed[i] !== 'string') throw new Error('account column blob holds a value that is not text');
  return parsed as string[];
}

/** Ids, names and ARR in position order, from one read transaction (consistent if an import commits meanwhile). */
export function readAccountColumns(db: Database.Database): AccountsColumns {
  return db.transaction(() => {
    const n = readAccountCount(db);
    if (n === 0) return { keys: [], names: [], arr: new Float64Array(0) };
    const text = (name: AccountColumnName) => {
      const blob = readBlob(db, name);
      return blob ? decodeStrings(blob.data, n) : new Array<string>(n).fill('');
    };
    const arrBlob = readBlob(db, 'arr');
    const arr = arrBlob ? (decodeColumn('number', arrBlob.data, arrBlob.row_count, n) as Float64Array) : new Float64Array(n).fill(Number.NaN);
    return { keys: text('key'), names: text('name'), arr };
  })();
}

/** Replaces the three columns (the caller's transaction makes it all-or-nothing with the rest of an import). */
export function writeAccountColumns(db: Database.Database, columns: AccountsColumns): void {
  const n = columns.keys.length;
  if (columns.names.length !== n || columns.arr.length !== n) throw new Error('account columns of different lengths');
  const upsert = db.prepare(
    'INSERT INTO account_columns (name, row_count, data) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET row_count = excluded.row_count, data = excluded.data',
  );
  upsert.run('key', n, encodeColumn(columns.keys));
  upsert.run('name', n, encodeColumn(columns.names));
  upsert.run('arr', n, encodeColumn(columns.arr));
}
