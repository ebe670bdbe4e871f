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

/**
 * Ids and names as one blob: the count, each string's length in UTF-16 units (u32 LE), then all of
 * them as one UTF-8 text. Decoding is one text decode and a slice per string, about twice as fast
 * as JSON.parse for a million short strings (this runs on every workspace open and import).
 */
export function encodeStrings(strings: readonly string[]): Buffer {
  const head = new Uint32Array(strings.length + 1);
  head[0] = strings.length;
  for (let i = 0; i < strings.length; i++) head[i + 1] = strings[i].length;
  return Buffer.concat([Buffer.from(head.buffer), Buffer.from(strings.join(''), 'utf8')]);
}

export function decodeStrings(blob: Buffer, n: number): string[] {
  const headBytes = 4 * (n + 1);
  if (blob.byteLength < headBytes || blob.readUInt32LE(0) !== n) throw new Error('account column blob does not match the account count');
  // Copied out: SQLite's blob need not be 4-byte aligned.
  const head = new Uint32Array(n + 1);
  new Uint8Array(head.buffer).set(blob.subarray(0, headBytes));
  const text = blob.toString('utf8', headBytes);
  const out = new Array<string>(n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const end = at + head[i + 1];
    out[i] = text.slice(at, end);
    at = end;
  }
  if (at !== text.length) throw new Error('account column blob does not match its lengths');
  return out;
}

/**
 * The accounts as one read transaction saw them (consistent if an import commits meanwhile): ARR
 * decoded, ids and names kept as blobs and decoded on first use (a view that only counts and sums,
 * like the workspace summary after an import, never pays for a million strings).
 */
export class StoredAccounts {
  private keyCache: string[] | null = null;
  private nameCache: string[] | null = null;

  constructor(
    readonly count: number,
    readonly arr: Float64Array,
    private readonly keyBlob: Buffer | null,
    private readonly nameBlob: Buffer | null,
  ) {}

  get keys(): string[] {
    this.keyCache ??= this.decode(this.keyBlob);
    return this.keyCache;
  }

  get names(): string[] {
    this.nameCache ??= this.decode(this.nameBlob);
    return this.nameCache;
  }

  private decode(blob: Buffer | null): string[] {
    return blob ? decodeStrings(blob, this.count) : new Array<string>(this.count).fill('');
  }
}

export function readStoredAccounts(db: Database.Database): StoredAccounts {
  return db.transaction(() => {
    const n = readAccountCount(db);
    if (n === 0) return new StoredAccounts(0, new Float64Array(0), null, null);
    const arrBlob = readBlob(db, 'arr');
    const arr = arrBlob ? (decodeColumn('number', arrBlob.data, arrBlob.row_count, n) as Float64Array) : new Float64Array(n).fill(Number.NaN);
    return new StoredAccounts(n, arr, readBlob(db, 'key')?.data ?? null, readBlob(db, 'name')?.data ?? null);
  })();
}

/** Ids, names and ARR in position order, from one read transaction. */
export function readAccountColumns(db: Database.Database): AccountsColumns {
  const { keys, names, arr } = readStoredAccounts(db);
  return { keys, names, arr };
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Replaces the three columns (the caller's transaction makes it all-or-nothing with the rest of an import). */
export function writeAccountColumns(db: Database.Database, columns: AccountsColumns): void {
  const n = columns.keys.length;
  if (columns.names.length !== n || columns.arr.length !== n) throw new Error('account columns of different lengths');
  const upsert = db.prepare(
    'INSERT INTO account_columns (name, row_count, data) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET row_count = excluded.row_count, data = excluded.data',
  );
  const keyBlob = encodeStrings(columns.keys);
  upsert.run('key', n, keyBlob);
  // Accounts without a name column are named by their id: the same blob, encoded once.
  upsert.run('name', n, sameStrings(columns.names, columns.keys) ? keyBlob : encodeStrings(columns.names));
  upsert.run('arr', n, encodeColumn(columns.arr));
}
